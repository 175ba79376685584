"""Retry of a review item (issue 11, findings 1 and 3): a redemption only while its sale waits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from till.core.parts import Line, Member, Redemption, RedemptionState, SaleState
from till.core.review_rule import NO_RETRY, awaiting_sale, retry_refusal
from till.core.sale import Sale


def sale(op_id: str = "r1", **changes: object) -> Sale:
    s = Sale(
        member=Member("7", "Bob", "+447700900456", "active", 350),
        lines=[Line("Coffee", Decimal("5.00"))],
        redemption=Redemption(op_id, 100, Decimal("1.00")),
    )
    assert s.redemption is not None
    for name, value in changes.items():
        target = s.redemption if hasattr(s.redemption, name) and name != "state" else s
        setattr(target, name, value)
    return s


def test_waiting_sale_allows_retry() -> None:
    waiting = sale()
    assert awaiting_sale("r1", [waiting]) is waiting
    assert retry_refusal("redeem", "r1", [waiting]) == ""
    parked = sale(state=SaleState.PARKED)
    assert retry_refusal("redeem", "r1", [parked]) == ""


@pytest.mark.parametrize(
    "other",
    [
        sale(cancelling=True),  # the cashier chose to pay another way
        sale(state=SaleState.COMPLETED),
        sale(state=SaleState.VOIDED),
        sale(op_id="another"),
    ],
)
def test_no_retry_once_the_sale_no_longer_waits(other: Sale) -> None:
    assert retry_refusal("redeem", "r1", [other]) == NO_RETRY


def test_a_sale_paid_with_it_may_have_it_sent_again() -> None:
    """The cashier was told "charged" (committed) and the backend lost it (restored from a
    backup, the re-sent redemption refused): retrying restores the charge the sale was paid by."""
    paid = sale(state=SaleState.COMPLETED)
    assert paid.redemption is not None
    paid.redemption.state = RedemptionState.COMMITTED
    assert retry_refusal("redeem", "r1", [paid]) == ""
    paid.redemption.state = RedemptionState.REVERSED  # voided since: never again
    assert retry_refusal("redeem", "r1", [paid]) == NO_RETRY
    assert retry_refusal("redeem", "r1", []) == NO_RETRY


def test_other_kinds_may_always_be_retried() -> None:
    for kind in ("earn", "claim", "reverse"):
        assert retry_refusal(kind, "r1", []) == ""
