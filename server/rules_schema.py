"""Tables of the loyalty rules (issue 16): catalogue, categories, campaigns, customer types,
the points each sale line earned and why, returns, and the lots points expire from.

On the shared ``metadata`` (``server.schema``), so ``create_all`` and Alembic see them; kept
in a module of their own so that the core tables stay readable. Conventions as there: money
as decimal strings, points as integers, times as UTC ISO 8601 strings.

Why lots: a balance is one number, but expiry needs to know *which* points are how old.
Every positive ledger entry opens a lot; every negative one uses lots up, the one expiring
first first (``lot_uses`` says which entry took how much from which lot), so "balance = sum
of what is left in the live lots" is checkable at any time, and an expiry entry takes
exactly what was left in the lots it closes.
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
    UniqueConstraint,
)

from server.schema import Id, ledger, metadata

# The 12-month total of a customer's earns (tiers, server/tiers.py) reads by sale time.
Index("ledger_customer_occurred", ledger.c.customer_id, ledger.c.occurred_at)

# The merchant's programme settings that are not the store's (points are the brand's, so
# they expire by the brand's rule). No row: points never expire. Campaign hours are in the
# selling store's own zone (``stores.time_zone``, server/store_locale.py).
rule_settings = Table(
    "rule_settings",
    metadata,
    Column("merchant_id", ForeignKey("merchants.id"), primary_key=True),
    Column("validity_days", Integer),  # null: points never expire
    CheckConstraint("validity_days IS NULL OR validity_days > 0", name="validity_positive"),
)

categories = Table(
    "categories",
    metadata,
    Column("id", Id, primary_key=True),
    Column("merchant_id", ForeignKey("merchants.id"), nullable=False),
    Column("code", String(32), nullable=False),
    Column("name", String(64), nullable=False),
    Column("earn", Boolean, nullable=False, default=True),
    Column("multiplier", String(12), nullable=False, default="1"),
    UniqueConstraint("merchant_id", "code"),
)

catalogue_items = Table(
    "catalogue_items",
    metadata,
    Column("id", Id, primary_key=True),
    Column("merchant_id", ForeignKey("merchants.id"), nullable=False),
    Column("code", String(32), nullable=False),
    Column("name", String(100), nullable=False),
    Column("price", String(20), nullable=False),
    Column("category", String(32)),
    UniqueConstraint("merchant_id", "code"),
)

campaigns = Table(
    "campaigns",
    metadata,
    Column("id", Id, primary_key=True),
    Column("merchant_id", ForeignKey("merchants.id"), nullable=False),
    Column("name", String(64), nullable=False),
    Column("starts_at", String(40), nullable=False),
    Column("ends_at", String(40), nullable=False),
    Column("weekdays", String(20)),  # "1,2,3" ISO weekdays, null: every day
    Column("hours_from", String(5)),  # "HH:MM" store time, null: all day
    Column("hours_to", String(5)),
    Column("categories", Text),  # JSON list of category codes, null: every earning line
    Column("customer_types", Text),  # JSON list of type codes, null: every customer
    Column("multiplier", String(12)),
    Column("bonus", Integer),
    Column("created_at", String(40), nullable=False),
    CheckConstraint("(multiplier IS NULL) <> (bonus IS NULL)", name="campaign_effect"),
)
Index("campaigns_merchant_end", campaigns.c.merchant_id, campaigns.c.ends_at)

# Types (seed 001) and tiers: a type with a ``threshold`` is a tier, reached by points earned
# in the last 12 months; one without is only ever assigned (e.g. staff).
customer_types = Table(
    "customer_types",
    metadata,
    Column("id", Id, primary_key=True),
    Column("merchant_id", ForeignKey("merchants.id"), nullable=False),
    Column("code", String(32), nullable=False),
    Column("name", String(64), nullable=False),
    Column("multiplier", String(12), nullable=False, default="1"),
    Column("threshold", Integer),
    UniqueConstraint("merchant_id", "code"),
)

# The type a customer was given; no row: the merchant's lowest tier.
customer_type_of = Table(
    "customer_type_of",
    metadata,
    Column("customer_id", ForeignKey("customers.id"), primary_key=True),
    Column("type_code", String(32), nullable=False),
)

# What each line of an earn (or claim) earned, and the rules that gave it: returns take
# points back with these, never with today's rules.
earn_lines = Table(
    "earn_lines",
    metadata,
    Column("entry_id", ForeignKey("ledger.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("amount", String(20), nullable=False),
    Column("code", String(32)),
    Column("category", String(32)),
    Column("points", Integer, nullable=False),
    Column("rule", Text, nullable=False),  # JSON snapshot: multipliers and campaign applied
)

# Campaign points of an entry: ``multiplier`` ones are inside the line points, ``bonus``
# ones on top (``earn_rules``). A claim naming a campaign is a row here too.
earn_campaigns = Table(
    "earn_campaigns",
    metadata,
    Column("entry_id", ForeignKey("ledger.id"), primary_key=True),
    Column("campaign_id", ForeignKey("campaigns.id"), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("points", Integer, nullable=False),
    Column("receipt_no", String(64)),
    Column("store_id", ForeignKey("stores.id")),
    CheckConstraint("kind IN ('multiplier', 'bonus', 'claim')", name="earn_campaign_kind"),
)

returns = Table(
    "returns",
    metadata,
    Column("id", Id, primary_key=True),
    Column("sale_id", ForeignKey("ledger.id"), nullable=False),  # the earn or claim
    Column("return_entry_id", ForeignKey("ledger.id")),  # points taken (null: none)
    Column("restore_entry_id", ForeignKey("ledger.id")),  # points given back (null: none)
    Column("op_id", String(100)),
    Column("amount", String(20), nullable=False),
    Column("points_reversed", Integer, nullable=False),
    Column("points_restored", Integer, nullable=False),
    Column("shortfall_points", Integer, nullable=False),
    Column("shortfall_value", String(20), nullable=False),
    Column("occurred_at", String(40), nullable=False),
    Column("created_at", String(40), nullable=False),
)
Index("returns_sale", returns.c.sale_id)

return_lines = Table(
    "return_lines",
    metadata,
    Column("return_id", ForeignKey("returns.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("amount", String(20), nullable=False),
)

lots = Table(
    "lots",
    metadata,
    Column("id", Id, primary_key=True),
    Column("customer_id", ForeignKey("customers.id"), nullable=False),
    Column("entry_id", ForeignKey("ledger.id"), nullable=False, unique=True),
    Column("points", Integer, nullable=False),
    Column("remaining", Integer, nullable=False),
    Column("expires_at", String(40)),  # null: never
    Column("expired_entry_id", ForeignKey("ledger.id")),
    CheckConstraint("remaining >= 0 AND remaining <= points", name="lot_remaining"),
)
Index("lots_customer_live", lots.c.customer_id, lots.c.remaining, lots.c.expires_at)

lot_uses = Table(
    "lot_uses",
    metadata,
    Column("id", Id, primary_key=True),
    Column("lot_id", ForeignKey("lots.id"), nullable=False),
    Column("entry_id", ForeignKey("ledger.id"), nullable=False),
    Column("points", Integer, nullable=False),
    CheckConstraint("points > 0", name="lot_use_positive"),
)
Index("lot_uses_entry", lot_uses.c.entry_id)
