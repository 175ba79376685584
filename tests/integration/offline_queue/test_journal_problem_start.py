"""The till's start-up (``till.wiring``) with a journal problem and with a second till
(issue 11, findings 2 and 9): the real context over real files, no window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from offline_queue.journal_identity import JournalProblemError, ProblemKind, open_checked
from offline_queue.journal_lock import JournalLockedError
from till.config import Config
from till.wiring import build_context, start


def context(data_dir: Path) -> Any:
    return build_context(
        Config(), base_url="http://127.0.0.1:9", api_key="k", data_dir=data_dir, readers=[]
    )


def test_deleted_journal_opens_the_till_in_the_problem_state(qapp: Any, tmp_path: Path) -> None:
    with open_checked(tmp_path / "journal.sqlite3") as j:
        for i in range(3):
            j.append("earn", "a", {"customer_id": "a", "points": i + 1})
    (tmp_path / "journal.sqlite3").unlink()
    ctx = context(tmp_path)
    try:
        problem = ctx.journal.problem
        assert isinstance(problem, JournalProblemError) and problem.kind is ProblemKind.MISSING
        assert ctx.startup_problems[0] == str(problem)
        assert "call a technician" in ctx.startup_problems[0]
        start(ctx)
        assert not ctx.sync._thread  # nothing is sent from (or recorded in) a problem journal
        with pytest.raises(JournalProblemError):
            ctx.journal.append("earn", "a", {"customer_id": "a", "points": 1})
    finally:
        ctx.close()
    assert not (tmp_path / "journal.sqlite3").exists()


def test_a_second_till_on_the_same_data_directory_is_refused(qapp: Any, tmp_path: Path) -> None:
    first = context(tmp_path)
    try:
        with pytest.raises(JournalLockedError, match="Another till is already running"):
            context(tmp_path)
        assert first.journal.problem is None
    finally:
        first.close()
    context(tmp_path).close()  # free again once the first one closed


def test_the_technician_bench_reads_the_journal_beside_a_running_till(
    qapp: Any, tmp_path: Path
) -> None:
    till = context(tmp_path)
    try:
        viewer = build_context(
            Config(),
            base_url="http://127.0.0.1:9",
            api_key="k",
            data_dir=tmp_path / "bench",
            journal_path=tmp_path / "journal.sqlite3",
            readers=[],
            exclusive_journal=False,
        )
        try:
            assert viewer.journal.problem is None and viewer.journal.stats().pending == 0
        finally:
            viewer.close()
        with pytest.raises(JournalLockedError):  # the till still holds its journal
            context(tmp_path)
    finally:
        till.close()


def test_a_healthy_start_runs_the_reconciler(qapp: Any, tmp_path: Path) -> None:
    ctx = context(tmp_path)
    try:
        assert ctx.journal.problem is None and ctx.reconciler is not None
        assert ctx.reconciler.interval_s == Config().journal.reconcile_interval_s == 3600.0
        assert ctx.reconciler.retention_s == 30 * 86400
    finally:
        ctx.close()
