"""Run blocking work (HTTP, SQLite, decoding) off the GUI thread; results return as signals.

Why: a cashier's window must never freeze. Every call that may block goes through
:meth:`TaskRunner.run`; its callbacks run on the GUI thread through queued signal delivery
(the signal carrier lives in the GUI thread, the emit happens on a pool thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Carrier(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], carrier: _Carrier) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._carrier = carrier

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self._carrier.failed.emit(exc)
        else:
            self._carrier.done.emit(result)


class TaskRunner(QObject):
    """Submits callables to a thread pool and calls back on the thread that owns the runner.

    ``in_flight`` counts unfinished jobs; ``idle`` is emitted when it drops to zero (tests
    wait for it instead of sleeping).
    """

    idle = Signal()

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._carriers: set[_Carrier] = set()

    @property
    def in_flight(self) -> int:
        return len(self._carriers)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        carrier = _Carrier()
        carrier.moveToThread(self.thread())
        self._carriers.add(carrier)

        def finish() -> None:
            self._carriers.discard(carrier)
            carrier.deleteLater()
            if not self._carriers:
                self.idle.emit()

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                finish()

        def failed(exc: BaseException) -> None:
            try:
                if on_error is not None:
                    on_error(exc)
                else:
                    log.error("background task failed", exc_info=exc)
            finally:
                finish()

        carrier.done.connect(done)
        carrier.failed.connect(failed)
        self._pool.start(_Job(fn, carrier))

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the pool is empty (shutdown and tests only, never in a flow)."""
        return bool(self._pool.waitForDone(msecs))
