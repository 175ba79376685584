"""What returns already did to a sale: the guard that keeps reversals and returns from
settling the same points twice (issue 16). Apart from ``server.returns`` so that the ledger
can use it without importing the module that builds on the ledger."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from server.errors import Conflict
from server.rules_schema import returns
from server.schema import ledger as ledger_t


def not_reversed() -> Any:
    r = ledger_t.alias("rev")
    return ~select(r.c.id).where(r.c.reverses_id == ledger_t.c.id).exists()


def refuse_if_returned(conn: Connection, entry: Any) -> None:
    """A sale with returns, or a redemption its returns gave points back for, is settled
    by returns from then on: a reversal would take or give the same points twice."""
    if entry.kind in ("earn", "claim"):
        hit = conn.execute(select(returns.c.id).where(returns.c.sale_id == entry.id)).first()
    else:
        hit = conn.execute(
            select(returns.c.id)
            .join(ledger_t, ledger_t.c.id == returns.c.sale_id)
            .where(
                ledger_t.c.store_id == entry.store_id,
                ledger_t.c.receipt_no == entry.receipt_no,
                returns.c.points_restored > 0,
            )
        ).first()
    if hit is not None:
        raise Conflict(
            "Goods of this receipt were returned: the return settled its points",
            code="already_returned",
        )
