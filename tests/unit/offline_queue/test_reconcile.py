"""Reconciliation against a model backend (issue 11, finding 4): acknowledged ops the backend
no longer knows are sent again, once; the real backend is in tests/integration."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from offline_queue import Journal, OpState
from offline_queue.reconcile import DAY_S, MAX_IDS, Reconciler
from offline_queue.sync import SyncWorker
from tests.fixtures.journal import FakeBackend


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def earns(j: Journal, n: int, account: str = "a") -> list[str]:
    return [j.append("earn", account, {"customer_id": account, "points": 10}) for _ in range(n)]


def drain(w: SyncWorker) -> None:
    for _ in range(50):
        if w.run_once(force=True).sent == 0:
            return
    raise AssertionError("did not drain")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def clocked(journal_path: Any, clock: Clock) -> Any:
    j = Journal(journal_path, clock=clock)
    yield j
    j.close()


def test_restored_backend_gets_the_lost_ops_again_each_once(
    clocked: Journal, fake_backend: FakeBackend, clock: Clock
) -> None:
    sync = SyncWorker(clocked, fake_backend, clock=clock, wall_clock=clock)
    earns(clocked, 2)
    drain(sync)
    backup = fake_backend.snapshot()  # the backend's backup, taken here
    lost = earns(clocked, 5) + earns(clocked, 1, "b")
    drain(sync)
    assert clocked.stats().pending == 0 and len(fake_backend.effects) == 8
    fake_backend.restore_backup(backup)
    kicked: list[int] = []
    rec = Reconciler(clocked, fake_backend.ops_status, clock=clock, on_requeued=kicked.append)
    report = rec.run_once()
    assert (report.checked, report.applied, report.requeued, report.error) == (8, 2, 6, None)
    assert kicked == [6]
    assert [op.op_id for op in clocked.pending()] == lost  # original order
    drain(sync)
    assert fake_backend.balances == {"a": 70, "b": 10}
    assert sorted(fake_backend.effects) == sorted(set(fake_backend.effects))  # each once
    assert len(fake_backend.effects) == 8
    again = rec.run_once()
    assert (again.applied, again.requeued) == (8, 0)


def test_requeued_op_keeps_its_place_before_later_ops_of_the_account(
    clocked: Journal, fake_backend: FakeBackend, clock: Clock
) -> None:
    """The earn lost with the backup goes before the redemption that spends it."""
    sync = SyncWorker(clocked, fake_backend, clock=clock, wall_clock=clock)
    backup = fake_backend.snapshot()
    earned = earns(clocked, 1)[0]
    drain(sync)
    fake_backend.restore_backup(backup)
    spend = clocked.append("redeem", "a", {"customer_id": "a", "points": 10})
    Reconciler(clocked, fake_backend.ops_status, clock=clock).run_once()
    assert [op.op_id for op in clocked.pending()] == [earned, spend]
    drain(sync)
    assert fake_backend.balances == {"a": 0}
    assert clocked.get(spend).state is OpState.ACKNOWLEDGED  # type: ignore[union-attr]


def test_applied_ops_are_left_alone(
    clocked: Journal, fake_backend: FakeBackend, clock: Clock
) -> None:
    sync = SyncWorker(clocked, fake_backend, clock=clock, wall_clock=clock)
    earns(clocked, 3)
    drain(sync)
    report = Reconciler(clocked, fake_backend.ops_status, clock=clock).run_once()
    assert (report.checked, report.applied, report.requeued) == (3, 3, 0)
    assert clocked.stats().pending == 0


def test_only_an_explicit_unknown_moves_an_op(clocked: Journal, clock: Clock) -> None:
    """Cancelled (should not happen) is reported, a missing answer is ignored."""
    ids = earns(clocked, 4)
    for op_id in ids:
        clocked.acknowledge(op_id, {"ok": True})

    def status(op_ids: list[str]) -> Sequence[Mapping[str, Any]]:
        return [
            {"op_id": ids[0], "state": "applied", "result": {}},
            {"op_id": ids[1], "state": "cancelled", "result": None},
            {"op_id": ids[2], "state": "unknown", "result": None},
            {"op_id": "someone-else", "state": "unknown"},
            "junk",  # type: ignore[list-item]
        ]

    report = Reconciler(clocked, status, clock=clock).run_once()
    assert (report.applied, report.cancelled, report.requeued) == (1, 1, 1)
    assert [op.op_id for op in clocked.pending()] == [ids[2]]
    assert clocked.get(ids[1]).state is OpState.ACKNOWLEDGED  # type: ignore[union-attr]


def test_pages_of_at_most_500_ids(
    clocked: Journal, fake_backend: FakeBackend, clock: Clock
) -> None:
    ids = earns(clocked, 1201)
    clocked.settle(acknowledged=[(op_id, {"ok": True}) for op_id in ids])
    report = Reconciler(clocked, fake_backend.ops_status, clock=clock).run_once()
    assert [len(r) for r in fake_backend.status_requests] == [MAX_IDS, MAX_IDS, 201]
    assert [i for page in fake_backend.status_requests for i in page] == ids
    assert report.requeued == 1201  # the model backend never saw them


def test_retention_prunes_old_ops_and_checks_only_the_rest(
    clocked: Journal, fake_backend: FakeBackend, clock: Clock
) -> None:
    old = earns(clocked, 3)
    clocked.settle(acknowledged=[(op_id, {"ok": True}) for op_id in old])
    clock.now += 31 * DAY_S
    recent = earns(clocked, 2)
    clocked.settle(acknowledged=[(op_id, {"ok": True}) for op_id in recent])
    report = Reconciler(clocked, fake_backend.ops_status, clock=clock).run_once()
    assert report.pruned == 3
    assert fake_backend.status_requests == [recent]
    assert all(clocked.get(op_id) is None for op_id in old)


def test_a_longer_retention_keeps_them(
    clocked: Journal, fake_backend: FakeBackend, clock: Clock
) -> None:
    old = earns(clocked, 3)
    clocked.settle(acknowledged=[(op_id, {"ok": True}) for op_id in old])
    clock.now += 31 * DAY_S
    rec = Reconciler(clocked, fake_backend.ops_status, clock=clock, retention_days=60)
    assert rec.run_once().pruned == 0
    assert fake_backend.status_requests == [old]


def test_acknowledged_ops_kept_for_reconciliation_have_no_secrets(
    clocked: Journal, fake_backend: FakeBackend, clock: Clock
) -> None:
    earns(clocked, 1)
    op_id = clocked.append("redeem", "a", {"customer_id": "a", "points": 5, "otp": "123456"})
    drain(SyncWorker(clocked, fake_backend, clock=clock, wall_clock=clock))
    kept = clocked.acknowledged_since(0, 0, 10)
    assert op_id in [op.op_id for op in kept]
    assert "123456" not in repr([op.payload for op in kept])


def test_a_failed_check_moves_nothing_and_says_why(clocked: Journal, clock: Clock) -> None:
    ids = earns(clocked, 2)
    clocked.settle(acknowledged=[(op_id, {"ok": True}) for op_id in ids])

    def offline(op_ids: list[str]) -> Sequence[Mapping[str, Any]]:
        raise ConnectionError("refused")

    report = Reconciler(clocked, offline, clock=clock).run_once()
    assert report.error is not None and "refused" in report.error
    assert clocked.stats().pending == 0


def test_the_thread_checks_at_start_and_stops(
    clocked: Journal, fake_backend: FakeBackend, clock: Clock
) -> None:
    ids = earns(clocked, 2)
    clocked.settle(acknowledged=[(op_id, {"ok": True}) for op_id in ids])
    done = threading.Event()
    rec = Reconciler(
        clocked,
        fake_backend.ops_status,
        clock=clock,
        interval_s=3600,
        on_requeued=lambda _n: done.set(),
    )
    rec.start()
    try:
        assert done.wait(10)
    finally:
        rec.stop()
    assert rec.last_report is not None and rec.last_report.requeued == 2
    assert len(fake_backend.status_requests) == 1  # the next check is an hour away


def test_page_size_is_bounded(clocked: Journal, fake_backend: FakeBackend) -> None:
    with pytest.raises(ValueError):
        Reconciler(clocked, fake_backend.ops_status, page_size=MAX_IDS + 1)
