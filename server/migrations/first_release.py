"""The tables of the first release (commit 48395bc), frozen: revision 0001 creates them.

A copy, not an import of ``server.schema``: a revision must build the same schema for ever,
whatever the current tables look like. ``uq``/``pk`` names follow PostgreSQL's own defaults
(``<table>_<column>_key``, ``<table>_pkey``) so that later revisions drop them by one name on
both engines (SQLite leaves them unnamed; batch mode names them by the same convention).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# What PostgreSQL calls unnamed constraints; given to batch mode for SQLite's reflection.
NAMING = {
    "uq": "%(table_name)s_%(column_0_name)s_key",
    "pk": "%(table_name)s_pkey",
    "fk": "%(table_name)s_%(column_0_name)s_fkey",
}


def define() -> MetaData:
    m = MetaData()
    Table(
        "stores",
        m,
        Column("id", Integer, primary_key=True),
        Column("code", String(32), nullable=False, unique=True),
        Column("name", String(100), nullable=False),
        Column("currency", String(3), nullable=False),
        Column("points_per_unit", String(20), nullable=False),
        Column("point_value", String(20), nullable=False),
        Column("otp_required", Boolean, nullable=False),
        Column("otp_min_value", String(20), nullable=False),
    )
    Table(
        "tills",
        m,
        Column("id", Integer, primary_key=True),
        Column("store_id", ForeignKey("stores.id"), nullable=False),
        Column("code", String(32), nullable=False),
        UniqueConstraint("store_id", "code"),
    )
    Table(
        "api_keys",
        m,
        Column("id", Integer, primary_key=True),
        Column("till_id", ForeignKey("tills.id"), nullable=False),
        Column("key_hash", String(64), nullable=False, unique=True),
        Column("hint", String(8), nullable=False),
        Column("created_at", String(40), nullable=False),
        Column("revoked_at", String(40)),
    )
    Table(
        "staff",
        m,
        Column("id", Integer, primary_key=True),
        Column("store_id", ForeignKey("stores.id"), nullable=False),
        Column("name", String(64), nullable=False),
        Column("role", String(16), nullable=False),
        Column("pin_hash", String(200), nullable=False),
        Column("failed_attempts", Integer, nullable=False),
        Column("locked_until", String(40)),
        UniqueConstraint("store_id", "name"),
        CheckConstraint("role IN ('cashier', 'manager')", name="staff_role"),
    )
    Table(
        "customers",
        m,
        Column("id", Integer, primary_key=True),
        Column("phone", String(20), nullable=False, unique=True),
        Column("name", String(100), nullable=False),
        Column("email", String(254), unique=True),
        Column("app_id", String(64), unique=True),
        Column("status", String(10), nullable=False),
        Column("balance", Integer, nullable=False),
        Column("created_at", String(40), nullable=False),
        CheckConstraint("balance >= 0", name="balance_not_negative"),
        CheckConstraint("status IN ('active', 'inactive')", name="customer_status"),
    )
    Table(
        "programs",
        m,
        Column("id", Integer, primary_key=True),
        Column("name", String(64), nullable=False, unique=True),
        Column("range_start", String(19), nullable=False),
        Column("range_end", String(19), nullable=False),
    )
    cards = Table(
        "cards",
        m,
        Column("number", String(40), primary_key=True),
        Column("program_id", ForeignKey("programs.id")),
        Column("customer_id", ForeignKey("customers.id")),
        Column("status", String(12), nullable=False),
        Column("created_at", String(40), nullable=False),
        CheckConstraint("status IN ('unassigned', 'active')", name="card_status"),
    )
    Index("cards_customer", cards.c.customer_id)
    ledger = Table(
        "ledger",
        m,
        Column("id", Integer, primary_key=True),
        Column("customer_id", ForeignKey("customers.id"), nullable=False),
        Column("store_id", ForeignKey("stores.id"), nullable=False),
        Column("till_id", ForeignKey("tills.id")),
        Column("kind", String(12), nullable=False),
        Column("points", Integer, nullable=False),
        Column("amount", String(20)),
        Column("value", String(20)),
        Column("receipt_no", String(64)),
        Column("occurred_at", String(40), nullable=False),
        Column("created_at", String(40), nullable=False),
        Column("op_id", String(100)),
        Column("reverses_id", ForeignKey("ledger.id"), unique=True),
        Column("corrects_id", ForeignKey("ledger.id")),
        Column("approved_by", ForeignKey("staff.id")),
        Column("with_otp", Boolean, nullable=False),
        Column("with_override", Boolean, nullable=False),
        Column("reason", Text),
        CheckConstraint(
            "kind IN ('earn', 'redeem', 'reversal', 'claim', 'correction')", name="ledger_kind"
        ),
    )
    Index("ledger_customer", ledger.c.customer_id, ledger.c.id)
    Index("ledger_store_time", ledger.c.store_id, ledger.c.created_at)
    Table(
        "receipts",
        m,
        Column("store_id", ForeignKey("stores.id"), primary_key=True),
        Column("receipt_no", String(64), primary_key=True),
        Column("transaction_id", ForeignKey("ledger.id"), nullable=False),
    )
    otp = Table(
        "otp_challenges",
        m,
        Column("id", String(36), primary_key=True),
        Column("customer_id", ForeignKey("customers.id"), nullable=False),
        Column("till_id", ForeignKey("tills.id"), nullable=False),
        Column("points", Integer, nullable=False),
        Column("code_salt", String(32), nullable=False),
        Column("code_hash", String(64), nullable=False),
        Column("created_at", String(40), nullable=False),
        Column("expires_at", String(40), nullable=False),
        Column("last_sent_at", String(40), nullable=False),
        Column("resends", Integer, nullable=False),
        Column("failed_attempts", Integer, nullable=False),
        Column("status", String(10), nullable=False),
        CheckConstraint("status IN ('live', 'used', 'replaced')", name="otp_status"),
    )
    Index("otp_customer_time", otp.c.customer_id, otp.c.created_at)
    Table(
        "operations",
        m,
        Column("op_id", String(100), primary_key=True),
        Column("kind", String(16), nullable=False),
        Column("body_hash", String(64), nullable=False),
        Column("status", Integer, nullable=False),
        Column("response", Text, nullable=False),
        Column("created_at", String(40), nullable=False),
    )
    return m
