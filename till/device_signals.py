"""Qt adapter for the device hub: reader-thread callbacks become queued GUI signals.

Why: readers call back on their own threads, and the demo panel or the Qt wedge fallback
feed reads on the GUI thread. Always queueing (even from the GUI thread) gives every
receiver the same behaviour: the handler runs later on the GUI thread, never inside the
reader's call and never re-entrantly inside ``hub.feed``.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal

from devices.events import Identified, IdentifiedCallback, RawRead
from till.device_words import status_message


class _Hub(Protocol):
    def subscribe(self, cb: IdentifiedCallback) -> Any: ...

    def subscribe_raw(self, cb: Any) -> Any: ...

    def on_status(self, cb: Any) -> Any: ...


class DeviceSignals(QObject):
    """``identified`` carries a :class:`devices.events.Identified`; ``status`` plain words.

    ``raw`` carries each unrouted :class:`devices.events.RawRead`, for the technician's card
    bench only: it may hold bank-card track data, which the bench masks before showing.
    """

    identified = Signal(object)
    status = Signal(str)
    raw = Signal(object)
    _identified_any_thread = Signal(object)
    _status_any_thread = Signal(str)
    _raw_any_thread = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        queued = Qt.ConnectionType.QueuedConnection
        self._identified_any_thread.connect(self.identified.emit, queued)
        self._status_any_thread.connect(self.status.emit, queued)
        self._raw_any_thread.connect(self.raw.emit, queued)

    def attach(self, hub: _Hub) -> None:
        """Subscribe to ``hub``; call once, before ``hub.start()``."""
        hub.subscribe(self.publish)
        hub.subscribe_raw(self.publish_raw)
        hub.on_status(self.publish_status)

    def publish(self, event: Identified) -> None:
        """Hub callback: safe from any thread."""
        self._identified_any_thread.emit(event)

    def publish_raw(self, read: RawRead) -> None:
        """Hub raw-read callback: safe from any thread."""
        self._raw_any_thread.emit(read)

    def publish_status(self, message: str) -> None:
        """Hub status callback: safe from any thread."""
        self._status_any_thread.emit(status_message(str(message)))  # the till's language
