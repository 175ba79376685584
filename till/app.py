"""Composes a running till: context, main window, demo panel, and orderly shutdown.

Why apart from the CLI: the CLI, the screenshot script, the benchmark and the end-to-end
tests all need "a till over these files against this backend"; they differ only in where
the backend and files are. Shutdown order matters: window first (no new work), then the
readers and sync worker, then the files, then the demo backend.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QIcon

from devices.events import Reader
from till import wedge_fallback
from till.config import Config
from till.context import AppContext
from till.main_window import MainWindow
from till.rules_ui import install as install_rules
from till.table_orders import install as install_table_orders
from till.wiring import build_context, start

log = logging.getLogger(__name__)


ICON_NAME = "loyalty-till"
_CHECKOUT_ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / f"{ICON_NAME}.svg"


def app_icon() -> QIcon:
    """The icon theme's (installed by the Debian package), else the checkout's SVG."""
    return QIcon.fromTheme(ICON_NAME, QIcon(str(_CHECKOUT_ICON)))


def create_window(ctx: AppContext) -> MainWindow:
    """The cashier window (with the demo panel, a window apart, in demo mode), started."""
    window = MainWindow(ctx)
    window.setWindowIcon(app_icon())
    if ctx.demo is not None:
        from till.demo_panel import DemoPanel

        panel = DemoPanel(ctx, window.monitor.poll, window)
        window.demo_panel = panel
        panel.resize(440, 640)
        panel.show()
    start(ctx)
    use_store_phone_region(ctx, window)
    install_wedge_fallback(ctx, window)
    install_rules(window)  # issue 16: products, points preview, Return (F12)
    install_table_orders(ctx, window)  # issue 18: the Orders panel and its feed
    follow_store_language(ctx, window)  # issue 17: store language (next start) and figures
    window.start()
    return window


def follow_store_language(ctx: AppContext, window: MainWindow) -> None:
    """Remember the store's language (``/v1/session``) for the next start (:mod:`till.i18n`);
    redraw the sale at once in the store's locale (figures) when a session comes in."""
    from till.i18n import remember_language, session_language

    def seen(session: object) -> None:
        lang = session_language(getattr(session, "raw", None))
        if lang is not None:
            remember_language(ctx.data_dir, lang)

    ctx.session_listeners.append(seen)
    ctx.session_listeners.append(lambda _session: window.refresh())


def use_store_phone_region(ctx: AppContext, window: MainWindow) -> None:
    """Typed phone numbers are read in the store's region (``/v1/session``), once known."""
    from till.identify import Identifier
    from till.phone_numbers import region_of

    identifier = getattr(window, "identifier", None)
    if isinstance(identifier, Identifier):
        identifier.region = lambda: region_of(ctx.session)


def install_wedge_fallback(ctx: AppContext, window: MainWindow) -> None:
    """Qt key-event wedge fallback when evdev can't serve the keyboard-wedge readers.

    That is: none is configured, or a configured one did not start (no permission, not
    Linux, unplugged). Reads then come from key events, told from a person's typing by timing.
    """
    from devices.wedge import EvdevWedgeReader

    wedge_readers = [r for r in ctx.hub.readers if isinstance(r, EvdevWedgeReader)]
    started = set(map(id, ctx.hub.started_readers))
    if wedge_readers and all(id(r) in started for r in wedge_readers):
        return
    try:
        window.wedge_fallback = wedge_fallback.install(ctx, window)
    except Exception:
        log.exception("the keyboard-wedge fallback could not be installed")


def open_till(
    config: Config,
    *,
    base_url: str,
    api_key: str,
    data_dir: Path,
    readers: Sequence[Reader] | None = None,
    demo: object | None = None,
    journal_path: Path | None = None,
    config_path: Path | None = None,
    clock: Callable[[], str] | None = None,
) -> tuple[AppContext, MainWindow]:
    ctx = build_context(
        config,
        base_url=base_url,
        api_key=api_key,
        data_dir=data_dir,
        journal_path=journal_path,
        readers=readers,
        demo=demo,
        clock=clock,  # tests: a clock that runs ahead (till.wiring.build_context)
    )
    ctx.config_path = config_path
    return ctx, create_window(ctx)


def close_till(ctx: AppContext, window: MainWindow) -> None:
    fallback = window.wedge_fallback
    if isinstance(fallback, QObject):
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(fallback)
        window.wedge_fallback = None
    window.close()
    ctx.close()
