"""Customer accounts: registration, lookup by card / phone / email / app id (seeds 001, 002, 004).

The phone number is the main identifier (seed 002) and is stored normalised, so "+44 7700
900123" and "+447700900123" are the same customer. A card registered by a technician but
not yet handed out answers ``card_unassigned`` rather than ``not_found``, so the till can say
"register this card" instead of "unknown card" (seed 001's troubleshooting list).

Every function takes the caller's merchant (issue 13): phone, email, app id and card are
unique within one merchant, and another merchant's customer or card is simply not found.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select, update

from server import lots, phones, tiers
from server.db import inserted_id, iso, parse_iso
from server.errors import Conflict, InvalidRequest, NotFound
from server.models import CustomerCreate, normalise_card
from server.schema import cards, customers, ledger

APP_QR_PREFIX = "LOYALTY:"


def create_customer(
    conn: Connection,
    merchant_id: int,
    req: CustomerCreate,
    now: str,
    region: str = phones.DEFAULT_REGION,
) -> dict[str, Any]:
    """``region``: the caller's store's, for a phone number given in national form."""
    phone = phones.to_e164(req.phone, region)
    clash = [customers.c.phone == phone]
    if req.email is not None:
        clash.append(customers.c.email == req.email)
    if req.app_id is not None:
        clash.append(customers.c.app_id == req.app_id)
    existing = conn.execute(
        select(customers).where(customers.c.merchant_id == merchant_id, or_(*clash))
    ).first()
    if existing is not None:
        given = {"phone": phone, "email": req.email, "app_id": req.app_id}
        field = next(
            f
            for f in ("phone", "email", "app_id")
            if given[f] is not None and getattr(existing, f) == given[f]
        )
        raise Conflict(
            f"A customer with this {field.replace('_', ' ')} already exists",
            code="customer_exists",
            field=field,
            customer_id=existing.id,
        )
    numbers = list(dict.fromkeys(req.cards))
    taken = conn.execute(
        select(cards.c.number).where(
            cards.c.merchant_id == merchant_id,
            cards.c.number.in_(numbers),
            cards.c.customer_id.is_not(None),
        )
    ).all()
    if taken:
        raise Conflict(
            "A card is already assigned to another customer",
            code="card_exists",
            numbers=[r.number for r in taken],
        )
    customer_id = inserted_id(
        conn.execute(
            insert(customers).values(
                merchant_id=merchant_id,
                phone=phone,
                name=req.name,
                email=req.email,
                app_id=req.app_id,
                status="active",
                balance=0,
                created_at=now,
            )
        )
    )
    attach_cards(conn, merchant_id, customer_id, numbers, now)
    return customer_json(conn, merchant_id, customer_id)


def attach_cards(
    conn: Connection, merchant_id: int, customer_id: int, numbers: list[str], now: str
) -> None:
    """Registered (unassigned) cards are activated; unknown references are created assigned."""
    for number in numbers:
        mine = (cards.c.merchant_id == merchant_id, cards.c.number == number)
        known = conn.execute(select(cards.c.number).where(*mine)).first()
        if known is None:
            conn.execute(
                insert(cards).values(
                    merchant_id=merchant_id,
                    number=number,
                    customer_id=customer_id,
                    status="active",
                    created_at=now,
                )
            )
        else:
            conn.execute(
                update(cards).where(*mine).values(customer_id=customer_id, status="active")
            )


def set_status(conn: Connection, customer_id: int, status: str) -> None:
    conn.execute(update(customers).where(customers.c.id == customer_id).values(status=status))


def customer_json(
    conn: Connection, merchant_id: int, customer_id: int, now: str | None = None
) -> dict[str, Any]:
    """The customer as the API shows it. ``balance`` is net of points already past their
    expiry even if the expiry job has not written them off yet (issue 16, ``server.lots``);
    ``now`` is the backend's clock (tests move it), else the wall clock."""
    at = parse_iso(now) if now is not None else datetime.now(UTC)
    stamp = iso(at)
    row = conn.execute(
        select(customers).where(
            customers.c.id == customer_id, customers.c.merchant_id == merchant_id
        )
    ).first()
    if row is None:
        raise NotFound("No such customer", code="not_found")
    numbers = conn.execute(
        select(cards.c.number).where(cards.c.customer_id == customer_id).order_by(cards.c.number)
    ).all()
    return {
        "id": row.id,
        "phone": row.phone,
        "name": row.name,
        "email": row.email,
        "app_id": row.app_id,
        "status": row.status,
        "balance": row.balance - lots.due_points(conn, row.id, stamp),
        "cards": [r.number for r in numbers],
        "customer_type": tiers.type_of(conn, merchant_id, row.id, at).code,
        "next_expiry": lots.next_expiry_json(conn, row.id, stamp),
    }


def lookup(
    conn: Connection,
    merchant_id: int,
    by: str,
    value: str,
    region: str = phones.DEFAULT_REGION,
    now: str | None = None,
) -> dict[str, Any]:
    """The customer identified by one of card, phone, email, app_id; ``not_found`` else.

    A phone number may be national for ``region`` (the caller's store's); it is compared
    in E.164 form, as stored."""
    try:
        if by == "card":
            number = normalise_card(value)
            card = conn.execute(
                select(cards).where(cards.c.merchant_id == merchant_id, cards.c.number == number)
            ).first()
            if card is not None and card.customer_id is None:
                raise NotFound(
                    "This card is registered but not yet given to a customer",
                    code="card_unassigned",
                    number=number,
                )
            where = customers.c.id == (card.customer_id if card is not None else -1)
        elif by == "phone":
            where = customers.c.phone == phones.to_e164(value, region)
        elif by == "email":
            where = func.lower(customers.c.email) == value.strip().lower()
        else:
            app_id = value.strip()
            if app_id.upper().startswith(APP_QR_PREFIX):
                app_id = app_id[len(APP_QR_PREFIX) :]
            where = customers.c.app_id == app_id
    except ValueError as exc:
        raise InvalidRequest(f"{by}: {exc}", code="invalid_request", field=by) from None
    row = conn.execute(
        select(customers.c.id).where(where, customers.c.merchant_id == merchant_id)
    ).first()
    if row is None:
        raise NotFound(f"No customer with this {by.replace('_', ' ')}", code="not_found")
    return customer_json(conn, merchant_id, row.id, now)


def transactions_json(
    conn: Connection, merchant_id: int, customer_id: int, limit: int
) -> dict[str, Any]:
    customer_json(conn, merchant_id, customer_id)  # 404 for an unknown (or foreign) customer
    rows = conn.execute(
        select(ledger)
        .where(ledger.c.customer_id == customer_id)
        .order_by(ledger.c.id.desc())
        .limit(limit)
    ).all()
    reversed_ids = {
        r.reverses_id
        for r in conn.execute(
            select(ledger.c.reverses_id).where(
                ledger.c.reverses_id.in_([r.id for r in rows]),
            )
        ).all()
    }
    return {
        "customer_id": customer_id,
        "transactions": [entry_json(r, r.id in reversed_ids) for r in rows],
    }


def entry_json(row: Any, reversed_: bool) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "points": row.points,
        "amount": row.amount,
        "value": row.value,
        "receipt_no": row.receipt_no,
        "occurred_at": row.occurred_at,
        "received_at": row.received_at,
        "created_at": row.created_at,
        "op_id": row.op_id,
        "reverses": row.reverses_id,
        "corrects": row.corrects_id,
        "reversed": reversed_,
        "with_otp": bool(row.with_otp),
        "with_override": bool(row.with_override),
        "approved": row.approved_by is not None,
        "reason": row.reason,
    }
