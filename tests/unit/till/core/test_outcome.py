"""The one outcome type: what the till may say, and the sync worker's answers read as one."""

from __future__ import annotations

from offline_queue.errors import JournalWriteError
from offline_queue.outcome_policy import Verdict
from offline_queue.sync import OpOutcome as SyncOutcome
from till.core.outcome import OpOutcome, OpStatus, from_sync


def test_only_final_statuses_allow_not_charged() -> None:
    assert {s for s in OpStatus if s.not_charged} == {
        OpStatus.REFUSED,
        OpStatus.CANCELLED,
        OpStatus.NOT_RECORDED,
    }
    assert {s for s in OpStatus if s.unsettled} == {OpStatus.PENDING, OpStatus.KEY, OpStatus.REVIEW}


def test_messages_are_plain_words() -> None:
    assert "technician" in OpOutcome("a", "redeem", OpStatus.KEY).message
    assert OpOutcome("a", "earn", OpStatus.DONE).message == ""
    disk = JournalWriteError("disk full")
    assert "call a manager" in OpOutcome("a", "earn", OpStatus.NOT_RECORDED, error=disk).message
    assert "nothing was charged" in OpOutcome("a", "redeem", OpStatus.CANCELLED).message


def test_from_sync() -> None:
    def sync(outcome: str, body: object = None) -> SyncOutcome:
        return SyncOutcome("op", "redeem", "7", outcome, 200, body, Verdict.DONE)  # type: ignore[arg-type]

    done = from_sync(sync("acknowledged", {"balance": 5, "transaction_id": 9}))
    assert done is not None and done.status == OpStatus.DONE and done.result is not None
    assert done.result.balance == 5 and done.result.transaction_id == "9"
    assert from_sync(sync("review")).status == OpStatus.REVIEW  # type: ignore[union-attr]
    assert from_sync(sync("cancelled")).status == OpStatus.CANCELLED  # type: ignore[union-attr]
    assert from_sync(sync("retry")) is None
