"""The sync worker against an in-memory backend: order, review, backoff, state, exactly once."""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from typing import Any

import pytest

from offline_queue import Journal, OpState
from offline_queue.backoff import Backoff
from offline_queue.errors import JournalWriteError
from offline_queue.sync import OpOutcome, SyncState, SyncWorker
from tests.fixtures.journal import BatchRefused, FakeBackend


class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def earn(j: Journal, account: str, points: int) -> str:
    return j.append("earn", account, {"customer_id": account, "points": points})


def redeem(j: Journal, account: str, points: int) -> str:
    return j.append("redeem", account, {"customer_id": account, "points": points})


def worker(
    j: Journal, backend: Any, clock: Clock, **kw: Any
) -> tuple[SyncWorker, list[SyncState], list[OpOutcome]]:
    states: list[SyncState] = []
    outcomes: list[OpOutcome] = []
    w = SyncWorker(
        j,
        backend,
        on_state=states.append,
        on_outcome=outcomes.append,
        backoff=Backoff(base_s=1.0, cap_s=8.0),
        rng=random.Random(1),
        clock=clock,
        wall_clock=clock,
        **kw,
    )
    return w, states, outcomes


def drain(w: SyncWorker, rounds: int = 100) -> None:
    for _ in range(rounds):
        if w.run_once().sent == 0:
            return
    raise AssertionError("did not drain")


def test_acknowledges_with_the_backends_response(
    journal: Journal, fake_backend: FakeBackend
) -> None:
    op_id = earn(journal, "a", 10)
    w, states, outcomes = worker(journal, fake_backend, Clock())
    report = w.run_once()
    assert (report.sent, report.acknowledged) == (1, 1)
    op = journal.get(op_id)
    assert op is not None and op.state is OpState.ACKNOWLEDGED
    assert op.result == {"transaction_id": 1, "points": 10, "balance": 10}
    assert fake_backend.requests == [
        [
            {
                "op_id": op_id,
                "kind": "earn",
                "body": {"customer_id": "a", "points": 10, "op_id": op_id},
            }
        ]
    ]
    assert [(o.op_id, o.outcome, o.status) for o in outcomes] == [(op_id, "acknowledged", 201)]
    assert states[-1] == SyncState(True, 0, None, 0, None)


def test_one_op_per_account_in_flight_so_order_holds(
    journal: Journal, fake_backend: FakeBackend
) -> None:
    a = [earn(journal, "a", 10), redeem(journal, "a", 10), earn(journal, "a", 1)]
    b = [earn(journal, "b", 5)]
    w, _, _ = worker(journal, fake_backend, Clock())
    drain(w)
    sent = [[op["op_id"] for op in batch] for batch in fake_backend.requests]
    assert sent == [[a[0], b[0]], [a[1]], [a[2]]]
    assert fake_backend.effects == [a[0], b[0], a[1], a[2]]
    assert fake_backend.balances == {"a": 1, "b": 5}
    assert journal.pending() == []


def test_batches_are_capped(journal: Journal, fake_backend: FakeBackend) -> None:
    for i in range(25):
        earn(journal, f"c{i}", 1)
    w, _, _ = worker(journal, fake_backend, Clock(), batch_size=10)
    drain(w)
    assert [len(batch) for batch in fake_backend.requests] == [10, 10, 5]


def test_unreachable_backend_backs_off_and_kick_bypasses(journal: Journal) -> None:
    backend = FakeBackend(fail_requests=3)
    op_id = earn(journal, "a", 10)
    clock = Clock()
    w, states, _ = worker(journal, backend, clock)

    first = w.run_once()
    assert first.transport_failed
    assert states[-1].online is False and states[-1].pending == 1
    assert "cannot be reached" in (states[-1].last_error or "")
    assert journal.get(op_id).attempts == 1  # type: ignore[union-attr]
    assert 0.5 <= w.next_delay_s() <= 1.0  # first backoff: [base/2, base]
    assert w.run_once().skipped  # still backing off: nothing sent
    assert len(backend.requests) == 1

    clock.now += 1.0
    assert w.run_once().transport_failed  # second failure: [1, 2] s
    assert 1.0 <= w.next_delay_s() <= 2.0
    assert w.run_once(force=True).transport_failed  # kick: try now anyway (third failure)
    assert 2.0 <= w.next_delay_s() <= 4.0
    clock.now += 4.0
    assert w.run_once().acknowledged == 1
    assert states[-1].online is True and states[-1].last_error is None
    assert w.next_delay_s() == 30.0  # idle poll


