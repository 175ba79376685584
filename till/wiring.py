"""Builds the :class:`AppContext` from the configuration: the one place parts are connected.

Why one function: production, demo, tests and the benchmark all build the same graph of
collaborators (client, runner, journal, sync worker, hub, Qt adapters, local stores); only
the backend URL and key, the data directory and the readers differ. Readers are built from
the ``[devices]`` settings; one that can't be opened is reported in plain words on the
status bar instead of stopping the till.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool

from devices.events import Reader
from devices.hub import DeviceHub
from devices.router import Router, RouterSettings
from offline_queue.journal_identity import open_till_journal
from offline_queue.reconcile import Reconciler
from offline_queue.sync import SyncWorker
from till import journal_words
from till.account_cache import AccountCache
from till.backend_client import BackendClient
from till.catalogue_cache import CatalogueCache
from till.config import Config
from till.context import AppContext
from till.core.submission import Submitter
from till.device_signals import DeviceSignals
from till.recovery import Recovery
from till.sale_flow import SaleFlow
from till.sale_store import SaleStore
from till.sync_signals import SyncSignals
from till.tasks import TaskRunner

log = logging.getLogger(__name__)


def configured_readers(config: Config) -> tuple[list[Reader], list[str]]:
    """Hardware readers from ``[devices]``; returns them and plain-words problems."""
    readers: list[Reader] = []
    problems: list[str] = []
    dev = config.devices
    for device in dev.wedge_devices:
        try:
            from devices.wedge import EvdevWedgeReader

            readers.append(
                EvdevWedgeReader(
                    device,
                    layout=dev.wedge_layout,
                    terminator=dev.wedge_terminator,
                    idle_timeout_ms=dev.wedge_idle_timeout_ms,
                )
            )
        except Exception as exc:
            problems.append(f"Card reader {device} can't be used: {exc}")
    if dev.serial_port:
        try:
            from devices.serial_reader import SerialReader

            readers.append(
                SerialReader(
                    dev.serial_port,
                    baud=dev.serial_baud,
                    framing=dev.serial_framing,
                    terminator=dev.serial_terminator,
                    stx_etx=dev.serial_stx_etx,
                    use_bcc=dev.serial_bcc,
                )
            )
        except Exception as exc:
            problems.append(f"Serial scanner {dev.serial_port} can't be used: {exc}")
    if dev.camera:
        try:
            from devices.camera import CameraReader
            from devices.decoder import make_decoder

            readers.append(
                CameraReader(
                    dev.camera, make_decoder(dev.decoder), repeat_window_s=dev.repeat_window_s
                )
            )
        except Exception as exc:
            problems.append(f"Camera {dev.camera} can't be used: {exc}")
    return readers, problems


def build_context(
    config: Config,
    *,
    base_url: str,
    api_key: str,
    data_dir: Path,
    journal_path: Path | None = None,
    readers: Sequence[Reader] | None = None,
    demo: object | None = None,
    exclusive_journal: bool = True,
    clock: Callable[[], str] | None = None,
) -> AppContext:
    """Open the till's files and build its parts; nothing runs until :func:`start`.

    ``exclusive_journal=False``: a viewer of the till's journal (the standalone technician
    bench, which never starts the sync worker) does not take the till's process lock.
    ``clock``: now as UTC ISO 8601 for the sale engine and the return (default the wall
    clock); a test passes one that runs ahead, with the backend's (server.clock_file).
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    # The process lock and the journal's identity first (issue 11): a second till stops here
    # (JournalLockedError); a missing, empty or replaced journal opens in the problem state.
    journal = open_till_journal(
        journal_path or data_dir / "journal.sqlite3", exclusive=exclusive_journal
    )
    problems: list[str] = (  # in the till's language (issue 17)
        [journal_words.sentence(journal.problem)] if journal.problem is not None else []
    )
    if readers is None:
        built, device_problems = configured_readers(config)
        readers, problems = built, problems + device_problems
    runner = TaskRunner()
    client = BackendClient(base_url, api_key, timeout_s=config.backend.timeout_s)
    sync_signals = SyncSignals()
    sync = SyncWorker(
        journal,
        client,
        sync_signals.publish,
        on_outcome=sync_signals.publish_outcome,
        idle_poll_s=10.0,
    )
    reconciler = Reconciler(
        journal,
        lambda op_ids: ops_status(client, op_ids),
        retention_days=config.journal.retention_days,
        interval_s=config.journal.reconcile_interval_s,
        on_requeued=lambda _n: sync.kick(),
        cancel=lambda op_id: client.cancel_op(op_id).state,  # re-cancel what a restore forgot
    )
    hub = DeviceHub(Router(RouterSettings.from_config(config.devices)), list(readers))
    device_signals = DeviceSignals()
    device_signals.attach(hub)
    sale_store = SaleStore(data_dir / "sales.sqlite3")
    account_cache = AccountCache(data_dir / "accounts.sqlite3")
    submitter = Submitter(journal, client, sync)
    pool = QThreadPool()
    pool.setMaxThreadCount(1)  # the sale's writes reach the disk in the cashier's order
    sale_runner = TaskRunner(pool)
    ctx = AppContext(
        config=config,
        client=client,
        runner=runner,
        journal=journal,
        sync=sync,
        hub=hub,
        device_signals=device_signals,
        sync_signals=sync_signals,
        sale_store=sale_store,
        account_cache=account_cache,
        submitter=submitter,
        sale_runner=sale_runner,
        demo=demo,  # type: ignore[arg-type]
        data_dir=data_dir,
    )
    if clock is not None:
        ctx.clock = clock
    ctx.startup_problems = problems
    # The sale subsystem: the Qt adapter over the Qt-free engine, and the restart recovery.
    ctx.sale_flow = SaleFlow(
        sale_store,
        submitter,
        sale_runner,
        lambda: ctx.session.till if ctx.session else "",
        clock=ctx.clock,
    )
    ctx.recovery = Recovery(sale_store, ctx.sale_flow, sale_runner)
    ctx.reconciler = reconciler
    ctx.catalogue = CatalogueCache(data_dir / "catalogue.sqlite3")  # issue 16
    ctx.add_closer(ctx.catalogue.close)
    # Closed in reverse order: stop producers first, then wait for jobs, then files.
    ctx.add_closer(journal.close)
    ctx.add_closer(sale_store.close)
    ctx.add_closer(account_cache.close)
    ctx.add_closer(lambda: runner.wait_for_done(10_000))
    ctx.add_closer(lambda: sale_runner.wait_for_done(10_000))
    ctx.add_closer(sync.stop)
    ctx.add_closer(reconciler.stop)
    ctx.add_closer(hub.stop)
    return ctx


def ops_status(client: BackendClient, op_ids: list[str]) -> list[dict[str, Any]]:
    """``POST /v1/ops/status`` for the reconciler (issue 11)."""
    body = client.request("POST", "/v1/ops/status", json={"op_ids": op_ids})
    ops = body.get("ops", []) if isinstance(body, dict) else []
    return [dict(op) for op in ops if isinstance(op, dict)]


def start(ctx: AppContext) -> None:
    """Start the readers and the journal's sync worker."""
    ctx.hub.start()
    if ctx.journal.problem is None:  # with a journal problem there is nothing to send from
        ctx.sync.start()
        if ctx.reconciler is not None:
            ctx.reconciler.start()
    for problem in getattr(ctx, "startup_problems", []):
        ctx.device_signals.publish_status(problem)
