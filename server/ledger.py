"""The append-only points ledger: earn, redeem, reversal, missed-points claim.

Each function runs inside one serialised write transaction (``db.write``), or inside a
savepoint of one when it is part of a ``/v1/ops`` batch (``db.in_savepoint``): it reads the
customer row ``FOR UPDATE`` (PostgreSQL; SQLite already holds the write lock from ``BEGIN
IMMEDIATE``), checks the rules, appends one entry and moves the cached balance by the same
amount. Checks that count attempts (OTP, manager PIN) run before any effect, because their
failure commits the counters. Balances never go negative: checked here, and a CHECK
constraint in the schema is the last line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from server import approval, otp
from server.accounts import Stores
from server.context import Caller, Limits
from server.db import Clock, inserted_id, iso
from server.errors import Conflict, Forbidden, InvalidRequest, NotFound
from server.models import ClaimRequest, EarnRequest, RedeemRequest, ReverseRequest
from server.schema import customers, ledger, receipts
from server.sms import Sms

FUTURE_TOLERANCE = timedelta(minutes=5)

# The hot path's statements, built once: SQLAlchemy memoises the cache key on a statement
# object, so executing a prebuilt one with parameters skips building it and walking it for
# its cache key on every operation (most of the per-operation CPU in a replayed batch).
_CUSTOMER_FOR_UPDATE = (
    select(customers).where(customers.c.id == bindparam("customer_id")).with_for_update()
)
_INSERT_ENTRY = insert(ledger)
_SET_BALANCE = (
    update(customers)
    .where(customers.c.id == bindparam("customer_id"))
    .values(balance=bindparam("new_balance"))
)
_RECEIPT_OWNER = select(receipts.c.transaction_id).where(
    receipts.c.store_id == bindparam("store_id"),
    receipts.c.receipt_no == bindparam("receipt_no"),
)
_INSERT_RECEIPT = insert(receipts)


@dataclass
class Outcome:
    body: dict[str, Any]
    sms: list[Sms] = field(default_factory=list)


def points_for(amount: Decimal, points_per_unit: Decimal) -> int:
    """Whole points for a sale, rounded down (seed 004: 32.00 -> 32 points)."""
    return int((amount * points_per_unit).to_integral_value(rounding=ROUND_DOWN))


def value_of(points: int, point_value: Decimal) -> Decimal:
    """Money value of points, rounded down to the cent: never pay out more than they are worth."""
    return (points * point_value).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def customer_for_update(conn: Connection, customer_id: int) -> Any:
    row = conn.execute(_CUSTOMER_FOR_UPDATE, {"customer_id": customer_id}).first()
    if row is None:
        raise NotFound("No such customer", code="not_found", customer_id=customer_id)
    return row


def _require_active(customer: Any) -> None:
    if customer.status != "active":
        raise Conflict(
            "This customer's account is inactive: it cannot earn or spend points",
            code="customer_inactive",
        )


def _append(conn: Connection, customer: Any, **values: Any) -> tuple[int, int]:
    balance = int(customer.balance) + int(values["points"])
    if balance < 0:  # pragma: no cover - every caller checks first; this is the invariant
        raise Conflict("Not enough points", code="insufficient_points", balance=customer.balance)
    entry_id = inserted_id(conn.execute(_INSERT_ENTRY, {"customer_id": customer.id, **values}))
    conn.execute(_SET_BALANCE, {"customer_id": customer.id, "new_balance": balance})
    return entry_id, balance


def _claim_receipt(conn: Connection, store_id: int, receipt_no: str, entry_id: int) -> None:
    conn.execute(
        _INSERT_RECEIPT,
        {"store_id": store_id, "receipt_no": receipt_no, "transaction_id": entry_id},
    )


def _check_receipt_free(conn: Connection, store_id: int, receipt_no: str) -> None:
    row = conn.execute(_RECEIPT_OWNER, {"store_id": store_id, "receipt_no": receipt_no}).first()
    if row is not None:
        raise Conflict(
            "Points were already given for this receipt",
            code="receipt_already_claimed",
            transaction_id=row.transaction_id,
        )


def _not_future(t: Any, clock: Clock) -> None:
    if t is not None and t > clock.now() + FUTURE_TOLERANCE:
        raise InvalidRequest(
            "occurred_at: must not be in the future", code="invalid_request", field="occurred_at"
        )


def earn(
    conn: Connection, caller: Caller, req: EarnRequest, clock: Clock, stores: Stores | None = None
) -> Outcome:
    store = (stores or Stores(conn)).settings(caller.store_id)
    customer = customer_for_update(conn, req.customer_id)
    _require_active(customer)
    _not_future(req.occurred_at, clock)
    _check_receipt_free(conn, caller.store_id, req.receipt_no)
    now = iso(clock.now())
    points = points_for(Decimal(req.amount), Decimal(store.points_per_unit))
    entry_id, balance = _append(
        conn,
        customer,
        store_id=caller.store_id,
        till_id=caller.till_id,
        kind="earn",
        points=points,
        amount=f"{Decimal(req.amount):.2f}",
        receipt_no=req.receipt_no,
        occurred_at=iso(req.occurred_at) if req.occurred_at else now,
        created_at=now,
        op_id=req.op_id,
    )
    _claim_receipt(conn, caller.store_id, req.receipt_no, entry_id)
    text = f"{store.name}: you earned {points} points. Your balance is {balance} points."
    return Outcome(
        {"transaction_id": entry_id, "points": points, "balance": balance},
        [Sms(customer.phone, text)],
    )


def redeem(
    conn: Connection,
    caller: Caller,
    req: RedeemRequest,
    clock: Clock,
    limits: Limits,
    stores: Stores | None = None,
) -> Outcome:
    store = (stores or Stores(conn)).settings(caller.store_id)
    customer = customer_for_update(conn, req.customer_id)
    _require_active(customer)
    if (req.challenge_id is None) != (req.otp is None):
        missing = "otp" if req.otp is None else "challenge_id"
        raise InvalidRequest(
            f"{missing}: challenge_id and otp go together", code="invalid_request", field=missing
        )
    if customer.balance < req.points:
        raise Conflict(
            f"Not enough points: the balance is {customer.balance}",
            code="insufficient_points",
            balance=customer.balance,
        )
    value = value_of(req.points, Decimal(store.point_value))
    needs_otp = bool(store.otp_required) and value >= Decimal(store.otp_min_value)
    with_otp = with_override = False
    approved_by = None
    if req.challenge_id is not None and req.otp is not None:
        otp.verify_code(
            conn, caller, req.challenge_id, req.otp, customer.id, req.points, clock, limits
        )
        with_otp = True
    elif needs_otp:
        if req.approval is None:
            raise Forbidden(
                f"A code sent to the customer's phone is needed for {value} or more",
                code="otp_required",
                otp_min_value=store.otp_min_value,
                value=f"{value}",
            )
        if req.reason is None:
            raise InvalidRequest(
                "reason: a manager override needs a reason", code="invalid_request", field="reason"
            )
        approved_by = approval.require_manager(
            conn, caller.store_id, req.approval, clock, limits
        ).id
        with_override = True
    now = iso(clock.now())
    entry_id, balance = _append(
        conn,
        customer,
        store_id=caller.store_id,
        till_id=caller.till_id,
        kind="redeem",
        points=-req.points,
        value=f"{value}",
        receipt_no=req.receipt_no,
        occurred_at=now,
        created_at=now,
        op_id=req.op_id,
        approved_by=approved_by,
        with_otp=with_otp,
        with_override=with_override,
        reason=req.reason if with_override else None,
    )
    return Outcome(
        {
            "transaction_id": entry_id,
            "points": req.points,
            "value": f"{value}",
            "balance": balance,
            "with_otp": with_otp,
            "with_override": with_override,
        }
    )


def reverse(
    conn: Connection,
    caller: Caller,
    transaction_id: int,
    req: ReverseRequest,
    clock: Clock,
    limits: Limits,
) -> Outcome:
    """Undoes an earn, claim or redeem with an opposite entry linked to it.

    Reversing an earn takes its points back; if the customer has already spent them the
    reversal is refused (``insufficient_points``) rather than driving the balance negative:
    a manager then settles it with the customer (e.g. by reversing that redemption first).
    """
    entry = conn.execute(
        select(ledger).where(ledger.c.id == transaction_id, ledger.c.store_id == caller.store_id)
    ).first()
    if entry is None:
        raise NotFound("No such transaction in this store", code="not_found")
    if entry.kind not in ("earn", "claim", "redeem"):
        raise Conflict(f"A {entry.kind} cannot be reversed", code="not_reversible")
    done = conn.execute(select(ledger.c.id).where(ledger.c.reverses_id == entry.id)).first()
    if done is not None:
        raise Conflict(
            "This transaction was already reversed",
            code="already_reversed",
            reversal_id=done.id,
        )
    customer = customer_for_update(conn, entry.customer_id)
    if customer.balance - entry.points < 0:
        raise Conflict(
            f"The customer has already spent these points (balance {customer.balance})",
            code="insufficient_points",
            balance=customer.balance,
        )
    manager = approval.require_manager(conn, caller.store_id, req.approval, clock, limits)
    now = iso(clock.now())
    entry_id, balance = _append(
        conn,
        customer,
        store_id=caller.store_id,
        till_id=caller.till_id,
        kind="reversal",
        points=-entry.points,
        amount=entry.amount,
        value=entry.value,
        receipt_no=entry.receipt_no,
        occurred_at=now,
        created_at=now,
        op_id=req.op_id,
        reverses_id=entry.id,
        approved_by=manager.id,
        reason=req.reason,
    )
    if entry.kind in ("earn", "claim"):
        conn.execute(
            delete(receipts).where(
                receipts.c.store_id == entry.store_id,
                receipts.c.receipt_no == entry.receipt_no,
                receipts.c.transaction_id == entry.id,
            )
        )
    return Outcome(
        {
            "transaction_id": entry_id,
            "reverses": entry.id,
            "points": -entry.points,
            "balance": balance,
        }
    )


def claim(
    conn: Connection,
    caller: Caller,
    req: ClaimRequest,
    clock: Clock,
    limits: Limits,
    stores: Stores | None = None,
) -> Outcome:
    """Missed points after the fact (seed 004), approved by a manager of the key's store."""
    stores = stores or Stores(conn)
    store_id = stores.id_of(req.store) if req.store else caller.store_id
    store = stores.settings(store_id)
    customer = customer_for_update(conn, req.customer_id)
    _require_active(customer)
    _not_future(req.occurred_at, clock)
    _check_receipt_free(conn, store_id, req.receipt_no)
    if req.corrects is not None:
        original = conn.execute(
            select(ledger.c.id, ledger.c.kind).where(ledger.c.id == req.corrects)
        ).first()
        reversed_ = conn.execute(
            select(ledger.c.id).where(ledger.c.reverses_id == req.corrects)
        ).first()
        if original is None or original.kind not in ("earn", "claim") or reversed_ is None:
            raise Conflict("corrects must name a reversed earn or claim", code="not_correctable")
    manager = approval.require_manager(conn, caller.store_id, req.approval, clock, limits)
    points = points_for(Decimal(req.amount), Decimal(store.points_per_unit))
    now = iso(clock.now())
    entry_id, balance = _append(
        conn,
        customer,
        store_id=store_id,
        till_id=caller.till_id,
        kind="claim",
        points=points,
        amount=f"{Decimal(req.amount):.2f}",
        receipt_no=req.receipt_no,
        occurred_at=iso(req.occurred_at),
        created_at=now,
        op_id=req.op_id,
        corrects_id=req.corrects,
        approved_by=manager.id,
    )
    _claim_receipt(conn, store_id, req.receipt_no, entry_id)
    text = f"{store.name}: {points} missed points were added. Your balance is {balance} points."
    return Outcome(
        {"transaction_id": entry_id, "points": points, "balance": balance},
        [Sms(customer.phone, text)],
    )
