"""Issue 16 at the till, Qt-free: the earn's lines, the points preview (the backend's own
rule function fed from the cache), the earn's answer on the sale and the receipt, the
return operation and its words, and the policy rows for a return's refusals."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from offline_queue.outcome_policy import Reply, Verdict, decide
from till.core.earn_lines import earn_lines
from till.core.effects import Submit
from till.core.outcome import OpOutcome, OpStatus
from till.core.sale import Line, Member, Sale, SaleState
from till.earn_preview import preview
from till.receipt import render_receipt
from till.returns import Receipt, find_receipt, outcome_words, receipt_number, return_request
from till.rules_wire import Campaign, Category, ReturnResult
from till.sale_store import SaleStore
from till.wire import OpResult

CATEGORIES = {
    "grocery": Category("grocery", "Grocery"),
    "drinks": Category("drinks", "Drinks", True, Decimal("1.5")),
    "gift": Category("gift", "Gift cards", False),
}
LONDON = ZoneInfo("Europe/London")
# Tuesday 1 December 2026, 10:00 in London (UTC in winter).
TUESDAY_10 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def fresh(**kw: object) -> Campaign:
    body: dict[str, object] = {
        "id": 1,
        "name": "Double points on fresh",
        "from": "2026-11-01T00:00:00Z",
        "to": "2027-01-01T00:00:00Z",
        "weekdays": [1, 2, 3, 4, 5],
        "hours": {"from": "08:00", "to": "12:00"},
        "categories": ["grocery"],
        "customer_types": None,
        "multiplier": "2",
        "bonus": None,
    }
    body.update(kw)
    return Campaign.from_json(body)


def lines() -> list[Line]:
    return [
        Line("Milk 1l", Decimal("3.98"), "5012345678900", "grocery"),
        Line("Cola", Decimal("2.00"), "036000291452", "drinks"),
        Line("Gift card 25", Decimal("25.00"), "GIFT25", "gift"),
        Line("Item", Decimal("1.55")),
    ]


def test_earn_lines_sum_to_what_is_earned_and_keep_their_order() -> None:
    full = earn_lines(lines(), Decimal("32.53"))
    assert [x.amount for x in full] == [
        Decimal("3.98"),
        Decimal("2.00"),
        Decimal("25.00"),
        Decimal("1.55"),
    ]
    assert full[0].to_json() == {
        "line_no": 1,
        "amount": "3.98",
        "code": "5012345678900",
        "category": "grocery",
        "description": "Milk 1l",
    }
    assert "code" not in full[3].to_json()
    # 10.00 paid with points: 22.53 earned, cut in proportion to the cent, summing exactly.
    cut = earn_lines(lines(), Decimal("22.53"))
    assert sum(x.amount for x in cut) == Decimal("22.53")
    assert [x.line_no for x in cut] == [1, 2, 3, 4]
    assert cut == earn_lines(lines(), Decimal("22.53"))  # the same sale, the same lines
    assert all(
        abs(x.amount - y.amount * Decimal("22.53") / Decimal("32.53")) < Decimal("0.01")
        for x, y in zip(cut, lines(), strict=True)
    )


@pytest.mark.parametrize(
    ("at", "campaigns", "points", "named"),
    [
        # No campaign: milk 3, cola floor(2 x 1.5) = 3, gift card 0, free line 1.
        (TUESDAY_10, [], 7, []),
        # Double points on fresh (grocery) on a weekday morning: milk 7 (floor 7.96), +4.
        (TUESDAY_10, [fresh()], 11, [("Double points on fresh", 4)]),
        # The same campaign at 13:00 (outside its hours) or on Saturday: nothing.
        (datetime(2026, 12, 1, 13, 0, tzinfo=UTC), [fresh()], 7, []),
        (datetime(2026, 12, 5, 10, 0, tzinfo=UTC), [fresh()], 7, []),
        # A bonus for gold members does not apply to a standard customer...
        (TUESDAY_10, [fresh(id=2, multiplier=None, bonus=50, customer_types=["gold"])], 7, []),
    ],
)
def test_preview_worked_examples(
    at: datetime, campaigns: list[Campaign], points: int, named: list[tuple[str, int]]
) -> None:
    result = preview(
        lines(),
        Decimal("32.53"),
        CATEGORIES,
        campaigns,
        points_per_unit=Decimal(1),
        customer_type="standard",
        at=at,
        zone=LONDON,
    )
    assert result.points == points
    assert list(result.campaigns) == named
    assert result.line_points(3) == 0  # the gift card never earns


def test_preview_bonus_for_the_customers_type_and_its_text() -> None:
    gold = fresh(id=2, name="Gold bonus", multiplier=None, bonus=50, customer_types=["gold"])
    result = preview(
        lines(),
        Decimal("32.53"),
        CATEGORIES,
        [fresh(), gold],
        points_per_unit=Decimal(1),
        customer_type="gold",
        at=TUESDAY_10,
        zone=LONDON,
    )
    assert result.points == 11 + 50
    # Gold earns x1.5 on every earning line: milk floor(3.98 x 1.5 x 2) = 11, cola
    # floor(2 x 1.5 x 1.5) = 4, gift card 0, free line floor(1.55 x 1.5) = 2; +50.
    gold_rate = preview(
        lines(),
        Decimal("32.53"),
        CATEGORIES,
        [fresh(), gold],
        points_per_unit=Decimal(1),
        customer_type="gold",
        type_multiplier=Decimal("1.5"),
        at=TUESDAY_10,
        zone=LONDON,
    )
    assert [p for _, p in gold_rate.lines] == [11, 4, 0, 2]
    assert gold_rate.points == 17 + 50
    assert result.text() == "Points (preview): 61 — Double points on fresh +4, Gold bonus +50"


def _member() -> Member:
    return Member("7", "Alice Demo", "+447700900123", "active", 100, customer_type="standard")


def test_the_earn_sends_its_lines_and_keeps_campaigns_and_expiry() -> None:
    sale = Sale(member=_member())
    for line in lines():
        sale.add_line(line.description, line.amount, line.code, line.category)
    sale.add_tender("cash", sale.due)
    effects = sale.complete("op-1", "T1", "2026-12-01T10:00:00Z")
    submit = next(e for e in effects if isinstance(e, Submit))
    body = submit.request.payload
    assert body is not None and body["amount"] == "32.53"
    assert [x["line_no"] for x in body["lines"]] == [1, 2, 3, 4]
    assert body["lines"][2]["category"] == "gift"
    answer = OpResult.from_json(
        {
            "transaction_id": 9,
            "points": 11,
            "balance": 111,
            "lines": [{"line_no": 1, "points": 7}],
            "campaigns": [{"id": 1, "name": "Double points on fresh", "points": 4}],
            "next_expiry": {"points": 120, "on": "2027-03-01"},
        }
    )
    sale.settle(OpOutcome("op-1", "earn", OpStatus.DONE, answer))
    assert sale.state == SaleState.COMPLETED
    again = Sale.from_json(sale.to_json())  # saved and rebuilt after a restart
    assert again.lines[0].code == "5012345678900" and again.lines[0].category == "grocery"
    text = render_receipt(again, "Demo Store", "EUR", LONDON)
    assert "Double points on fresh" in text and "+4" in text
    assert "120 points expire on 1 March 2027" in text


def test_a_return_of_a_receipt_rung_here(tmp_path: Path) -> None:
    store = SaleStore(tmp_path / "sales.sqlite3")
    try:
        sale = Sale(member=_member())
        for line in lines()[:2]:
            sale.add_line(line.description, line.amount, line.code, line.category)
        sale.add_tender("cash", sale.due)
        sale.complete("op-1", "T1", "2026-12-01T10:00:00Z")
        sale.settle(OpOutcome("op-1", "earn", OpStatus.DONE, OpResult.from_json({"points": 6})))
        store.save(sale)
        receipt = find_receipt(store, sale.receipt_no)
        assert receipt.known and receipt.account == "7" and receipt.total == Decimal("5.98")
        assert not find_receipt(store, "NOPE-1").known
    finally:
        store.close()
    req = return_request(
        "r-1", receipt, line_nos=(2,), store="S01", occurred_at="2026-12-08T10:00:00Z"
    )
    assert req.kind == "return" and req.account == "7" and req.close_refusals
    assert req.payload == {
        "op_id": "r-1",
        "receipt_no": sale.receipt_no,
        "store": "S01",
        "lines": [{"line_no": 2, "amount": "2.00"}],
        "amount": "2.00",
        "occurred_at": "2026-12-08T10:00:00Z",
    }
    by_amount = return_request("r-2", find_receipt(NoSales(), "X-1"), amount=Decimal("5"))
    assert by_amount.account == "receipt:X-1" and by_amount.payload is not None
    assert by_amount.payload["amount"] == "5.00" and "lines" not in by_amount.payload


class NoSales:
    """A till that rang no sale."""

    def by_receipt(self, receipt_no: str) -> Sale | None:
        return None


def test_the_return_is_said_in_plain_words() -> None:
    result = {
        "points_reversed": 60,
        "points_restored": 0,
        "balance": 0,
        "shortfall": {"points": 40, "value": "0.40"},
    }
    done = OpOutcome("r", "return", OpStatus.DONE, OpResult.from_json(result))
    text, level = outcome_words(done, "EUR")
    assert text == (
        "Return recorded: 60 points taken back, 0 points given back. New balance: 0 points. "
        "The customer has already spent 40 of these points: EUR 0.40 to deduct from the refund."
    )
    assert level == "warn"
    assert ReturnResult.from_json(result).shortfall.value == Decimal("0.40")
    pending, _ = outcome_words(OpOutcome("r", "return", OpStatus.PENDING), "EUR")
    assert "when the loyalty server is back" in pending
    assert receipt_number(" T1-20261201-ABC ") == "T1-20261201-ABC"
    assert receipt_number("%B4111^x") is None


@pytest.mark.parametrize(
    ("status", "code"), [(404, "receipt_not_found"), (409, "return_exceeds_sale")]
)
def test_a_refused_return_goes_to_review_never_retried_for_ever(status: int, code: str) -> None:
    """A 404 without details would otherwise read as an unknown route (retry for ever)."""
    decision = decide(Reply(status, {"error": {"code": code, "message": "no"}}))
    assert decision.verdict == Verdict.REVIEW
    assert decision.rule == "return refused"


def test_a_line_that_earned_nothing_is_never_returned_as_the_whole_receipt() -> None:
    """Paid almost all in points, a line's share is 0.00: returning only it must not turn
    into "neither lines nor amount", which the backend reads as the whole receipt."""
    cut = earn_lines([Line("Gum", Decimal("0.01")), Line("Wine", Decimal("9.99"))], Decimal("0.50"))
    assert [x.amount for x in cut] == [Decimal("0.00"), Decimal("0.50")]
    receipt = Receipt("R-1", tuple(cut), "7", 0, rung_here=True)
    with pytest.raises(ValueError):
        return_request("r-3", receipt, line_nos=(1,))
    body = return_request("r-4", receipt, line_nos=(1, 2)).payload
    assert body is not None and body["lines"] == [{"line_no": 2, "amount": "0.50"}]
