"""HTTP connections that cannot be held open for free: header, body and idle time-outs, a cap.

uvicorn closes a keep-alive connection after ``timeout_keep_alive`` of silence, but every
byte received restarts that timer, and a connection that never sends a request has no timer
at all (issue 13, finding 8: 600 idle or dripping connections stayed open). This protocol
adds deadlines that data does not reset (the defence against "slowloris", as nginx's
``client_header_timeout`` and ``client_body_timeout`` do):

- the request line and headers must arrive within ``header_timeout_s`` of the connection
  opening, or of the previous response (so an idle keep-alive connection is closed too);
- the body must arrive within ``body_timeout_s`` of the headers;
- at most ``max_connections`` connections are open; one more is closed on arrival.

The header block itself is bounded by h11 (``h11_max_incomplete_event_size``) and the body
by ``server.gate``. Behind nginx these limits are nginx's job as well (docs/deployment.md).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("server.http")

MAX_HEADER_BYTES = 16 * 1024


@dataclass(frozen=True)
class ConnectionLimits:
    header_timeout_s: float = 10.0
    body_timeout_s: float = 30.0
    keep_alive_s: float = 5.0
    max_connections: int = 256


def protocol_class(limits: ConnectionLimits) -> type[asyncio.Protocol]:
    """An h11 protocol class for ``uvicorn.Config(http=...)`` with ``limits`` applied."""

    class GuardedH11Protocol(_Guarded):
        pass

    GuardedH11Protocol.limits = limits
    return GuardedH11Protocol


class _Guarded(H11Protocol):
    limits: ConnectionLimits = ConnectionLimits()
    _deadline: asyncio.TimerHandle | None = None
    _phase: str | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.limits.max_connections:
            log.warning("connection limit (%d) reached: closing one", self.limits.max_connections)
            self.connections.discard(self)  # not counted while it closes
            transport.close()
            return
        self._follow()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow()

    def _follow(self) -> None:
        """(Re)arm the deadline when the client moves from headers to body to done."""
        if self.transport is None or self.transport.is_closing():
            self._cancel()
            return
        state: Any = self.conn.their_state
        phase = "headers" if state is h11.IDLE else "body" if state is h11.SEND_BODY else None
        if phase == self._phase:
            return
        self._cancel()
        self._phase = phase
        if phase is not None:
            timeout = (
                self.limits.header_timeout_s if phase == "headers" else self.limits.body_timeout_s
            )
            self._deadline = self.loop.call_later(timeout, self._expire, phase)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        self._phase = None

    def _expire(self, phase: str) -> None:
        self._deadline = None
        if self.transport is not None and not self.transport.is_closing():
            log.info("closing a connection: request %s not complete in time", phase)
            self.transport.close()
