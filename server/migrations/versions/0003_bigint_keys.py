"""64-bit keys: every id and every column that refers to one becomes BIGINT (PostgreSQL).

Revision ID: 0003_bigint_keys
Revises: 0002_merchants

A chain books millions of ledger rows a year; a 32-bit serial stops at 2,147,483,647. SQLite's
``INTEGER PRIMARY KEY`` is already 64-bit (https://sqlite.org/datatype3.html), so there this
revision changes nothing. On PostgreSQL the sequences behind the ids are widened too
(``ALTER SEQUENCE ... AS bigint``): a serial's sequence is created ``AS integer``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_bigint_keys"
down_revision = "0002_merchants"
branch_labels = None
depends_on = None

SERIAL = ("merchants", "stores", "tills", "api_keys", "staff", "customers", "programs",
          "ledger", "audit_log")  # fmt: skip
REFERENCES = {
    "stores": ["merchant_id"],
    "tills": ["store_id"],
    "api_keys": ["till_id"],
    "staff": ["store_id"],
    "customers": ["merchant_id"],
    "programs": ["merchant_id"],
    "cards": ["merchant_id", "program_id", "customer_id"],
    "ledger": ["customer_id", "store_id", "till_id", "reverses_id", "corrects_id", "approved_by"],
    "receipts": ["store_id", "transaction_id"],
    "otp_challenges": ["customer_id", "till_id"],
    "operations": ["merchant_id"],
    "audit_log": ["store_id", "till_id", "staff_id"],
    "pin_throttle": ["till_id"],
    "otp_guard": ["customer_id"],
    "store_limits": ["store_id"],
}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for table in SERIAL:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN id TYPE BIGINT")
        seq = bind.execute(
            sa.text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}
        ).scalar_one()
        if seq:
            op.execute(f"ALTER SEQUENCE {seq} AS bigint")
    for table, columns in REFERENCES.items():
        for column in columns:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE BIGINT")


def downgrade() -> None:
    raise NotImplementedError("ids may already exceed 32 bits: restore a backup instead")
