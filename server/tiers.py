"""Customer types and tiers (seed 001's "Customer Type", issue 16).

A type has a multiplier. A type with a ``threshold`` is a *tier*: a customer is in the
highest tier whose threshold the points they earned in the last 12 months (365 days before
the sale, net of returns and reversals) reach. Upgrade is automatic: the sale that crosses a
threshold earns at the old tier, the next one at the new. Downgrade is automatic too and
just as lazy: points earned more than 365 days ago stop counting, so a customer who stops
buying falls back when their 12-month total drops below the threshold -- no job, no date to
miss. A type without a threshold (e.g. ``staff``) is assigned by hand and never changes by
itself; an assigned tier is a floor (a manager's "gold" stays gold).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from server.catalogue import check_multiplier
from server.db import iso
from server.earn_rules import CustomerType
from server.errors import InvalidRequest, NotFound
from server.rules_schema import customer_type_of, customer_types, returns
from server.schema import ledger

WINDOW = timedelta(days=365)
STANDARD = CustomerType("standard", Decimal(1), 0, "Standard")


def types_of(conn: Connection, merchant_id: int) -> list[CustomerType]:
    rows = conn.execute(_TYPES, {"merchant_id": merchant_id}).all()
    return [CustomerType(r.code, Decimal(r.multiplier), r.threshold, r.name) for r in rows]


def set_type(
    conn: Connection,
    merchant_id: int,
    code: str,
    name: str,
    multiplier: str,
    threshold: int | None,
) -> dict[str, Any]:
    m = check_multiplier(multiplier, "multiplier")
    if threshold is not None and threshold < 0:
        raise InvalidRequest("threshold: must be 0 or more points", field="threshold")
    values = {"name": name, "multiplier": str(m), "threshold": threshold}
    mine = (customer_types.c.merchant_id == merchant_id, customer_types.c.code == code)
    if conn.execute(select(customer_types.c.id).where(*mine)).first() is None:
        conn.execute(insert(customer_types).values(merchant_id=merchant_id, code=code, **values))
    else:
        conn.execute(update(customer_types).where(*mine).values(**values))
    return {"code": code, **values}


def assign(conn: Connection, merchant_id: int, customer_id: int, code: str) -> None:
    if code not in {t.code for t in types_of(conn, merchant_id)}:
        raise NotFound(f"No customer type {code!r}", code="not_found")
    mine = customer_type_of.c.customer_id == customer_id
    if conn.execute(select(customer_type_of).where(mine)).first() is None:
        conn.execute(insert(customer_type_of).values(customer_id=customer_id, type_code=code))
    else:
        conn.execute(update(customer_type_of).where(mine).values(type_code=code))


# Built once (bindparams): SQLAlchemy caches a statement's compiled form by the object, and
# this runs on every earn and lookup.
_REVERSAL = ledger.alias("reversal")
_IN_WINDOW = (
    ledger.c.customer_id == bindparam("customer_id"),
    ledger.c.kind.in_(("earn", "claim")),
    ledger.c.occurred_at > bindparam("lo"),
    ledger.c.occurred_at <= bindparam("hi"),
    ~select(_REVERSAL.c.id).where(_REVERSAL.c.reverses_id == ledger.c.id).exists(),
)
_EARNED = select(func.coalesce(func.sum(ledger.c.points), 0)).where(*_IN_WINDOW)
_TAKEN = (
    select(func.coalesce(func.sum(returns.c.points_reversed), 0))
    .join(ledger, ledger.c.id == returns.c.sale_id)
    .where(*_IN_WINDOW)
)
_TYPES = select(customer_types).where(customer_types.c.merchant_id == bindparam("merchant_id"))
_ASSIGNED = select(customer_type_of.c.type_code).where(
    customer_type_of.c.customer_id == bindparam("customer_id")
)


def earned_in_window(conn: Connection, customer_id: int, at: datetime) -> int:
    """Points of earns and claims in the 365 days up to ``at``, less what returns and
    reversals took back from them."""
    params = {"customer_id": customer_id, "lo": iso(at - WINDOW), "hi": iso(at)}
    earned = conn.execute(_EARNED, params).scalar_one()
    taken = conn.execute(_TAKEN, params).scalar_one()
    return int(earned) - int(taken)


def pick(types: list[CustomerType], assigned: str | None, earned: int) -> CustomerType:
    """The customer's type (pure: the module's rule)."""
    by_code = {t.code: t for t in types}
    base = by_code.get(assigned) if assigned is not None else None
    if base is not None and base.threshold is None:
        return base
    tiers = sorted((t for t in types if t.threshold is not None), key=lambda t: t.threshold or 0)
    reached = [t for t in tiers if (t.threshold or 0) <= earned]
    best = reached[-1] if reached else (tiers[0] if tiers else STANDARD)
    if base is not None and (base.threshold or 0) > (best.threshold or 0):
        return base
    return best


def type_of(conn: Connection, merchant_id: int, customer_id: int, at: datetime) -> CustomerType:
    types = types_of(conn, merchant_id)
    assigned = conn.execute(_ASSIGNED, {"customer_id": customer_id}).scalar()
    by_code = {t.code: t for t in types}
    if assigned in by_code and by_code[assigned].threshold is None:
        return by_code[assigned]  # a fixed type: no need to count the 12 months
    if sum(1 for t in types if t.threshold is not None) <= 1:
        return pick(types, assigned, 0)  # one tier or none: the count cannot change it
    return pick(types, assigned, earned_in_window(conn, customer_id, at))
