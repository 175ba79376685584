"""Store limits beyond the OTP policy: the largest earn a till may book on its own.

An earn of 999,999,999.99 used to give 999,999,999 points with no one asked (issue 13,
finding 6): a typo or a rogue till key could mint any number of points. Above the store's
``max_earn_amount`` an earn now needs a manager's approval (``approval_required``), like a
missed-points claim. The limit lives in a table of its own (``store_limits``) so that an
existing database gains it without a migration; no row means no limit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select

from server.schema import store_limits

_MAX_EARN = select(store_limits.c.max_earn_amount).where(
    store_limits.c.store_id == bindparam("store_id")
)


def max_earn(conn: Connection, store_id: int) -> Decimal | None:
    value = conn.execute(_MAX_EARN, {"store_id": store_id}).scalar()
    return None if value is None else Decimal(value)


def set_max_earn(conn: Connection, store_id: int, amount: Decimal | None) -> None:
    conn.execute(delete(store_limits).where(store_limits.c.store_id == store_id))
    if amount is not None:
        conn.execute(
            insert(store_limits).values(store_id=store_id, max_earn_amount=f"{amount:.2f}")
        )


def limits_json(conn: Connection, store_id: int) -> dict[str, Any]:
    amount = max_earn(conn, store_id)
    return {"max_earn_amount": None if amount is None else f"{amount:.2f}"}
