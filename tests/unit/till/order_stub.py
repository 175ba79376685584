"""A tiny HTTP server over loopback that follows the orders contract (docs/ordering.md).

Why a stub besides the reference backend: it lets the feed's tests stop and restart "the
backend" on the same port in a few milliseconds, answer an unknown route like an older
backend, and count the requests made. Only what the till calls is here.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


class OrderStub:
    def __init__(self, *, with_orders: bool = True) -> None:
        self.with_orders = with_orders
        self.orders: dict[int, dict[str, Any]] = {}
        self.changes: list[int] = []  # order ids, one per change; the cursor is an index
        self.paid_ops: dict[str, dict[str, Any]] = {}
        self.requests: list[str] = []
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- the world changes ----------------------------------------------------------------

    def add(self, table: str, customer_id: int | None = 7, name: str | None = "Ana") -> int:
        with self._cond:
            order_id = len(self.orders) + 1
            self.orders[order_id] = {
                "id": order_id,
                "store": "S1",
                "table": table,
                "state": "open",
                "customer_id": customer_id,
                "member_name": name,
                "lines": [
                    {
                        "line_no": 1,
                        "code": "LATTE",
                        "name": "Latte",
                        "quantity": 2,
                        "amount": "7.00",
                    },
                    {"line_no": 2, "code": "", "name": "Cake", "quantity": 1, "amount": "4.50"},
                ],
                "total": "11.50",
                "created_at": f"2026-12-01T19:{30 + order_id:02d}:00Z",
                "taken_by": None,
                "receipt_no": None,
            }
            self._changed(order_id)
            return order_id

    def set_state(self, order_id: int, state: str, **extra: Any) -> None:
        with self._cond:
            self.orders[order_id].update(state=state, **extra)
            self._changed(order_id)

    def _changed(self, order_id: int) -> None:
        self.changes.append(order_id)
        self._cond.notify_all()

    # -- serving --------------------------------------------------------------------------

    def start(self) -> None:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                stub.handle(self, "GET")

            def do_POST(self) -> None:
                stub.handle(self, "POST")

        server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        server.daemon_threads = True
        self.port = server.server_address[1]
        self._server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        with self._cond:
            self._cond.notify_all()  # long polls in flight answer now

    def handle(self, req: BaseHTTPRequestHandler, method: str) -> None:
        if self._server is None:  # stopped: a kept-alive connection gets no answer either
            req.close_connection = True
            return
        url = urlparse(req.path)
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        length = int(req.headers.get("Content-Length") or 0)
        body = json.loads(req.rfile.read(length) or b"{}") if length else {}
        self.requests.append(f"{method} {url.path}")
        status, answer = self.route(method, url.path, query, body)
        data = json.dumps(answer).encode()
        req.close_connection = self._server is None
        req.send_response(status)
        req.send_header("Content-Type", "application/json")
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)

    def route(
        self, method: str, path: str, query: dict[str, str], body: dict[str, Any]
    ) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        if not self.with_orders or parts[:2] != ["v1", "orders"]:
            return 404, {"error": {"code": "not_found", "message": "No such endpoint"}}
        with self._cond:
            if method == "GET" and parts == ["v1", "orders"]:
                state = query.get("state")
                listed = [o for o in self.orders.values() if state in (None, o["state"])]
                return 200, {"orders": listed, "cursor": str(len(self.changes))}
            if method == "GET" and parts == ["v1", "orders", "feed"]:
                after = int(query.get("after") or 0)
                wait = float(query.get("wait") or 25)
                self._cond.wait_for(lambda: len(self.changes) > after or not self._server, wait)
                ids = dict.fromkeys(self.changes[after:])
                return 200, {
                    "orders": [self.orders[i] for i in ids],
                    "cursor": str(len(self.changes)),
                }
            order = self.orders.get(int(parts[2])) if len(parts) == 4 else None
            if order is None:
                return 404, {"error": {"code": "order_not_found", "message": "No such order"}}
            if parts[3] == "take":
                if order["state"] in ("paid", "cancelled"):
                    return 409, {"error": {"code": "order_closed", "message": "Order closed"}}
                if order["state"] == "taken" and order["taken_by"] != "T1":
                    return 409, {"error": {"code": "order_taken", "message": "Taken"}}
                self.set_state(order["id"], "taken", taken_by="T1")
                return 200, order
            if parts[3] == "paid":
                op_id = str(body["op_id"])
                if op_id not in self.paid_ops:
                    self.set_state(order["id"], "paid", receipt_no=body["receipt_no"])
                    self.paid_ops[op_id] = dict(order)
                return 200, self.paid_ops[op_id]
        return 404, {"error": {"code": "not_found", "message": "No such endpoint"}}
