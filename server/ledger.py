"""The append-only points ledger: earn, redeem, reversal, missed-points claim.

Each function runs inside one serialised write transaction (``db.write``), or inside a
savepoint of one when it is part of a ``/v1/ops`` batch (``db.in_savepoint``): it reads the
customer row ``FOR UPDATE`` (PostgreSQL; SQLite already holds the write lock from ``BEGIN
IMMEDIATE``), checks the rules, appends one entry and moves the cached balance by the same
amount. Checks that count attempts (OTP, manager PIN) run before any effect, because their
failure commits the counters. Balances never go negative: checked here, and a CHECK
constraint in the schema is the last line.

Customers are the caller's merchant's only (issue 13): another merchant's customer id is
``not_found``, exactly like an id that does not exist. Times: ``occurred_at`` is the till's
clock and may run up to a day ahead (a till whose clock is wrong must not send its sales to
the review list, issue 11); ``received_at`` is ours, when the request arrived.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from server import approval, earning, lots, otp, store_limits
from server.accounts import Stores
from server.context import Caller, Limits
from server.db import Clock, inserted_id, iso
from server.errors import Conflict, Forbidden, InvalidRequest, NotFound
from server.models import ClaimRequest, EarnRequest, RedeemRequest, ReverseRequest
from server.return_records import refuse_if_returned
from server.schema import customers, ledger, receipts
from server.schema import stores as stores_t
from server.sms import Sms
from server.sms_texts import sms_text, store_locale_of

FUTURE_TOLERANCE = timedelta(hours=24)

# The hot path's statements, built once: SQLAlchemy memoises the cache key on a statement
# object, so executing a prebuilt one with parameters skips building it and walking it for
# its cache key on every operation (most of the per-operation CPU in a replayed batch).
_CUSTOMER_FOR_UPDATE = (
    select(customers)
    .where(
        customers.c.id == bindparam("customer_id"),
        customers.c.merchant_id == bindparam("merchant_id"),
    )
    .with_for_update()
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


def customer_for_update(conn: Connection, customer_id: int, merchant_id: int) -> Any:
    row = conn.execute(
        _CUSTOMER_FOR_UPDATE, {"customer_id": customer_id, "merchant_id": merchant_id}
    ).first()
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
    lots.on_entry(conn, customer, entry_id, values)  # issue 16: which points, until when
    return entry_id, balance


def _settled(conn: Connection, customer_id: int, merchant_id: int, clock: Clock) -> Any:
    """The customer locked, with points past their expiry written off first (issue 16)."""
    return lots.settle(conn, customer_for_update(conn, customer_id, merchant_id), clock.now())


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
            "occurred_at: must not be more than 24 hours ahead of the server's clock",
            code="invalid_request",
            field="occurred_at",
        )


def _approve_large_earn(
    conn: Connection, caller: Caller, req: EarnRequest, clock: Clock
) -> int | None:
    """The approving manager of an earn above the store's ``max_earn_amount`` (issue 13)."""
    limit = store_limits.max_earn(conn, caller.store_id)
    if limit is None or Decimal(req.amount) <= limit:
        return None
    if req.approval is None:
        raise Forbidden(
            f"An earn above {limit:.2f} needs a manager's approval",
            code="approval_required",
            max_earn_amount=f"{limit:.2f}",
        )
    limits = approval.current_limits()
    return approval.require_manager(conn, caller.store_id, req.approval, clock, limits).id


def earn(
    conn: Connection,
    caller: Caller,
    req: EarnRequest,
    clock: Clock,
    stores: Stores | None = None,
    *,
    received_at: str | None = None,
) -> Outcome:
    store = (stores or Stores(conn)).settings(caller.store_id)
    customer = _settled(conn, req.customer_id, caller.merchant_id, clock)
    _require_active(customer)
    _not_future(req.occurred_at, clock)
    _check_receipt_free(conn, caller.store_id, req.receipt_no)
    approved_by = _approve_large_earn(conn, caller, req, clock)
    now = iso(clock.now())
    lines = earning.sale_lines(conn, caller.merchant_id, req)
    earned = earning.evaluate_sale(
        conn, caller.merchant_id, store, customer.id, lines, req.occurred_at or clock.now()
    )
    points = earned.points
    entry_id, balance = _append(
        conn,
        customer,
        store_id=caller.store_id,
        till_id=caller.till_id,
        approved_by=approved_by,
        kind="earn",
        points=points,
        amount=f"{Decimal(req.amount):.2f}",
        receipt_no=req.receipt_no,
        occurred_at=iso(req.occurred_at) if req.occurred_at else now,
        received_at=received_at or now,
        created_at=now,
        op_id=req.op_id,
    )
    _claim_receipt(conn, caller.store_id, req.receipt_no, entry_id)
    earning.record(conn, entry_id, earned, caller.store_id, req.receipt_no)
    text = sms_text(
        "earned", store_locale_of(store), store=store.name, points=points, balance=balance
    )
    return Outcome(
        {
            "transaction_id": entry_id,
            "points": points,
            "balance": balance,
            **earned.json(),
            "next_expiry": lots.next_expiry_json(conn, customer.id, now),
        },
        [Sms(customer.phone, text)],
    )


