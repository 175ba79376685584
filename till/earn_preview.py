"""The points a sale would earn, previewed at the till with the cached rules (issue 16).

Why no rule here: the backend evaluates the earn rule (``server.earn_rules``, pure Python:
no database, clock, Qt or HTTP) and the till previews with *the same function*, fed from
the cached catalogue and campaigns — one copy of the rule, so the preview can only differ
from the receipt when the cache is behind. The earn's answer is the truth; this is a
preview. Qt-free.

The customer's type multiplier comes from the catalogue's ``customer_types`` (v1+ in
docs/rules.md); an older backend without them previews the type as x1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

from server import earn_rules as rules  # the one copy of the rule (pure: see above)
from till.core.earn_lines import earn_lines
from till.core.parts import Line
from till.rules_wire import Campaign, Category


@dataclass(frozen=True)
class Preview:
    """Points per line (1-based line numbers), the campaigns and their points, the total."""

    lines: tuple[tuple[int, int], ...]
    campaigns: tuple[tuple[str, int], ...]
    points: int

    def line_points(self, line_no: int) -> int | None:
        return next((p for n, p in self.lines if n == line_no), None)

    def text(self) -> str:
        """One line for the cashier: "Points (preview): 24 — Double points on fresh +12"."""
        said = f"Points (preview): {self.points}"
        if self.campaigns:
            said += " — " + ", ".join(f"{name} +{pts}" for name, pts in self.campaigns)
        return said


def _campaign(position: int, c: Campaign) -> rules.Campaign:
    """The backend's ids are integers, oldest first (ties go to the oldest campaign)."""
    return rules.Campaign(
        id=int(c.id) if c.id.isdigit() else 10**9 + position,
        name=c.name,
        starts_at=c.starts,
        ends_at=c.ends,
        weekdays=frozenset(c.weekdays) if c.weekdays is not None else None,
        hours=c.hours,
        categories=frozenset(c.categories) if c.categories is not None else None,
        customer_types=frozenset(c.customer_types) if c.customer_types is not None else None,
        multiplier=c.multiplier,
        bonus=c.bonus,
    )


def _zone(zone: tzinfo | None) -> ZoneInfo:
    return zone if isinstance(zone, ZoneInfo) else ZoneInfo("UTC")


def preview(
    lines: Sequence[Line],
    earned: Decimal,
    categories: Mapping[str, Category],
    campaigns: Iterable[Campaign],
    *,
    points_per_unit: Decimal,
    customer_type: str = "",
    type_multiplier: Decimal = Decimal(1),
    at: datetime | None = None,
    zone: tzinfo | None = None,
) -> Preview:
    """``earned``: the amount points are earned on (the sale less its points payment); the
    lines are cut to it exactly as the earn sends them (:mod:`till.core.earn_lines`)."""
    sent = earn_lines(lines, earned)
    result = rules.evaluate(
        [rules.Line(x.line_no, x.amount, x.line.category or None) for x in sent],
        {code: rules.Category(code, c.earn, c.multiplier) for code, c in categories.items()},
        [_campaign(i, c) for i, c in enumerate(campaigns)],
        rules.CustomerType(customer_type or "standard", type_multiplier),
        points_per_unit,
        (at or datetime.now(UTC)).astimezone(UTC),
        _zone(zone),
    )
    return Preview(
        lines=tuple((x.line_no, x.points) for x in result.lines),
        campaigns=tuple((c.name, c.points) for c in result.campaigns if c.points),
        points=result.points,
    )
