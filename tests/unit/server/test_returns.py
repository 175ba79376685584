"""The arithmetic of returns (issue 16): cumulative shares add up to exactly the whole, each
step rounds down (the customer's favour), and an amount spreads over lines to the cent
without exceeding what is left of any of them."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from server.earn_rules import share
from server.returns import spread

CENTS = st.integers(1, 100_000)


@given(points=st.integers(0, 10_000), amount=CENTS, cuts=st.lists(st.integers(1, 100), max_size=8))
def test_partial_returns_add_up_to_a_full_one(points: int, amount: int, cuts: list[int]) -> None:
    whole = Decimal(amount) / 100
    done = Decimal(0)
    taken = 0
    for cut in cuts:
        part = min(whole - done, Decimal(amount * cut // 100) / 100)
        step = share(points, done + part, whole) - share(points, done, whole)
        assert step >= 0
        assert step <= share(points, part, whole) + 1  # never much more than its own share
        taken += step
        done += part
    taken += share(points, whole, whole) - share(points, done, whole)
    assert taken == points


def test_share_rounds_down() -> None:
    assert share(33, Decimal("6.00"), Decimal("36.99")) == 5  # 5.35
    assert share(33, Decimal("36.99"), Decimal("36.99")) == 33
    assert share(10, Decimal("1"), Decimal("0")) == 0


@given(
    left=st.dictionaries(st.integers(1, 20), CENTS, min_size=1, max_size=6),
    frac=st.floats(0.0, 1.0),
)
def test_spread_is_exact_and_within_each_line(left: dict[int, int], frac: float) -> None:
    room = {n: Decimal(c) / 100 for n, c in left.items()}
    total = sum(room.values(), Decimal(0))
    amount = max(Decimal("0.01"), (total * Decimal(frac)).quantize(Decimal("0.01")))
    amount = min(amount, total)
    out = spread(amount, room)
    assert sum(out.values(), Decimal(0)) == amount
    assert all(Decimal(0) < v <= room[n] for n, v in out.items())


def test_spread_is_in_proportion() -> None:
    out = spread(Decimal("10.00"), {1: Decimal("30.00"), 2: Decimal("10.00")})
    assert out == {1: Decimal("7.50"), 2: Decimal("2.50")}
    odd = spread(Decimal("0.01"), {1: Decimal("1.00"), 2: Decimal("1.00")})
    assert odd == {1: Decimal("0.01")}
