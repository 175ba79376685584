"""Journal semantics: durable append, idempotent op_id, replay order, review list, lookups."""

from __future__ import annotations

import json
import os
import stat
import threading
import uuid
from decimal import Decimal
from pathlib import Path

import pytest

from offline_queue import Entry, Journal, OpState
from offline_queue.errors import (
    JournalError,
    OpIdConflictError,
    OpStateError,
    UnknownOpError,
)
from offline_queue.redaction import REDACTED


def earn(customer: str, points: int = 10, **extra: object) -> dict[str, object]:
    return {"customer_id": customer, "amount": f"{points}.00", "receipt_no": "R1", **extra}


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_append_is_on_disk_when_it_returns(journal_path: Path) -> None:
    j = Journal(journal_path)
    op_id = j.append(kind="earn", account="c1", payload=earn("c1"))
    # A second, independent connection sees it: it was committed, not buffered.
    other = Journal(journal_path)
    [op] = other.pending()
    assert op.op_id == op_id
    assert uuid.UUID(op_id).version == 4
    assert (op.kind, op.account, op.attempts, op.state) == ("earn", "c1", 0, OpState.PENDING)
    assert op.payload == {**earn("c1"), "op_id": op_id}
    other.close()
    j.close()


def test_wal_and_synchronous_full(journal: Journal) -> None:
    # What durability rests on: checked on the journal's own connection.
    conn = journal._conn
    assert conn is not None
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_journal_file_is_private(journal: Journal, journal_path: Path) -> None:
    assert stat.S_IMODE(os.stat(journal_path).st_mode) == 0o600


def test_pending_is_in_journal_order_and_survives_reopen(journal_path: Path) -> None:
    with Journal(journal_path) as j:
        ids = [j.append("earn", f"c{i % 3}", earn(f"c{i % 3}", i)) for i in range(10)]
    with Journal(journal_path) as j:
        assert [op.op_id for op in j.pending()] == ids
        assert [op.op_id for op in j.pending(limit=4)] == ids[:4]


def test_caller_chosen_op_id_and_body_op_id(journal: Journal) -> None:
    assert journal.append("earn", "c1", earn("c1"), op_id="op-1") == "op-1"
    assert journal.append("earn", "c1", {**earn("c1", 5), "op_id": "op-2"}) == "op-2"
    assert journal.get("op-2") is not None
    with pytest.raises(ValueError, match="differs"):
        journal.append("earn", "c1", {**earn("c1"), "op_id": "a"}, op_id="b")


def test_same_op_id_same_payload_is_one_row(journal: Journal) -> None:
    first = journal.append("earn", "c1", earn("c1"), op_id="dup")
    again = journal.append("earn", "c1", earn("c1"), op_id="dup")
    assert first == again == "dup"
    assert [op.op_id for op in journal.pending()] == ["dup"]


@pytest.mark.parametrize(
    ("kind", "account", "payload"),
    [
        ("earn", "c1", earn("c1", 11)),
        ("redeem", "c1", earn("c1")),
        ("earn", "c2", earn("c1")),
    ],
)
def test_same_op_id_different_operation_is_refused(
    journal: Journal, kind: str, account: str, payload: dict[str, object]
) -> None:
    journal.append("earn", "c1", earn("c1"), op_id="dup")
    with pytest.raises(OpIdConflictError):
        journal.append(kind, account, payload, op_id="dup")
    [op] = journal.pending()
    assert op.payload == {**earn("c1"), "op_id": "dup"}


def test_reappend_after_acknowledge_with_secrets_scrubbed_is_still_the_same(
    journal: Journal,
) -> None:
    body = {"customer_id": "c1", "points": 100, "receipt_no": "R9", "otp": "123456"}
    journal.append("redeem", "c1", body, op_id="r1")
    journal.acknowledge("r1", {"transaction_id": 7})
    assert journal.append("redeem", "c1", body, op_id="r1") == "r1"


