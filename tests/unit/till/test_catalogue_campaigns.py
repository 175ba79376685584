"""Issue 16, the manager's Campaigns tab: how a campaign is described, and its effect this
shift counted from the earn answers in a real journal file."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from offline_queue.journal import Journal
from till.manager.campaigns_view import (
    effect_lines,
    for_text,
    journal_effect,
    shift_start,
    when_text,
)
from till.manager.shift_summary import ShiftSummary
from till.rules_wire import Campaign


def campaign(**kw: object) -> Campaign:
    body: dict[str, object] = {
        "id": 1,
        "name": "Double points on fresh",
        "from": "2026-11-01T00:00:00Z",
        "to": "2027-01-01T00:00:00Z",
        "weekdays": [6, 7],
        "hours": {"from": "08:00", "to": "12:00"},
        "categories": ["fresh"],
        "customer_types": ["gold"],
        "multiplier": "2",
        "bonus": None,
    }
    body.update(kw)
    return Campaign.from_json(body)


def test_a_campaign_in_a_managers_words() -> None:
    c = campaign()
    assert when_text(c) == "Sat, Sun 08:00-12:00"
    assert for_text(c) == "fresh; gold"
    always = campaign(weekdays=None, hours=None, categories=None, customer_types=None)
    assert when_text(always) == "every day" and for_text(always) == "all products; everyone"
    assert campaign(multiplier=None, bonus=50).effect == "+50 points"


def test_the_shift_starts_at_the_stores_midnight() -> None:
    zone = ZoneInfo("Europe/Madrid")
    start = shift_start(datetime(2026, 12, 1, 23, 30, tzinfo=UTC), zone)  # 00:30 on the 2nd
    assert start.isoformat() == "2026-12-02T00:00:00+01:00"


def test_the_effect_is_counted_from_acknowledged_earns(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        since = time.time() - 1
        for i, points in enumerate((4, 6)):
            op = journal.append("earn", "7", {"op_id": f"e{i}", "amount": "1.00"}, op_id=f"e{i}")
            campaigns = [{"id": 1, "name": "Double points on fresh", "points": points}]
            journal.acknowledge(op, {"points": 10, "campaigns": campaigns})
        journal.append("earn", "7", {"op_id": "pending", "amount": "1.00"}, op_id="pending")
        returned = journal.append("return", "7", {"op_id": "r", "receipt_no": "R"}, op_id="r")
        journal.acknowledge(returned, {"points_reversed": 3})
        assert journal_effect(journal, since) == {"Double points on fresh": 10}
        assert journal_effect(journal, time.time() + 60) == {}
        assert journal_effect(journal, since, since) == {}  # [since, until): nothing before
        lines = effect_lines(journal, since, time.time() + 60)
        assert lines == (f"{'Double points on fresh':<28}{10:>10}",)
        at = "2026-12-01T10:00:00Z"
        summary = ShiftSummary(
            at, at, "S", "T", 0, 0, Decimal("0.00"), 0, 0, 0, 0, 0, 0, 0, at, campaigns=lines
        )
        text = summary.to_text()
        assert "Campaigns (points given on this till's sales):" in text
        assert "  Double points on fresh" in text
    finally:
        journal.close()
