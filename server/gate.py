"""The door of the HTTP API: key first, then a body that is counted while it streams.

A pure ASGI middleware, outermost in the app, because the framework reads a request body in
full before any endpoint or dependency runs (issue 13, finding 1: three 300 MB chunked
bodies without a key took the server to 2.5 GB). Here:

- The bearer key is checked from the headers alone, before one byte of the body is read;
  an unknown or revoked key is answered at once (401/403) and the connection is closed
  (``Connection: close``), so the rest of the upload is never read into memory. The
  authenticated caller is handed on in the request's ``state``.
- A declared ``Content-Length`` above the limit is refused before reading (413); a chunked
  body (no length) is counted message by message as the server receives it, and refused the
  moment it passes the limit (413, connection closed). The server buffers at most one
  flow-control window per connection while the application is not reading (uvicorn pauses
  the socket), so memory stays bounded whatever the client sends.
- One log line per request: method, path, status and duration, never query strings or
  bodies (phone numbers, OTP codes, PINs), nor the signed table token a member page's path
  carries (``/t/{token}``: whoever reads the log could order at that table).

Time-outs for slow or idle connections belong to the HTTP server (``server.connections``).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio.to_thread
from starlette.exceptions import HTTPException

from server.errors import ServerError
from server.service import Backend

log = logging.getLogger("server.http")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

# 500 ops of about 1 kB each; anything larger is not a till talking to us.
MAX_BODY_BYTES = 1_000_000
# Paths anyone may call: the health check and the API description.
PUBLIC_PATHS = frozenset({"/v1/health", "/openapi.json", "/docs", "/redoc"})
CALLER_STATE = "caller"


def logged_path(path: str) -> str:
    """The path as the request log shows it: a table token (``/t/{token}/…``) cut out."""
    if path.startswith("/t/"):
        _, _, rest = path[3:].partition("/")
        return "/t/…" + (f"/{rest}" if rest else "")
    return path


def needs_key(path: str) -> bool:
    """Every ``/v1`` path but the health check needs a till's key (unknown ones too: a
    caller without a key learns nothing, not even which routes exist)."""
    return path.startswith("/v1/") and path not in PUBLIC_PATHS


def bearer_token(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, token = bytes(value).decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
            return None
    return None


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else -1
    return None


def _error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


class Gate:
    """See the module docstring; ``backend`` authenticates keys (a database read)."""

    def __init__(self, app: App, backend: Backend, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.backend = backend
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        exchange = _Exchange(send, self.max_body)
        try:
            refusal = await self._admit(scope)
            if refusal is not None:
                await exchange.refuse(*refusal)
            else:
                await self.app(scope, exchange.counted(receive), exchange.send)
        except _TooLarge:
            pass  # answered 413 already, from inside ``receive``
        finally:
            log.info(
                "%s %s %s %.1fms",
                scope.get("method", ""),
                logged_path(scope.get("path", "")),
                exchange.status,
                (time.perf_counter() - started) * 1000,
            )

    async def _admit(self, scope: Scope) -> tuple[int, dict[str, Any]] | None:
        """None to let the request in, else (status, error body) to refuse it unread."""
        length = _declared_length(scope)
        if length is not None and (length < 0 or length > self.max_body):
            return 413, _error_body(
                "payload_too_large", f"Request bodies are limited to {self.max_body} bytes"
            )
        if not needs_key(scope.get("path", "")):
            return None
        token = bearer_token(scope)
        if token is None:
            return 401, _error_body(
                "unauthorized", "Send the till's API key as 'Authorization: Bearer <key>'"
            )
        try:
            caller = await anyio.to_thread.run_sync(self.backend.authenticate, token)
        except ServerError as exc:
            return exc.status, exc.body()
        scope.setdefault("state", {})[CALLER_STATE] = caller
        return None


class _TooLarge(HTTPException):
    def __init__(self) -> None:
        super().__init__(413, "payload_too_large")


class _Exchange:
    """One request's response side: remembers the status; after an early refusal it drops
    whatever the application still tries to send."""

    def __init__(self, send: Send, max_body: int) -> None:
        self._send = send
        self.max_body = max_body
        self.status = 0
        self._started = False
        self._refused = False

    async def send(self, message: Message) -> None:
        if self._refused:
            return
        if message["type"] == "http.response.start":
            self._started = True
            self.status = int(message["status"])
        await self._send(message)

    async def refuse(self, status: int, body: dict[str, Any]) -> None:
        """Answer now and close the connection: the unread rest of the body is dropped."""
        if self._started or self._refused:
            self._refused = True
            return
        payload = json.dumps(body, separators=(",", ":")).encode()
        await self.send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(payload)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await self.send({"type": "http.response.body", "body": payload})
        self._refused = True

    def counted(self, receive: Receive) -> Receive:
        seen = 0

        async def receive_counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    await self.refuse(
                        413,
                        _error_body(
                            "payload_too_large",
                            f"Request bodies are limited to {self.max_body} bytes",
                        ),
                    )
                    raise _TooLarge
            return message

        return receive_counted
