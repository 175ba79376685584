"""Merchants (issue 13), the audit trail, PIN throttle, OTP guard, store limits, E.164 region.

Revision ID: 0002_merchants
Revises: 0001_first_release

Everything the backend added before migrations existed, in one step. The rows of a first-
release database all join one merchant, ``DEFAULT`` (what ``accounts`` names a backend's
only merchant): its customers, programs, cards and op ids become that merchant's. The keys
that merchants changed (unique phone/e-mail/app id/program name, the card and op-id primary
keys) are rebuilt per merchant. On SQLite, batch mode copies each changed table (SQLite
cannot alter constraints); its unnamed constraints get PostgreSQL's default names
(``first_release.NAMING``) so one name drops them on both engines.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server.migrations.first_release import NAMING

revision = "0002_merchants"
down_revision = "0001_first_release"
branch_labels = None
depends_on = None


def _batch(table: str):  # type: ignore[no-untyped-def]
    return op.batch_alter_table(table, naming_convention=NAMING)


def upgrade() -> None:
    bind = op.get_bind()
    have = set(sa.inspect(bind).get_table_names())
    op.create_table(
        "merchants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.String(100), nullable=False),
    )
    default_id = None
    if bind.execute(sa.text("SELECT count(*) FROM stores")).scalar_one():
        bind.execute(
            sa.text("INSERT INTO merchants (code, name) VALUES ('DEFAULT', 'Default merchant')")
        )
        default_id = bind.execute(
            sa.text("SELECT id FROM merchants WHERE code = 'DEFAULT'")
        ).scalar_one()

    def with_merchant(table: str) -> None:
        op.add_column(table, sa.Column("merchant_id", sa.Integer, nullable=True))
        if default_id is not None:
            sql = f"UPDATE {table} SET merchant_id = :m"  # noqa: S608 - our own table names
            bind.execute(sa.text(sql), {"m": default_id})

    with_merchant("stores")
    with _batch("stores") as b:
        b.alter_column("merchant_id", existing_type=sa.Integer, nullable=False)
        b.create_foreign_key("stores_merchant_id_fkey", "merchants", ["merchant_id"], ["id"])
        b.add_column(sa.Column("phone_region", sa.String(2), nullable=False, server_default="GB"))

    with_merchant("customers")
    with _batch("customers") as b:
        b.alter_column("merchant_id", existing_type=sa.Integer, nullable=False)
        b.create_foreign_key("customers_merchant_id_fkey", "merchants", ["merchant_id"], ["id"])
        for column in ("phone", "email", "app_id"):
            b.drop_constraint(f"customers_{column}_key", type_="unique")
            b.create_unique_constraint(
                f"customers_merchant_id_{column}_key", ["merchant_id", column]
            )

    with_merchant("programs")
    with _batch("programs") as b:
        b.alter_column("merchant_id", existing_type=sa.Integer, nullable=False)
        b.create_foreign_key("programs_merchant_id_fkey", "merchants", ["merchant_id"], ["id"])
        b.drop_constraint("programs_name_key", type_="unique")
        b.create_unique_constraint("programs_merchant_id_name_key", ["merchant_id", "name"])

    for table, key in (("cards", "number"), ("operations", "op_id")):
        with_merchant(table)
        with _batch(table) as b:
            b.alter_column("merchant_id", existing_type=sa.Integer, nullable=False)
            b.create_foreign_key(f"{table}_merchant_id_fkey", "merchants", ["merchant_id"], ["id"])
            b.drop_constraint(f"{table}_pkey", type_="primary")
            b.create_primary_key(f"{table}_pkey", ["merchant_id", key])

    op.add_column("ledger", sa.Column("received_at", sa.String(40)))

    if "audit_log" not in have:  # added in 3528f13, a release of its own
        op.create_table(
            "audit_log",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("at", sa.String(40), nullable=False),
            sa.Column("store_id", sa.Integer, sa.ForeignKey("stores.id"), nullable=False),
            sa.Column("till_id", sa.Integer, sa.ForeignKey("tills.id"), nullable=False),
            sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
            sa.Column("action", sa.String(32), nullable=False),
            sa.Column("detail", sa.Text, nullable=False),
        )
        op.create_index("audit_store_time", "audit_log", ["store_id", "at"])
    op.create_table(
        "pin_throttle",
        sa.Column("till_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.String(40)),
    )
    op.create_table(
        "otp_guard",
        sa.Column(
            "customer_id",
            sa.Integer,
            sa.ForeignKey("customers.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("blocked_at", sa.String(40)),
        sa.Column("counted_from", sa.String(40)),
    )
    op.create_table(
        "store_limits",
        sa.Column(
            "store_id",
            sa.Integer,
            sa.ForeignKey("stores.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("max_earn_amount", sa.String(20)),
    )


def downgrade() -> None:
    raise NotImplementedError("merchants cannot be taken out again: restore a backup instead")