def test_invalid_input_writes_nothing(journal: Journal) -> None:
    with pytest.raises(ValueError, match="kind"):
        journal.append("refund", "c1", earn("c1"))
    with pytest.raises(ValueError, match="account"):
        journal.append("earn", "", earn("c1"))
    with pytest.raises(TypeError):
        journal.append("earn", "c1", {"amount": Decimal("1.00")})
    with pytest.raises(ValueError, match="op_id"):
        journal.append("earn", "c1", earn("c1"), op_id="has space")  # the backend refuses it
    with pytest.raises(ValueError, match="op_id"):
        journal.append("earn", "c1", earn("c1"), op_id="x" * 101)
    assert journal.pending() == []
    journal.append("earn", "c1", earn("c1"))  # and it still works
    assert journal.stats().pending == 1


def test_acknowledge_stores_result_scrubs_secrets_and_is_idempotent(journal: Journal) -> None:
    body = {
        "customer_id": "c1",
        "points": 100,
        "receipt_no": "R9",
        "challenge_id": "ch1",
        "otp": "123456",
        "approval": {"staff": "manager", "pin": "2468"},
    }
    op_id = journal.append("redeem", "c1", body)
    assert journal.get(op_id).payload["otp"] == "123456"  # type: ignore[union-attr]
    journal.acknowledge(op_id, {"transaction_id": 1, "balance": 5})
    journal.acknowledge(op_id, {"transaction_id": 999})  # a second ack keeps the first
    op = journal.get(op_id)
    assert op is not None
    assert op.state is OpState.ACKNOWLEDGED
    assert op.result == {"transaction_id": 1, "balance": 5}
    assert op.payload["otp"] == REDACTED
    assert op.payload["approval"] == {"staff": "manager", "pin": REDACTED}
    assert op.payload["challenge_id"] == "ch1"
    assert journal.pending() == []
    journal.checkpoint()  # the WAL's old page images go too
    on_disk = Path(journal.path).read_bytes() + Path(f"{journal.path}-wal").read_bytes()
    assert b"123456" not in on_disk
    assert b"2468" not in on_disk
    assert journal.integrity_check() == ["ok"]


def test_unknown_op(journal: Journal) -> None:
    assert journal.get("nope") is None
    with pytest.raises(UnknownOpError):
        journal.acknowledge("nope", {})
    with pytest.raises(UnknownOpError):
        journal.move_to_review("nope", "x")
    with pytest.raises(JournalError):
        journal.retry_review("nope")


def test_review_retry_and_cancel(journal: Journal) -> None:
    a1 = journal.append("earn", "a", earn("a"))
    a2 = journal.append("redeem", "a", {"customer_id": "a", "points": 5, "otp": "111111"})
    b1 = journal.append("earn", "b", earn("b"))
    error = {"status": 422, "code": "customer_inactive", "message": "inactive"}
    journal.move_to_review(a1, error)
    assert [op.op_id for op in journal.review()] == [a1]
    assert journal.review()[0].last_error == error
    assert [op.op_id for op in journal.pending()] == [a2, b1]
    assert journal.stats().review == 1

    journal.retry_review(a1)  # back at its original place in the replay order
    assert [op.op_id for op in journal.pending()] == [a1, a2, b1]
    assert journal.review() == []

    journal.move_to_review(a2, "insufficient points")
    assert journal.get(a2).last_error == {"message": "insufficient points"}  # type: ignore[union-attr]
    with pytest.raises(OpStateError):
        journal.cancel_review(a1)  # pending, not review
    journal.cancel_review(a2)
    cancelled = journal.get(a2)
    assert cancelled is not None and cancelled.state is OpState.CANCELLED
    assert cancelled.payload["otp"] == REDACTED
    assert [op.op_id for op in journal.cancelled()] == [a2]
    with pytest.raises(OpStateError):
        journal.retry_review(a2)
    with pytest.raises(OpStateError):
        journal.move_to_review(a2, "again")
    assert journal.stats().review == 0


