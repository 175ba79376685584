"""A real HTTP server on loopback that answers each (method, path) with a canned reply.

Why not the reference backend: these tests feed the client bodies the backend never sends
(a captive portal's page, a truncated or mistyped JSON) to prove it parses each result once
and says so in plain words; the answer must still cross a real socket and the client's own
HTTP stack."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

from till.backend_client import BackendClient

#: (method, path) -> (HTTP status, Content-Type, body bytes)
Answers = dict[tuple[str, str], tuple[int, str, bytes]]


class _Canned(BaseHTTPRequestHandler):
    answers: ClassVar[Answers] = {}

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        status, kind, body = self.answers[(self.command, self.path)]
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def canned_backend() -> Iterator[tuple[BackendClient, Answers]]:
    """A client of a fresh canned server, and the answers table the test fills."""
    answers: Answers = {}

    class Handler(_Canned):
        pass

    Handler.answers = answers
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield BackendClient(f"http://127.0.0.1:{server.server_address[1]}", "k", 3.0), answers
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def json_answer(status: int, body: Any) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(body).encode()
