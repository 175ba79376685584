"""Ordering endpoints for tills (``/v1``, API key): the store's orders and their feed, take,
paid, cancel; table rotation; the store's ordering configuration. Contract: docs/ordering.md.
"""

from __future__ import annotations

import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from server import approval, audit, customers
from server import responses as R
from server.db import iso, read, write
from server.errors import InvalidRequest
from server.models import MAX_ID
from server.ordering import config, orders, table_tokens
from server.ordering import models as M
from server.ordering.feed import BELL, RECHECK_S
from server.responses import documented
from server.routes import Auth, Svc

router = APIRouter(prefix="/v1")
OrderId = Annotated[int, Path(gt=0, le=MAX_ID)]
MAX_WAIT_S = 25


@router.get("/orders", responses=documented(200, M.Orders))
def list_orders(
    caller: Auth, svc: Svc, state: Literal["open", "taken", "paid", "cancelled"] | None = None
) -> dict[str, Any]:
    """The store's orders (newest 200), oldest first; ``cursor`` continues in the feed."""
    return read(svc.engine, lambda c: orders.listing(c, caller.store_id, state))


@router.get("/orders/feed", responses=documented(200, M.Orders))
async def order_feed(
    caller: Auth,
    svc: Svc,
    after: Annotated[str, Query(max_length=15, pattern=r"^[0-9]*$")] = "",
    wait: Annotated[int, Query(ge=0, le=MAX_WAIT_S)] = MAX_WAIT_S,
) -> dict[str, Any]:
    """Long poll: the orders changed after ``after`` as soon as there are any, else an empty
    list after ``wait`` seconds. Continue with the ``cursor`` returned."""
    since = orders.parse_cursor(after)
    deadline = time.monotonic() + wait
    while True:
        version = BELL.version
        found: dict[str, Any] = await run_in_threadpool(
            read, svc.engine, lambda c: orders.changed_since(c, caller.store_id, since)
        )
        left = deadline - time.monotonic()
        if found["orders"] or left <= 0 or BELL.closing:
            return found
        await BELL.wait(version, min(left, RECHECK_S))


@router.post("/orders/{order_id}/take", responses=documented(200, M.Order))
def take_order(order_id: OrderId, caller: Auth, svc: Svc) -> dict[str, Any]:
    """This till takes the order (idempotent); 409 ``order_taken`` if another till has it."""
    out = write(svc.engine, lambda c: orders.take(c, caller, order_id, svc.clock))
    BELL.ring()
    return out


@router.post("/orders/{order_id}/paid", responses=documented(200, M.Order))
def order_paid(order_id: OrderId, body: M.OrderPaid, caller: Auth, svc: Svc) -> dict[str, Any]:
    """Paid with this receipt; exactly once per ``op_id`` (as kind ``order_paid`` in /v1/ops)."""
    req = M.OrderPaidOp(op_id=body.op_id, order_id=order_id, receipt_no=body.receipt_no)
    _status, out = svc.run("order_paid", caller, req)
    BELL.ring()
    return out


@router.post("/orders/{order_id}/cancel", responses=documented(200, M.Order))
def cancel_order(
    order_id: OrderId, caller: Auth, svc: Svc, body: M.OrderCancel | None = None
) -> dict[str, Any]:
    """Cancelled (idempotent); with an ``op_id``, exactly once per op_id (as kind
    ``order_cancel`` in /v1/ops): a till journals it, so it survives offline and power cuts."""
    if body is not None and body.op_id is not None:
        req = M.OrderCancelOp(op_id=body.op_id, order_id=order_id)
        _status, out = svc.run("order_cancel", caller, req)
    else:
        out = write(svc.engine, lambda c: orders.cancel(c, caller, order_id, svc.clock))
    BELL.ring()
    return out


@router.get("/customers/{customer_id}", responses=documented(200, R.Customer))
def customer_by_id(customer_id: OrderId, caller: Auth, svc: Svc) -> dict[str, Any]:
    """One member by id (an order's ``customer_id``), as ``/customers/lookup`` answers;
    another merchant's id is 404 like an unknown one."""
    now = iso(svc.clock.now())
    return read(
        svc.engine, lambda c: customers.customer_json(c, caller.merchant_id, customer_id, now)
    )


@router.post("/tables/{table}/rotate", responses=documented(200, M.TableQr))
def rotate_table(
    request: Request,
    table: Annotated[str, Path(pattern=M.TABLE_PATTERN)],
    caller: Auth,
    svc: Svc,
    hours: Annotated[int, Query(ge=1, le=table_tokens.MAX_HOURS)] = table_tokens.DEFAULT_HOURS,
) -> dict[str, Any]:
    """A new seating at the table: every earlier QR of it stops working; the new URL."""

    def tx(conn: Any) -> dict[str, Any]:
        issued = table_tokens.issue(
            conn, caller.store_code, table, svc.clock, hours=hours, rotate=True
        )
        base = config.settings(conn, caller.store_id).public_url or str(request.base_url)
        return {
            "store": issued.store_code,
            "table": issued.table,
            "url": table_tokens.url_for(base, issued.token),
            "expires_at": iso(issued.expires_at),
        }

    return write(svc.engine, tx)


@router.get("/ordering", responses=documented(200, M.Ordering))
def get_ordering(caller: Auth, svc: Svc) -> dict[str, Any]:
    return read(
        svc.engine,
        lambda c: config.settings_json(c, caller.store_id, caller.store_code, caller.merchant_id),
    )


@router.put("/ordering", responses=documented(200, M.Ordering))
def put_ordering(body: M.OrderingPut, caller: Auth, svc: Svc) -> dict[str, Any]:
    """The store's ordering configuration and menu (a manager approves; audited)."""

    def tx(conn: Any) -> dict[str, Any]:
        member = approval.require_manager(
            conn, caller.store_id, body.approval, svc.clock, svc.limits
        )
        now = iso(svc.clock.now())
        fields = body.model_dump(
            include={"enabled", "program_name", "reset_url", "portal_url", "public_url"}
        )
        config.put(conn, caller.store_id, now, fields, body.menu)
        out = config.settings_json(conn, caller.store_id, caller.store_code, caller.merchant_id)
        if body.enabled and not out["menu"]:
            raise InvalidRequest("Ordering needs a menu with at least one item", field="menu")
        detail = {k: v for k, v in out.items() if k != "menu"} | {"menu_items": len(out["menu"])}
        audit.record(conn, caller, member, "ordering", detail, now)
        return out

    with approval.pins_checked(
        svc.engine,
        caller.till_id,
        caller.store_id,
        [approval.credentials(body.approval)],
        svc.clock,
        svc.limits,
    ):
        return write(svc.engine, tx)