def test_lost_response_is_replayed_with_one_effect(journal: Journal) -> None:
    backend = FakeBackend(lose_responses=2)
    ids = [earn(journal, "a", 10), earn(journal, "b", 3)]
    clock = Clock()
    w, _, _ = worker(journal, backend, clock)
    for _ in range(3):
        w.run_once(force=True)
    assert len(backend.requests) == 3
    assert backend.effects == ids  # applied once, answered three times
    assert backend.balances == {"a": 10, "b": 3}
    assert [journal.get(i).state for i in ids] == [OpState.ACKNOWLEDGED] * 2  # type: ignore[union-attr]


def test_per_op_transient_error_holds_that_account_only(journal: Journal) -> None:
    failing = {"n": 2}

    def script(op: Mapping[str, Any]) -> tuple[int, Any] | None:
        if op["body"]["customer_id"] == "a" and failing["n"] > 0:
            failing["n"] -= 1
            return 503, {"error": {"code": "unavailable", "message": "busy"}}
        return None

    backend = FakeBackend(script=script)
    a = [earn(journal, "a", 10), redeem(journal, "a", 10)]
    b = [earn(journal, "b", 1), earn(journal, "b", 2)]
    clock = Clock()
    w, states, outcomes = worker(journal, backend, clock)
    r = w.run_once()
    assert (r.acknowledged, r.retry) == (1, 1)
    assert states[-1].online is True
    assert "retried (unavailable)" in (states[-1].last_error or "")
    assert w.run_once().sent == 1  # b goes on; a waits out its backoff
    assert [op["op_id"] for op in backend.requests[-1]] == [b[1]]
    assert w.run_once().sent == 0
    assert 0.5 <= w.next_delay_s() <= 1.0
    clock.now += 1.0
    assert w.run_once().retry == 1  # second 503: the account's delay grows
    assert 1.0 <= w.next_delay_s() <= 2.0
    clock.now += 2.0
    drain(w)
    assert backend.effects == [b[0], b[1], a[0], a[1]]
    assert journal.get(a[0]).attempts == 2  # type: ignore[union-attr]
    assert [o.outcome for o in outcomes if o.op_id == a[0]] == ["retry", "retry", "acknowledged"]


@pytest.mark.parametrize(
    ("status", "code", "details"),
    [
        (422, "customer_inactive", {}),
        (409, "idempotency_conflict", {}),
        (404, "not_found", {"customer_id": 7}),  # the customer, not the route, is unknown
    ],
)
def test_permanent_error_goes_to_review_and_holds_the_account(
    journal: Journal, status: int, code: str, details: dict[str, Any]
) -> None:
    def script(op: Mapping[str, Any]) -> tuple[int, Any] | None:
        if op["op_id"] == bad:
            return status, {"error": {"code": code, "message": "plain words", **details}}
        return None

    backend = FakeBackend(script=script)
    bad = earn(journal, "a", 10)
    later = earn(journal, "a", 5)
    other = earn(journal, "b", 1)
    w, states, _ = worker(journal, backend, Clock())
    drain(w)
    [item] = journal.review()
    assert item.op_id == bad
    assert item.last_error == {"status": status, "code": code, "message": "plain words", **details}
    assert journal.get(later).state is OpState.PENDING  # type: ignore[union-attr]
    assert journal.get(other).state is OpState.ACKNOWLEDGED  # type: ignore[union-attr]
    assert states[-1].review == 1 and states[-1].pending == 1
    assert code in (states[-1].last_error or "")

    journal.cancel_review(bad)  # the manager gives up on it: the account goes on
    drain(w)
    assert journal.get(later).state is OpState.ACKNOWLEDGED  # type: ignore[union-attr]
    assert journal.get(bad).state is OpState.CANCELLED  # type: ignore[union-attr]


