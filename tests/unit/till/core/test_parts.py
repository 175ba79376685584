"""The sale's parts and money rules (moved into the core with issue 11)."""

from __future__ import annotations

from decimal import Decimal

from till.core.parts import mask_phone, money, points_for_amount, value_of_points


def test_money_and_points() -> None:
    assert money("1.005") == Decimal("1.00") or money("1.005") == Decimal("1.01")
    assert str(money(3)) == "3.00"
    assert points_for_amount(Decimal("0.015"), Decimal("0.01")) == 2  # never a free cent
    assert value_of_points(250, Decimal("0.01")) == Decimal("2.50")
    assert points_for_amount(Decimal("1"), Decimal("0")) == 0


def test_mask_phone() -> None:
    assert mask_phone("+447700900123") == "+*********123"
    assert mask_phone("12") == "**"
