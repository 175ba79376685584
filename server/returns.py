"""Returns (issue 16): the points of a returned part of a sale come back out, and the points
redeemed on it go back in, each in proportion -- and the balance never goes negative.

Why cumulative shares: each line keeps the points it earned (``earn_lines``, the sale's own
rules). After a return the line has given back ``floor(points x returned so far / amount)``;
this return takes the difference from what earlier returns took. So two halves take back
exactly what one whole would, each step rounds in the customer's favour, and a receipt can
never give back more than it earned. Bonus campaign points and missed-campaign claims of the
receipt go the same way on the sale's total; redeemed points come back on the refunded
value. What the balance cannot cover is the shortfall, returned with its money value for
the cashier to deduct from the refund (store policy), and recorded with the return.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, insert, select

from server import entries, lots
from server.accounts import Stores
from server.context import Caller
from server.db import Clock, inserted_id, iso
from server.earn_rules import share
from server.errors import Conflict, InvalidRequest, NotFound
from server.models import ReturnRequest
from server.return_records import not_reversed
from server.rules_schema import earn_campaigns, earn_lines, return_lines, returns
from server.schema import customers, receipts
from server.schema import ledger as ledger_t

CENT = Decimal("0.01")


def _lines(conn: Connection, sale: Any) -> list[tuple[int, Decimal, int]]:
    """(line_no, amount, points) of the sale; an entry from before lines is one line."""
    rows = conn.execute(
        select(earn_lines).where(earn_lines.c.entry_id == sale.id).order_by(earn_lines.c.line_no)
    ).all()
    if rows:
        return [(r.line_no, Decimal(r.amount), int(r.points)) for r in rows]
    return [(1, Decimal(sale.amount), int(sale.points))]


def _sale_pool(conn: Connection, sale: Any) -> int:
    """Bonus points of the sale and missed-campaign claims on its receipt (not reversed)."""
    bonus = conn.execute(
        select(func.coalesce(func.sum(earn_campaigns.c.points), 0)).where(
            earn_campaigns.c.entry_id == sale.id, earn_campaigns.c.kind == "bonus"
        )
    ).scalar_one()
    claimed = conn.execute(
        select(func.coalesce(func.sum(earn_campaigns.c.points), 0))
        .join(ledger_t, ledger_t.c.id == earn_campaigns.c.entry_id)
        .where(
            earn_campaigns.c.kind == "claim",
            earn_campaigns.c.store_id == sale.store_id,
            earn_campaigns.c.receipt_no == sale.receipt_no,
            not_reversed(),
        )
    ).scalar_one()
    return int(bonus) + int(claimed)


def _redeemed(conn: Connection, sale: Any) -> int:
    total = conn.execute(
        select(func.coalesce(func.sum(-ledger_t.c.points), 0)).where(
            ledger_t.c.kind == "redeem",
            ledger_t.c.customer_id == sale.customer_id,
            ledger_t.c.store_id == sale.store_id,
            ledger_t.c.receipt_no == sale.receipt_no,
            not_reversed(),
        )
    ).scalar_one()
    return int(total)


def _prior(conn: Connection, sale_id: int) -> tuple[dict[int, Decimal], int]:
    rows = conn.execute(
        select(return_lines.c.line_no, return_lines.c.amount)
        .join(returns, returns.c.id == return_lines.c.return_id)
        .where(returns.c.sale_id == sale_id)
    ).all()
    done: dict[int, Decimal] = {}
    for r in rows:
        done[r.line_no] = done.get(r.line_no, Decimal(0)) + Decimal(r.amount)
    restored = conn.execute(
        select(func.coalesce(func.sum(returns.c.points_restored), 0)).where(
            returns.c.sale_id == sale_id
        )
    ).scalar_one()
    return done, int(restored)


def spread(amount: Decimal, left: dict[int, Decimal]) -> dict[int, Decimal]:
    """``amount`` over the lines in proportion to what is left of each, to the cent; the
    cents rounding leaves over go to the first lines that still have room."""
    total = sum(left.values(), Decimal(0))
    out = {n: (amount * v / total).quantize(CENT, rounding="ROUND_DOWN") for n, v in left.items()}
    rest = amount - sum(out.values(), Decimal(0))
    for n in sorted(left):
        while rest > 0 and out[n] < left[n]:
            out[n] += CENT
            rest -= CENT
    return {n: v for n, v in out.items() if v > 0}


def _requested(req: ReturnRequest, left: dict[int, Decimal]) -> dict[int, Decimal]:
    if req.lines is not None:
        asked = {line.line_no: Decimal(line.amount) for line in req.lines}
        for n, v in asked.items():
            if n not in left:
                raise InvalidRequest(f"lines: the sale has no line {n}", field="lines")
            if v > left[n]:
                raise Conflict(
                    f"Line {n}: only {left[n]:.2f} of it is left to return",
                    code="return_exceeds_sale",
                    line_no=n,
                    left=f"{left[n]:.2f}",
                )
        if req.amount is not None and Decimal(req.amount) != sum(asked.values(), Decimal(0)):
            raise InvalidRequest("amount: differs from the sum of the lines", field="amount")
        return asked
    remaining = sum(left.values(), Decimal(0))
    amount = Decimal(req.amount) if req.amount is not None else remaining
    if amount > remaining or remaining <= 0:
        raise Conflict(
            f"Only {remaining:.2f} of this sale is left to return",
            code="return_exceeds_sale",
            left=f"{remaining:.2f}",
        )
    return spread(amount, {n: v for n, v in left.items() if v > 0})


def apply(
    conn: Connection,
    caller: Caller,
    req: ReturnRequest,
    clock: Clock,
    stores: Stores | None = None,
    *,
    received_at: str | None = None,
) -> entries.Outcome:
    stores = stores or Stores(conn)
    store_id = stores.id_of(req.store, caller.merchant_id) if req.store else caller.store_id
    store = stores.settings(store_id)
    entries.require_not_future(req.occurred_at, clock)
    owner = conn.execute(
        select(receipts.c.transaction_id).where(
            receipts.c.store_id == store_id, receipts.c.receipt_no == req.receipt_no
        )
    ).first()
    sale = None
    if owner is not None:
        sale = conn.execute(select(ledger_t).where(ledger_t.c.id == owner.transaction_id)).first()
    if sale is None or sale.kind not in ("earn", "claim"):
        raise NotFound(
            "No sale with points for this receipt in this store", code="receipt_not_found"
        )
    customer = entries.settled_customer(conn, sale.customer_id, caller.merchant_id, clock)
    lines = _lines(conn, sale)
    done, restored_so_far = _prior(conn, sale.id)
    left = {n: a - done.get(n, Decimal(0)) for n, a, _ in lines}
    now_back = _requested(req, left)
    whole = sum((a for _, a, _ in lines), Decimal(0))
    before = sum(done.values(), Decimal(0))
    after = before + sum(now_back.values(), Decimal(0))
    reversed_ = sum(
        share(p, done.get(n, Decimal(0)) + now_back.get(n, Decimal(0)), a)
        - share(p, done.get(n, Decimal(0)), a)
        for n, a, p in lines
    )
    pool = _sale_pool(conn, sale)
    reversed_ += share(pool, after, whole) - share(pool, before, whole)
    restored = max(0, share(_redeemed(conn, sale), after, whole) - restored_so_far)
    now = iso(clock.now())
    occurred = iso(req.occurred_at) if req.occurred_at else now
    common: dict[str, Any] = {
        "store_id": store_id,
        "till_id": caller.till_id,
        "receipt_no": req.receipt_no,
        "occurred_at": occurred,
        "received_at": received_at or now,
        "created_at": now,
        "op_id": req.op_id,
        "amount": f"{after - before:.2f}",
    }
    restore_id = return_id = None
    balance = int(customer.balance)
    if restored > 0:
        restore_id, balance = entries.append(
            conn, customer, kind="restore", points=restored, **common
        )
        customer = conn.execute(select(customers).where(customers.c.id == customer.id)).one()
    taken = min(reversed_, balance)
    if taken > 0:
        return_id, balance = entries.append(  # the sale's own lot first (docs/rules.md)
            conn, customer, kind="return", points=-taken, takes_first=sale.id, **common
        )
    short = reversed_ - taken
    short_value = entries.value_of(short, Decimal(store.point_value))
    row_id = inserted_id(
        conn.execute(
            insert(returns).values(
                sale_id=sale.id,
                return_entry_id=return_id,
                restore_entry_id=restore_id,
                op_id=req.op_id,
                amount=f"{after - before:.2f}",
                points_reversed=reversed_,
                points_restored=restored,
                shortfall_points=short,
                shortfall_value=f"{short_value}",
                occurred_at=occurred,
                created_at=now,
            )
        )
    )
    conn.execute(
        insert(return_lines),
        [{"return_id": row_id, "line_no": n, "amount": f"{v:.2f}"} for n, v in now_back.items()],
    )
    return entries.Outcome(
        {
            "transaction_id": return_id or restore_id,
            "points_reversed": reversed_,
            "points_restored": restored,
            "balance": balance,
            "shortfall": {"points": short, "value": f"{short_value}"},
            "next_expiry": lots.next_expiry_json(conn, customer.id, now),
        }
    )