def test_record_attempt(journal: Journal) -> None:
    op_id = journal.append("earn", "c1", earn("c1"))
    journal.record_attempt(op_id, "connection refused")
    journal.record_attempt(op_id, {"status": 503, "code": "unavailable"})
    op = journal.get(op_id)
    assert op is not None
    assert op.attempts == 2
    assert op.last_error == {"status": 503, "code": "unavailable"}
    assert op.state is OpState.PENDING


def test_settle_applies_a_batch_and_ignores_ops_resolved_meanwhile(journal: Journal) -> None:
    ids = [journal.append("earn", f"c{i}", earn(f"c{i}")) for i in range(4)]
    journal.acknowledge(ids[3], {"by": "till"})
    journal.settle(
        acknowledged=[(ids[0], {"ok": 1})],
        review=[(ids[1], {"code": "bad"}), (ids[3], {"code": "late"})],
        attempts=[(ids[2], "timeout")],
    )
    states = [journal.get(i).state for i in ids]  # type: ignore[union-attr]
    assert states == [OpState.ACKNOWLEDGED, OpState.REVIEW, OpState.PENDING, OpState.ACKNOWLEDGED]
    assert journal.get(ids[3]).result == {"by": "till"}  # type: ignore[union-attr]
    assert journal.get(ids[2]).attempts == 1  # type: ignore[union-attr]


def test_stats(journal_path: Path) -> None:
    clock = FakeClock()
    with Journal(journal_path, clock=clock) as j:
        assert (j.stats().pending, j.stats().oldest_pending_created_at) == (0, None)
        first = j.append("earn", "a", earn("a"))
        clock.now += 60
        j.append("earn", "b", earn("b"))
        stats = j.stats()
        assert (stats.pending, stats.oldest_pending_created_at, stats.review) == (
            2,
            1_700_000_000.0,
            0,
        )
        j.acknowledge(first, {})
        assert j.stats().oldest_pending_created_at == 1_700_000_060.0


def test_next_batch_takes_each_accounts_first_op_only(journal: Journal) -> None:
    a1 = journal.append("earn", "a", earn("a"))
    a2 = journal.append("earn", "a", earn("a"))
    b1 = journal.append("earn", "b", earn("b"))
    c1 = journal.append("earn", "c", earn("c"))
    d1 = journal.append("earn", "d", earn("d"))
    assert [op.op_id for op in journal.next_batch(10)] == [a1, b1, c1, d1]
    assert [op.op_id for op in journal.next_batch(2)] == [a1, b1]
    # backing-off accounts are held; an account with a review item waits for the manager
    assert [op.op_id for op in journal.next_batch(10, exclude_accounts={"b"})] == [a1, c1, d1]
    journal.move_to_review(a1, "refused")
    assert [op.op_id for op in journal.next_batch(10)] == [b1, c1, d1]
    journal.cancel_review(a1)
    assert [op.op_id for op in journal.next_batch(10)] == [a2, b1, c1, d1]
    assert journal.next_batch(0) == []


def test_prune_keeps_everything_unresolved(journal_path: Path) -> None:
    clock = FakeClock()
    with Journal(journal_path, clock=clock) as j:
        acked, review, cancel, pending = (j.append("earn", "a", earn("a")) for _ in range(4))
        j.acknowledge(acked, {})
        j.move_to_review(review, "x")
        j.move_to_review(cancel, "x")
        j.cancel_review(cancel)
        clock.now += 100
        # Settled rows go after the retention period, cancelled ones too (issue 11).
        assert j.prune_acknowledged(clock.now - 50) == 2
        assert j.get(acked) is None and j.get(cancel) is None
        assert {j.get(i).state for i in (review, pending)} == {  # type: ignore[union-attr]
            OpState.REVIEW,
            OpState.PENDING,
        }


