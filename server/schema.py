"""The backend's tables, in SQLAlchemy Core so that PostgreSQL is only a URL change.

Money is stored as decimal strings (exact, portable: SQLite has no decimal type), points as
integers, times as UTC ISO 8601 strings (lexical order = time order). The ledger is
append-only; ``customers.balance`` is a cache of the ledger's sum, updated in the same
transaction as each entry and guarded by a CHECK so it can never go negative.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
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

metadata = MetaData()

# Keys are 64-bit (issue 14): BIGINT on PostgreSQL; on SQLite INTEGER, because only an
# ``INTEGER PRIMARY KEY`` is the (already 64-bit) rowid that numbers new rows itself.
Id = BigInteger().with_variant(Integer(), "sqlite")

# A merchant is one brand (issue 13): its stores share members, cards, programs and
# idempotency keys; nothing of one merchant is visible to another merchant's keys.
merchants = Table(
    "merchants",
    metadata,
    Column("id", Id, primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
)

stores = Table(
    "stores",
    metadata,
    Column("id", Id, primary_key=True),
    Column("merchant_id", ForeignKey("merchants.id"), nullable=False),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("currency", String(3), nullable=False, default="GBP"),
    Column("points_per_unit", String(20), nullable=False, default="1"),
    Column("point_value", String(20), nullable=False, default="0.01"),
    Column("otp_required", Boolean, nullable=False, default=False),
    Column("otp_min_value", String(20), nullable=False, default="0.00"),
    # ISO 3166-1 alpha-2: national phone numbers typed at this store's tills (server/phones.py).
    Column("phone_region", String(2), nullable=False, default="GB", server_default="GB"),
    # IANA tz name and CLDR locale of the store's screens and receipts (server/store_locale.py).
    Column("time_zone", String(64), nullable=False, server_default="Europe/London"),
    Column("locale", String(16), nullable=False, server_default="en_GB"),
)

tills = Table(
    "tills",
    metadata,
    Column("id", Id, primary_key=True),
    Column("store_id", ForeignKey("stores.id"), nullable=False),
    Column("code", String(32), nullable=False),
    UniqueConstraint("store_id", "code"),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Id, primary_key=True),
    Column("till_id", ForeignKey("tills.id"), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("hint", String(8), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Id, primary_key=True),
    Column("store_id", ForeignKey("stores.id"), nullable=False),
    Column("name", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("pin_hash", String(200), nullable=False),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("locked_until", String(40)),
    UniqueConstraint("store_id", "name"),
    CheckConstraint("role IN ('cashier', 'manager')", name="staff_role"),
)

customers = Table(
    "customers",
    metadata,
    Column("id", Id, primary_key=True),
    Column("merchant_id", ForeignKey("merchants.id"), nullable=False),
    Column("phone", String(20), nullable=False),
    Column("name", String(100), nullable=False, default=""),
    Column("email", String(254)),
    Column("app_id", String(64)),
    Column("status", String(10), nullable=False, default="active"),
    Column("balance", Integer, nullable=False, default=0),
    Column("created_at", String(40), nullable=False),
    UniqueConstraint("merchant_id", "phone"),
    UniqueConstraint("merchant_id", "email"),
    UniqueConstraint("merchant_id", "app_id"),
    CheckConstraint("balance >= 0", name="balance_not_negative"),
    CheckConstraint("status IN ('active', 'inactive')", name="customer_status"),
)

programs = Table(
    "programs",
    metadata,
    Column("id", Id, primary_key=True),
    Column("merchant_id", ForeignKey("merchants.id"), nullable=False),
    Column("name", String(64), nullable=False),
    Column("range_start", String(19), nullable=False),
    Column("range_end", String(19), nullable=False),
    UniqueConstraint("merchant_id", "name"),
)

cards = Table(
    "cards",
    metadata,
    Column("merchant_id", ForeignKey("merchants.id"), primary_key=True),
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
    metadata,
    Column("id", Id, primary_key=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=False),
    Column("store_id", ForeignKey("stores.id"), nullable=False),
    Column("till_id", ForeignKey("tills.id")),
    Column("kind", String(12), nullable=False),
    Column("points", Integer, nullable=False),  # signed change of the balance
    Column("amount", String(20)),  # sale amount for earn / claim
    Column("value", String(20)),  # money value of redeemed points
    Column("receipt_no", String(64)),
    Column("occurred_at", String(40), nullable=False),  # the till's clock
    Column("received_at", String(40)),  # ours, when the request arrived (clock skew)
    Column("created_at", String(40), nullable=False),
    Column("op_id", String(100)),
    Column("reverses_id", ForeignKey("ledger.id"), unique=True),
    Column("corrects_id", ForeignKey("ledger.id")),
    Column("approved_by", ForeignKey("staff.id")),
    Column("with_otp", Boolean, nullable=False, default=False),
    Column("with_override", Boolean, nullable=False, default=False),
    Column("reason", Text),
    CheckConstraint(
        # return / restore / expiry: issue 16 (server/returns.py, server/lots.py).
        "kind IN ('earn', 'redeem', 'reversal', 'claim', 'correction',"
        " 'return', 'restore', 'expiry')",
        name="ledger_kind",
    ),
)
Index("ledger_customer", ledger.c.customer_id, ledger.c.id)
Index("ledger_store_time", ledger.c.store_id, ledger.c.created_at)
# A reversal names its transaction by the op that made it (ReverseRequest.reverses_op_id).
Index("ledger_store_op", ledger.c.store_id, ledger.c.op_id)

# A receipt earns once per store, at the sale or by a later claim; reversing the entry
# deletes its row so that the receipt can earn again (seed 004: correct by re-allocating).
receipts = Table(
    "receipts",
    metadata,
    Column("store_id", ForeignKey("stores.id"), primary_key=True),
    Column("receipt_no", String(64), primary_key=True),
    Column("transaction_id", ForeignKey("ledger.id"), nullable=False),
)

otp_challenges = Table(
    "otp_challenges",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=False),
    Column("till_id", ForeignKey("tills.id"), nullable=False),
    Column("points", Integer, nullable=False),
    Column("code_salt", String(32), nullable=False),
    Column("code_hash", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("last_sent_at", String(40), nullable=False),
    Column("resends", Integer, nullable=False, default=0),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("status", String(10), nullable=False, default="live"),
    CheckConstraint("status IN ('live', 'used', 'replaced')", name="otp_status"),
)
Index("otp_customer_time", otp_challenges.c.customer_id, otp_challenges.c.created_at)

# The idempotency record of every write, kept for ever: a till can be offline for days.
# Keyed per merchant (issue 13): another merchant's op_id is another operation. A cancelled
# op_id (``POST /v1/ops/{op_id}/cancel``) is a row of kind ``cancelled``: refused for ever.
operations = Table(
    "operations",
    metadata,
    Column("merchant_id", ForeignKey("merchants.id"), primary_key=True),
    Column("op_id", String(100), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("body_hash", String(64), nullable=False),
    Column("status", Integer, nullable=False),
    Column("response", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

# Who changed the store's rules: manager-approved writes that are not ledger entries (the
# ledger itself records the approving manager of claims, reversals and OTP overrides).
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("store_id", Id, ForeignKey("stores.id"), nullable=False),
    Column("till_id", Id, ForeignKey("tills.id"), nullable=False),
    Column("staff_id", Id, ForeignKey("staff.id"), nullable=False),
    Column("action", String(32), nullable=False),
    Column("detail", Text, nullable=False),
)
Index("audit_store_time", audit_log.c.store_id, audit_log.c.at)

# Wrong staff PINs per till and name (issue 13): the delay grows with each failure in a row
# (NIST SP 800-63B 5.2.2 rate limiting), and one till's failures never lock another till's
# staff. Keyed by the name as typed, so an unknown name is throttled (and answered) exactly
# like a real one. A success deletes the row.
pin_throttle = Table(
    "pin_throttle",
    metadata,
    Column("till_id", Id, primary_key=True, autoincrement=False),  # 0: outside any till's call
    Column("name", String(64), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("locked_until", String(40)),
)

# The long-term OTP limit per customer (issue 13): after too many wrong codes within 24 h,
# redemptions by code stay blocked until a manager unlocks them. ``counted_from`` is where the
# count starts again after an unlock.
otp_guard = Table(
    "otp_guard",
    metadata,
    Column("customer_id", ForeignKey("customers.id"), primary_key=True),
    Column("blocked_at", String(40)),
    Column("counted_from", String(40)),
)

# Store limits kept apart from ``stores`` so that an existing database gains them without a
# migration (``create_all`` adds missing tables, never columns). No row: no limit.
store_limits = Table(
    "store_limits",
    metadata,
    Column("store_id", ForeignKey("stores.id"), primary_key=True),
    Column("max_earn_amount", String(20)),
)

# Receipt claim keys (issue 17, server/claim_keys.py): the HMAC-SHA256 key each till signs its
# receipts' claim QR codes with, so that a receipt proves itself when a member claims it
# later. Kept in clear (the backend must verify); revoked keys stop verifying.
claim_keys = Table(
    "claim_keys",
    metadata,
    Column("id", Id, primary_key=True),
    Column("till_id", ForeignKey("tills.id"), nullable=False),
    Column("secret", String(128), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

# How long a receipt's claim token may be claimed, per store (no row: 30 days).
claim_periods = Table(
    "claim_periods",
    metadata,
    Column("store_id", ForeignKey("stores.id"), primary_key=True),
    Column("days", Integer, nullable=False),
)

# Member orders from the table (issue 18) keep their tables in their own package too.
import server.ordering.tables  # noqa: E402,F401

# The loyalty rules' tables (issue 16) live on the same metadata, in a module of their own.
from server import rules_schema as _rules_schema  # noqa: E402,F401
