"""The bench as its own program (``till-cardtest bench``): readers, hub, window; no till.

Differences from the till: the journal's sync worker is never started (the bench must not replay the till's
operations), though the doctor still reads the till's journal; the bench keeps its own data
directory so it never touches the till's sales or account cache.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from devices.events import Reader
from till.config import Config
from till.context import AppContext
from till.techbench.window import TechnicianWindow
from till.wiring import build_context, configured_readers

log = logging.getLogger(__name__)


def open_bench(
    config: Config,
    *,
    base_url: str,
    api_key: str,
    data_dir: Path,
    journal_path: Path | None = None,
    readers: Sequence[Reader] | None = None,
) -> tuple[AppContext, TechnicianWindow]:
    """Build the context over the readers and open the window; readers started.

    The raw view gets exactly what each reader sent from ``ctx.device_signals.raw`` (the
    hub's raw subscription), as the bench opened inside the till does.
    """
    problems: list[str] = []
    if readers is None:
        built, problems = configured_readers(config)
        readers = built
    ctx = build_context(
        config,
        base_url=base_url,
        api_key=api_key,
        data_dir=data_dir,
        journal_path=journal_path,
        readers=readers,
        exclusive_journal=False,  # reads the till's journal; the till may be running
    )
    window = TechnicianWindow(ctx, None, sign_in=False)
    if not config.devices.wedge_devices:
        _install_wedge_fallback(ctx, window)
    ctx.hub.start()
    for problem in problems:
        ctx.device_signals.publish_status(problem)
    return ctx, window


def _install_wedge_fallback(ctx: AppContext, window: TechnicianWindow) -> None:
    """Readers that type like a keyboard, without evdev: the till's Qt key-event fallback."""
    try:
        from till.wedge_fallback import install
    except ImportError:
        return
    try:
        fallback = install(ctx, window)
    except Exception:
        log.exception("the keyboard-wedge fallback could not be installed")
        return
    window.wedge_fallback = fallback


def close_bench(ctx: AppContext, window: TechnicianWindow) -> None:
    if window.wedge_fallback is not None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(window.wedge_fallback)
        window.wedge_fallback = None
    window.close()
    ctx.close()
