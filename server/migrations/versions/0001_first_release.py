"""The first release's schema (commit 48395bc): the base every later revision builds on.

Revision ID: 0001_first_release
Revises:
"""

from __future__ import annotations

from alembic import op

from server.migrations.first_release import define

revision = "0001_first_release"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    define().create_all(bind=op.get_bind())


def downgrade() -> None:
    define().drop_all(bind=op.get_bind())
