"""Issue 14's races against one server process, on both engines (fixes 1-3).

Each was measured failing on PostgreSQL before its fix: concurrent sends of one op_id
answered ``receipt_already_claimed`` (no lock on the op_id), concurrent wrong PINs all
answered ``attempts_left: 4`` (the count read without a row lock), and crossed batches died
with ``DeadlockDetected`` as HTTP 500 (accounts locked in request order, no retry).
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory, PgTemplates
from tests.integration.server import races
from tests.integration.server.client import Api


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.mark.parametrize("round_", range(5))
def test_ten_sends_of_one_op_id_are_one_effect_and_ten_replays(
    srv: EmbeddedBackend, round_: int
) -> None:
    races.same_op_ten_times([Api.of(srv)])


def test_ten_sends_of_one_batched_op_are_one_effect(srv: EmbeddedBackend) -> None:
    races.same_batched_op_ten_times([Api.of(srv)])


def test_concurrent_wrong_pins_are_each_counted(backend_factory: BackendFactory) -> None:
    srv = backend_factory()
    api = Api.of(srv)
    races.wrong_pins_counted_exactly([api], srv.manager[0])
    races.wrong_pins_counted_exactly([api], "nobody-by-this-name")  # no staff row to lock


def test_batches_crossing_two_accounts_all_succeed(srv: EmbeddedBackend) -> None:
    races.crossed_batches_never_fail([Api.of(srv)])


def test_wrong_pins_queued_behind_one_lock_are_each_counted(
    pg_templates: PgTemplates, tmp_path: Path
) -> None:
    """PostgreSQL only: ten wrong PINs held up together behind a lock on the count's row, so
    that all ten reach the count at once (unlocked, they all read the same count)."""
    srv = EmbeddedBackend(
        tmp_path, db_url=pg_templates.database(True), pepper_file=pg_templates.pepper_file
    )
    srv.start()
    engine = create_engine(srv.db_url, poolclass=NullPool)
    try:
        api = Api.of(srv)
        name = srv.manager[0]
        first = api.post("/staff/verify", {"staff": name, "pin": "0009"})
        assert first.json()["error"]["attempts_left"] == 4
        with engine.connect() as holder, ThreadPoolExecutor(max_workers=9) as pool:
            holder.execute(text("SELECT * FROM pin_throttle FOR UPDATE")).all()
            futures = [
                pool.submit(Api.of(srv).post, "/staff/verify", {"staff": name, "pin": "0009"})
                for _ in range(9)
            ]
            _wait_for_waiters(engine, 9, futures)
            holder.rollback()  # let them all go at once
            results = [f.result() for f in futures]
        lefts = sorted(r.json()["error"].get("attempts_left", 0) for r in results)
        assert [r.status_code for r in results].count(403) == 3, [r.text for r in results]
        assert lefts == [0] * 6 + [1, 2, 3]
    finally:
        engine.dispose()
        srv.stop()


def _wait_for_waiters(engine: Engine, n: int, futures: list[Future[Any]]) -> None:
    """Until ``n`` sessions wait for a lock (pg_stat_activity), with a deadline."""
    deadline = time.monotonic() + 60
    query = text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            if conn.execute(query).scalar_one() >= n:
                return
        if any(f.done() for f in futures):
            raise AssertionError(f"a request was not held up: {futures[0].result().text}")
        time.sleep(0.02)  # polling the server's own view of its lock queue, with a deadline
    raise AssertionError("the requests never queued behind the lock")
