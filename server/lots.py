"""Lots of points and their expiry (issue 16): which points are how old, and when they go.

Every positive ledger entry opens a lot (earn, claim, restore, a reversed redemption); every
negative one uses lots up, the one expiring first first and then the oldest (``lot_uses``
records which entry took how much from which lot) -- except that a reversal or a return
takes its sale's points back from that sale's own lot first. A lot of an earn or claim expires
``validity_days`` after the day of the sale (``occurred_at``, UTC date), at 00:00 UTC: an
earn on 1 March 2026 with 365 days expires "on 1 March 2027". A lot opened by giving points
back (restore, reversal) counts from the day it is opened.

Expiry is an ordinary, append-only ledger entry of kind ``expiry`` per customer and expiry
instant, taking what is left of the lots due. It is written by ``till-server expire``
(idempotent: a lot once expired has nothing left) and, lazily, by every write on the
customer before it checks a balance (``settle``), so a late job never lets expired points
be spent; reads subtract due points without writing (``due_points``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, or_, select, update

from server.db import inserted_id, iso, parse_iso
from server.rules_schema import lot_uses, lots, rule_settings
from server.schema import customers, ledger

# Entries whose points count from the sale's day; other positive entries from today.
DATED_BY_SALE = frozenset({"earn", "claim"})


@dataclass(frozen=True)
class NextExpiry:
    points: int
    on: str  # YYYY-MM-DD

    def json(self) -> dict[str, Any]:
        return {"points": self.points, "on": self.on}


# The hot path's statements, built once (see ``server.ledger``: cached compiled forms).
_VALIDITY = select(rule_settings.c.validity_days).where(
    rule_settings.c.merchant_id == bindparam("merchant_id")
)
_LIVE = (
    select(lots)
    .where(lots.c.customer_id == bindparam("customer_id"), lots.c.remaining > 0)
    .order_by(lots.c.expires_at.is_(None), lots.c.expires_at, lots.c.id)
)
_DUE_TERMS = (
    lots.c.customer_id == bindparam("customer_id"),
    lots.c.remaining > 0,
    lots.c.expires_at.is_not(None),
    lots.c.expires_at <= bindparam("now"),
)
_DUE = select(lots).where(*_DUE_TERMS).order_by(lots.c.expires_at, lots.c.id)
_DUE_SUM = select(func.coalesce(func.sum(lots.c.remaining), 0)).where(*_DUE_TERMS)
_NEXT = (
    select(lots.c.expires_at, func.sum(lots.c.remaining).label("points"))
    .where(
        lots.c.customer_id == bindparam("customer_id"),
        lots.c.remaining > 0,
        lots.c.expires_at > bindparam("now"),
    )
    .group_by(lots.c.expires_at)
    .order_by(lots.c.expires_at)
    .limit(1)
)


def validity_days(conn: Connection, merchant_id: int) -> int | None:
    row = conn.execute(_VALIDITY, {"merchant_id": merchant_id}).first()
    return None if row is None else row.validity_days


def expires_at(start: datetime, days: int | None) -> str | None:
    if days is None:
        return None
    day = start.date() + timedelta(days=days)
    return f"{day.isoformat()}T00:00:00.000000Z"


def on_entry(
    conn: Connection,
    customer: Any,
    entry_id: int,
    values: dict[str, Any],
    *,
    takes_first: int | None = None,
) -> None:
    """The lot bookkeeping of one new ledger entry (called by ``entries.append``)."""
    points = int(values["points"])
    if points > 0:
        start = values["occurred_at"] if values["kind"] in DATED_BY_SALE else values["created_at"]
        days = validity_days(conn, int(customer.merchant_id))
        conn.execute(
            insert(lots).values(
                customer_id=customer.id,
                entry_id=entry_id,
                points=points,
                remaining=points,
                expires_at=expires_at(parse_iso(start), days),
            )
        )
    elif points < 0:
        consume(conn, int(customer.id), entry_id, -points, takes_first=takes_first)


def consume(
    conn: Connection,
    customer_id: int,
    entry_id: int,
    points: int,
    *,
    takes_first: int | None = None,
) -> None:
    """Takes ``points`` from the live lots, first to expire first.

    ``takes_first``: the entry whose points these are taken back from (the sale a reversal
    or a return undoes): its own lot goes first, and only what it no longer holds comes
    from the others, oldest first -- otherwise undoing a new sale would eat the customer's
    oldest points and leave the new ones to live a full validity period. Points from before
    lots existed (a database not yet migrated) are in no lot: what the lots cannot cover is
    theirs."""
    if takes_first is not None:
        own = conn.execute(
            select(lots).where(
                lots.c.entry_id == takes_first,
                lots.c.customer_id == customer_id,
                lots.c.remaining > 0,
            )
        ).first()
        if own is not None:
            points -= _take(conn, own, entry_id, points)
    for lot in conn.execute(_LIVE, {"customer_id": customer_id}).all():
        if points <= 0:
            break
        points -= _take(conn, lot, entry_id, points)


def _take(conn: Connection, lot: Any, entry_id: int, points: int) -> int:
    """Up to ``points`` from ``lot`` for ``entry_id``, recorded (``lot_uses``); how many."""
    take = min(points, int(lot.remaining))
    if take <= 0:
        return 0
    conn.execute(update(lots).where(lots.c.id == lot.id).values(remaining=lot.remaining - take))
    conn.execute(insert(lot_uses).values(lot_id=lot.id, entry_id=entry_id, points=take))
    return take


def due_points(conn: Connection, customer_id: int, now: str) -> int:
    """Points past their expiry not yet written off (the job is late): reads subtract them."""
    total = conn.execute(_DUE_SUM, {"customer_id": customer_id, "now": now}).scalar_one()
    return int(total)


def settle(conn: Connection, customer: Any, now: datetime) -> Any:
    """Writes the customer's due expiry entries; returns the customer row as it is then.

    Runs inside the caller's write transaction with the customer row locked, before any
    balance check, so expired points can never be spent, whether the job ran or not.
    """
    stamp = iso(now)
    due = conn.execute(_DUE, {"customer_id": customer.id, "now": stamp}).all()
    if not due:
        return customer
    by_instant: dict[str, list[Any]] = {}
    for lot in due:
        by_instant.setdefault(str(lot.expires_at), []).append(lot)
    balance = int(customer.balance)
    for instant, group in by_instant.items():
        points = sum(int(lot.remaining) for lot in group)
        points = min(points, balance)  # never below zero, even with pre-lot history
        if points <= 0:
            continue
        entry_id = inserted_id(
            conn.execute(
                insert(ledger).values(
                    customer_id=customer.id,
                    store_id=_home_store(conn, group[0].entry_id),
                    kind="expiry",
                    points=-points,
                    occurred_at=instant,
                    received_at=stamp,
                    created_at=stamp,
                    reason=f"{points} points earned more than their validity ago",
                )
            )
        )
        for lot in group:
            conn.execute(
                insert(lot_uses).values(lot_id=lot.id, entry_id=entry_id, points=lot.remaining)
            )
            conn.execute(
                update(lots)
                .where(lots.c.id == lot.id)
                .values(remaining=0, expired_entry_id=entry_id)
            )
        balance -= points
    conn.execute(update(customers).where(customers.c.id == customer.id).values(balance=balance))
    return conn.execute(select(customers).where(customers.c.id == customer.id)).one()


def _home_store(conn: Connection, entry_id: int) -> int:
    """An expiry is booked at the store where the first lot it closes was earned."""
    return int(conn.execute(select(ledger.c.store_id).where(ledger.c.id == entry_id)).scalar_one())


def customers_due(conn: Connection, now: str) -> list[int]:
    return list(
        conn.execute(
            select(lots.c.customer_id)
            .where(lots.c.remaining > 0, lots.c.expires_at.is_not(None), lots.c.expires_at <= now)
            .distinct()
            .order_by(lots.c.customer_id)
        ).scalars()
    )


def next_expiry(conn: Connection, customer_id: int, now: str) -> NextExpiry | None:
    """The next points to expire after ``now``, summed over lots expiring that same day."""
    row = conn.execute(_NEXT, {"customer_id": customer_id, "now": now}).first()
    if row is None:
        return None
    return NextExpiry(int(row.points or 0), str(row.expires_at)[:10])


def next_expiry_json(conn: Connection, customer_id: int, now: str) -> dict[str, Any] | None:
    """``next_expiry`` as the API shows it (docs/rules.md)."""
    nxt = next_expiry(conn, customer_id, now)
    return None if nxt is None else nxt.json()


def live_points(conn: Connection, customer_id: int, now: str) -> int:
    """Sum of what is left in lots not past their expiry (the invariant's right side)."""
    return int(
        conn.execute(
            select(func.coalesce(func.sum(lots.c.remaining), 0)).where(
                lots.c.customer_id == customer_id,
                lots.c.remaining > 0,
                or_(lots.c.expires_at.is_(None), lots.c.expires_at > now),
            )
        ).scalar_one()
    )
