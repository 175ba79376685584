"""What a restore makes the backend forget, made good again (issue 11): cancelled ops are
cancelled again; a manager-approved op is re-sent with its approval proof, not a PIN; one
that cannot be is named plainly in the review list and approved again with a PIN."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from offline_queue import Journal, OpState
from offline_queue.errors import OpStateError
from offline_queue.op import Op
from offline_queue.reconcile import Reconciler
from offline_queue.redaction import REDACTED, needs_pin, resendable, same_operation
from offline_queue.sync_replies import APPROVAL_LOST, judge, review_record

APPROVAL = {"staff": "manager", "pin": "2468"}
PROOF = "v1." + "A" * 43


class Backend:
    """``POST /v1/ops/status`` and ``/cancel`` over a dict op_id -> state."""

    def __init__(self, states: dict[str, str]) -> None:
        self.states = states
        self.cancelled: list[str] = []

    def status(self, op_ids: list[str]) -> Sequence[Mapping[str, Any]]:
        return [{"op_id": i, "state": self.states.get(i, "unknown")} for i in op_ids]

    def cancel(self, op_id: str) -> str:
        self.cancelled.append(op_id)
        if self.states.get(op_id, "unknown") == "unknown":
            self.states[op_id] = "cancelled"
        return "applied" if self.states[op_id] == "applied" else "cancelled"


def cancelled_op(j: Journal, account: str = "a") -> str:
    op_id = j.append("redeem", account, {"customer_id": account, "points": 10})
    j.close_refused(op_id, {"code": "op_cancelled"})
    return op_id


def test_a_cancel_the_backend_forgot_is_cancelled_again_once(journal: Journal) -> None:
    forgotten, known = cancelled_op(journal), cancelled_op(journal, "b")
    backend = Backend({known: "cancelled"})
    reconciler = Reconciler(journal, backend.status, cancel=backend.cancel)
    report = reconciler.run_once()
    assert (report.recancelled, report.cancel_contradicted, report.error) == (1, 0, None)
    assert backend.cancelled == [forgotten]
    assert reconciler.run_once().recancelled == 0  # known again: nothing to do
    assert backend.cancelled == [forgotten]


def test_a_cancelled_op_the_backend_applied_is_reported_not_hidden(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    op_id = cancelled_op(journal)
    backend = Backend({op_id: "applied"})
    report = Reconciler(journal, backend.status, cancel=backend.cancel).run_once()
    assert (report.recancelled, report.cancel_contradicted) == (0, 1)
    assert backend.cancelled == []
    assert "the backend applied it" in caplog.text


def test_cancelled_ops_are_kept_for_the_retention_period_and_only_those_checked(
    journal_path: Any,
) -> None:
    now = [1_000_000.0]
    j = Journal(journal_path, clock=lambda: now[0])
    try:
        old = cancelled_op(j)
        now[0] += 31 * 86_400
        recent = cancelled_op(j, "b")
        backend = Backend({})
        report = Reconciler(
            j, backend.status, cancel=backend.cancel, clock=lambda: now[0]
        ).run_once()
        assert backend.cancelled == [recent] and report.recancelled == 1
        assert j.get(old) is None  # past the retention period: pruned like acknowledged ones
        kept = j.get(recent)
        assert kept is not None and kept.state == OpState.CANCELLED
    finally:
        j.close()


def test_without_a_cancel_transport_cancelled_ops_are_not_checked(journal: Journal) -> None:
    cancelled_op(journal)
    asked: list[list[str]] = []

    def status(ids: list[str]) -> list[dict[str, Any]]:
        asked.append(ids)
        return []

    report = Reconciler(journal, status).run_once()
    assert (asked, report.checked) == ([], 0)


def acknowledged_reversal(j: Journal, result: Mapping[str, Any]) -> str:
    body = {"transaction_id": 7, "reason": "voided", "approval": dict(APPROVAL)}
    op_id = j.append("reverse", "a", body)
    j.settle(acknowledged=[(op_id, result)])
    return op_id


def test_a_requeued_approved_op_carries_its_proof_instead_of_the_pin(journal: Journal) -> None:
    op_id = acknowledged_reversal(journal, {"transaction_id": 9, "approval_proof": PROOF})
    acked = journal.get(op_id)
    assert acked is not None and acked.payload["approval"] == {"staff": "manager", "pin": REDACTED}
    assert journal.requeue_acknowledged([op_id], "restored") == 1
    (pending,) = journal.pending()
    assert pending.payload["approval"] == {"staff": "manager", "proof": PROOF}
    assert same_operation(pending.payload, {**pending.payload, "approval": APPROVAL})


def test_a_requeued_approved_op_without_a_proof_drops_the_scrubbed_pin(journal: Journal) -> None:
    op_id = acknowledged_reversal(journal, {"transaction_id": 9})
    journal.requeue_acknowledged([op_id], "restored")
    (pending,) = journal.pending()
    assert pending.payload["approval"] == {"staff": "manager"}  # never "[redacted]" as a PIN
    assert needs_pin(pending.payload)


def test_resendable_leaves_other_bodies_and_live_pins_alone() -> None:
    earn = {"customer_id": 1, "amount": "2.00"}
    assert resendable(earn, {"approval_proof": PROOF}) == earn
    live = {"approval": dict(APPROVAL)}
    assert resendable(live, None) == live
    assert not needs_pin(live) and not needs_pin(earn)


def op(payload: dict[str, Any]) -> Op:
    return Op("r1", "reverse", "a", payload, 0.0)


def test_an_approval_refused_for_a_scrubbed_pin_reads_plainly_in_the_review_list() -> None:
    lost = op({"approval": {"staff": "manager", "proof": PROOF}})
    refused = {"error": {"code": "approval_proof_invalid", "message": "x"}}
    judged = judge([lost], [{"op_id": "r1", "status": 403, "body": refused}])
    ((_, record),) = judged.reviews
    assert (record["code"], record["message"], record["backend_code"]) == (
        "approval_lost",
        APPROVAL_LOST,
        "approval_proof_invalid",
    )
    assert judged.last_error is not None and APPROVAL_LOST in judged.last_error
    # A wrong PIN typed now is the manager's own mistake, not a lost approval.
    typed = op({"approval": dict(APPROVAL)})
    wrong = {"code": "approval_invalid", "status": 403}
    assert review_record(typed, wrong) == wrong


def test_a_manager_approves_a_review_item_again_with_a_pin(journal: Journal) -> None:
    op_id = acknowledged_reversal(journal, {"transaction_id": 9})
    journal.requeue_acknowledged([op_id], "restored")
    journal.settle(review=[(op_id, {"code": "approval_lost"})])
    journal.reapprove(op_id, "manager", "2468")
    (pending,) = journal.pending()
    assert pending.payload["approval"] == APPROVAL
    journal.settle(acknowledged=[(op_id, {"transaction_id": 10})])
    done = journal.get(op_id)
    assert done is not None and done.payload["approval"]["pin"] == REDACTED  # scrubbed again
    with pytest.raises(OpStateError):
        journal.reapprove(op_id, "manager", "2468")  # only review items
