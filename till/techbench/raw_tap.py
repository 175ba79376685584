"""Exactly what each reader sent, for the bench's raw view.

Why: the router hands the till a cleaned-up, masked rebuild of each swipe (terminators
stripped), which is right for the cashier and useless for a technician chasing a missing
CR or a stray prefix. The standalone bench wraps its readers so it sees each
:class:`RawRead` too; the bench pairs it with the routed event by source and timestamp (the
router keeps ``raw.at``) and shows it only for non-bank reads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from devices.events import RawRead, ReadCallback, Reader


class RawTap(QObject):
    """``raw`` carries each :class:`RawRead`; ``publish`` is safe from any thread (a signal
    emitted on a reader thread is queued to the receiver's thread)."""

    raw = Signal(object)

    def publish(self, read: RawRead) -> None:
        self.raw.emit(read)


class TappedReader:
    """A :class:`devices.events.Reader` that shows each read to ``tap`` before the hub."""

    def __init__(self, inner: Reader, tap: Callable[[RawRead], None]) -> None:
        self.inner = inner
        self.name = inner.name
        self._tap = tap

    def start(self, on_read: ReadCallback, on_status: Callable[[str], None] | None = None) -> None:
        def both(read: RawRead) -> None:
            self._tap(read)
            on_read(read)

        self.inner.start(both, on_status)

    def stop(self) -> None:
        self.inner.stop()
