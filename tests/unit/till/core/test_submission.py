"""The one submission path over a real journal file and the model backend."""

from __future__ import annotations

import random
from typing import Any

import pytest

from offline_queue.errors import OpStateError
from offline_queue.journal import Journal
from offline_queue.op import OpState
from tests.unit.till.core.model_backend import WRONG_OTP, FaultyDoor, ModelBackend
from till.backend_client import BackendUnavailable
from till.core.effects import OpRequest
from till.core.outcome import OpStatus
from till.core.submission import Submitter


def redeem(op_id: str, points: int = 100, otp: str = "123456") -> OpRequest:
    body = {"op_id": op_id, "customer_id": "7", "points": points, "otp": otp, "receipt_no": "R"}
    return OpRequest("redeem", "7", op_id, body)


def earn(op_id: str, amount: str = "12.00", account: str = "7") -> OpRequest:
    body = {"op_id": op_id, "customer_id": account, "amount": amount, "receipt_no": "R"}
    return OpRequest("earn", account, op_id, body, close_refusals=False)


def test_done_is_journaled_then_acknowledged(journal: Journal, door: FaultyDoor) -> None:
    out = Submitter(journal, door).submit(redeem("r1"))
    assert out.status == OpStatus.DONE and out.result is not None
    assert out.result.balance == 900 and out.result.points == 100
    op = journal.get("r1")
    assert op is not None and op.state == OpState.ACKNOWLEDGED
    assert op.payload["otp"] != "123456"  # scrubbed once settled


def test_a_cashier_refusal_is_closed_so_it_can_never_apply(
    journal: Journal, door: FaultyDoor, model: ModelBackend
) -> None:
    out = Submitter(journal, door).submit(redeem("r1", otp=WRONG_OTP))
    assert out.status == OpStatus.REFUSED and out.status.not_charged
    assert out.code == "otp_invalid"
    assert journal.get("r1").state == OpState.CANCELLED  # type: ignore[union-attr]
    with pytest.raises(OpStateError):
        journal.retry_review("r1")
    assert model.effects == []


def test_finding_1_a_revoked_key_is_not_a_refusal(
    journal: Journal, door: FaultyDoor, model: ModelBackend
) -> None:
    model.key_revoked = True
    out = Submitter(journal, door).submit(redeem("r1"))
    assert out.status == OpStatus.KEY and not out.status.not_charged
    assert "technician" in out.message
    assert journal.get("r1").state == OpState.PENDING  # type: ignore[union-attr]


def test_finding_1_a_review_refusal_while_watching_is_closed(
    journal: Journal, door: FaultyDoor
) -> None:
    """409 idempotency_conflict et al. on a redemption: shown refused only once closed."""
    journal.append("redeem", "7", {"op_id": "r1", "customer_id": "7", "points": 5}, op_id="r1")
    door.model.applied["r1"] = ("other body", {})
    out = Submitter(journal, door).submit(redeem("r2"))  # unrelated, goes through
    assert out.status == OpStatus.PENDING  # r1 of the same account is still queued first
    req = OpRequest("redeem", "7", "r1", None, resume=True)
    out = Submitter(journal, door).submit(req)
    assert out.status == OpStatus.REFUSED and out.code == "idempotency_conflict"
    assert journal.get("r1").state == OpState.CANCELLED  # type: ignore[union-attr]


def test_an_earn_refused_for_review_goes_to_the_review_list(journal: Journal) -> None:
    class Conflict(FaultyDoor):
        def send_journaled(self, kind: str, payload: Any) -> dict[str, Any]:
            from tests.unit.till.core.model_backend import _error, _raise

            _raise(*_error(409, "idempotency_conflict"))
            raise AssertionError

    out = Submitter(journal, Conflict(ModelBackend())).submit(earn("e1"))
    assert out.status == OpStatus.REVIEW and not out.status.not_charged
    assert journal.get("e1").state == OpState.REVIEW  # type: ignore[union-attr]


@pytest.mark.parametrize("mode", ["drop", "lose", "late"])
def test_no_answer_stays_pending_and_a_resend_applies_once(
    journal: Journal, door: FaultyDoor, model: ModelBackend, mode: str
) -> None:
    door.faults.mode = mode
    sub = Submitter(journal, door)
    assert sub.submit(earn("e1")).status == OpStatus.PENDING
    door.faults.mode = "none"
    door.deliver_late(__import__("random").Random(1))
    out = sub.submit(OpRequest("earn", "7", "e1", None, resume=True))
    assert out.status == OpStatus.DONE
    assert model.effects == ["e1"]