def test_append_many_is_one_transaction(journal: Journal) -> None:
    ids = journal.append_many(Entry("earn", f"c{i}", earn(f"c{i}")) for i in range(5))
    assert [op.op_id for op in journal.pending()] == ids
    with pytest.raises(OpIdConflictError):
        journal.append_many(
            [Entry("earn", "x", earn("x")), Entry("earn", "c0", earn("zz"), ids[0])]
        )
    assert len(journal.pending()) == 5  # the good first entry was rolled back too


def test_closed_journal_refuses(journal_path: Path) -> None:
    j = Journal(journal_path)
    j.close()
    j.close()
    with pytest.raises(JournalError, match="closed"):
        j.append("earn", "c1", earn("c1"))


def test_threads_share_one_journal(journal: Journal) -> None:
    n_threads, per_thread = 4, 25
    errors: list[BaseException] = []
    acked: list[str] = []
    lock = threading.Lock()

    def writer(t: int) -> None:
        try:
            for i in range(per_thread):
                op_id = journal.append("earn", f"t{t}", earn(f"t{t}", i))
                if i % 2:
                    journal.acknowledge(op_id, {"i": i})
                    with lock:
                        acked.append(op_id)
                journal.stats()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(t,)) for t in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert journal.stats().pending == n_threads * per_thread - len(acked)
    for t in range(n_threads):  # each thread's ops in its own order
        mine = [op.payload["amount"] for op in journal.pending() if op.account == f"t{t}"]
        assert mine == [f"{i}.00" for i in range(0, per_thread, 2)]


def test_payload_is_stored_as_json(journal: Journal) -> None:
    op_id = journal.append("claim", "c1", {"customer_id": "c1", "amount": "3.10", "n": [1, 2]})
    conn = journal._conn
    assert conn is not None
    text = conn.execute("SELECT payload FROM ops WHERE op_id = ?", (op_id,)).fetchone()[0]
    assert json.loads(text)["n"] == [1, 2]


def test_pending_ahead_counts_the_accounts_earlier_pending_ops(journal: Journal) -> None:
    a1 = journal.append("earn", "a", earn("a"))
    b1 = journal.append("earn", "b", earn("b"))
    a2 = journal.append("redeem", "a", {"customer_id": "a", "points": 5})
    assert [journal.pending_ahead(i) for i in (a1, b1, a2)] == [0, 0, 1]
    journal.acknowledge(a1, {})
    assert journal.pending_ahead(a2) == 0
    assert journal.pending_ahead("unknown") == 0


def test_close_refused_cancels_in_one_step_with_the_error(journal: Journal) -> None:
    op_id = journal.append("redeem", "a", {"customer_id": "a", "points": 5, "otp": "222222"})
    journal.close_refused(op_id, {"status": 422, "code": "otp_invalid"})
    op = journal.get(op_id)
    assert op is not None and op.state is OpState.CANCELLED
    assert op.last_error == {"status": 422, "code": "otp_invalid"}
    assert op.payload["otp"] == REDACTED
    assert journal.review() == [] and journal.pending() == []
    with pytest.raises(OpStateError):
        journal.close_refused(op_id, "again")
    with pytest.raises(UnknownOpError):
        journal.close_refused("nope", "x")


def test_count_by_state_and_creation_time(tmp_path: Path) -> None:
    now = [1000.0]
    j = Journal(tmp_path / "j.sqlite3", clock=lambda: now[0])
    first = j.append("earn", "a", {"customer_id": "a", "amount": "1.00"})
    now[0] = 2000.0
    j.append("earn", "b", {"customer_id": "b", "amount": "2.00"})
    j.move_to_review(first, {"code": "not_found"})
    assert j.count(OpState.PENDING) == 1
    assert j.count(OpState.REVIEW) == 1
    assert j.count(OpState.PENDING, 1500.0, 2500.0) == 1
    assert j.count(OpState.PENDING, 0.0, 1500.0) == 0
    assert j.count(OpState.REVIEW, 0.0, 1500.0) == 1
    j.close()
