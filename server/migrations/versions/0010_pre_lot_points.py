"""Points from before lots existed get a lot, so they expire too (issue 16): data only.

Revision ID: 0010_pre_lot_points
Revises: 0009_ledger_op_index

Lots came with revision 0005; the balance a customer had then was in no lot, and what no lot
holds never expires (``server.lots``). Each customer's pre-lot points -- the balance less
what is left in their lots -- become one lot that expires ``validity_days`` (the merchant's
programme; none: never) after the day this revision runs, at 00:00 UTC: members get a full
validity period from the change (docs/rules.md, "Expiry"), never a surprise write-off of
points they did not know could go. The lot is opened by the customer's last positive entry
that has no lot of its own (its cause: the old history); the ledger gains no entry, the
balance does not move.

The tables are spelt out here, not imported from ``server.schema``: a revision must do the
same thing for ever. Downgrade keeps the lots (the older revisions know lots, and the
points in them are the customer's either way).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0010_pre_lot_points"
down_revision = "0009_ledger_op_index"
branch_labels = None
depends_on = None

_customers = sa.table(
    "customers",
    sa.column("id", sa.BigInteger),
    sa.column("merchant_id", sa.BigInteger),
    sa.column("balance", sa.Integer),
)
_ledger = sa.table(
    "ledger",
    sa.column("id", sa.BigInteger),
    sa.column("customer_id", sa.BigInteger),
    sa.column("points", sa.Integer),
)
_lots = sa.table(
    "lots",
    sa.column("id", sa.BigInteger),
    sa.column("customer_id", sa.BigInteger),
    sa.column("entry_id", sa.BigInteger),
    sa.column("points", sa.Integer),
    sa.column("remaining", sa.Integer),
    sa.column("expires_at", sa.String),
)
_rule_settings = sa.table(
    "rule_settings",
    sa.column("merchant_id", sa.BigInteger),
    sa.column("validity_days", sa.Integer),
)


def expiry_from(now: datetime, days: int | None) -> str | None:
    """``days`` after ``now``'s UTC day, at 00:00 UTC (the lots' own rule); None: never."""
    if days is None:
        return None
    day = now.astimezone(UTC).date() + timedelta(days=days)
    return f"{day.isoformat()}T00:00:00.000000Z"


def carry_over(conn: sa.Connection, now: datetime) -> int:
    """Opens the pre-lot lots; returns how many customers got one."""
    validity = {
        int(r.merchant_id): r.validity_days for r in conn.execute(sa.select(_rule_settings))
    }
    in_lots = (
        sa.select(sa.func.coalesce(sa.func.sum(_lots.c.remaining), 0))
        .where(_lots.c.customer_id == _customers.c.id)
        .scalar_subquery()
    )
    rows = conn.execute(
        sa.select(_customers.c.id, _customers.c.merchant_id, (_customers.c.balance - in_lots))
        .where(_customers.c.balance - in_lots > 0)
        .order_by(_customers.c.id)
    ).all()
    done = 0
    for customer_id, merchant_id, points in rows:
        cause = conn.execute(
            sa.select(sa.func.max(_ledger.c.id)).where(
                _ledger.c.customer_id == customer_id,
                _ledger.c.points > 0,
                ~sa.select(_lots.c.id).where(_lots.c.entry_id == _ledger.c.id).exists(),
            )
        ).scalar_one()
        if cause is None:  # pragma: no cover - pre-lot points always come from such an entry
            continue
        conn.execute(
            sa.insert(_lots).values(
                customer_id=customer_id,
                entry_id=cause,
                points=int(points),
                remaining=int(points),
                expires_at=expiry_from(now, validity.get(int(merchant_id))),
            )
        )
        done += 1
    return done


def upgrade() -> None:
    carry_over(op.get_bind(), datetime.now(UTC))


def downgrade() -> None:
    pass