def test_finding_6_a_proxy_page_on_first_send_is_pending(journal: Journal) -> None:
    class Proxy(FaultyDoor):
        def send_journaled(self, kind: str, payload: Any) -> dict[str, Any]:
            from offline_queue.outcome_policy import Reply

            raise BackendUnavailable("http_404", "x", 404, reply=Reply(404, "<html>404</html>"))

    out = Submitter(journal, Proxy(ModelBackend())).submit(earn("e1"))
    assert out.status == OpStatus.PENDING
    assert journal.get("e1").state == OpState.PENDING  # type: ignore[union-attr]


def test_an_account_keeps_its_order(journal: Journal, door: FaultyDoor) -> None:
    """A claim (or anything) never overtakes the same customer's queued operations."""
    door.faults.mode = "drop"
    sub = Submitter(journal, door)
    assert sub.submit(earn("e1")).status == OpStatus.PENDING
    door.faults.mode = "none"
    claim = OpRequest("claim", "7", "c1", {"op_id": "c1", "customer_id": "7"})
    assert sub.submit(claim).status == OpStatus.PENDING
    assert door.model.effects == []
    assert sub.submit(earn("e2", account="8")).status == OpStatus.DONE  # others go on


def test_resume_takes_the_journals_record(journal: Journal, door: FaultyDoor) -> None:
    sub = Submitter(journal, door)
    assert sub.submit(redeem("r1")).status == OpStatus.DONE
    again = sub.submit(OpRequest("redeem", "7", "r1", None, resume=True))
    assert again.status == OpStatus.DONE and again.result is not None
    assert again.result.balance == 900
    never = sub.submit(OpRequest("redeem", "7", "nope", None, resume=True))
    assert never.status == OpStatus.NOT_RECORDED  # never journaled: never sent


def test_a_failed_save_journals_nothing(journal: Journal, door: FaultyDoor) -> None:
    def boom() -> None:
        raise OSError("disk full")

    out = Submitter(journal, door).submit(redeem("r1"), save_first=boom)
    assert out.status == OpStatus.NOT_RECORDED and journal.get("r1") is None


def test_cancel_settles_for_good(journal: Journal, door: FaultyDoor, model: ModelBackend) -> None:
    door.faults.mode = "late"
    sub = Submitter(journal, door)
    assert sub.submit(redeem("r1")).status == OpStatus.PENDING
    door.faults.mode = "none"
    out = sub.cancel("r1", "redeem", "7")
    assert out.status == OpStatus.CANCELLED
    assert journal.get("r1").state == OpState.CANCELLED  # type: ignore[union-attr]
    door.deliver_late(__import__("random").Random(1))  # the late request arrives: refused
    assert model.effects == []


def test_cancel_of_an_applied_op_answers_its_result(
    journal: Journal, door: FaultyDoor, model: ModelBackend
) -> None:
    door.faults.mode = "lose"
    sub = Submitter(journal, door)
    assert sub.submit(redeem("r1")).status == OpStatus.PENDING
    door.faults.mode = "none"
    out = sub.cancel("r1", "redeem", "7")
    assert out.status == OpStatus.DONE and out.result is not None and out.result.balance == 900
    assert journal.get("r1").state == OpState.ACKNOWLEDGED  # type: ignore[union-attr]


@pytest.mark.parametrize("mode", ["drop", "key"])
def test_cancel_without_an_answer_stays_unconfirmed(
    journal: Journal, door: FaultyDoor, model: ModelBackend, mode: str
) -> None:
    door.faults.mode = "drop"
    sub = Submitter(journal, door)
    sub.submit(redeem("r1"))
    if mode == "key":
        door.faults.mode = "none"
        model.key_revoked = True
    out = sub.cancel("r1", "redeem", "7")
    assert out.status == (OpStatus.KEY if mode == "key" else OpStatus.PENDING)
    assert journal.get("r1").state == OpState.PENDING  # type: ignore[union-attr]


def test_cancel_of_an_op_never_journaled(journal: Journal, door: FaultyDoor) -> None:
    assert Submitter(journal, door).cancel("ghost", "redeem", "7").status == OpStatus.CANCELLED


def test_a_refusal_after_an_unanswered_copy_is_settled_by_a_cancel(
    journal: Journal, door: FaultyDoor, model: ModelBackend
) -> None:
    """The first copy timed out (it is still on its way); the retry is refused. That refusal
    says nothing about the first copy: the till cancels on the backend before it says "not
    charged", so the late copy can never apply (found by the stateful test)."""
    submitter = Submitter(journal, door)
    door.faults.mode = "late"
    assert submitter.submit(redeem("r1")).status == OpStatus.PENDING
    door.faults.mode = "refuse"  # 422 otp_expired before effect
    resumed = OpRequest("redeem", "7", "r1", None, resume=True)
    out = submitter.submit(resumed)
    assert out.status == OpStatus.REFUSED and out.code == "otp_expired"
    assert "r1" in model.cancelled
    door.faults.mode = "none"
    door.deliver_late(random.Random(0))
    assert model.effects == []  # the late copy was refused: op_cancelled
