"""The built-in "My rewards" page's figures: balance, recent points, next expiry.

Seed 000 sends the member to the merchant's rewards portal when one is configured; without
one this page answers the same three questions. Times are shown in the store's zone
(``stores.time_zone``, ``server/store_locale.py``), as everywhere a person reads them; the
page writes them, and names the kinds, in its language (``i18n``). The next expiry comes
from the points lots of issue 16 (none: no line shown).
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, select

from server.db import parse_iso
from server.rules_schema import lots
from server.schema import customers, ledger, stores

HISTORY = 10
# Ledger kinds (``server.schema.ledger``) with a sentence in ``page_texts`` (``history.*``).
KINDS = ("earn", "redeem", "reversal", "claim", "correction", "return", "restore", "expiry")


def _zone(conn: Connection, store_id: int) -> ZoneInfo:
    name = conn.execute(select(stores.c.time_zone).where(stores.c.id == store_id)).scalar()
    try:
        return ZoneInfo(str(name or "Europe/London"))
    except (KeyError, ValueError):
        return ZoneInfo("Europe/London")


def summary(conn: Connection, store_id: int, merchant_id: int, customer_id: int) -> dict[str, Any]:
    zone = _zone(conn, store_id)
    balance = conn.execute(
        select(customers.c.balance).where(
            customers.c.id == customer_id, customers.c.merchant_id == merchant_id
        )
    ).scalar()
    rows = conn.execute(
        select(ledger.c.kind, ledger.c.points, ledger.c.occurred_at)
        .where(ledger.c.customer_id == customer_id)
        .order_by(ledger.c.id.desc())
        .limit(HISTORY)
    ).all()
    history = [
        {
            "when": parse_iso(r.occurred_at).astimezone(zone),
            "what": f"history.{r.kind if r.kind in KINDS else 'other'}",
            "points": int(r.points),
        }
        for r in rows
    ]
    nxt = conn.execute(
        select(lots.c.expires_at, func.sum(lots.c.remaining).label("points"))
        .where(
            lots.c.customer_id == customer_id,
            lots.c.remaining > 0,
            lots.c.expires_at.is_not(None),
        )
        .group_by(lots.c.expires_at)
        .order_by(lots.c.expires_at)
        .limit(1)
    ).first()
    expiry = None
    if nxt is not None:
        expiry = {
            "points": int(nxt.points),
            "date": parse_iso(nxt.expires_at).astimezone(zone),
        }
    return {"balance": int(balance or 0), "history": history, "expiry": expiry}
