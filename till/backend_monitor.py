"""Is the backend there? Health polling, pending count, and what to do when it returns.

Why polling besides the sync worker: the worker only talks to the backend when it has
operations to send, but the cashier must see "online" again within seconds of the backend
coming back (redemption is allowed again), and the pending count must follow every append.
Each poll is one cheap ``GET /v1/health`` plus the journal's indexed counts, on the
TaskRunner; never two polls at once. On the way back online the journal is synced at once
and the store's session (OTP policy) is fetched again.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from till.backend_client import BackendUnavailable
from till.context import AppContext

log = logging.getLogger(__name__)


class BackendMonitor(QObject):
    pending_changed = Signal(int)

    def __init__(
        self, ctx: AppContext, interval_s: float | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.pending: int | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 * (interval_s or ctx.config.backend.health_interval_s)))
        self.timer.timeout.connect(self.poll)
        ctx.sync_signals.state_changed.connect(self._sync_state)
        ctx.sync_signals.online_changed.connect(self._online_changed)

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        """One health check plus journal counts (skipped while the previous one runs)."""
        if self._busy:
            return
        self._busy = True
        ctx = self.ctx

        def work() -> tuple[bool, Any]:
            try:
                ctx.client.health()
                online = True
            except BackendUnavailable:
                online = False
            return online, ctx.journal.stats()

        def done(result: tuple[bool, Any]) -> None:
            self._busy = False
            online, stats = result
            self._set_pending(stats.pending)
            ctx.sync_signals.set_online(online)

        def failed(exc: BaseException) -> None:
            self._busy = False
            log.error("backend health poll failed", exc_info=exc)

        ctx.runner.run(work, done, failed)

    def _set_pending(self, pending: int) -> None:
        if pending != self.pending:
            self.pending = pending
            self.pending_changed.emit(pending)

    def _sync_state(self, state: Any) -> None:
        self._set_pending(int(state.pending))

    def _online_changed(self, online: bool) -> None:
        if online:
            log.info("loyalty backend reachable")
            self.ctx.sync.kick()
            self.ctx.refresh_session()
        else:
            log.warning("loyalty backend unreachable")
