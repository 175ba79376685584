"""One stream of :class:`Identified` events, whatever the hardware.

Readers call back on their own threads; the demo panel and the Qt wedge fallback call
:meth:`DeviceHub.feed` from the GUI thread. Both go through the same router and reach the
same subscribers, so the till has exactly one path to test. Subscribers run on the calling
thread (the till's adapter re-posts them as queued Qt signals); one subscriber that raises is
logged and skipped, never allowed to starve the others or kill a reader thread.

Nothing here logs read text: it may hold bank-card track data until the router masks it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from devices.errors import DeviceError
from devices.events import Identified, IdentifiedCallback, RawRead, ReadCallback, Reader, ReadKind
from devices.router import Router

log = logging.getLogger(__name__)

StatusCallback = Callable[[str], None]
_T = TypeVar("_T")


class DeviceHub:
    """Starts the readers, routes every read, fans the results out to subscribers."""

    def __init__(self, router: Router, readers: Sequence[Reader] = ()) -> None:
        self.router = router
        self._readers: list[Reader] = list(readers)
        self._lock = threading.RLock()
        self._subscribers: list[IdentifiedCallback] = []
        self._status_subscribers: list[StatusCallback] = []
        self._raw_subscribers: list[ReadCallback] = []
        self._started: list[Reader] = []
        self._running = False

    @property
    def readers(self) -> tuple[Reader, ...]:
        with self._lock:
            return tuple(self._readers)

    @property
    def started_readers(self) -> tuple[Reader, ...]:
        """The readers that started and run now (a reader that failed to open is not here)."""
        with self._lock:
            return tuple(self._started)

    @property
    def running(self) -> bool:
        with self._lock:
            return self._running

    def subscribe(self, cb: IdentifiedCallback) -> Callable[[], None]:
        """Receive every Identified event; returns a function that unsubscribes."""
        return self._add(self._subscribers, cb)

    def subscribe_raw(self, cb: ReadCallback) -> Callable[[], None]:
        """Receive every read exactly as the device delivered it, before routing.

        For the technician's card bench, which must show the raw characters. The text may be
        bank-card track data: a raw subscriber must mask it before showing or keeping it
        (``devices.magstripe.parse_swipe(...).masked_raw()``).
        """
        return self._add(self._raw_subscribers, cb)

    def on_status(self, cb: StatusCallback) -> Callable[[], None]:
        """Receive plain-words reader status ("<reader>: reader unplugged"); returns unsubscribe."""
        return self._add(self._status_subscribers, cb)

    def add_reader(self, reader: Reader) -> None:
        """Add a reader; it starts at once when the hub is already running."""
        with self._lock:
            self._readers.append(reader)
            running = self._running
        if running:
            self._start_reader(reader)

    def start(self) -> None:
        """Start every reader. A reader that fails to start is reported, the others still run.

        Readers are started without the hub's lock held: a reader may wait in ``start`` for
        its own thread, which may already be calling back into the hub.
        """
        with self._lock:
            if self._running:
                return
            self._running = True
            readers = list(self._readers)
        for reader in readers:
            self._start_reader(reader)

    def stop(self) -> None:
        """Stop the readers; reads they still deliver afterwards are dropped."""
        with self._lock:
            if not self._running:
                return
            self._running = False
            started, self._started = self._started, []
        for reader in started:
            self._stop_reader(reader)

    def feed(self, raw: RawRead) -> Identified:
        """Route one read and deliver it to every subscriber; returns the event delivered."""
        for raw_cb in self._snapshot(self._raw_subscribers):
            try:
                raw_cb(raw)
            except Exception:
                log.exception("A raw-read subscriber failed on a read from %s", raw.source)
        try:
            identified = self.router.route(raw)
        except Exception:
            log.exception("Routing failed for a read from %s", raw.source)
            identified = Identified(
                kind=ReadKind.UNKNOWN,
                source=raw.source,
                raw="",
                value=None,
                message="The read could not be processed; please try again.",
                at=raw.at,
            )
        for cb in self._snapshot(self._subscribers):
            try:
                cb(identified)
            except Exception:
                log.exception("A subscriber failed on a %s event", identified.kind.value)
        return identified

    # -- internals -----------------------------------------------------------------------

    def _add(self, registry: list[_T], cb: _T) -> Callable[[], None]:
        with self._lock:
            registry.append(cb)

        def unsubscribe() -> None:
            with self._lock:
                if cb in registry:
                    registry.remove(cb)

        return unsubscribe

    def _snapshot(self, registry: list[_T]) -> list[_T]:
        with self._lock:
            return list(registry)

    def _status(self, message: str) -> None:
        for cb in self._snapshot(self._status_subscribers):
            try:
                cb(message)
            except Exception:
                log.exception("A status subscriber failed")

    def _start_reader(self, reader: Reader) -> None:
        name = reader.name

        def on_read(raw: RawRead) -> None:
            with self._lock:
                live = self._running and any(r is reader for r in self._started)
            if live:
                self.feed(raw)

        def on_status(message: str) -> None:
            self._status(f"{name}: {message}")

        with self._lock:
            if not self._running:
                return
            self._started.append(reader)  # before start: a reader may deliver at once
        try:
            reader.start(on_read, on_status)
        except Exception as exc:
            with self._lock:
                if reader in self._started:
                    self._started.remove(reader)
            if isinstance(exc, DeviceError):
                self._status(f"{name}: {exc}")
            else:
                log.exception("Reader %s failed to start", name)
                self._status(f"{name}: could not be started (see the log for details)")
            return
        with self._lock:
            stopped_meanwhile = reader not in self._started
        if stopped_meanwhile:  # stop() ran while this reader was starting
            self._stop_reader(reader)

    @staticmethod
    def _stop_reader(reader: Reader) -> None:
        try:
            reader.stop()
        except Exception:
            log.exception("Reader %s did not stop cleanly", reader.name)
