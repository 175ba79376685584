"""The backend's answers applied to a sale (till.core.settlement), one rule per test."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from till.backend_client import OpResult
from till.core import settlement
from till.core.effects import Cancel, Finished, Offer, Save, Show, Submit
from till.core.outcome import OpOutcome, OpStatus
from till.core.sale import Line, Member, RedemptionState, Sale, SaleState

NOW = "2026-12-01T10:00:00+00:00"


def sale(balance: int = 1000) -> Sale:
    s = Sale(receipt_no="T-1")
    s.lines = [Line("A", Decimal("20.00"))]
    s.member = Member("7", "Alice", "+447700900123", "active", balance)
    return s


def kinds(effects: Sequence[object]) -> list[type]:
    return [type(e) for e in effects]


def sending(points: int = 500) -> Sale:
    s = sale()
    s.redeem("r1", points, Decimal("5.00"), "T", otp="123456")
    return s


def completing() -> Sale:
    s = sale()
    s.add_tender("cash", Decimal("20.00"))
    s.complete("e1", "T", NOW)
    assert s.state == SaleState.COMPLETING
    return s


def voiding() -> Sale:
    s = sending()
    settlement.settle(s, OpOutcome("r1", "redeem", OpStatus.DONE, OpResult("tx", 500, 500)))
    s.void("v1", "changed mind", "T", {"staff": "m", "pin": "1"})
    assert s.state == SaleState.VOIDING
    return s


def test_a_confirmed_redemption_takes_the_backends_value_and_balance() -> None:
    s = sending()
    result = OpResult("tx9", 500, 480, Decimal("4.80"))
    effects = settlement.settle(s, OpOutcome("r1", "redeem", OpStatus.DONE, result))
    assert kinds(effects) == [Save, Show]
    r = s.redemption
    assert r is not None and r.state == RedemptionState.COMMITTED and r.value == Decimal("4.80")
    assert r.transaction_id == "tx9" and s.member is not None and s.member.balance == 480


def test_a_redemption_in_review_is_cancelled_before_anyone_hears_not_charged() -> None:
    s = sending()
    effects = settlement.settle(s, OpOutcome("r1", "redeem", OpStatus.REVIEW))
    assert kinds(effects) == [Save, Cancel] and s.unconfirmed
    assert not any(isinstance(e, Show) for e in effects)


def test_a_parked_sale_is_offered_again_once_its_redemption_settles() -> None:
    for status in (OpStatus.DONE, OpStatus.CANCELLED):
        s = sending()
        s.park(NOW)
        effects = settlement.settle(s, OpOutcome("r1", "redeem", status, OpResult("tx", 500)))
        assert kinds(effects)[-1] is Offer, status


def test_a_pending_answer_keeps_the_redemption_unconfirmed_and_unsaved() -> None:
    s = sending()
    assert kinds(settlement.settle(s, OpOutcome("r1", "redeem", OpStatus.PENDING))) == [Show]
    assert s.unconfirmed


def test_an_earn_refused_still_completes_the_sale_without_points() -> None:
    s = completing()
    effects = settlement.settle(s, OpOutcome("e1", "earn", OpStatus.REFUSED))
    assert kinds(effects) == [Save, Show, Finished]
    assert s.state == SaleState.COMPLETED and s.earned_points is None


def test_an_earn_done_records_points_and_balance() -> None:
    s = completing()
    effects = settlement.settle(s, OpOutcome("e1", "earn", OpStatus.DONE, OpResult("t", 20, 1020)))
    assert kinds(effects) == [Save, Finished]
    assert s.earned_points == 20 and s.balance_after == 1020


def test_an_earn_not_recorded_reopens_the_sale() -> None:
    s = completing()
    settlement.settle(s, OpOutcome("e1", "earn", OpStatus.NOT_RECORDED))
    assert s.state == SaleState.OPEN and s.earn_op_id == "" and s.earn_amount is None


def test_a_refused_reversal_leaves_the_sale_open_with_its_points_payment() -> None:
    s = voiding()
    effects = settlement.settle(s, OpOutcome("v1", "reverse", OpStatus.REFUSED))
    assert kinds(effects) == [Save, Show] and s.state == SaleState.OPEN
    assert s.redemption is not None and s.redemption.state == RedemptionState.COMMITTED


def test_a_reversal_done_voids_the_sale() -> None:
    s = voiding()
    result = OpResult("tx2", None, 1000)
    effects = settlement.settle(s, OpOutcome("v1", "reverse", OpStatus.DONE, result))
    assert kinds(effects) == [Save, Finished] and s.state == SaleState.VOIDED
    assert s.redemption is not None and s.redemption.state == RedemptionState.REVERSED
    assert s.balance_after == 1000


def test_resume_picks_the_open_operation() -> None:
    [earn] = settlement.resume(completing())
    assert isinstance(earn, Submit) and earn.request.kind == "earn" and earn.request.resume
    [reverse] = settlement.resume(voiding())
    assert isinstance(reverse, Submit) and reverse.request.op_id == "v1"
    assert settlement.resume(sale()) == []


def test_answers_about_other_operations_change_nothing() -> None:
    s = completing()
    before = s.to_json()
    assert settlement.settle(s, OpOutcome("r1", "redeem", OpStatus.DONE)) == []
    assert s.to_json() == before
