"""An index to find a ledger entry by the op that made it (issue 11).

Revision ID: 0009_ledger_op_index
Revises: 0008_phones_e164

A reversal may name its transaction by ``reverses_op_id`` rather than by id: after a
restore from a backup the op is applied again under a new id (and the old id may be another
transaction's), but its op_id stays. The lookup is per store, like the id's.
"""

from __future__ import annotations

from alembic import op

revision = "0009_ledger_op_index"
down_revision = "0008_phones_e164"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ledger_store_op", "ledger", ["store_id", "op_id"])


def downgrade() -> None:
    op.drop_index("ledger_store_op", table_name="ledger")
