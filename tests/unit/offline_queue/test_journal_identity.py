"""Journal identity (issue 11, finding 2): a missing, empty, replaced or cut-short journal is
never silently recreated; the high-water mark is recorded after commit, atomically."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from offline_queue import journal_identity as ji
from offline_queue.errors import JournalWriteError
from offline_queue.journal import Journal
from offline_queue.journal_identity import (
    JournalProblemError,
    ProblemKind,
    inspect_journal,
    open_checked,
    open_till_journal,
    record_path_for,
    recorded_high_seq,
    reset_journal,
)
from offline_queue.journal_lock import JournalLock, JournalLockedError
from offline_queue.journal_record import Mark


def earn(j: Journal, n: int = 1) -> list[str]:
    return [j.append("earn", "a", {"customer_id": "a", "points": 10 + i}) for i in range(n)]


def record_of(journal_path: Path) -> dict[str, object]:
    data = json.loads(record_path_for(journal_path).read_text())
    assert isinstance(data, dict)
    return data


def started(journal_path: Path, ops: int = 3) -> str:
    """A till that has journaled ``ops`` earns and closed; returns the journal id."""
    with open_checked(journal_path) as j:
        earn(j, ops)
        return j.journal_id


def problem_at_start(journal_path: Path) -> JournalProblemError:
    journal = open_till_journal(journal_path)
    try:
        assert isinstance(journal.problem, JournalProblemError)
        return journal.problem
    finally:
        journal.close()


def test_first_start_records_the_journal_id_and_high_water_mark(journal_path: Path) -> None:
    with open_checked(journal_path) as j:
        assert record_of(journal_path) == {
            **record_of(journal_path),
            "journal_id": j.journal_id,
            "high_seq": 0,
        }
        earn(j, 3)
        assert record_of(journal_path)["generation"] == j.generations()[0] != ""
        # Per append only the mark moves (no fsync); the durable record at close.
        assert recorded_high_seq(journal_path) == 3 == j.high_seq()
        assert record_of(journal_path)["high_seq"] == 0
    assert record_of(journal_path)["high_seq"] == 3
    assert len(j.journal_id) == 36  # a UUID4 from the schema's journal_meta


def test_the_record_is_written_once_per_generation_not_per_append(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The append-rate fix: 1,200 appends write the durable record only at each generation
    (every 500 writes) and at close, and every record names a generation the file holds."""
    written: list[ji.IdentityRecord] = []
    real = ji.save_record

    def counting(path: Path, record: ji.IdentityRecord) -> None:
        written.append(record)
        real(path, record)

    monkeypatch.setattr(ji, "save_record", counting)
    with open_checked(journal_path) as j:
        for i in range(1200):
            j.append("earn", "a", {"customer_id": "a", "points": i})
        current, previous = j.generations()
        assert written[-1].generation == current and previous
        assert recorded_high_seq(journal_path) == 1200
    assert 3 <= len(written) <= 5  # open, 2 rotations, close
    assert record_of(journal_path)["high_seq"] == 1200


def test_record_is_written_after_the_commit(journal_path: Path) -> None:
    """When the mark is raised, another connection already sees the committed row."""
    seen: list[int] = []
    with open_checked(journal_path) as j:
        original = j._after_append
        assert original is not None

        def after(seq: int) -> None:
            other = sqlite3.connect(journal_path)
            seen.append(other.execute("SELECT MAX(seq) FROM ops").fetchone()[0])
            other.close()
            original(seq)

        j.watch_appends(after)
        earn(j, 2)
    assert seen == [1, 2]
    assert record_of(journal_path)["high_seq"] == 2


