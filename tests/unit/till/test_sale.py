from __future__ import annotations

from decimal import Decimal

from till.core.sale import (
    Line,
    Member,
    Redemption,
    RedemptionState,
    Sale,
    SaleState,
    Tender,
    mask_phone,
    points_for_amount,
    value_of_points,
)
from till.receipt import render_receipt

POINT = Decimal("0.01")


def _sale(total: str = "40.00", balance: int = 1000) -> Sale:
    sale = Sale(receipt_no="T1-1")
    sale.lines = [Line("A", Decimal(total))]
    sale.member = Member("7", "Alice", "+447700900123", "active", balance)
    return sale


def test_points_cap_by_balance_and_by_what_is_due() -> None:
    assert _sale("40.00", 1000).max_redeemable_points(POINT) == 1000
    assert _sale("4.00", 1000).max_redeemable_points(POINT) == 400
    sale = _sale("40.00", 5000)
    sale.tenders.append(Tender("card", Decimal("38.50")))
    assert sale.max_redeemable_points(POINT) == 150
    sale.member = None
    assert sale.max_redeemable_points(POINT) == 0


def test_earn_only_on_the_part_not_paid_with_points() -> None:
    sale = _sale("40.00")
    sale.redemption = Redemption("op", 300, Decimal("3.00"), RedemptionState.COMMITTED)
    sale.tenders.append(Tender("cash", Decimal("40.00")))
    assert sale.earnable_amount == Decimal("37.00")
    assert sale.due == Decimal("-3.00") and sale.change == Decimal("3.00")
    sale.redemption.state = RedemptionState.REVERSED
    assert sale.earnable_amount == Decimal("40.00")


def test_amount_to_points_rounds_up_value_exact() -> None:
    assert points_for_amount(Decimal("3.005"), POINT) == 301
    assert value_of_points(301, POINT) == Decimal("3.01")


def test_member_change_only_before_payment() -> None:
    sale = _sale()
    assert sale.can_change_member()
    sale.tenders.append(Tender("cash", Decimal("1.00")))
    assert not sale.can_change_member()


def test_json_round_trip_is_exact() -> None:
    sale = _sale()
    sale.redemption = Redemption("op", 300, Decimal("3.00"), RedemptionState.SENDING, "9")
    sale.tenders.append(Tender("cash", Decimal("37.00")))
    sale.state = SaleState.COMPLETING
    sale.earn_op_id, sale.earn_amount = "e1", Decimal("37.00")
    again = Sale.from_json(sale.to_json())
    assert again == sale


def test_phone_is_masked() -> None:
    assert mask_phone("+447700900123") == "+*********123"
    assert "900" not in mask_phone("+447700900123")


def test_receipt_says_points_pending_or_earned() -> None:
    sale = _sale("25.00")
    sale.tenders.append(Tender("cash", Decimal("25.00")))
    sale.state = SaleState.COMPLETED
    sale.earn_op_id = "e1"
    text = render_receipt(sale, "Demo Store", "GBP")
    assert "Points earned: pending" in text and "points pending" in text
    assert "+447700900123" not in text
    sale.earned_points, sale.balance_after = 25, 1025
    text = render_receipt(sale, "Demo Store", "GBP")
    assert "Points earned: 25" in text and "New balance: 1025 points" in text
    assert "GBP 25.00" in text
