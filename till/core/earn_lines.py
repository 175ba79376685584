"""The sale's lines as the earn sends them: numbered, with code and category, summing to
the earned amount (issue 16, docs/rules.md "Earn with lines").

Why a function of its own: points are earned on the part of the sale not paid with points,
and the backend wants the lines' amounts to add up to exactly that amount. So when points
paid part of the sale each line's amount is cut in proportion, to the cent, by the largest
remainder method (the cents left over go to the lines that lost the largest fractions,
earliest first): the same sale always gives the same lines, so a return sent later names
the very amounts the earn did. Pure: no Qt, HTTP or SQLite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING, Any

from till.core.parts import CENT, CampaignCredit, Line, money
from till.wire import OpResult, earn_body

if TYPE_CHECKING:
    from till.core.sale import Sale


@dataclass(frozen=True)
class EarnLine:
    line_no: int  # 1-based, the sale's line order
    amount: Decimal  # this line's share of the earned amount
    line: Line

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"line_no": self.line_no, "amount": f"{self.amount:f}"}
        if self.line.code:
            body["code"] = self.line.code
        if self.line.category:
            body["category"] = self.line.category
        if self.line.description:
            body["description"] = self.line.description[:100]  # the backend's limit
        return body


def earn_lines(lines: Sequence[Line], earned: Decimal) -> list[EarnLine]:
    """``lines`` scaled so their amounts sum to ``earned`` (<= the lines' total)."""
    total = money(sum((x.amount for x in lines), Decimal(0)))
    earned = money(earned)
    if not lines or total <= 0 or earned <= 0:
        return []
    if earned >= total:
        return [EarnLine(i + 1, money(x.amount), x) for i, x in enumerate(lines)]
    exact = [x.amount * earned / total for x in lines]
    shares = [e.quantize(CENT, rounding=ROUND_DOWN) for e in exact]
    left = int((earned - sum(shares, Decimal(0))) / CENT)
    by_fraction = sorted(range(len(lines)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in by_fraction[:left]:
        shares[i] += CENT
    return [EarnLine(i + 1, shares[i], x) for i, x in enumerate(lines)]


def earn_payload(sale: Sale) -> dict[str, Any]:
    """The earn op's body for a completing sale, its lines included."""
    assert sale.member is not None and sale.earn_amount is not None
    lines = [x.to_json() for x in earn_lines(sale.lines, sale.earn_amount)]
    return earn_body(
        sale.earn_op_id,
        sale.member.id,
        sale.earn_amount,
        sale.receipt_no,
        sale.completed_at,
        lines,
    )


def record_earned(sale: Sale, result: OpResult) -> None:
    """Keep what the earn's answer says beyond the points: the campaigns that gave points
    and the next expiry (the receipt names both)."""
    sale.campaigns = [CampaignCredit(c.name, c.points) for c in result.campaigns if c.points]
    if result.next_expiry is not None:
        sale.next_expiry_points = result.next_expiry.points
        sale.next_expiry_on = result.next_expiry.on.isoformat()
