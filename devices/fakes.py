"""A reader driven by hand, for tests and the demo panel.

It behaves like the real readers where the till can tell the difference: reads only arrive
while it is started and plugged in, status changes arrive as the same plain-words messages
("reader unplugged", "reader back"), and a read can be delivered from a separate thread to
exercise the hub's threading like real hardware does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

from devices.errors import DeviceError
from devices.events import RawRead, ReadCallback

UNPLUGGED = "reader unplugged"
REPLUGGED = "reader back"


class FakeReader:
    """Implements :class:`devices.events.Reader`; push reads with :meth:`push`."""

    def __init__(
        self,
        name: str = "fake",
        source: str | None = None,
        start_error: DeviceError | None = None,
    ) -> None:
        self.name = name
        self.source = source if source is not None else f"fake:{name}"
        self.start_error = start_error  # raised by start(), like a reader without permission
        self.start_count = 0
        self.stop_count = 0
        self._lock = threading.Lock()
        self._on_read: ReadCallback | None = None
        self._on_status: Callable[[str], None] | None = None
        self._plugged = True

    @property
    def running(self) -> bool:
        with self._lock:
            return self._on_read is not None

    @property
    def plugged(self) -> bool:
        with self._lock:
            return self._plugged

    def start(self, on_read: ReadCallback, on_status: Callable[[str], None] | None = None) -> None:
        with self._lock:
            self.start_count += 1
            if self.start_error is not None:
                raise self.start_error
            self._on_read, self._on_status = on_read, on_status

    def stop(self) -> None:
        with self._lock:
            self.stop_count += 1
            self._on_read = self._on_status = None

    def push(
        self,
        read: str | RawRead,
        symbology_id: str | None = None,
        format: str | None = None,
        error: str | None = None,
    ) -> RawRead:
        """Deliver one read on the calling thread; returns the RawRead delivered.

        Raises DeviceError when the reader is stopped or unplugged: a real reader could not
        have produced the read, so a test doing this has a mistake in it.
        """
        if isinstance(read, RawRead):
            raw = read if read.source else replace(read, source=self.source)
        else:
            raw = RawRead(
                text=read,
                source=self.source,
                symbology_id=symbology_id,
                format=format,
                error=error,
            )
        with self._lock:
            callback = self._on_read
            plugged = self._plugged
        if callback is None:
            raise DeviceError(f"Reader {self.name} is not started; start it before pushing reads")
        if not plugged:
            raise DeviceError(f"Reader {self.name} is unplugged; replug it before pushing reads")
        callback(raw)
        return raw

    def push_from_thread(self, read: str | RawRead, **kwargs: str | None) -> PushThread:
        """Deliver one read from a new thread, as real readers do; join the thread returned."""
        thread = PushThread(self, read, kwargs)
        thread.start()
        return thread

    def unplug(self) -> None:
        """Simulate pulling the cable: status message, and reads refused until replug."""
        self._set_plugged(False, UNPLUGGED)

    def replug(self) -> None:
        self._set_plugged(True, REPLUGGED)

    def _set_plugged(self, plugged: bool, message: str) -> None:
        with self._lock:
            changed = self._plugged != plugged
            self._plugged = plugged
            status = self._on_status
        if changed and status is not None:
            status(message)


class PushThread(threading.Thread):
    """A one-read delivery thread; ``errors`` holds what the push raised, for the test."""

    def __init__(
        self, reader: FakeReader, read: str | RawRead, kwargs: dict[str, str | None]
    ) -> None:
        super().__init__(name=f"fake-reader-{reader.name}", daemon=True)
        self.errors: list[BaseException] = []
        self._reader, self._read, self._kwargs = reader, read, kwargs

    def run(self) -> None:
        try:
            self._reader.push(self._read, **self._kwargs)
        except BaseException as exc:  # handed back to the test, not lost on the thread
            self.errors.append(exc)
