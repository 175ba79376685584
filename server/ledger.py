"""The append-only points ledger: earn, redeem, reversal, missed-points claim.

Each function runs inside one serialised write transaction (``db.write``), or inside a
savepoint of one when it is part of a ``/v1/ops`` batch (``db.in_savepoint``): it reads the
customer row ``FOR UPDATE`` (PostgreSQL; SQLite already holds the write lock from ``BEGIN
IMMEDIATE``), checks the rules, appends one entry and moves the cached balance by the same
amount (through :mod:`server.entries`, the one writer of entries). Checks that count attempts (OTP, manager PIN) run before any effect, because their
failure commits the counters. Balances never go negative: checked here, and a CHECK
constraint in the schema is the last line.

Customers are the caller's merchant's only (issue 13): another merchant's customer id is
``not_found``, exactly like an id that does not exist. Times: ``occurred_at`` is the till's
clock and may run up to a day ahead (a till whose clock is wrong must not send its sales to
the review list, issue 11); ``received_at`` is ours, when the request arrived.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, delete, select

from server import approval, earning, lots, otp, store_limits
from server.accounts import Stores
from server.context import Caller, Limits
from server.db import Clock, iso
from server.entries import FUTURE_TOLERANCE as FUTURE_TOLERANCE
from server.entries import Outcome as Outcome
from server.entries import (
    append,
    claim_receipt,
    require_active,
    require_not_future,
    require_receipt_free,
    settled_customer,
)
from server.entries import customer_for_update as customer_for_update
from server.entries import points_for as points_for
from server.entries import value_of as value_of
from server.errors import Conflict, Forbidden, InvalidRequest, NotFound
from server.models import ClaimRequest, EarnRequest, RedeemRequest, ReverseRequest
from server.return_records import refuse_if_returned
from server.schema import ledger, receipts
from server.schema import stores as stores_t
from server.sms import Sms
from server.sms_texts import sms_text, store_locale_of


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
    customer = settled_customer(conn, req.customer_id, caller.merchant_id, clock)
    require_active(customer)
    require_not_future(req.occurred_at, clock)
    require_receipt_free(conn, caller.store_id, req.receipt_no)
    approved_by = _approve_large_earn(conn, caller, req, clock)
    now = iso(clock.now())
    lines = earning.sale_lines(conn, caller.merchant_id, req)
    earned = earning.evaluate_sale(
        conn, caller.merchant_id, store, customer.id, lines, req.occurred_at or clock.now()
    )
    points = earned.points
    entry_id, balance = append(
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
    claim_receipt(conn, caller.store_id, req.receipt_no, entry_id)
    earning.record(conn, entry_id, earned, caller.store_id, req.receipt_no)
    nxt = lots.next_expiry(conn, customer.id, now)
    said = {"store": store.name, "points": points, "balance": balance}
    if nxt is None:
        text = sms_text("earned", store_locale_of(store), **said)
    else:  # "120 points expire on 1 March 2027" (issue 16), in the store's language
        on = date.fromisoformat(nxt.on)
        text = sms_text("earned_expiry", store_locale_of(store), **said, expiring=nxt.points, on=on)
    return Outcome(
        {
            "transaction_id": entry_id,
            "points": points,
            "balance": balance,
            **earned.json(),
            "next_expiry": None if nxt is None else nxt.json(),
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
    customer = settled_customer(conn, req.customer_id, caller.merchant_id, clock)
    require_active(customer)
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
    entry_id, balance = append(
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
    customer = settled_customer(conn, entry.customer_id, caller.merchant_id, clock)
    if customer.balance - entry.points < 0:
        raise Conflict(
            f"The customer has already spent these points (balance {customer.balance})",
            code="insufficient_points",
            balance=customer.balance,
        )
    manager = approval.require_manager(conn, caller.store_id, req.approval, clock, limits)
    now = iso(clock.now())
    entry_id, balance = append(
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
        takes_first=entry.id,  # that sale's own points, not the oldest (docs/rules.md)
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
    """Missed points after the fact (seed 004), approved by a manager of the key's store.

    A plain claim earns what an earn of that sale would have at its ``occurred_at``: the
    customer's type then, the lines' categories, the campaigns running then (docs/rules.md,
    "Claims"); with ``campaign_id``, that one campaign's missed points only."""
    stores = stores or Stores(conn)
    store_id = stores.id_of(req.store, caller.merchant_id) if req.store else caller.store_id
    store = stores.settings(store_id)
    customer = settled_customer(conn, req.customer_id, caller.merchant_id, clock)
    require_active(customer)
    require_not_future(req.occurred_at, clock)
    if req.campaign_id is None:  # a campaign's missed points go to an earned receipt
        require_receipt_free(conn, store_id, req.receipt_no)
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
    if req.campaign_id is not None and req.lines is not None:
        raise InvalidRequest("lines: not with campaign_id", field="lines")
    lines = earning.sale_lines(conn, caller.merchant_id, req)  # 422 before the PIN counts
    manager = approval.require_manager(conn, caller.store_id, req.approval, clock, limits)
    earned = None
    if req.campaign_id is None:  # the sale's missed points, by the rules of an earn then
        earned = earning.evaluate_sale(
            conn, caller.merchant_id, store, customer.id, lines, req.occurred_at
        )
        points, detail = earned.points, earned.json()
    else:
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
    entry_id, balance = append(
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
    if earned is not None:
        claim_receipt(conn, store_id, req.receipt_no, entry_id)
        earning.record(conn, entry_id, earned, store_id, req.receipt_no)
    elif req.campaign_id is not None:
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
