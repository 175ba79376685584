"""The ordering tables, registered on the backend's one ``MetaData`` (``server.schema``).

Kept apart from ``server/schema.py`` so the feature is one package; ``server.schema`` imports
this module at its end, so ``metadata.create_all`` (``server.db.make_engine``) and the
migrations see these tables wherever the engine is made. Money is a decimal string, times
are UTC ISO 8601 strings, as in the rest of the schema.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from server.schema import Id, metadata

# Per-store configuration (seed 000, "ECMS configuration"): whether ordering at the table
# is on, the CRM program name shown to members, the optional password-reset and rewards-
# portal links, and the public base URL of the member pages (the QR codes point there).
# ``seq`` counts changes to the store's orders: the till's feed cursor. Bumping it locks the
# row (PostgreSQL: row lock until commit), so change numbers are handed out in commit order.
ordering_stores = Table(
    "ordering_stores",
    metadata,
    Column("store_id", ForeignKey("stores.id"), primary_key=True),
    Column("enabled", Boolean, nullable=False, default=False),
    Column("program_name", String(100), nullable=False, default=""),
    Column("reset_url", String(500)),
    Column("portal_url", String(500)),
    Column("public_url", String(500)),
    Column("seq", Integer, nullable=False, default=0),
    Column("updated_at", String(40), nullable=False),
)

# The menu a member orders from, per store, in display order. An item whose code is in the
# merchant's catalogue (issue 16, ``catalogue_items``) takes its name and price from there,
# so the till and the table show one price; ``name``/``price`` here are for items that are
# not (yet) catalogued.
ordering_menu = Table(
    "ordering_menu",
    metadata,
    Column("store_id", ForeignKey("stores.id"), primary_key=True),
    Column("code", String(32), primary_key=True),
    Column("name", String(100)),
    Column("price", String(20)),
    Column("position", Integer, nullable=False),
)

# The HMAC key material of table tokens, one per merchant (``table_tokens``).
ordering_secrets = Table(
    "ordering_secrets",
    metadata,
    Column("merchant_id", ForeignKey("merchants.id"), primary_key=True),
    Column("secret", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
)

# The seating counter of each table: a token carries the generation it was issued for, and
# rotating (a new seating) increments it, so every earlier token of the table stops working.
ordering_tables = Table(
    "ordering_tables",
    metadata,
    Column("store_id", ForeignKey("stores.id"), primary_key=True),
    Column("table_code", String(16), primary_key=True),
    Column("generation", Integer, nullable=False, default=1),
    Column("rotated_at", String(40), nullable=False),
)

# A member's web password (hashed like staff PINs: scrypt over an HMAC with the pepper).
member_passwords = Table(
    "member_passwords",
    metadata,
    Column("customer_id", ForeignKey("customers.id"), primary_key=True),
    Column("password_hash", String(200), nullable=False),
    Column("set_at", String(40), nullable=False),
)

# 6-digit codes by SMS that let a member set (first use) or reset a password.
member_codes = Table(
    "member_codes",
    metadata,
    Column("id", Id, primary_key=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=False),
    Column("code_salt", String(32), nullable=False),
    Column("code_hash", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("status", String(10), nullable=False, default="live"),
    CheckConstraint("status IN ('live', 'used', 'replaced')", name="member_code_status"),
)
Index("member_codes_customer", member_codes.c.customer_id, member_codes.c.created_at)

# Failed logins and code checks per merchant and phone number as typed (unknown numbers
# too, answered alike): each failure from the fifth in a row doubles the wait.
member_throttle = Table(
    "member_throttle",
    metadata,
    Column("merchant_id", ForeignKey("merchants.id"), primary_key=True),
    Column("subject", String(80), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("locked_until", String(40)),
)

# Browser sessions of the member page: only the SHA-256 of the cookie's value is stored.
# A session belongs to one store; ``customer_id`` is set once the member has logged in.
member_sessions = Table(
    "member_sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("store_id", ForeignKey("stores.id"), nullable=False),
    Column("customer_id", ForeignKey("customers.id")),
    Column("csrf", String(64), nullable=False),
    Column("cart", Text, nullable=False, default="{}"),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
)
Index("member_sessions_expiry", member_sessions.c.expires_at)

orders = Table(
    "orders",
    metadata,
    Column("id", Id, primary_key=True),
    Column("store_id", ForeignKey("stores.id"), nullable=False),
    Column("table_code", String(16), nullable=False),
    Column("customer_id", ForeignKey("customers.id")),
    Column("state", String(10), nullable=False, default="open"),
    Column("total", String(20), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("taken_till_id", ForeignKey("tills.id")),
    Column("receipt_no", String(64)),
    CheckConstraint("state IN ('open', 'taken', 'paid', 'cancelled')", name="order_state"),
)
Index("orders_store_seq", orders.c.store_id, orders.c.seq)
Index("orders_store_state", orders.c.store_id, orders.c.state)

order_lines = Table(
    "order_lines",
    metadata,
    Column("order_id", ForeignKey("orders.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("code", String(32)),
    Column("name", String(100), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("unit_price", String(20), nullable=False),
    Column("amount", String(20), nullable=False),
)
