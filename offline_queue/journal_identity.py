"""Is this journal file the one the till was writing, whole? Checked at every start.

Why (issue 11, finding 2): SQLite creates a missing database file and takes a 0-byte file
for an empty database, so a deleted, truncated or replaced journal used to come back empty
and every pending earn in it was lost without a word; a journal whose ``-wal`` file is lost
after a crash loses every operation committed since the last checkpoint the same way. The
file cannot vouch for itself, so the till keeps a small record **outside** it, next to it in
its data directory: the journal's random id (``journal_meta``, schema version 3) and the
highest sequence number it has committed. At start:

- no record: a first start (or a journal from before this check), adopted and recorded;
- a record, and the file missing, empty, with another id (or none), or ending below the
  recorded sequence: a :class:`JournalProblemError`. The till does not recreate anything: it
  opens in the "journal problem" state (sales cannot complete, the cashier is told to call a
  technician); ``till-cardtest doctor`` names the problem; ``till-cardtest journal reset
  --confirm`` (:func:`reset_journal`) starts a fresh journal, keeping the old files aside.

What is recorded, and when (:mod:`offline_queue.journal_record`,
:mod:`offline_queue.journal_file`): the durable record once per *generation* (at open, every
~500 writes, at close) and a cheap mark after each append's COMMIT, never before it. A crash
between a commit and its record leaves the journal *ahead*, which is accepted; the journal is
never behind what the record or the mark vouch for, so a backwards sequence is always a loss,
and so is a recorded generation the file does not hold (its WAL, with every op committed in
that generation, is gone).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from enum import StrEnum
from pathlib import Path
from typing import Any

from offline_queue.database import describe, fsync_directory
from offline_queue.errors import JournalVersionError, JournalWriteError
from offline_queue.journal import Journal
from offline_queue.journal_file import read_generations
from offline_queue.journal_lock import JournalLock, JournalLockedError
from offline_queue.journal_record import (
    IdentityRecord,
    Mark,
    RecordUnreadable,
    load_record,
    mark_path_for,
    read_mark,
    record_path_for,
    save_record,
)
from offline_queue.schema import journal_id

__all__ = [
    "JournalLockedError",
    "JournalProblemError",
    "ProblemKind",
    "inspect_journal",
    "open_checked",
    "open_till_journal",
    "record_path_for",
    "recorded_high_seq",
    "reset_journal",
]

log = logging.getLogger(__name__)

RESET_COMMAND = "till-cardtest journal reset --confirm"


class ProblemKind(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"
    REPLACED = "replaced"
    BEHIND = "behind"
    LOST_WRITES = "lost_writes"
    UNREADABLE = "unreadable"
    RECORD_UNREADABLE = "record_unreadable"


class JournalProblemError(JournalWriteError):
    """The journal is not the one the till was writing, or not whole: sales cannot complete.

    A :class:`JournalWriteError`, so every path that journals an operation already refuses to
    go on ("not recorded"); ``str()`` is for the cashier, ``detail`` and ``fix`` for the
    technician (``till-cardtest doctor``). ``kind`` is stable and ``facts`` holds what the
    detail names (``found``, ``expected``, ``record``, ``error``), so the till can say it in
    its own language (``till/journal_words.py``); this package stays English.
    """

    code = "journal_problem"

    def __init__(
        self,
        kind: ProblemKind,
        detail: str,
        journal_path: Path,
        facts: dict[str, str] | None = None,
    ) -> None:
        Exception.__init__(
            self, f"Journal problem: {detail}. Sales cannot be completed: call a technician."
        )
        self.kind = kind
        self.detail = detail
        self.journal_path = journal_path
        self.facts: dict[str, str] = dict(facts or {})
        self.fix = (
            "Stop the till and keep every file as it is. Put back the right journal if a copy "
            "exists (with its -wal file). If its operations are lost for good, "
            f"'{RESET_COMMAND}' starts a new journal and keeps the old files aside."
        )


def _load(record_path: Path, journal_path: Path) -> IdentityRecord | None:
    try:
        return load_record(record_path)
    except RecordUnreadable as exc:
        raise _problem(
            ProblemKind.RECORD_UNREADABLE, journal_path, record=record_path, exc=exc
        ) from None


def recorded_high_seq(journal_path: Path, record_path: Path | None = None) -> int:
    """The highest seq the files beside the journal vouch for (record or mark), 0 if none."""
    record_path = record_path or record_path_for(journal_path)
    record = load_record(record_path)
    if record is None:
        return 0
    return max(record.high_seq, read_mark(mark_path_for(record_path), record.journal_id))


class IdentityKeeper:
    """Keeps the record (once per generation, at close) and the mark (per append) current."""

    def __init__(self, record_path: Path, journal_id: str, high_seq: int) -> None:
        self._path = record_path
        self._journal_id = journal_id
        self._generation = ""
        self.mark = Mark(mark_path_for(record_path), journal_id, high_seq)

    def generation_started(self, generation: str, high_seq: int) -> None:
        self.mark.advance(high_seq)
        save_record(
            self._path, IdentityRecord(self._journal_id, max(high_seq, self.mark.seq), generation)
        )
        self._generation = generation

    def appended(self, seq: int) -> None:
        self.mark.advance(seq)

    def closed(self) -> None:
        """A clean close: the record says how far the journal got, durably."""
        try:
            if self._generation:
                record = IdentityRecord(self._journal_id, self.mark.seq, self._generation)
                save_record(self._path, record)
        except OSError:
            log.exception("could not record the journal's high-water mark at close")
        finally:
            self.mark.close()


def _problem(
    kind: ProblemKind,
    journal_path: Path,
    *,
    found: object = None,
    expected: object = None,
    record: Path | None = None,
    exc: BaseException | None = None,
) -> JournalProblemError:
    where = f"the operation journal {journal_path}"
    lost = "restored from an older copy, or its write-ahead log (-wal) was lost after a crash"
    details = {
        ProblemKind.MISSING: f"{where} is missing (this till had committed operations up to "
        f"#{expected} in it)",
        ProblemKind.EMPTY: f"{where} is empty (0 bytes; this till had committed operations up "
        f"to #{expected} in it)",
        ProblemKind.REPLACED: f"{where} is not the one this till was writing (journal id "
        f"{found or 'none'} instead of {expected}): it was replaced, {lost}",
        ProblemKind.BEHIND: f"{where} ends at operation #{found}, but this till had committed "
        f"up to #{expected}: operations are missing ({lost})",
        ProblemKind.LOST_WRITES: f"{where} is missing this till's latest writes (it ends at "
        f"operation #{found}, but the generation this till recorded last is not in it): {lost}",
        ProblemKind.UNREADABLE: f"{where} cannot be read ({exc})",
        ProblemKind.RECORD_UNREADABLE: f"the till's record of its journal ({record}) cannot be "
        f"read ({type(exc).__name__}: {exc})",
    }
    facts = {
        "found": "" if found is None else str(found),
        "expected": "" if expected is None else str(expected),
        "record": "" if record is None else str(record),
        "error": "" if exc is None else str(exc),
        "error_type": "" if exc is None else type(exc).__name__,
    }
    return JournalProblemError(kind, details[kind], journal_path, facts)


def _compare(
    journal_path: Path,
    record: IdentityRecord,
    found_id: str | None,
    found_seq: int,
    generations: tuple[str, str],
    mark_seq: int = 0,
) -> JournalProblemError | None:
    if found_id != record.journal_id:
        return _problem(
            ProblemKind.REPLACED, journal_path, found=found_id, expected=record.journal_id
        )
    expected = max(record.high_seq, mark_seq)
    if found_seq < expected:
        return _problem(ProblemKind.BEHIND, journal_path, found=found_seq, expected=expected)
    if record.generation and record.generation not in generations:
        # Every op committed since the recorded generation began sits behind its token.
        return _problem(ProblemKind.LOST_WRITES, journal_path, found=found_seq)
    return None


def _file_problem(journal_path: Path, record: IdentityRecord) -> JournalProblemError | None:
    """Before opening: the cases SQLite would silently turn into a new, empty journal."""
    try:
        size = journal_path.stat().st_size
    except FileNotFoundError:
        return _problem(ProblemKind.MISSING, journal_path, expected=record.high_seq)
    if size == 0:
        return _problem(ProblemKind.EMPTY, journal_path, expected=record.high_seq)
    return None


def open_checked(
    journal_path: Path, record_path: Path | None = None, *, keep: bool = True, **journal_kw: Any
) -> Journal:
    """Open the journal if it is the recorded one, whole; else raise JournalProblemError.

    Without a record (first start, or a journal older than this check) the journal is
    opened or created and adopted. With ``keep`` the returned journal keeps the record, the
    mark and its generations up to date (only the process holding the lock may: a second
    writer of generations would make the record name a token the till's file never had).
    """
    record_path = record_path or record_path_for(journal_path)
    record = _load(record_path, journal_path)
    if record is not None and (problem := _file_problem(journal_path, record)):
        raise problem
    try:
        journal = Journal(journal_path, **journal_kw)
    except (JournalVersionError, JournalProblemError):
        raise
    except Exception as exc:
        if record is None:
            raise
        raise _problem(ProblemKind.UNREADABLE, journal_path, exc=exc) from exc
    try:
        high = journal.high_seq()
        if record is not None:
            mark = read_mark(mark_path_for(record_path), record.journal_id)
            gens = journal.generations()
            if problem := _compare(journal_path, record, journal.journal_id, high, gens, mark):
                raise problem
        if keep:
            keeper = IdentityKeeper(record_path, journal.journal_id, high)
            journal.hold(keeper.closed)
            journal.keep_generations(keeper.generation_started)
            journal.watch_appends(keeper.appended)
        if record is None:
            log.info("journal %s adopted (id %s, seq %d)", journal_path, journal.journal_id, high)
    except BaseException:
        journal.close()
        raise
    return journal


def open_till_journal(
    journal_path: Path, record_path: Path | None = None, *, exclusive: bool = True, **kw: Any
) -> Journal:
    """The till's way in: the process lock, then :func:`open_checked`.

    A second process raises :class:`JournalLockedError` (the till refuses to start). A
    journal problem does *not* raise: the returned journal is unopened, its ``problem`` set,
    and every call raises that problem, so the till can open, show it and complete nothing.
    The lock is held until the journal is closed. ``exclusive=False`` is for a viewer that
    never sends nor appends (the standalone technician bench): checked, but not locked.
    """
    lock = JournalLock.acquire(journal_path) if exclusive else None
    try:
        journal = open_checked(journal_path, record_path, keep=exclusive, **kw)
    except JournalProblemError as problem:
        log.error("journal problem (%s): %s", problem.kind, problem.detail)
        journal = Journal(journal_path, problem=problem)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if lock is not None:
        journal.hold(lock.release, last=True)
    return journal


def inspect_journal(
    journal_path: Path, record_path: Path | None = None
) -> JournalProblemError | None:
    """The same check, read-only (for ``till-cardtest doctor``, also while the till runs):
    nothing is created, migrated or recorded."""
    record_path = record_path or record_path_for(journal_path)
    try:
        record = _load(record_path, journal_path)
    except JournalProblemError as unreadable:
        return unreadable
    if record is None:
        return None
    if missing := _file_problem(journal_path, record):
        return missing
    try:
        conn = sqlite3.connect(f"{journal_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return _problem(ProblemKind.UNREADABLE, journal_path, exc=Exception(describe(exc)))
    try:
        found_id = journal_id(conn)
        try:
            seq = int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM ops").fetchone()[0])
        except sqlite3.OperationalError:
            seq = 0  # no ops table: a file that never was a journal, or lost all of it
        gens = read_generations(conn)
    except sqlite3.Error as exc:
        return _problem(ProblemKind.UNREADABLE, journal_path, exc=Exception(describe(exc)))
    finally:
        conn.close()
    mark = read_mark(mark_path_for(record_path), record.journal_id)
    return _compare(journal_path, record, found_id, seq, gens, mark)


def reset_journal(
    journal_path: Path, record_path: Path | None = None, *, now: float | None = None
) -> list[Path]:
    """Start a fresh journal explicitly; the old files are renamed aside, never deleted.

    Refused (:class:`JournalLockedError`) while a till runs on it. Returns the new names of
    what was set aside (journal, its -wal/-shm, the record), for the technician's notes.
    """
    record_path = record_path or record_path_for(journal_path)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(time.time() if now is None else now))
    aside = journal_path.with_name(f"{journal_path.name}.aside-{stamp}")
    lock = JournalLock.acquire(journal_path)
    try:
        moved: list[Path] = []
        moves = [(journal_path, aside)]
        moves += [(Path(f"{journal_path}{s}"), Path(f"{aside}{s}")) for s in ("-wal", "-shm")]
        moves.append((record_path, Path(f"{aside}.identity.json")))
        moves.append((mark_path_for(record_path), Path(f"{aside}.identity.mark")))
        for source, target in moves:
            if source.exists():
                if target.exists():
                    raise FileExistsError(f"{target} exists already; try again in a second")
                os.rename(source, target)
                moved.append(target)
        fsync_directory(journal_path.parent)
        journal = open_checked(journal_path, record_path)  # no record now: a new, recorded one
        journal.close()
        log.warning("journal reset: new journal %s, old files set aside: %s", journal_path, moved)
        return moved
    finally:
        lock.release()
