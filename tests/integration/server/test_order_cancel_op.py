"""A table order cancelled at a till as a journaled operation (issue 18, kind ``order_cancel``).

Why an operation: a till voids the sale that served an order, or the cashier cancels it, while
the backend may be away; the till journals the cancel and replays it through ``/v1/ops``. It
must apply once per op_id, live or replayed, and refuse what a plain cancel refuses (a paid
order, another till's).
"""

from __future__ import annotations

from typing import Any

from server.embedded import EmbeddedBackend
from tests.integration.server.client import Api, code_of, op
from tests.integration.server.test_orders import (  # the member and the store, as there
    alice,
    demo,
    key_for,
    place_order,
    srv,
)

__all__ = ["alice", "demo", "srv"]  # fixtures


def cancel_op(op_id: str, order_id: int) -> dict[str, Any]:
    return {"ops": [{"op_id": op_id, "kind": "order_cancel", "body": {"order_id": order_id}}]}


def test_a_cancel_is_applied_once_per_op_live_or_replayed(demo: Api, alice: Any) -> None:
    order_id = place_order(alice, {"TEA": 1})
    assert demo.post(f"/orders/{order_id}/take", {}).status_code == 200
    op_id = op()
    live = demo.post(f"/orders/{order_id}/cancel", {"op_id": op_id})
    assert live.status_code == 200, live.text
    cancelled = live.json()
    assert cancelled["state"] == "cancelled" and cancelled["id"] == order_id
    cursor = demo.get("/orders").json()["cursor"]
    replayed = demo.post("/ops", cancel_op(op_id, order_id))
    assert replayed.status_code == 200, replayed.text
    (result,) = replayed.json()["results"]
    assert (result["status"], result["body"]) == (201, cancelled)
    assert demo.get("/orders").json()["cursor"] == cursor  # no second change
    # Another till's op for it, or a paid order, is refused like a plain cancel.
    other = demo.post("/ops", cancel_op(op(), order_id))
    assert other.json()["results"][0]["status"] == 201  # cancelled stays cancelled


def test_a_cancel_op_for_a_paid_or_elsewhere_taken_order_is_refused(
    srv: EmbeddedBackend, demo: Api, alice: Any
) -> None:
    paid = place_order(alice, {"LATTE": 1})
    assert demo.post(f"/orders/{paid}/paid", {"receipt_no": "R-C-1", "op_id": op()}).ok
    r = demo.post(f"/orders/{paid}/cancel", {"op_id": op()})
    assert (r.status_code, code_of(r)) == (409, "order_closed")
    taken = place_order(alice, {"SCONE": 1})
    assert demo.post(f"/orders/{taken}/take", {}).status_code == 200
    t2 = Api(srv.url, key_for(srv, "DEMO", "T3"))
    (result,) = t2.post("/ops", cancel_op(op(), taken)).json()["results"]
    assert result["status"] == 409 and result["body"]["error"]["code"] == "order_taken"
    state = next(o for o in demo.get("/orders").json()["orders"] if o["id"] == taken)
    assert state["state"] == "taken"
