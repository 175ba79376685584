"""The loyalty rules (issue 16): catalogue, categories, campaigns, customer types, earn lines,
returns, and the lots points expire from; three new ledger kinds.

Revision ID: 0005_loyalty_rules
Revises: 0004_store_locale

New tables only, plus the ledger's ``ledger_kind`` CHECK widened to ``return``, ``restore``
and ``expiry`` (server/returns.py, server/lots.py). SQLite cannot alter a CHECK, so batch mode
copies the ledger table there; PostgreSQL drops and re-adds the named constraint. Existing
balances have no lots: they never expire and are used up after the lots (server/lots.py).
The tables are written out here, not imported, so that this revision builds the same schema
for ever (like 0001).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server.migrations.first_release import NAMING

revision = "0005_loyalty_rules"
down_revision = "0004_store_locale"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
OLD_KINDS = "kind IN ('earn', 'redeem', 'reversal', 'claim', 'correction')"
NEW_KINDS = (
    "kind IN ('earn', 'redeem', 'reversal', 'claim', 'correction', 'return', 'restore', 'expiry')"
)


def _ref(name: str, target: str, **kw: object) -> sa.Column[int]:
    return sa.Column(name, ID, sa.ForeignKey(target), **kw)  # type: ignore[arg-type]


def upgrade() -> None:
    op.create_table(
        "rule_settings",
        _ref("merchant_id", "merchants.id", primary_key=True),
        sa.Column("validity_days", sa.Integer),
        sa.CheckConstraint("validity_days IS NULL OR validity_days > 0", name="validity_positive"),
    )
    op.create_table(
        "categories",
        sa.Column("id", ID, primary_key=True),
        _ref("merchant_id", "merchants.id", nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("earn", sa.Boolean, nullable=False),
        sa.Column("multiplier", sa.String(12), nullable=False),
        sa.UniqueConstraint("merchant_id", "code"),
    )
    op.create_table(
        "catalogue_items",
        sa.Column("id", ID, primary_key=True),
        _ref("merchant_id", "merchants.id", nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("price", sa.String(20), nullable=False),
        sa.Column("category", sa.String(32)),
        sa.UniqueConstraint("merchant_id", "code"),
    )
    op.create_table(
        "campaigns",
        sa.Column("id", ID, primary_key=True),
        _ref("merchant_id", "merchants.id", nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("starts_at", sa.String(40), nullable=False),
        sa.Column("ends_at", sa.String(40), nullable=False),
        sa.Column("weekdays", sa.String(20)),
        sa.Column("hours_from", sa.String(5)),
        sa.Column("hours_to", sa.String(5)),
        sa.Column("categories", sa.Text),
        sa.Column("customer_types", sa.Text),
        sa.Column("multiplier", sa.String(12)),
        sa.Column("bonus", sa.Integer),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.CheckConstraint("(multiplier IS NULL) <> (bonus IS NULL)", name="campaign_effect"),
    )
    op.create_index("campaigns_merchant_end", "campaigns", ["merchant_id", "ends_at"])
    op.create_table(
        "customer_types",
        sa.Column("id", ID, primary_key=True),
        _ref("merchant_id", "merchants.id", nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("multiplier", sa.String(12), nullable=False),
        sa.Column("threshold", sa.Integer),
        sa.UniqueConstraint("merchant_id", "code"),
    )
    op.create_table(
        "customer_type_of",
        _ref("customer_id", "customers.id", primary_key=True),
        sa.Column("type_code", sa.String(32), nullable=False),
    )
    op.create_table(
        "earn_lines",
        _ref("entry_id", "ledger.id", primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("amount", sa.String(20), nullable=False),
        sa.Column("code", sa.String(32)),
        sa.Column("category", sa.String(32)),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
    )
    op.create_table(
        "earn_campaigns",
        _ref("entry_id", "ledger.id", primary_key=True),
        _ref("campaign_id", "campaigns.id", primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("receipt_no", sa.String(64)),
        _ref("store_id", "stores.id"),
        sa.CheckConstraint("kind IN ('multiplier', 'bonus', 'claim')", name="earn_campaign_kind"),
    )
    op.create_table(
        "returns",
        sa.Column("id", ID, primary_key=True),
        _ref("sale_id", "ledger.id", nullable=False),
        _ref("return_entry_id", "ledger.id"),
        _ref("restore_entry_id", "ledger.id"),
        sa.Column("op_id", sa.String(100)),
        sa.Column("amount", sa.String(20), nullable=False),
        sa.Column("points_reversed", sa.Integer, nullable=False),
        sa.Column("points_restored", sa.Integer, nullable=False),
        sa.Column("shortfall_points", sa.Integer, nullable=False),
        sa.Column("shortfall_value", sa.String(20), nullable=False),
        sa.Column("occurred_at", sa.String(40), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_index("returns_sale", "returns", ["sale_id"])
    op.create_table(
        "return_lines",
        _ref("return_id", "returns.id", primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("amount", sa.String(20), nullable=False),
    )
    op.create_table(
        "lots",
        sa.Column("id", ID, primary_key=True),
        _ref("customer_id", "customers.id", nullable=False),
        _ref("entry_id", "ledger.id", nullable=False, unique=True),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("remaining", sa.Integer, nullable=False),
        sa.Column("expires_at", sa.String(40)),
        _ref("expired_entry_id", "ledger.id"),
        sa.CheckConstraint("remaining >= 0 AND remaining <= points", name="lot_remaining"),
    )
    op.create_index("lots_customer_live", "lots", ["customer_id", "remaining", "expires_at"])
    op.create_table(
        "lot_uses",
        sa.Column("id", ID, primary_key=True),
        _ref("lot_id", "lots.id", nullable=False),
        _ref("entry_id", "ledger.id", nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.CheckConstraint("points > 0", name="lot_use_positive"),
    )
    op.create_index("lot_uses_entry", "lot_uses", ["entry_id"])
    op.create_index("ledger_customer_occurred", "ledger", ["customer_id", "occurred_at"])
    _ledger_kinds(NEW_KINDS)


def _ledger_kinds(condition: str) -> None:
    with op.batch_alter_table("ledger", naming_convention=NAMING, recreate="auto") as batch:
        batch.drop_constraint("ledger_kind", type_="check")
        batch.create_check_constraint("ledger_kind", condition)


def downgrade() -> None:
    op.execute("DELETE FROM ledger WHERE kind IN ('return', 'restore', 'expiry')")
    _ledger_kinds(OLD_KINDS)
    for index, table in (
        ("ledger_customer_occurred", "ledger"),
        ("lot_uses_entry", "lot_uses"),
        ("lots_customer_live", "lots"),
        ("returns_sale", "returns"),
        ("campaigns_merchant_end", "campaigns"),
    ):
        op.drop_index(index, table_name=table)
    for table in (
        "lot_uses",
        "lots",
        "return_lines",
        "returns",
        "earn_campaigns",
        "earn_lines",
        "customer_type_of",
        "customer_types",
        "campaigns",
        "catalogue_items",
        "categories",
        "rule_settings",
    ):
        op.drop_table(table)
