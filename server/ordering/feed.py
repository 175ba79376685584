"""The wake-up of the tills' long poll (``GET /v1/orders/feed``).

A waiting feed request must not hold one of the server's worker threads for 25 seconds,
so it waits on the event loop: ``ring()`` (called from any thread after an order change is
committed) wakes every waiter through ``call_soon_threadsafe``. The version counter closes
the gap between a waiter's database read and its wait: a change in between makes the wait
return at once. Changes the bell cannot hear (another server process, a ``/v1/ops`` batch,
which commits inside the shared operations runner) are found by the waiter's own re-read,
at least every ``RECHECK_S`` seconds.
"""

from __future__ import annotations

import asyncio
import threading

RECHECK_S = 1.0


class Bell:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = 0
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = set()
        self._closing = False

    @property
    def version(self) -> int:
        with self._lock:
            return self._version

    @property
    def closing(self) -> bool:
        """The server is stopping: waiting feeds answer now, so a graceful shutdown (which
        waits for requests in progress) is not held up by a till's 25-second poll."""
        return self._closing

    def close(self) -> None:
        self._closing = True
        self.ring()

    def ring(self) -> None:
        with self._lock:
            self._version += 1
            waiters, self._waiters = self._waiters, set()
        for loop, fut in waiters:
            loop.call_soon_threadsafe(_wake, fut)

    async def wait(self, since: int, timeout: float) -> None:
        """Returns after a ring later than ``since`` or after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[None] = loop.create_future()
        entry = (loop, fut)
        with self._lock:
            if self._version != since or self._closing:
                return
            self._waiters.add(entry)
        try:
            await asyncio.wait_for(fut, timeout)
        except TimeoutError:
            pass
        finally:
            with self._lock:
                self._waiters.discard(entry)


def _wake(fut: asyncio.Future[None]) -> None:
    if not fut.done():
        fut.set_result(None)


BELL = Bell()
