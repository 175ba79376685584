"""Orders from the table: created by a logged-in member, taken and closed by the store's tills.

States (issue 18): ``open`` (sent by the member) -> ``taken`` (one till has opened it as a
sale) -> ``paid`` (the sale is done; its receipt number is kept) or ``cancelled``. A till
sees and changes only its own store's orders (hence its own merchant's): any other order id
is answered 404 like one that does not exist. Every change gets the store's next change
number (``config.bump_seq``), which is what the till's feed follows.

Paying is an operation like an earn: exactly once per ``op_id`` (``server.operations``
records it), whether it arrives live (``POST /v1/orders/{id}/paid``) or replayed from an
offline till's journal (``POST /v1/ops`` kind ``order_paid``). Cancelling from a till can be
the same (kind ``order_cancel``), so a voided sale's order is cancelled even after a power cut.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from server.context import Caller
from server.db import Clock, inserted_id, iso
from server.errors import Conflict, InvalidRequest, NotFound
from server.ledger import Outcome
from server.ordering import config
from server.ordering.models import OrderCancelOp, OrderPaidOp
from server.ordering.tables import order_lines, orders
from server.schema import customers, stores, tills

MAX_LINES = 30
MAX_QUANTITY = 20
MAX_OPEN_PER_MEMBER = 5
LIST_LIMIT = 200


def create(
    conn: Connection,
    store_id: int,
    merchant_id: int,
    table: str,
    customer_id: int,
    cart: dict[str, int],
    clock: Clock,
) -> int:
    """The member's cart as a new open order at the menu's current prices; returns its id."""
    menu = {m.code: m for m in config.menu(conn, store_id, merchant_id)}
    picked = [(code, qty) for code, qty in cart.items() if qty > 0]
    if not picked:
        raise InvalidRequest("The cart is empty", code="cart_empty", field="cart")
    if len(picked) > MAX_LINES or any(qty > MAX_QUANTITY for _, qty in picked):
        raise InvalidRequest(
            f"At most {MAX_LINES} items, {MAX_QUANTITY} of each",
            code="cart_too_big",
            field="cart",
            lines=MAX_LINES,
            quantity=MAX_QUANTITY,
        )
    missing = [code for code, _ in picked if code not in menu]
    if missing:
        raise InvalidRequest(
            "An item of the cart is no longer on the menu", code="cart_item_gone", field="cart"
        )
    open_now = conn.execute(
        select(func.count())
        .select_from(orders)
        .where(
            orders.c.store_id == store_id,
            orders.c.customer_id == customer_id,
            orders.c.state.in_(("open", "taken")),
        )
    ).scalar_one()
    if open_now >= MAX_OPEN_PER_MEMBER:
        raise Conflict(
            "You have several orders waiting already; please ask the staff",
            code="too_many_open_orders",
        )
    now = iso(clock.now())
    lines = [
        (i + 1, menu[code], qty, (menu[code].price * qty).quantize(Decimal("0.01")))
        for i, (code, qty) in enumerate(picked)
    ]
    total = sum((amount for *_, amount in lines), Decimal("0.00"))
    seq = config.bump_seq(conn, store_id, now)
    order_id = inserted_id(
        conn.execute(
            insert(orders).values(
                store_id=store_id,
                table_code=table,
                customer_id=customer_id,
                state="open",
                total=f"{total:.2f}",
                created_at=now,
                updated_at=now,
                seq=seq,
            )
        )
    )
    conn.execute(
        insert(order_lines),
        [
            {
                "order_id": order_id,
                "line_no": no,
                "code": item.code,
                "name": item.name,
                "quantity": qty,
                "unit_price": f"{item.price:.2f}",
                "amount": f"{amount:.2f}",
            }
            for no, item, qty, amount in lines
        ],
    )
    return order_id


_ORDER = (
    select(
        orders,
        stores.c.code.label("store_code"),
        customers.c.name.label("customer_name"),
        tills.c.code.label("till_code"),
    )
    .join(stores, stores.c.id == orders.c.store_id)
    .outerjoin(customers, customers.c.id == orders.c.customer_id)
    .outerjoin(tills, tills.c.id == orders.c.taken_till_id)
)


def _as_json(conn: Connection, rows: list[Any]) -> list[dict[str, Any]]:
    ids = [r.id for r in rows]
    lines: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        for ln in conn.execute(
            select(order_lines)
            .where(order_lines.c.order_id.in_(ids))
            .order_by(order_lines.c.order_id, order_lines.c.line_no)
        ):
            lines[ln.order_id].append(
                {
                    "line_no": ln.line_no,
                    "code": ln.code,
                    "name": ln.name,
                    "quantity": ln.quantity,
                    "amount": ln.amount,
                }
            )
    return [
        {
            "id": r.id,
            "store": r.store_code,
            "table": r.table_code,
            "state": r.state,
            "customer_id": r.customer_id,
            "member_name": _first(r.customer_name),
            "lines": lines[r.id],
            "total": r.total,
            "created_at": r.created_at,
            "taken_by": r.till_code,
            "receipt_no": r.receipt_no,
        }
        for r in rows
    ]


def _first(name: str | None) -> str | None:
    parts = (name or "").split()
    return parts[0] if parts else None


def get(conn: Connection, store_id: int, order_id: int) -> dict[str, Any]:
    row = conn.execute(_ORDER.where(orders.c.id == order_id, orders.c.store_id == store_id)).first()
    if row is None:
        raise NotFound("No such order at this store", code="order_not_found")
    return _as_json(conn, [row])[0]


def of_member(
    conn: Connection, store_id: int, customer_id: int, order_id: int
) -> dict[str, Any] | None:
    row = conn.execute(
        _ORDER.where(
            orders.c.id == order_id,
            orders.c.store_id == store_id,
            orders.c.customer_id == customer_id,
        )
    ).first()
    return None if row is None else _as_json(conn, [row])[0]


def listing(conn: Connection, store_id: int, state: str | None) -> dict[str, Any]:
    q = _ORDER.where(orders.c.store_id == store_id)
    if state is not None:
        q = q.where(orders.c.state == state)
    rows = conn.execute(q.order_by(orders.c.id.desc()).limit(LIST_LIMIT)).all()
    return {
        "orders": _as_json(conn, list(reversed(rows))),
        "cursor": str(config.current_seq(conn, store_id)),
    }


def parse_cursor(raw: str | None) -> int:
    if not raw:
        return 0
    if not raw.isdigit() or len(raw) > 15:
        raise InvalidRequest("after: not a cursor this server gave", field="after")
    return int(raw)


def changed_since(conn: Connection, store_id: int, after: int) -> dict[str, Any]:
    """Orders whose last change is after ``after``, oldest change first (at most
    ``LIST_LIMIT``; the cursor then points at the last one sent)."""
    rows = conn.execute(
        _ORDER.where(orders.c.store_id == store_id, orders.c.seq > after)
        .order_by(orders.c.seq)
        .limit(LIST_LIMIT)
    ).all()
    cursor = max([after, *(int(r.seq) for r in rows)])
    return {"orders": _as_json(conn, list(rows)), "cursor": str(cursor)}


def _for_update(conn: Connection, caller: Caller, order_id: int) -> Any:
    row = conn.execute(
        select(orders)
        .where(orders.c.id == order_id, orders.c.store_id == caller.store_id)
        .with_for_update()
    ).first()
    if row is None:
        raise NotFound("No such order at this store", code="order_not_found")
    return row


def _closed(row: Any) -> Conflict:
    if row.state == "paid":
        return Conflict(
            f"Order {row.id} is paid already (receipt {row.receipt_no})", code="order_closed"
        )
    return Conflict(f"Order {row.id} was cancelled", code="order_closed")


def _taken_elsewhere(conn: Connection, row: Any) -> Conflict:
    till = conn.execute(select(tills.c.code).where(tills.c.id == row.taken_till_id)).scalar()
    return Conflict(
        f"Order {row.id} is being served at till {till}", code="order_taken", taken_by=till
    )


def _change(conn: Connection, caller: Caller, row: Any, clock: Clock, **values: Any) -> None:
    now = iso(clock.now())
    seq = config.bump_seq(conn, caller.store_id, now)
    conn.execute(
        update(orders).where(orders.c.id == row.id).values(**values, seq=seq, updated_at=now)
    )


def take(conn: Connection, caller: Caller, order_id: int, clock: Clock) -> dict[str, Any]:
    """This till takes the order; again by the same till: the same answer, no change."""
    row = _for_update(conn, caller, order_id)
    if row.state in ("paid", "cancelled"):
        raise _closed(row)
    if row.state == "taken":
        if row.taken_till_id != caller.till_id:
            raise _taken_elsewhere(conn, row)
        return get(conn, caller.store_id, order_id)
    _change(conn, caller, row, clock, state="taken", taken_till_id=caller.till_id)
    return get(conn, caller.store_id, order_id)


def cancel(conn: Connection, caller: Caller, order_id: int, clock: Clock) -> dict[str, Any]:
    row = _for_update(conn, caller, order_id)
    if row.state == "cancelled":
        return get(conn, caller.store_id, order_id)
    if row.state == "paid":
        raise _closed(row)
    if row.state == "taken" and row.taken_till_id != caller.till_id:
        raise _taken_elsewhere(conn, row)
    _change(conn, caller, row, clock, state="cancelled")
    return get(conn, caller.store_id, order_id)


def cancel_op(conn: Connection, caller: Caller, req: OrderCancelOp, clock: Clock) -> Outcome:
    """The effect of an ``order_cancel`` operation: :func:`cancel` (its op_id is recorded by
    the runner, so a replay answers the first result)."""
    return Outcome(cancel(conn, caller, req.order_id, clock))


def mark_paid(conn: Connection, caller: Caller, req: OrderPaidOp, clock: Clock) -> Outcome:
    """The effect of an ``order_paid`` operation (its op_id is recorded by the runner)."""
    row = _for_update(conn, caller, req.order_id)
    if row.state in ("paid", "cancelled"):
        raise _closed(row)
    if row.state == "taken" and row.taken_till_id != caller.till_id:
        raise _taken_elsewhere(conn, row)
    _change(
        conn,
        caller,
        row,
        clock,
        state="paid",
        receipt_no=req.receipt_no,
        taken_till_id=caller.till_id,
    )
    return Outcome(get(conn, caller.store_id, req.order_id))
