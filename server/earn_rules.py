"""How many points a sale earns: lines, categories, campaigns and the customer's type.

Pure functions (no database, no clock): the backend evaluates them at earn time, the worked
examples of docs/rules.md check them row by row, and a till can preview with the same rules.

The rule, stated once (docs/rules.md, "How points are counted"):

- A line of a category with ``earn: false`` earns nothing, and no campaign applies to it.
- Otherwise its rate is ``amount x points_per_unit x category multiplier x type multiplier``.
- Of the multiplier campaigns that apply to the line, the *highest* multiplier alone applies
  (ties: the oldest campaign); multipliers never multiply each other, so two overlapping
  promotions cannot give x4 by accident.
- Rounding: per line, down (``ROUND_DOWN``) -- the line earns ``floor(rate x multiplier)``;
  the campaign's points on that line are what it added to ``floor(rate)``.
- Bonus campaigns add their fixed points once per sale, each of them, when at least one
  earning line of the sale matches the campaign's categories (any earning line if none).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import ROUND_DOWN, Decimal
from typing import Any
from zoneinfo import ZoneInfo

ONE = Decimal(1)


@dataclass(frozen=True)
class Category:
    code: str
    earn: bool = True
    multiplier: Decimal = ONE


@dataclass(frozen=True)
class CustomerType:
    code: str
    multiplier: Decimal = ONE
    threshold: int | None = 0
    name: str = ""


@dataclass(frozen=True)
class Campaign:
    id: int
    name: str
    starts_at: datetime
    ends_at: datetime
    weekdays: frozenset[int] | None = None
    hours: tuple[time, time] | None = None
    categories: frozenset[str] | None = None
    customer_types: frozenset[str] | None = None
    multiplier: Decimal | None = None
    bonus: int | None = None


@dataclass(frozen=True)
class Line:
    line_no: int
    amount: Decimal
    category: str | None = None


@dataclass(frozen=True)
class LinePoints:
    line_no: int
    points: int
    base: int
    campaign_id: int | None
    rule: dict[str, Any]


@dataclass(frozen=True)
class CampaignPoints:
    id: int
    name: str
    kind: str  # "multiplier" | "bonus"
    points: int


@dataclass(frozen=True)
class Evaluation:
    lines: list[LinePoints]
    campaigns: list[CampaignPoints] = field(default_factory=list)

    @property
    def bonus(self) -> int:
        return sum(c.points for c in self.campaigns if c.kind == "bonus")

    @property
    def points(self) -> int:
        return sum(line.points for line in self.lines) + self.bonus


def floor_points(x: Decimal) -> int:
    return int(x.to_integral_value(rounding=ROUND_DOWN))


def in_hours(t: time, hours: tuple[time, time]) -> bool:
    """``[from, to)`` on the clock; a range that ends before it starts wraps midnight."""
    lo, hi = hours
    return lo <= t < hi if lo < hi else (t >= lo or t < hi)


def applies_at(campaign: Campaign, at: datetime, zone: ZoneInfo) -> bool:
    """Period in UTC (``[from, to)``), weekdays and hours in the store's zone."""
    if not campaign.starts_at <= at < campaign.ends_at:
        return False
    local = at.astimezone(zone)
    if campaign.weekdays is not None and local.isoweekday() not in campaign.weekdays:
        return False
    return campaign.hours is None or in_hours(local.time().replace(tzinfo=None), campaign.hours)


def _matches(campaign: Campaign, category: str | None) -> bool:
    return campaign.categories is None or (category is not None and category in campaign.categories)


def active_campaigns(
    campaigns: Iterable[Campaign], at: datetime, zone: ZoneInfo, type_code: str
) -> list[Campaign]:
    return [
        c
        for c in campaigns
        if applies_at(c, at, zone) and (c.customer_types is None or type_code in c.customer_types)
    ]


def evaluate(
    lines: Sequence[Line],
    categories: dict[str, Category],
    campaigns: Iterable[Campaign],
    customer_type: CustomerType,
    points_per_unit: Decimal,
    at: datetime,
    zone: ZoneInfo,
) -> Evaluation:
    """Points per line and per campaign for one sale (see the module's rule)."""
    active = sorted(active_campaigns(campaigns, at, zone, customer_type.code), key=lambda c: c.id)
    out: list[LinePoints] = []
    added: dict[int, int] = {}
    earning: list[str | None] = []
    for line in lines:
        cat = categories.get(line.category) if line.category is not None else None
        code = cat.code if cat is not None else None
        if cat is not None and not cat.earn:
            out.append(LinePoints(line.line_no, 0, 0, None, {"category": code, "earn": False}))
            continue
        earning.append(code)
        cat_m = cat.multiplier if cat is not None else ONE
        rate = line.amount * points_per_unit * cat_m * customer_type.multiplier
        base = floor_points(rate)
        best: Campaign | None = None
        for c in active:  # sorted by id: a later campaign wins only with a higher multiplier
            if c.multiplier is None or not _matches(c, code):
                continue
            if best is None or c.multiplier > (best.multiplier or ONE):
                best = c
        points = floor_points(rate * best.multiplier) if best and best.multiplier else base
        rule: dict[str, Any] = {
            "category": code,
            "category_multiplier": str(cat_m),
            "type": customer_type.code,
            "type_multiplier": str(customer_type.multiplier),
            "points_per_unit": str(points_per_unit),
        }
        if best is not None:
            rule |= {"campaign": best.id, "campaign_multiplier": str(best.multiplier)}
            added[best.id] = added.get(best.id, 0) + points - base
        out.append(LinePoints(line.line_no, points, base, best.id if best else None, rule))
    result = [
        CampaignPoints(c.id, c.name, "multiplier", added[c.id]) for c in active if c.id in added
    ]
    for c in active:
        if c.bonus is not None and any(_matches(c, code) for code in earning):
            result.append(CampaignPoints(c.id, c.name, "bonus", c.bonus))
    return Evaluation(out, result)


def share(total: int, part: Decimal, whole: Decimal) -> int:
    """``floor(total x part / whole)``: the points of ``part`` of a sale worth ``whole``.

    Returns use it on the *cumulative* returned amount and subtract what earlier returns
    took, so several partial returns add up to exactly the whole when the sale is returned
    in full, and each step is rounded in the customer's favour.
    """
    if whole <= 0:
        return 0
    if part >= whole:
        return total
    return floor_points(Decimal(total) * part / whole)
