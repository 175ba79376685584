"""After a restore (issue 11): a redemption the member's SMS code approved is re-sent with
the backend's proof in the scrubbed code's place; one the restored balance no longer covers
goes to review in plain words; and settled rows, cancelled ones too, are pruned after the
retention period, on the real journal file."""

from __future__ import annotations

from pathlib import Path

from offline_queue import Journal, OpState
from offline_queue.reconcile import DAY_S, Reconciler
from offline_queue.redaction import REDACTED
from offline_queue.sync_replies import POINTS_SPENT, judge

PROOF = "v1." + "A" * 43


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def redemption(j: Journal, account: str = "7") -> str:
    body = {"customer_id": 7, "points": 500, "receipt_no": "R1", "challenge_id": "ch-1",
            "otp": "123456"}  # fmt: skip
    return j.append("redeem", account, body)


def test_a_code_approved_redemption_goes_back_with_its_proof(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        op_id = redemption(j)
        j.acknowledge(op_id, {"transaction_id": 1, "with_otp": True, "approval_proof": PROOF})
        acked = j.get(op_id)
        assert acked is not None and acked.payload["otp"] == REDACTED
        assert j.requeue_acknowledged([op_id], "restored") == 1
        (pending,) = j.next_batch(10)
        assert pending.payload["otp"] == PROOF and pending.payload["challenge_id"] == "ch-1"


def test_without_a_proof_the_scrubbed_code_stays(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        op_id = redemption(j)
        j.acknowledge(op_id, {"transaction_id": 1, "with_otp": True})  # an older backend
        j.requeue_acknowledged([op_id], "restored")
        (pending,) = j.next_batch(10)
        assert pending.payload["otp"] == REDACTED


def test_a_resent_redemption_refused_for_points_says_they_were_spent(journal_path: Path) -> None:
    refusal = {"error": {"code": "insufficient_points", "message": "Not enough points"}}
    with Journal(journal_path) as j:
        resent, fresh = redemption(j), redemption(j, "8")
        j.acknowledge(resent, {"transaction_id": 1, "with_otp": True, "approval_proof": PROOF})
        j.requeue_acknowledged([resent], "restored")
        batch = j.next_batch(10)
        results = [{"op_id": op.op_id, "status": 409, "body": refusal} for op in batch]
        records = dict(judge(batch, results).reviews)
    assert records[resent]["code"] == "points_spent_after_restore"
    assert records[resent]["message"] == POINTS_SPENT
    assert records[resent]["backend_code"] == "insufficient_points"
    assert records[fresh]["code"] == "insufficient_points"  # never acknowledged: as it was


def test_cancelled_rows_are_pruned_after_the_retention_period_like_acknowledged_ones(
    journal_path: Path,
) -> None:
    clock = Clock()
    with Journal(journal_path, clock=clock) as j:
        old_cancel, old_ack, old_review = redemption(j, "a"), redemption(j, "b"), redemption(j)
        j.close_refused(old_cancel, {"code": "op_cancelled"})
        j.acknowledge(old_ack, {"transaction_id": 1})
        j.move_to_review(old_review, "x")
        clock.now += 31 * DAY_S
        recent_cancel, pending = redemption(j, "c"), redemption(j, "d")
        j.close_refused(recent_cancel, {"code": "op_cancelled"})
        report = Reconciler(j, lambda ids: [], clock=clock).run_once()
        assert (report.pruned, report.error) == (2, None)
        assert j.get(old_cancel) is None and j.get(old_ack) is None
        states = {i: getattr(j.get(i), "state", None) for i in (old_review, recent_cancel, pending)}
    assert states == {
        old_review: OpState.REVIEW,
        recent_cancel: OpState.CANCELLED,
        pending: OpState.PENDING,
    }
    with Journal(journal_path, clock=clock) as j:  # the file itself, reopened
        assert j.get(old_cancel) is None and j.get(recent_cancel) is not None
