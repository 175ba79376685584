"""A store's time zone and locale (issue 12): the tills show times and figures in them.

Revision ID: 0004_store_locale
Revises: 0003_bigint_keys

Two columns with server defaults (``Europe/London``, ``en_GB``: the defaults of the store's
region GB and currency GBP), so existing stores keep working unchanged until a manager sets
them with ``till-server set-store``. On SQLite, batch mode copies the table (it cannot add a
NOT NULL column otherwise than with a constant default, which these are; batch keeps the
downgrade possible there too).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from server.migrations.first_release import NAMING

revision = "0004_store_locale"
down_revision = "0003_bigint_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stores", naming_convention=NAMING) as batch:
        batch.add_column(
            sa.Column("time_zone", sa.String(64), nullable=False, server_default="Europe/London")
        )
        batch.add_column(sa.Column("locale", sa.String(16), nullable=False, server_default="en_GB"))


def downgrade() -> None:
    with op.batch_alter_table("stores", naming_convention=NAMING) as batch:
        batch.drop_column("locale")
        batch.drop_column("time_zone")