def test_retry_from_review_sends_it_again_first(journal: Journal) -> None:
    refuse = {"on": True}

    def script(op: Mapping[str, Any]) -> tuple[int, Any] | None:
        if refuse["on"] and op["kind"] == "redeem":
            return 409, {"error": {"code": "insufficient_points", "message": "no"}}
        return None

    backend = FakeBackend(script=script, balances={"a": 100})
    r = redeem(journal, "a", 50)
    e = earn(journal, "a", 1)
    w, _, _ = worker(journal, backend, Clock())
    drain(w)
    assert [op.op_id for op in journal.review()] == [r]
    refuse["on"] = False
    journal.retry_review(r)
    drain(w)
    assert backend.effects == [r, e]


def test_other_transport_errors_never_move_ops_to_review(journal: Journal) -> None:
    class Revoked:
        def send_ops(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
            raise RuntimeError("401 invalid_key")

    op_id = earn(journal, "a", 1)
    w, states, _ = worker(journal, Revoked(), Clock())
    assert w.run_once().transport_failed
    assert journal.get(op_id).state is OpState.PENDING  # type: ignore[union-attr]
    assert states[-1].online is False and "invalid_key" in (states[-1].last_error or "")


def test_missing_or_malformed_results_are_retried(journal: Journal) -> None:
    class Sloppy:
        def send_ops(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{"op_id": ops[0]["op_id"], "status": "weird"}]

    ids = [earn(journal, "a", 1), earn(journal, "b", 1)]
    w, _, outcomes = worker(journal, Sloppy(), Clock())
    assert w.run_once().retry == 2
    assert [journal.get(i).state for i in ids] == [OpState.PENDING] * 2  # type: ignore[union-attr]
    assert {o.outcome for o in outcomes} == {"retry"}


def test_results_without_op_id_match_by_position(journal: Journal) -> None:
    class Positional:
        def send_ops(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{"status": 201, "body": {"n": i}} for i, _ in enumerate(ops)]

    ids = [earn(journal, "a", 1), earn(journal, "b", 1)]
    w, _, _ = worker(journal, Positional(), Clock())
    w.run_once()
    assert [journal.get(i).result for i in ids] == [{"n": 0}, {"n": 1}]  # type: ignore[union-attr]


def test_journal_write_failure_while_settling_loses_nothing(
    journal: Journal, fake_backend: FakeBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    op_id = earn(journal, "a", 7)
    real_settle = journal.settle
    calls = {"n": 0}

    def full_once(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise JournalWriteError("SQLITE_FULL: database or disk is full")
        real_settle(*args, **kwargs)

    monkeypatch.setattr(journal, "settle", full_once)
    w, states, _ = worker(journal, fake_backend, Clock())
    assert w.run_once().transport_failed
    assert "cannot record" in (states[-1].last_error or "")
    assert states[-1].online is True  # the backend answered; the journal is the trouble
    w.run_once(force=True)  # sent again; the backend answers its original response
    assert journal.get(op_id).state is OpState.ACKNOWLEDGED  # type: ignore[union-attr]
    assert fake_backend.effects == [op_id]
    assert len(fake_backend.requests) == 2


def test_state_changes_are_published_once(journal: Journal, fake_backend: FakeBackend) -> None:
    clock = Clock(5000.0)
    j = Journal(journal.path, clock=clock)
    earn(j, "a", 1)
    clock.now += 90
    w, states, _ = worker(j, FakeBackend(fail_requests=1), clock)
    assert w.state() == SyncState(None, 1, 90.0, 0, None)  # online unknown before contact
    w.run_once()
    w.run_once()  # skipped, same state: not published again
    assert len(states) == 1
    assert states[0].oldest_pending_age_s == 90.0 and states[0].online is False
    w.run_once(force=True)
    assert states[-1] == SyncState(True, 0, None, 0, None)
    j.close()


def test_callbacks_that_raise_do_not_stop_the_worker(
    journal: Journal, fake_backend: FakeBackend
) -> None:
    def boom(_: object) -> None:
        raise ValueError("ui bug")

    ids = [earn(journal, "a", 1), earn(journal, "a", 2)]
    w = SyncWorker(journal, fake_backend, on_state=boom, on_outcome=boom)
    drain(w)
    assert fake_backend.effects == ids


def test_thread_replays_on_start_and_on_kick_then_stops(
    journal: Journal, fake_backend: FakeBackend
) -> None:
    expected = {"n": 10}
    drained = threading.Event()

    def on_state(state: SyncState) -> None:
        if state.pending == 0 and len(fake_backend.effects) == expected["n"]:
            drained.set()

    ids = [earn(journal, f"c{i % 3}", i) for i in range(10)]
    w = SyncWorker(journal, fake_backend, on_state=on_state, idle_poll_s=3600.0)
    w.start()
    w.start()  # idempotent
    try:
        assert drained.wait(10)  # the first round runs at start
        drained.clear()
        expected["n"] = 15
        ids += [earn(journal, f"c{i % 3}", i) for i in range(5)]
        w.kick()  # the idle poll is an hour away: only the kick can have done this
        assert drained.wait(10)
    finally:
        w.stop()
    assert sorted(fake_backend.effects) == sorted(ids)
    for account in ("c0", "c1", "c2"):  # per-account order
        mine = [i for i in ids if journal.get(i).account == account]  # type: ignore[union-attr]
        assert [e for e in fake_backend.effects if e in mine] == mine
    assert w.state().pending == 0


def test_batch_size_must_be_positive(journal: Journal, fake_backend: FakeBackend) -> None:
    with pytest.raises(ValueError):
        SyncWorker(journal, fake_backend, batch_size=0)


def test_a_broken_journal_or_answer_is_not_reported_as_offline(journal_path: Any) -> None:
    class NotAList:
        def send_ops(self, ops: list[dict[str, Any]]) -> Any:
            return {"results": "?"}

    j = Journal(journal_path)
    op_id = earn(j, "a", 1)
    w, _, _ = worker(j, NotAList(), Clock())
    assert w.run_once().transport_failed
    assert j.get(op_id).state is OpState.PENDING  # type: ignore[union-attr]
    j.close()
    report = w.run_once(force=True)
    assert report.transport_failed and report.sent == 0
    assert "journal cannot be read" in (w._last_error or "")


def test_a_batch_refused_as_a_whole_is_split_to_find_the_culprit(journal: Journal) -> None:
    class Picky(FakeBackend):
        def send_ops(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
            if any(op["body"].get("bad") for op in ops):
                self.requests.append(ops)
                raise BatchRefused(422, "invalid_request", "body: field not allowed")
            return super().send_ops(ops)

    backend = Picky()
    good = [earn(journal, "a", 1), earn(journal, "b", 2)]
    bad = journal.append("earn", "c", {"customer_id": "c", "points": 3, "bad": True})
    w, _, _ = worker(journal, backend, Clock())
    report = w.run_once()
    assert (report.acknowledged, report.review) == (2, 1)
    [item] = journal.review()
    assert item.op_id == bad
    assert item.last_error == {
        "status": 422,
        "code": "invalid_request",
        "message": "body: field not allowed",
    }
    assert backend.effects == good
    assert w.run_once().sent == 0  # nothing is stuck behind it


def test_a_revoked_key_is_not_an_operations_fault(journal: Journal) -> None:
    class Revoked:
        def send_ops(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
            raise BatchRefused(401, "invalid_key", "This till's key was revoked")

    op_id = earn(journal, "a", 1)
    w, states, _ = worker(journal, Revoked(), Clock())
    assert w.run_once().transport_failed
    assert journal.get(op_id).state is OpState.PENDING  # type: ignore[union-attr]
    assert "revoked" in (states[-1].last_error or "")
    assert states[-1].key_refused  # its own state: "call a technician", not "offline"
    assert "technician" in (states[-1].last_error or "")


def test_an_account_the_till_is_sending_to_is_held_back(
    journal: Journal, fake_backend: FakeBackend
) -> None:
    a, b = earn(journal, "a", 5), earn(journal, "b", 7)
    w, _, _ = worker(journal, fake_backend, Clock())
    with w.sending("a"):
        w.run_once(force=True)
        assert fake_backend.effects == [b]  # "a" waits for the till's own send
    w.run_once(force=True)
    assert fake_backend.effects == [b, a]


# -- issue 11: replies the one policy table judges -------------------------------------------


class ProxyPage(Exception):
    """What the HTTP client raises for a whole-batch reply that is not the backend's JSON."""

    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        from offline_queue.outcome_policy import Reply

        self.reply = Reply(status, "<html><body>Not Found</body></html>")


@pytest.mark.parametrize("status", [400, 404, 409, 413])
def test_finding_5_a_whole_batch_proxy_reply_is_transient(journal: Journal, status: int) -> None:
    class Proxy:
        calls = 0

        def send_ops(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
            Proxy.calls += 1
            raise ProxyPage(status)

    op_id = earn(journal, "a", 1)
    w, states, _ = worker(journal, Proxy(), Clock())
    assert w.run_once().acknowledged == 0  # 413: sent op by op, each still transient
    assert journal.get(op_id).state is OpState.PENDING  # type: ignore[union-attr]
    assert journal.review() == [] and not states[-1].key_refused


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (423, {"error": {"code": "locked", "message": "busy"}}),
        (404, {"error": {"code": "not_found", "message": "No such endpoint"}}),  # finding 6
        (404, "<html>Not Found</html>"),
    ],
)
def test_finding_5_6_per_op_transient_replies_are_retried(
    journal: Journal, status: int, body: Any
) -> None:
    answers = [(status, body)]

    def script(op: Mapping[str, Any]) -> tuple[int, Any] | None:
        return answers.pop() if answers else None

    backend = FakeBackend(script=script)
    op_id = earn(journal, "a", 3)
    clock = Clock()
    w, _, outcomes = worker(journal, backend, clock)
    w.run_once()
    assert journal.get(op_id).state is OpState.PENDING  # type: ignore[union-attr]
    clock.now += 60
    drain(w)
    assert journal.get(op_id).state is OpState.ACKNOWLEDGED  # type: ignore[union-attr]
    assert [o.outcome for o in outcomes] == ["retry", "acknowledged"]
    assert backend.effects == [op_id]


def test_an_op_cancelled_on_the_backend_is_closed_never_reviewed(journal: Journal) -> None:
    def script(op: Mapping[str, Any]) -> tuple[int, Any] | None:
        return 409, {"error": {"code": "op_cancelled", "message": "cancelled"}}

    op_id = redeem(journal, "a", 3)
    w, _, outcomes = worker(journal, FakeBackend(script=script), Clock())
    drain(w)
    assert journal.get(op_id).state is OpState.CANCELLED  # type: ignore[union-attr]
    assert journal.review() == [] and [o.outcome for o in outcomes] == ["cancelled"]


def test_a_good_round_clears_the_key_state(journal: Journal, fake_backend: FakeBackend) -> None:
    revoked = [True]

    class Flaky:
        def send_ops(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
            if revoked:
                revoked.clear()
                raise BatchRefused(403, "key_revoked", "revoked")
            return fake_backend.send_ops(ops)

    earn(journal, "a", 1)
    w, states, _ = worker(journal, Flaky(), Clock())
    w.run_once()
    assert states[-1].key_refused
    w.run_once(force=True)
    assert not states[-1].key_refused and states[-1].pending == 0