def test_record_is_replaced_atomically_no_temp_file_left(journal_path: Path) -> None:
    started(journal_path)
    leftovers = [p.name for p in journal_path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_failing_record_write_does_not_fail_the_append(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The op *is* durable once COMMIT returns: the cashier must not be told otherwise."""
    with open_checked(journal_path) as j:

        def full(*_a: object, **_k: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Mark, "advance", full)
        monkeypatch.setattr(ji, "save_record", full)
        with caplog.at_level(logging.ERROR):
            op_id = earn(j)[0]
        assert j.get(op_id) is not None
    assert "high-water mark" in caplog.text
    assert recorded_high_seq(journal_path) == 0  # behind the journal: accepted next start
    monkeypatch.undo()
    with open_checked(journal_path) as j:
        assert j.problem is None and j.get(op_id) is not None
    assert record_of(journal_path)["high_seq"] == 1  # caught up


def test_journal_ahead_of_record_is_accepted(journal_path: Path) -> None:
    """A crash between COMMIT and the record write leaves the journal ahead: fine."""
    started(journal_path, 3)
    rec = record_of(journal_path)
    record_path_for(journal_path).write_text(json.dumps({**rec, "high_seq": 1}))
    ji.mark_path_for(record_path_for(journal_path)).unlink()
    with open_till_journal(journal_path) as j:
        assert j.problem is None
        assert len(j.pending()) == 3
    assert record_of(journal_path)["high_seq"] == 3


def test_a_journal_from_before_the_check_is_adopted(journal_path: Path) -> None:
    with Journal(journal_path) as j:  # no record: an older till made it
        earn(j, 2)
    with open_till_journal(journal_path) as j:
        assert j.problem is None and len(j.pending()) == 2
    assert record_of(journal_path)["high_seq"] == 2


# -- finding 2 regressions -------------------------------------------------------------------


def test_deleted_journal_is_a_problem_not_an_empty_new_journal(journal_path: Path) -> None:
    started(journal_path, 3)
    journal_path.unlink()
    problem = problem_at_start(journal_path)
    assert problem.kind is ProblemKind.MISSING
    assert not journal_path.exists()  # nothing recreated
    assert "call a technician" in str(problem) and "#3" in str(problem)
    assert "journal reset --confirm" in problem.fix


def test_zero_byte_journal_is_a_problem(journal_path: Path) -> None:
    started(journal_path, 3)
    journal_path.write_bytes(b"")
    assert problem_at_start(journal_path).kind is ProblemKind.EMPTY
    assert journal_path.stat().st_size == 0  # left as found, for the technician


def test_replaced_journal_is_a_problem(journal_path: Path, tmp_path: Path) -> None:
    started(journal_path, 3)
    other = tmp_path / "other" / "journal.sqlite3"
    other.parent.mkdir()
    started(other, 5)
    shutil.copyfile(other, journal_path)
    assert problem_at_start(journal_path).kind is ProblemKind.REPLACED


def test_journal_restored_from_an_older_copy_is_a_problem(journal_path: Path) -> None:
    started(journal_path, 2)
    backup = journal_path.with_name("backup.sqlite3")
    shutil.copyfile(journal_path, backup)
    with open_checked(journal_path) as j:
        earn(j, 3)
    shutil.copyfile(backup, journal_path)
    problem = problem_at_start(journal_path)
    assert problem.kind is ProblemKind.BEHIND
    assert "ends at operation #2" in problem.detail and "#5" in problem.detail


@pytest.mark.parametrize(
    ("checkpointed_before", "mark_kept", "expected"),
    [
        (0, True, ProblemKind.REPLACED),
        (2, True, ProblemKind.BEHIND),
        # A power cut: the mark (never fsync'ed) may be lost too; the generation the durable
        # record names is not in the file, which is enough.
        (2, False, ProblemKind.LOST_WRITES),
    ],
)
def test_wal_lost_after_a_crash_is_a_problem(
    journal_path: Path,
    tmp_path: Path,
    checkpointed_before: int,
    mark_kept: bool,
    expected: ProblemKind,
) -> None:
    """5 ops committed in WAL mode, no checkpoint, then only the main file survives."""
    j = open_checked(journal_path)
    if checkpointed_before:  # else even the schema and the journal id are only in the WAL
        earn(j, checkpointed_before)
        j.checkpoint()
    earn(j, 5)
    assert Path(f"{journal_path}-wal").stat().st_size > 0
    crashed = tmp_path / "after-crash"
    crashed.mkdir()
    lost = crashed / journal_path.name
    shutil.copyfile(journal_path, lost)  # the -wal is not copied: lost
    shutil.copyfile(record_path_for(journal_path), record_path_for(lost))
    if mark_kept:
        mark = ji.mark_path_for(record_path_for(journal_path))
        shutil.copyfile(mark, ji.mark_path_for(record_path_for(lost)))
    j.close()
    problem = problem_at_start(lost)
    assert problem.kind is expected
    assert "-wal" in problem.detail


def test_unreadable_record_is_a_problem(journal_path: Path) -> None:
    started(journal_path)
    record_path_for(journal_path).write_text("{not json")
    assert problem_at_start(journal_path).kind is ProblemKind.RECORD_UNREADABLE


def test_a_file_that_is_not_a_database_is_a_problem(journal_path: Path) -> None:
    started(journal_path)
    journal_path.write_bytes(b"this is not a database" * 100)
    assert problem_at_start(journal_path).kind is ProblemKind.UNREADABLE


def test_problem_journal_refuses_every_operation(journal_path: Path) -> None:
    started(journal_path)
    journal_path.unlink()
    with open_till_journal(journal_path) as j:
        with pytest.raises(JournalProblemError) as raised:
            earn(j)
        assert isinstance(raised.value, JournalWriteError)  # every "not recorded" path applies
        with pytest.raises(JournalProblemError):
            j.pending()
        with pytest.raises(JournalProblemError):
            j.stats()
    assert not journal_path.exists()


def test_the_problem_stays_until_reset(journal_path: Path) -> None:
    started(journal_path)
    journal_path.unlink()
    problem_at_start(journal_path)
    assert problem_at_start(journal_path).kind is ProblemKind.MISSING  # a restart is no cure


def test_prune_keeps_the_newest_row_so_the_sequence_never_goes_back(journal_path: Path) -> None:
    with open_checked(journal_path) as j:
        for op_id in earn(j, 3):
            j.acknowledge(op_id, {"ok": True})
        assert j.prune_acknowledged(resolved_before=float("inf")) == 2
        assert j.high_seq() == 3
        assert j.append("earn", "b", {"customer_id": "b", "points": 1})
        assert j.high_seq() == 4
    with open_till_journal(journal_path) as j:
        assert j.problem is None


# -- inspect (doctor) and reset ----------------------------------------------------------------


def test_inspect_is_read_only(journal_path: Path) -> None:
    assert inspect_journal(journal_path) is None  # nothing yet: a new till
    assert not journal_path.exists()
    started(journal_path, 2)
    assert inspect_journal(journal_path) is None
    journal_path.unlink()
    problem = inspect_journal(journal_path)
    assert problem is not None and problem.kind is ProblemKind.MISSING
    assert not journal_path.exists()


def test_inspect_sees_a_cut_short_journal(journal_path: Path) -> None:
    started(journal_path, 2)
    backup = journal_path.with_name("backup.sqlite3")
    shutil.copyfile(journal_path, backup)
    with open_checked(journal_path) as j:
        earn(j, 1)
    shutil.copyfile(backup, journal_path)
    problem = inspect_journal(journal_path)
    assert problem is not None and problem.kind is ProblemKind.BEHIND


def test_inspect_while_the_till_runs(journal_path: Path) -> None:
    with open_till_journal(journal_path) as j:
        earn(j, 2)
        assert inspect_journal(journal_path) is None


def test_reset_keeps_the_old_files_aside_and_starts_a_fresh_journal(journal_path: Path) -> None:
    old_id = started(journal_path, 2)
    backup = journal_path.with_name("backup.sqlite3")
    shutil.copyfile(journal_path, backup)
    with open_checked(journal_path) as j:
        earn(j, 1)
    shutil.copyfile(backup, journal_path)
    moved = reset_journal(journal_path, now=0.0)
    names = sorted(p.name for p in moved)
    assert names == [
        "journal.sqlite3.aside-19700101T000000Z",
        "journal.sqlite3.aside-19700101T000000Z.identity.json",
        "journal.sqlite3.aside-19700101T000000Z.identity.mark",
    ]
    with Journal(moved[0]) as old:  # the old file is whole and readable
        assert len(old.pending()) == 2 and old.journal_id == old_id
    with open_till_journal(journal_path) as j:
        assert j.problem is None
        assert j.pending() == [] and j.journal_id != old_id


def test_reset_of_a_missing_journal(journal_path: Path) -> None:
    started(journal_path)
    journal_path.unlink()
    moved = reset_journal(journal_path, now=0.0)
    assert [p.name for p in moved] == [
        "journal.sqlite3.aside-19700101T000000Z.identity.json",
        "journal.sqlite3.aside-19700101T000000Z.identity.mark",
    ]
    with open_till_journal(journal_path) as j:
        assert j.problem is None


def test_reset_is_refused_while_a_till_runs(journal_path: Path) -> None:
    with open_till_journal(journal_path) as j:
        earn(j)
        with pytest.raises(JournalLockedError, match="Another till is already running"):
            reset_journal(journal_path)
        assert len(j.pending()) == 1
    assert journal_path.exists()


# -- single process (finding 9; two real processes in tests/integration) ----------------------


def test_second_open_is_refused_while_the_first_holds_the_lock(journal_path: Path) -> None:
    first = open_till_journal(journal_path)
    try:
        with pytest.raises(JournalLockedError, match="Only one till may use a journal"):
            open_till_journal(journal_path)
    finally:
        first.close()
    open_till_journal(journal_path).close()  # released with the journal


def test_a_problem_journal_holds_the_lock_too(journal_path: Path) -> None:
    started(journal_path)
    journal_path.unlink()
    first = open_till_journal(journal_path)
    try:
        assert first.problem is not None
        with pytest.raises(JournalLockedError):
            JournalLock.acquire(journal_path)
    finally:
        first.close()
