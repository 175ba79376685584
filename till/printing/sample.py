"""Sample receipts: ``till --print-sample FILE.bin`` and the golden-file tests.

Fixed on purpose (times, numbers, a sample claim key) so that their bytes never change
unless the layout or its rendering does; tests/data/receipts/*.bin hold them.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from zoneinfo import ZoneInfo

from server.claim_tokens import ClaimKey
from till.core.parts import CampaignCredit
from till.core.sale import Line, Member, Redemption, RedemptionState, Sale, SaleState, Tender
from till.printing.claim_key import claim_token_for
from till.printing.escpos_doc import render
from till.printing.layout import Claim, Extras, Receipt, build_receipt, paper_columns

ZONE = ZoneInfo("Europe/London")
# Not a real till's key: derived from a public string, only for samples and tests.
SAMPLE_KEY = ClaimKey(1, "DEMO", "T1", hashlib.sha256(b"loyalty-till sample claim key").digest())


def sample_sale(member: bool) -> Sale:
    sale = Sale(
        sale_id="00000000-0000-4000-8000-000000000017",
        receipt_no="T1-20261201120000-SAMPLE",
        created_at="2026-12-01T11:58:00Z",
        completed_at="2026-12-01T12:00:00Z",
        state=SaleState.COMPLETED,
        lines=[
            Line("Flat white", Decimal("3.40")),
            Line("Sourdough loaf", Decimal("4.95")),
            Line("Apples 1 kg, Braeburn", Decimal("2.65")),
        ],
        tenders=[Tender("cash", Decimal("20.00"))],
    )
    if member:
        sale.member = Member("1", "Alice Example", "+447700900123", "active", 1240)
        sale.redemption = Redemption(
            "op-r", 100, Decimal("1.00"), RedemptionState.COMMITTED, "7", 1140
        )
        sale.tenders = [Tender("card", Decimal("10.00"))]
        sale.earn_op_id = "op-e"
        sale.earned_points = 14
        sale.balance_after = 1154
        sale.campaigns = [CampaignCredit("Double points on fresh", 4)]
        sale.next_expiry_points = 120
        sale.next_expiry_on = "2027-03-01"
    return sale


def sample_receipt(paper_mm: int = 80, member: bool = False, profile: str = "") -> Receipt:
    sale = sample_sale(member)
    token = claim_token_for(sale, SAMPLE_KEY)
    claim = Claim(token, points=10) if token else None
    return build_receipt(
        sale, store="Demo Store", currency="EUR", zone=ZONE, paper_mm=paper_mm, claim=claim,
        extras=Extras.from_sale(sale), columns=paper_columns(paper_mm, profile),
    )  # fmt: skip


def sample_bytes(paper_mm: int = 80, member: bool = False, profile: str = "") -> bytes:
    """The sample's bytes for the configured printer (its ``profile`` sets the columns and
    the code pages; "" is python-escpos's default, as in the golden files)."""
    return render(sample_receipt(paper_mm, member, profile), profile)
