"""Stored phone numbers to E.164 (issue 12): a data migration, no schema change.

Revision ID: 0008_phones_e164
Revises: 0007_claim_keys

Until now every start of the backend rescanned all customers to rewrite national forms
("07700 900123") to E.164; a chain's database is migrated once, by ``till-server migrate``
under the migration lock, instead. The rule is the backend's one phone rule
(:func:`server.phones.to_e164`, libphonenumber), not a copy: a number must be written the
way lookups will parse it. Downgrade keeps the E.164 forms (they are what every later
version stores).
"""

from __future__ import annotations

from alembic import op

from server.phones import rewrite_to_e164

revision = "0008_phones_e164"
down_revision = "0007_claim_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    rewrite_to_e164(op.get_bind())


def downgrade() -> None:
    pass
