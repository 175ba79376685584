"""Demo loyalty rules (issue 16): a small catalogue, one running campaign, two customer types.

Called from ``server.demo_data`` for the demo merchant only; idempotent (seeding twice
changes nothing). The catalogue has a gift-card and a tobacco category that earn nothing,
as real programmes must (gift cards are money, tobacco promotion is restricted by law in
the UK: Tobacco Advertising and Promotion Act 2002). Codes are valid EAN-13s from the GS1
"20" in-store range, so no real product is named.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, select

from server import campaigns, catalogue, tiers
from server.db import iso
from server.rules_admin import set_program
from server.rules_schema import campaigns as campaigns_t
from server.schema import stores

VALIDITY_DAYS = 365
CATEGORIES = (
    # code, name, earn, multiplier
    ("grocery", "Grocery", True, "1"),
    ("fresh", "Fresh food", True, "1"),
    ("giftcards", "Gift cards", False, "1"),
    ("tobacco", "Tobacco", False, "1"),
)
ITEMS = (
    # code (EAN-13), name, price, category
    ("2000000000015", "Milk 1l", "1.20", "fresh"),
    ("2000000000022", "Bread", "1.50", "fresh"),
    ("2000000000039", "Coffee 250g", "4.99", "grocery"),
    ("2000000000046", "Pasta 500g", "0.95", "grocery"),
    ("2000000000053", "Gift card 20.00", "20.00", "giftcards"),
    ("2000000000060", "Cigarettes 20", "15.00", "tobacco"),
)
TYPES = (
    # code, name, multiplier, threshold (points earned in 12 months)
    ("standard", "Standard", "1", 0),
    ("gold", "Gold", "1.5", 10000),
)
CAMPAIGN = campaigns.NewCampaign(
    name="Double points on fresh food",
    starts_at=datetime(2026, 1, 1, tzinfo=UTC),
    ends_at=datetime(2031, 1, 1, tzinfo=UTC),
    categories=["fresh"],
    multiplier="2",
)


def seed(conn: Connection, merchant_id: int, now: datetime) -> None:
    store_ids = list(
        conn.execute(select(stores.c.id).where(stores.c.merchant_id == merchant_id)).scalars()
    )
    set_program(conn, merchant_id, store_ids, None, None, VALIDITY_DAYS)
    for code, name, earn, multiplier in CATEGORIES:
        catalogue.set_category(conn, merchant_id, code, name, earn, multiplier)
    for code, name, price, category in ITEMS:
        catalogue.put_item(conn, merchant_id, code, name, price, category)
    for code, name, multiplier, threshold in TYPES:
        tiers.set_type(conn, merchant_id, code, name, multiplier, threshold)
    known = conn.execute(
        select(campaigns_t.c.id).where(
            campaigns_t.c.merchant_id == merchant_id, campaigns_t.c.name == CAMPAIGN.name
        )
    ).first()
    if known is None:
        campaigns.add_campaign(conn, merchant_id, CAMPAIGN, iso(now))
