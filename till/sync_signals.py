"""Qt adapter for the sync worker: state callbacks (worker thread) become queued signals.

Why: ``SyncWorker`` reports ``SyncState`` from its own thread; the status bar and the
manager's review list must update on the GUI thread. The adapter also remembers the last
state so a window opened later can show it at once, and turns the state's ``online`` flag
into an edge-triggered ``online_changed`` so the till can react when the backend returns.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


class SyncSignals(QObject):
    """``state_changed`` carries the worker's ``SyncState``; ``online_changed`` a bool."""

    state_changed = Signal(object)
    online_changed = Signal(bool)
    key_refused_changed = Signal(bool)
    op_outcome = Signal(object)  # offline_queue.sync.OpOutcome, one per op the worker settled
    _any_thread = Signal(object)
    _outcome_any_thread = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_state: Any = None
        self._online: bool | None = None
        self._key_refused = False
        self._any_thread.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._outcome_any_thread.connect(self.op_outcome, Qt.ConnectionType.QueuedConnection)

    @property
    def online(self) -> bool | None:
        """None until the first state or health answer arrives."""
        return self._online

    @property
    def key_refused(self) -> bool:
        """The backend refused the till's API key (401/403): a technician must fix it."""
        return self._key_refused

    def publish_outcome(self, outcome: Any) -> None:
        """``SyncWorker(on_outcome=...)`` callback: safe from any thread."""
        self._outcome_any_thread.emit(outcome)

    def set_key_refused(self, refused: bool) -> None:
        if refused != self._key_refused:
            self._key_refused = refused
            self.key_refused_changed.emit(refused)

    def publish(self, state: Any) -> None:
        """``SyncWorker(on_state=...)`` callback: safe from any thread."""
        self._any_thread.emit(state)

    def set_online(self, online: bool) -> None:
        """Health polling result (GUI thread): online/offline without a sync round."""
        if online != self._online:
            self._online = online
            self.online_changed.emit(online)

    def _deliver(self, state: Any) -> None:
        self.last_state = state
        self.state_changed.emit(state)
        online = getattr(state, "online", None)
        if isinstance(online, bool):
            self.set_online(online)
        self.set_key_refused(bool(getattr(state, "key_refused", False)))
