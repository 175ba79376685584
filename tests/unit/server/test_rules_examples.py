"""The worked examples of docs/rules.md, each row a test: the page and the code cannot drift.

The tables are parsed from the document itself (categories, campaigns, sales), so changing a
figure on the page without changing the rules -- or the reverse -- fails here.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from server.earn_rules import Campaign, Category, CustomerType, Line, evaluate

DOC = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
ZONE = ZoneInfo("Europe/London")
TYPES = {
    "standard": CustomerType("standard", Decimal(1), 0),
    "gold": CustomerType("gold", Decimal("1.5"), 1000),
    "staff": CustomerType("staff", Decimal(2), None),
}


def _table(header: str) -> list[list[str]]:
    """The rows of the markdown table whose header row starts with ``header``."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def _none(cell: str) -> str | None:
    return None if cell == "-" else cell


def _categories() -> dict[str, Category]:
    return {
        code: Category(code, earn == "yes", Decimal(m))
        for code, earn, m in _table("| code | earn | multiplier |")
    }


def _campaigns() -> list[Campaign]:
    out = []
    for cid, start, end, weekdays, hours, cats, types, effect in _table("| id | from | to |"):
        h = _none(hours)
        out.append(
            Campaign(
                id=int(cid),
                name=f"campaign {cid}",
                starts_at=datetime.fromisoformat(start).replace(tzinfo=UTC),
                ends_at=datetime.fromisoformat(end).replace(tzinfo=UTC),
                weekdays=frozenset(int(d) for d in weekdays.split(","))
                if _none(weekdays)
                else None,
                hours=(time.fromisoformat(h.split("-")[0]), time.fromisoformat(h.split("-")[1]))
                if h
                else None,
                categories=frozenset(cats.split(",")) if _none(cats) else None,
                customer_types=frozenset(types.split(",")) if _none(types) else None,
                multiplier=Decimal(effect[1:]) if effect.startswith("x") else None,
                bonus=int(effect[1:]) if effect.startswith("+") else None,
            )
        )
    return out


SALES = _table("| # | when |")


def test_the_page_has_the_examples() -> None:
    assert len(SALES) >= 10
    assert len(_campaigns()) >= 5
    assert _categories()["tobacco"].earn is False


@pytest.mark.parametrize("row", SALES, ids=[f"example-{r[0]}" for r in SALES])
def test_worked_example(row: list[str]) -> None:
    _no, when, type_code, lines, line_points, campaign_points, total, _why = row
    sale = []
    for n, part in enumerate(lines.split(";"), start=1):
        amount, category = part.split()
        sale.append(Line(n, Decimal(amount), _none(category)))
    at = datetime.fromisoformat(when.replace("Z", "+00:00"))
    result = evaluate(sale, _categories(), _campaigns(), TYPES[type_code], Decimal(1), at, ZONE)
    assert [p.points for p in result.lines] == [int(x) for x in line_points.split(",")]
    expected = (
        {}
        if campaign_points == "-"
        else {
            int(k): int(v)
            for k, v in (pair.strip().split(":") for pair in campaign_points.split(","))
        }
    )
    assert {c.id: c.points for c in result.campaigns} == expected
    assert result.points == int(total)
