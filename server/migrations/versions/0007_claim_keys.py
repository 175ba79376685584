"""Receipt claim keys and the stores' claim periods (issue 17, server/receipt_claims.py).

Revision ID: 0007_claim_keys
Revises: 0006_table_orders

New tables only, written out here (not imported) so that this revision builds the same
schema for ever. Downgrade drops them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_claim_keys"
down_revision = "0006_table_orders"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "claim_keys",
        sa.Column("id", ID, primary_key=True),
        sa.Column("till_id", ID, sa.ForeignKey("tills.id"), nullable=False),
        sa.Column("secret", sa.String(128), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("revoked_at", sa.String(40)),
    )
    op.create_table(
        "claim_periods",
        sa.Column("store_id", ID, sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("days", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("claim_periods")
    op.drop_table("claim_keys")
