"""The sale's transitions: what each step returns, with no disk or network."""

from __future__ import annotations

from decimal import Decimal

from till.backend_client import OpResult
from till.core.effects import Cancel, Finished, Offer, Save, Show, Submit
from till.core.outcome import OpOutcome, OpStatus
from till.core.sale import Line, Member, RedemptionState, Sale, SaleState

NOW = "2026-12-01T10:00:00+00:00"


def sale(total: str = "20.00", balance: int = 1000) -> Sale:
    s = Sale(receipt_no="T-1")
    s.lines = [Line("A", Decimal(total))]
    s.member = Member("7", "Alice", "+447700900123", "active", balance)
    return s


def kinds(effects: list[object]) -> list[type]:
    return [type(e) for e in effects]


def redeemed(s: Sale, op_id: str = "r1", points: int = 500) -> list[object]:
    return list(s.redeem(op_id, points, Decimal("5.00"), "T", otp="123456"))


def test_ringing_up_saves_each_step() -> None:
    s = Sale()
    assert kinds(s.add_line("Tea", Decimal("2.50"))) == [Save]
    assert kinds(s.add_line("x", Decimal("0"))) == [Show]
    assert kinds(s.add_tender("cash", Decimal("2.50"))) == [Save]
    assert kinds(s.add_line("late", Decimal("1"))) == [Show]  # payment started


def test_redeem_saves_the_sale_naming_the_op_before_it_is_journaled() -> None:
    s = sale()
    [submit] = redeemed(s)
    assert isinstance(submit, Submit) and submit.save_first is not None
    assert submit.save_first.redemption is not None
    assert submit.save_first.redemption.op_id == submit.request.op_id == "r1"
    assert submit.request.payload is not None and submit.request.payload["otp"] == "123456"
    assert s.unconfirmed and s.why_not_complete().startswith("The points payment is not")


def test_done_commits_the_redemption() -> None:
    s = sale()
    redeemed(s)
    result = OpResult("tx9", 500, 500, Decimal("5.00"))
    effects = s.settle(OpOutcome("r1", "redeem", OpStatus.DONE, result))
    assert kinds(effects) == [Save, Show]
    assert s.redemption is not None and s.redemption.state == RedemptionState.COMMITTED
    assert s.member is not None and s.member.balance == 500 and s.due == Decimal("15.00")


def test_only_a_final_answer_says_not_charged() -> None:
    for status in (OpStatus.REFUSED, OpStatus.CANCELLED, OpStatus.NOT_RECORDED):
        s = sale()
        redeemed(s)
        effects = s.settle(OpOutcome("r1", "redeem", status))
        assert s.redemption is None, status
        assert kinds(effects) == [Save, Show]
    for status in (OpStatus.PENDING, OpStatus.KEY):
        s = sale()
        redeemed(s)
        assert kinds(s.settle(OpOutcome("r1", "redeem", status))) == [Show]
        assert s.unconfirmed, status


def test_finding_3_a_review_redemption_is_cancelled_first() -> None:
    s = sale()
    redeemed(s)
    effects = s.settle(OpOutcome("r1", "redeem", OpStatus.REVIEW))
    assert kinds(effects) == [Save, Cancel] and s.unconfirmed
    assert s.redemption is not None and s.redemption.cancelling


def test_finding_8_pay_another_way_cancels_and_the_sale_can_park() -> None:
    s = sale()
    redeemed(s)
    effects = s.add_tender("cash", Decimal("20.00"))
    assert kinds(effects) == [Save, Show, Cancel] and s.tenders == []
    assert kinds(s.park(NOW)) == [Save] and s.state == SaleState.PARKED
    effects = s.settle(OpOutcome("r1", "redeem", OpStatus.CANCELLED))
    assert kinds(effects) == [Save, Show, Offer] and s.redemption is None
    assert kinds(s.unpark()) == [Save] and s.state == SaleState.OPEN
    assert kinds(s.add_tender("cash", Decimal("20.00"))) == [Save]


def test_void_while_unconfirmed_cancels_first() -> None:
    s = sale()
    redeemed(s)
    assert Cancel in kinds(s.void("v1", "customer left"))
    assert s.state == SaleState.OPEN


def test_complete_earns_on_what_was_not_paid_with_points() -> None:
    s = sale()
    redeemed(s)
    s.settle(OpOutcome("r1", "redeem", OpStatus.DONE, OpResult("tx", 500, 500)))
    s.add_tender("card", Decimal("15.00"))
    [submit] = s.complete("e1", "T", NOW)
    assert isinstance(submit, Submit) and submit.request.kind == "earn"
    assert submit.request.payload is not None and submit.request.payload["amount"] == "15.00"
    assert not submit.request.close_refusals and s.state == SaleState.COMPLETING
    effects = s.settle(OpOutcome("e1", "earn", OpStatus.PENDING))
    assert kinds(effects) == [Save, Finished] and s.earned_points is None  # pending


def test_an_earn_not_recorded_reopens_the_sale() -> None:
    s = sale()
    s.add_tender("cash", Decimal("20.00"))
    s.complete("e1", "T", NOW)
    effects = s.settle(OpOutcome("e1", "earn", OpStatus.NOT_RECORDED))
    assert s.state == SaleState.OPEN and s.earn_op_id == "" and Show in kinds(effects)


def test_void_reverses_a_committed_redemption() -> None:
    s = sale()
    redeemed(s)
    s.settle(OpOutcome("r1", "redeem", OpStatus.DONE, OpResult("tx", 500, 500)))
    [submit] = s.void("v1", "changed mind", "T", {"staff": "m", "pin": "1"})
    assert isinstance(submit, Submit) and submit.request.kind == "reverse"
    assert s.state == SaleState.VOIDING
    assert kinds(s.settle(OpOutcome("v1", "reverse", OpStatus.REVIEW))) == [Cancel]
    effects = s.settle(OpOutcome("v1", "reverse", OpStatus.CANCELLED))
    assert s.state == SaleState.OPEN and Show in kinds(effects)
    assert s.redemption is not None and s.redemption.state == RedemptionState.COMMITTED


def test_resume_resends_the_open_op_from_the_journal() -> None:
    s = sale()
    redeemed(s)
    [submit] = s.resume()
    assert isinstance(submit, Submit)
    assert submit.request.resume and submit.request.payload is None  # OTP only in journal
    s.redemption.cancelling = True  # type: ignore[union-attr]
    assert kinds(s.resume()) == [Cancel]


def test_answers_for_other_ops_are_ignored() -> None:
    s = sale()
    redeemed(s)
    assert s.settle(OpOutcome("zzz", "redeem", OpStatus.DONE)) == []


def test_json_round_trip_keeps_the_new_fields() -> None:
    s = sale()
    redeemed(s)
    s.redemption.cancelling = True  # type: ignore[union-attr]
    s.park(NOW)
    back = Sale.from_json(s.to_json())
    assert back == s and back.parked_at == NOW
