"""Crash test: a child appends in a loop and is SIGKILLed at random moments, over and over.

Afterwards every operation the child reported as appended is in the journal exactly once,
with its body, in append order; every reported acknowledgement stuck; the file passes
``PRAGMA integrity_check``. (SIGKILL kills the process, not the machine: the page cache
survives it. Power loss is covered by synchronous=FULL in WAL mode, see journal.py.)
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from offline_queue import Journal, OpState
from tests.integration.offline_queue.crash_child import op_id, payload

ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("crash_child.py")
MIN_KILLS = 50
MIN_APPENDS = 10_000


def run_once(path: Path, start: int, kill_after: int) -> tuple[list[int], list[int]]:
    """Start a child at ``start``; SIGKILL it once it reported ``kill_after`` appends."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(start), "100000"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    appended: list[int] = []
    acked: list[int] = []
    try:
        for line in child.stdout:
            if line == "ready\n":
                if kill_after == 0:
                    break
                continue
            word, number = line.split()
            (appended if word == "ok" else acked).append(int(number))
            if len(appended) >= kill_after:
                break
        child.send_signal(signal.SIGKILL)
        # Lines written before the kill are still in the pipe: they were reported too.
        for line in child.stdout:
            if line.endswith("\n") and line != "ready\n":
                word, number = line.split()
                (appended if word == "ok" else acked).append(int(number))
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return appended, acked


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_sigkill_at_random_moments_loses_and_doubles_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    rng = random.Random(20261123)
    reported: list[int] = []
    acked: set[int] = set()
    kills = 0
    next_i = 0
    while kills < MIN_KILLS or len(reported) < MIN_APPENDS:
        kill_after = 0 if rng.random() < 0.05 else rng.randint(1, 400)
        appended, acks = run_once(path, next_i, kill_after)
        kills += 1
        assert appended == list(range(next_i, next_i + len(appended)))  # reported in order
        reported += appended
        acked.update(acks)
        if appended:
            next_i = appended[-1] + 1

    assert kills >= MIN_KILLS and len(reported) >= MIN_APPENDS

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute("SELECT op_id, payload, state FROM ops ORDER BY seq").fetchall()
        dupes = conn.execute("SELECT op_id FROM ops GROUP BY op_id HAVING COUNT(*) > 1").fetchall()
    finally:
        conn.close()
    assert dupes == []
    ids = [r[0] for r in rows]
    # Exactly the operations 0..n in append order: every reported one, plus at most the one
    # in flight at the last kill (committed but not yet reported).
    assert ids == [op_id(i) for i in range(len(ids))]
    assert len(reported) <= len(ids) <= len(reported) + 1
    assert set(ids[: len(reported)]) == {op_id(i) for i in reported}
    for (oid, text, _), i in zip(rows, range(len(rows)), strict=True):
        assert json.loads(text) == {**payload(i), "op_id": oid}
    state = {r[0]: r[2] for r in rows}
    assert all(state[op_id(i)] == OpState.ACKNOWLEDGED for i in acked)
    with Journal(path) as journal:  # and it opens and works normally afterwards
        assert journal.stats().pending == sum(1 for s in state.values() if s == "pending")
        journal.append("earn", "c0", payload(len(ids)), op_id=op_id(len(ids)))
        assert journal.integrity_check() == ["ok"]