def redeem(
    conn: Connection,
    caller: Caller,
    req: RedeemRequest,
    clock: Clock,
    limits: Limits,
    stores: Stores | None = None,
    *,
    received_at: str | None = None,
) -> Outcome:
    store = (stores or Stores(conn)).settings(caller.store_id)
    customer = _settled(conn, req.customer_id, caller.merchant_id, clock)
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
    counted = otp.counted_value(
        conn, caller.store_id, customer.id, req.receipt_no, value, clock, limits
    )
    needs_otp = bool(store.otp_required) and counted >= Decimal(store.otp_min_value)
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
                f"A code sent to the customer's phone is needed from {store.otp_min_value}"
                f" ({counted} redeemed without one on this receipt or in 24 h)",
                code="otp_required",
                otp_min_value=store.otp_min_value,
                value=f"{value}",
                counted_value=f"{counted}",
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
        received_at=received_at or now,
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
    *,
    received_at: str | None = None,
) -> Outcome:
    """Undoes an earn, claim or redeem with an opposite entry linked to it.

    Reversing an earn takes its points back; if the customer has already spent them the
    reversal is refused (``insufficient_points``) rather than driving the balance negative:
    a manager then settles it with the customer (e.g. by reversing that redemption first).
    """
    named = (
        (ledger.c.op_id == req.reverses_op_id) & (ledger.c.kind != "reversal")
        if req.reverses_op_id is not None
        else ledger.c.id == transaction_id
    )
    entry = conn.execute(select(ledger).where(named, ledger.c.store_id == caller.store_id)).first()
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
    refuse_if_returned(conn, entry)
    customer = _settled(conn, entry.customer_id, caller.merchant_id, clock)
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
        received_at=received_at or now,
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
    *,
    received_at: str | None = None,
) -> Outcome:
    """Missed points after the fact (seed 004), approved by a manager of the key's store."""
    stores = stores or Stores(conn)
    store_id = stores.id_of(req.store, caller.merchant_id) if req.store else caller.store_id
    store = stores.settings(store_id)
    customer = _settled(conn, req.customer_id, caller.merchant_id, clock)
    _require_active(customer)
    _not_future(req.occurred_at, clock)
    if req.campaign_id is None:  # a campaign's missed points go to an earned receipt
        _check_receipt_free(conn, store_id, req.receipt_no)
    if req.corrects is not None:
        original = conn.execute(
            select(ledger.c.id, ledger.c.kind)
            .join(stores_t, stores_t.c.id == ledger.c.store_id)
            .where(ledger.c.id == req.corrects, stores_t.c.merchant_id == caller.merchant_id)
        ).first()
        reversed_ = conn.execute(
            select(ledger.c.id).where(ledger.c.reverses_id == req.corrects)
        ).first()
        if original is None or original.kind not in ("earn", "claim") or reversed_ is None:
            raise Conflict("corrects must name a reversed earn or claim", code="not_correctable")
    manager = approval.require_manager(conn, caller.store_id, req.approval, clock, limits)
    points = points_for(Decimal(req.amount), Decimal(store.points_per_unit))
    detail: dict[str, Any] = {"lines": [{"line_no": 1, "points": points}], "campaigns": []}
    if req.campaign_id is not None:
        points, detail = earning.campaign_claim(
            conn,
            caller.merchant_id,
            customer.id,
            req.campaign_id,
            Decimal(req.amount),
            Decimal(store.points_per_unit),
            req.occurred_at,
            store_id,
            req.receipt_no,
        )
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
        received_at=received_at or now,
        created_at=now,
        op_id=req.op_id,
        corrects_id=req.corrects,
        approved_by=manager.id,
    )
    if req.campaign_id is None:
        _claim_receipt(conn, store_id, req.receipt_no, entry_id)
    else:
        earning.record_campaign_claim(
            conn, entry_id, req.campaign_id, points, store_id, req.receipt_no
        )
    text = sms_text(
        "missed_points", store_locale_of(store), store=store.name, points=points, balance=balance
    )
    return Outcome(
        {
            "transaction_id": entry_id,
            "points": points,
            "balance": balance,
            **detail,
            "next_expiry": lots.next_expiry_json(conn, customer.id, now),
        },
        [Sms(customer.phone, text)],
    )
