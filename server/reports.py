"""Redemption and shift reports (seed 003: "Loyalty - Date/Customer Wise Summary").

A redemption that was later reversed is left out of the redemption figures (the customer got
the points back); reversals are counted on their own in the shift report.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import aliased

from server.schema import customers, ledger


def _redemptions(conn: Connection, where: list[Any]) -> list[Any]:
    undo = aliased(ledger)
    return list(
        conn.execute(
            select(ledger, customers.c.name, customers.c.phone)
            .join(customers, customers.c.id == ledger.c.customer_id)
            .outerjoin(undo, undo.c.reverses_id == ledger.c.id)
            .where(ledger.c.kind == "redeem", undo.c.id.is_(None), *where)
            .order_by(ledger.c.id)
        ).all()
    )


def redemptions(
    conn: Connection, store_id: int, start: str, end: str, group: str
) -> dict[str, Any]:
    rows = _redemptions(
        conn,
        [ledger.c.store_id == store_id, ledger.c.created_at >= start, ledger.c.created_at < end],
    )
    groups: dict[Any, dict[str, Any]] = {}
    for r in rows:
        key = r.created_at[:10] if group == "day" else r.customer_id
        g = groups.get(key)
        if g is None:
            g = (
                {"day": key}
                if group == "day"
                else {
                    "customer_id": r.customer_id,
                    "name": r.name,
                    "phone": r.phone,
                }
            )
            g.update(points=0, value=Decimal("0.00"), count=0, with_otp=0, with_override=0)
            groups[key] = g
        g["points"] += -r.points
        g["value"] += Decimal(r.value)
        g["count"] += 1
        g["with_otp"] += int(bool(r.with_otp))
        g["with_override"] += int(bool(r.with_override))
    out = []
    for g in groups.values():
        g["value"] = f"{g['value']:.2f}"
        out.append(g)
    return {"from": start, "to": end, "group": group, "rows": out}


def shift(conn: Connection, till_id: int, start: str, end: str) -> dict[str, Any]:
    window = [ledger.c.till_id == till_id, ledger.c.created_at >= start, ledger.c.created_at < end]
    entries = conn.execute(select(ledger.c.kind, ledger.c.points).where(*window)).all()
    redeemed = _redemptions(conn, window)
    return {
        "from": start,
        "to": end,
        "earned_points": sum(e.points for e in entries if e.kind in ("earn", "claim")),
        "redeemed_points": sum(-r.points for r in redeemed),
        "redeemed_value": f"{sum((Decimal(r.value) for r in redeemed), Decimal('0.00')):.2f}",
        "redemptions_with_otp": sum(1 for r in redeemed if r.with_otp),
        "redemptions_with_override": sum(1 for r in redeemed if r.with_override),
        "reversals": sum(1 for e in entries if e.kind == "reversal"),
    }
