"""The journal's SQLite file: one connection, its transactions, its checkpoints, its generations.

Why apart from :mod:`offline_queue.journal` (which holds the operations): this is the
plumbing every operation call shares — ``BEGIN IMMEDIATE … COMMIT`` with a ROLLBACK on any
failure, reads under one lock, and the bookkeeping the journal's identity check rests on
(:mod:`offline_queue.journal_identity`, issue 11).

Generations. The till must notice a journal that lost committed operations (its ``-wal``
file lost after a crash, a restore from an older copy) without writing a file outside the
journal at every append (that cost an fsync and a rename per operation: the append rate fell
to about 0.3 of raw SQLite's). So the journal is written in *generations*: a generation
token is committed into ``journal_meta`` at open and right after every checkpoint, and only
then is it recorded outside the file (once per generation, fsync'ed). Automatic checkpoints
are turned off while generations are kept (``PRAGMA wal_autocheckpoint=0``,
https://www.sqlite.org/pragma.html#pragma_wal_autocheckpoint); the file checkpoints itself
every :data:`WRITES_PER_GENERATION` transactions and starts the next generation in the same
critical section. So every operation committed after the newest recorded generation sits in
the WAL *behind* that generation's token: a lost WAL always loses the token too, and the
next start sees that the recorded generation is not in the file. The previous token is kept
as well, so a crash between committing a new token and recording it is not a false alarm.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from offline_queue import database
from offline_queue.database import describe
from offline_queue.errors import JournalError, JournalWriteError
from offline_queue.schema import journal_id

log = logging.getLogger(__name__)

#: Transactions between two checkpoints while generations are kept (SQLite's own automatic
#: checkpoint runs every 1000 WAL pages, i.e. every ~200 single-op commits).
WRITES_PER_GENERATION = 500

GenerationStarted = Callable[[str, int], None]  # (new generation token, highest seq)


class JournalFile:
    """One SQLite connection to the journal, serialised by a lock (see the module docstring)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Callable[[], float] = time.time,
        busy_timeout_s: float = 10.0,
        problem: JournalError | None = None,
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._lock = threading.RLock()
        #: Why the journal cannot be used (see ``journal_identity.py``), None when it can. Then
        #: the file is not even opened and every call raises it: a missing or replaced journal
        #: is never silently recreated (issue 11); the till shows it and a technician decides.
        self.problem = problem
        self._after_append: Callable[[int], None] | None = None
        self._on_generation: GenerationStarted | None = None
        self._writes = 0
        self._rotation_owed = False
        self._held: list[Callable[[], None]] = []
        self._conn: sqlite3.Connection | None = (
            None if problem else database.open_journal_db(self.path, busy_timeout_s)
        )
        self.journal_id: str = (journal_id(self._conn) or "") if self._conn else ""

    def watch_appends(self, after_append: Callable[[int], None]) -> None:
        """Call ``after_append(highest seq)`` after every append has COMMITted (not before:
        the record of the high-water mark may lag the file, never lead it)."""
        self._after_append = after_append

    def hold(self, release: Callable[[], None], *, last: bool = False) -> None:
        """Keep a resource until :meth:`close` (released in reverse order; ``last``: after
        everything else, e.g. the process lock after the final record is written)."""
        if last:
            self._held.insert(0, release)
        else:
            self._held.append(release)

    def high_seq(self) -> int:
        """The highest sequence number in the file (0 when empty): a B-tree lookup, no scan."""
        with self._read() as conn:
            return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM ops").fetchone()[0])

    # -- generations -------------------------------------------------------------------------

    def generations(self) -> tuple[str, str]:
        """(current, previous) generation tokens in the file ("" when none yet)."""
        with self._read() as conn:
            return read_generations(conn)

    def keep_generations(self, on_started: GenerationStarted) -> None:
        """Turn automatic checkpoints off, start a generation now and after every checkpoint;
        ``on_started(token, high_seq)`` records it outside the file (it may raise: the
        generation is then started again at the next write)."""
        with self._lock:
            self._connection().execute("PRAGMA wal_autocheckpoint=0")
            self._on_generation = on_started
            self._rotate(checkpoint=False)

    def _rotate(self, checkpoint: bool = True, mode: str = "PASSIVE") -> None:
        """Checkpoint, commit a new token, record it: one critical section, no write between."""
        on_started = self._on_generation
        if on_started is None:
            return
        with self._lock:
            conn = self._connection()
            self._rotation_owed = True
            if checkpoint:
                conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchall()
            current, _previous = read_generations(conn)
            token = uuid.uuid4().hex
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "INSERT OR REPLACE INTO journal_meta (key, value) VALUES"
                    " ('generation', ?), ('generation_prev', ?)",
                    (token, current),
                )
                high = int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM ops").fetchone()[0])
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback(conn)
                raise JournalWriteError(describe(exc)) from exc
            on_started(token, high)
            self._rotation_owed = False
            self._writes = 0

    def _wrote(self) -> None:
        """After a COMMIT, under the lock: time for the next generation?"""
        if self._on_generation is None:
            return
        self._writes += 1
        if self._rotation_owed or self._writes >= WRITES_PER_GENERATION:
            try:
                self._rotate()
            except Exception:
                # The operation itself is committed; the next write tries again.
                log.exception("could not start a new journal generation")

    # -- plumbing ----------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE … COMMIT``; any SQLite failure rolls back and becomes JournalWriteError.

        SQLITE_FULL and SQLITE_IOERR "may or may not" roll the transaction back themselves
        (https://www.sqlite.org/lang_transaction.html), so we always issue ROLLBACK when one is
        still open; the connection stays usable for the next call.
        """
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback(conn)
                log.error("journal write failed: %s", describe(exc))
                raise JournalWriteError(describe(exc)) from exc
            except BaseException:
                self._rollback(conn)
                raise
            self._wrote()

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        if conn.in_transaction:
            with suppress(sqlite3.Error):  # already rolled back by SQLite itself
                conn.execute("ROLLBACK")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._connection()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise JournalError(f"Cannot read the journal: {describe(exc)}") from exc

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise self.problem or JournalError("The journal is closed.")
        return self._conn

    def _appended(self, conn: sqlite3.Connection) -> int:
        """Inside the append's transaction: the highest seq, for :meth:`_record_high_seq`."""
        if self._after_append is None:
            return 0
        return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM ops").fetchone()[0])

    def _record_high_seq(self, seq: int) -> None:
        """After COMMIT: a failure to record is logged, never raised (the op *is* durable)."""
        if self._after_append is None or seq <= 0:
            return
        try:
            self._after_append(seq)
        except Exception:
            log.exception("could not record the journal's high-water mark %d", seq)

    def checkpoint(self) -> None:
        """Copy the WAL into the main file and truncate it (``wal_checkpoint(TRUNCATE)``).

        Call it to drop the WAL's old page images, e.g. after secrets were scrubbed (the till
        does at the end of a shift). While generations are kept, the next one starts at once.
        """
        with self._lock:
            if self._on_generation is not None:
                self._rotate(mode="TRUNCATE")
                return
            with self._read() as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            held, self._held = self._held, []
        for release in reversed(held):
            release()


def read_generations(conn: sqlite3.Connection) -> tuple[str, str]:
    """(current, previous) generation tokens; ("", "") for a journal that never kept any."""
    try:
        rows = dict(
            conn.execute(
                "SELECT key, value FROM journal_meta WHERE key IN ('generation', 'generation_prev')"
            ).fetchall()
        )
    except sqlite3.OperationalError:
        return "", ""  # no journal_meta: not a journal (the identity check says so)
    return str(rows.get("generation") or ""), str(rows.get("generation_prev") or "")
