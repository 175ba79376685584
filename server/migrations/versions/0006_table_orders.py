"""Member orders from the table (issue 18): ordering settings and menu per store, table
seatings and token keys, member passwords, codes, login throttle and sessions, orders.

Revision ID: 0006_table_orders
Revises: 0005_loyalty_rules

New tables only (server/ordering/tables.py), written out here rather than imported so that
this revision builds the same schema for ever (like 0001). Downgrade drops them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_table_orders"
down_revision = "0005_loyalty_rules"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TABLES = (
    "order_lines",
    "orders",
    "member_sessions",
    "member_throttle",
    "member_codes",
    "member_passwords",
    "ordering_tables",
    "ordering_secrets",
    "ordering_menu",
    "ordering_stores",
)


def _ref(name: str, target: str, **kw: object) -> sa.Column[int]:
    return sa.Column(name, ID, sa.ForeignKey(target), **kw)  # type: ignore[arg-type]


def upgrade() -> None:
    op.create_table(
        "ordering_stores",
        _ref("store_id", "stores.id", primary_key=True),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("program_name", sa.String(100), nullable=False),
        sa.Column("reset_url", sa.String(500)),
        sa.Column("portal_url", sa.String(500)),
        sa.Column("public_url", sa.String(500)),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "ordering_menu",
        _ref("store_id", "stores.id", primary_key=True),
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(100)),
        sa.Column("price", sa.String(20)),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "ordering_secrets",
        _ref("merchant_id", "merchants.id", primary_key=True),
        sa.Column("secret", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "ordering_tables",
        _ref("store_id", "stores.id", primary_key=True),
        sa.Column("table_code", sa.String(16), primary_key=True),
        sa.Column("generation", sa.Integer, nullable=False),
        sa.Column("rotated_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "member_passwords",
        _ref("customer_id", "customers.id", primary_key=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("set_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "member_codes",
        sa.Column("id", ID, primary_key=True),
        _ref("customer_id", "customers.id", nullable=False),
        sa.Column("code_salt", sa.String(32), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
        sa.Column("failed_attempts", sa.Integer, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.CheckConstraint("status IN ('live', 'used', 'replaced')", name="member_code_status"),
    )
    op.create_index("member_codes_customer", "member_codes", ["customer_id", "created_at"])
    op.create_table(
        "member_throttle",
        _ref("merchant_id", "merchants.id", primary_key=True),
        sa.Column("subject", sa.String(80), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.String(40)),
    )
    op.create_table(
        "member_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        _ref("store_id", "stores.id", nullable=False),
        _ref("customer_id", "customers.id"),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("cart", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
    )
    op.create_index("member_sessions_expiry", "member_sessions", ["expires_at"])
    op.create_table(
        "orders",
        sa.Column("id", ID, primary_key=True),
        _ref("store_id", "stores.id", nullable=False),
        sa.Column("table_code", sa.String(16), nullable=False),
        _ref("customer_id", "customers.id"),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("total", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        _ref("taken_till_id", "tills.id"),
        sa.Column("receipt_no", sa.String(64)),
        sa.CheckConstraint("state IN ('open', 'taken', 'paid', 'cancelled')", name="order_state"),
    )
    op.create_index("orders_store_seq", "orders", ["store_id", "seq"])
    op.create_index("orders_store_state", "orders", ["store_id", "state"])
    op.create_table(
        "order_lines",
        _ref("order_id", "orders.id", primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(32)),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("unit_price", sa.String(20), nullable=False),
        sa.Column("amount", sa.String(20), nullable=False),
    )


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
