"""The durable operation journal: every earn, redemption, reversal and claim is written here first.

Why SQLite in WAL mode with ``synchronous=FULL`` (see ``database.py``): the log is fsync'ed
before COMMIT returns, so a committed operation survives a power cut, not only a crash of
the process (https://www.sqlite.org/wal.html,
https://www.sqlite.org/pragma.html#pragma_synchronous). SQLite's atomic commit
(https://www.sqlite.org/atomiccommit.html) means a row is either wholly there or not at all,
so a kill at any moment leaves no partial operation. One ``BEGIN IMMEDIATE … COMMIT`` per
:meth:`Journal.append`: when it returns, the operation is on disk and the till may tell the
cashier the sale is recorded.

Opening is cheap whatever the size: it reads the schema version from the header and runs no
query over the rows; counts come from partial indexes when asked (:meth:`Journal.stats`).

Thread safety: one connection shared by the till's threads and the sync worker, serialised by
a lock (SQLite allows one writer at a time anyway; each call is short).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from offline_queue.errors import OpStateError, UnknownOpError
from offline_queue.journal_kept import KeptOps
from offline_queue.op import (
    KINDS,
    SELECT_BY_OP_ID,
    SELECT_BY_SEQS,
    SELECT_IN_STATE,
    SELECT_PENDING,
    Entry,
    JournalStats,
    Op,
    OpState,
    error_json,
    insert_op,
    row_to_op,
)
from offline_queue.redaction import canonical, scrub

__all__ = ["KINDS", "Entry", "Journal", "JournalStats", "Op", "OpState"]

log = logging.getLogger(__name__)


def _op_row(conn: sqlite3.Connection, op_id: str) -> tuple[str, str]:
    """(state, payload) of one operation; an unknown op_id is an error, never a no-op.

    Why one place: every state change reads the row first, and all must refuse an unknown
    operation with the same error.
    """
    row = conn.execute("SELECT state, payload FROM ops WHERE op_id = ?", (op_id,)).fetchone()
    if row is None:
        raise UnknownOpError(f"No operation {op_id} in the journal.")
    return str(row[0]), str(row[1])


class Journal(KeptOps):
    """Opens (or creates) the journal file at ``path``; see the module docstring for why.

    The file, its transactions and generations are :class:`~offline_queue.journal_file.JournalFile`'s;
    the settled operations kept for reconciliation :class:`~offline_queue.journal_kept.KeptOps`';
    this class holds the operations' queue and review list.
    """

    # -- appending ---------------------------------------------------------------------------

    def append(
        self,
        kind: str,
        account: str,
        payload: Mapping[str, Any],
        op_id: str | None = None,
    ) -> str:
        """Journal one operation durably; returns its op_id (a new UUID4 unless given).

        The same op_id again with the same body is a no-op (returns the op_id, no second
        row); with a different body it raises :class:`OpIdConflictError`. Disk full or an
        I/O error raises :class:`JournalWriteError` and leaves nothing behind.
        """
        entry = Entry(kind, account, payload, op_id)
        with self._write() as conn:
            op_id = insert_op(conn, entry, self._clock())
            seq = self._appended(conn)
        self._record_high_seq(seq)
        return op_id

    def append_many(self, entries: Iterable[Entry]) -> list[str]:
        """Journal several operations in one transaction (all or nothing), in the given order."""
        now = self._clock()
        with self._write() as conn:
            op_ids = [insert_op(conn, entry, now) for entry in entries]
            seq = self._appended(conn)
        self._record_high_seq(seq)
        return op_ids

    # -- reading -----------------------------------------------------------------------------

    def get(self, op_id: str) -> Op | None:
        """The operation with this op_id, in whatever state, or None."""
        with self._read() as conn:
            row = conn.execute(SELECT_BY_OP_ID, (op_id,)).fetchone()
        return row_to_op(row) if row else None

    def pending(self, limit: int | None = None) -> list[Op]:
        """Operations not yet acknowledged by the backend (nor in review), in replay order."""
        with self._read() as conn:
            rows = conn.execute(SELECT_PENDING, (-1 if limit is None else limit,)).fetchall()
        return [row_to_op(r) for r in rows]

    def review(self) -> list[Op]:
        """Operations the backend refused for good, with its error, oldest first."""
        return self._in_state(OpState.REVIEW)

    def cancelled(self) -> list[Op]:
        """Review items a manager cancelled (kept for the record, secrets scrubbed)."""
        return self._in_state(OpState.CANCELLED)

    def _in_state(self, state: OpState) -> list[Op]:
        with self._read() as conn:
            rows = conn.execute(SELECT_IN_STATE, (state.value,)).fetchall()
        return [row_to_op(r) for r in rows]

    def next_batch(self, limit: int, exclude_accounts: Iterable[str] = ()) -> list[Op]:
        """The first pending operation of up to ``limit`` accounts, in replay order.

        Only an account's *first* pending operation is eligible, so its operations reach the
        backend one after another in journal order. Accounts with an operation in review, or
        listed in ``exclude_accounts`` (backing off), are held back; other accounts go on.
        Walks the small ``ops_pending`` index and stops as soon as the batch is full.
        """
        if limit <= 0:
            return []
        excluded = json.dumps(sorted(set(exclude_accounts)))
        chosen: list[int] = []
        seen: set[str] = set()
        with self._read() as conn:
            cur = conn.execute(
                "SELECT seq, account FROM ops WHERE state = 'pending'"
                " AND account NOT IN (SELECT account FROM ops WHERE state = 'review')"
                " AND account NOT IN (SELECT value FROM json_each(?))"
                " ORDER BY seq",
                (excluded,),
            )
            for seq, account in cur:
                if account in seen:
                    continue
                seen.add(account)
                chosen.append(seq)
                if len(chosen) >= limit:
                    break
            cur.close()
            if not chosen:
                return []
            rows = conn.execute(SELECT_BY_SEQS, (json.dumps(chosen),)).fetchall()
        return [row_to_op(r) for r in rows]

    def pending_ahead(self, op_id: str) -> int:
        """How many operations of the same account are still pending before this one.

        The till sends an operation directly only when this is 0; otherwise the sync worker
        must deliver the earlier ones first (journal order per account).
        """
        with self._read() as conn:
            row = conn.execute(
                "SELECT COUNT(*) FROM ops AS earlier JOIN ops AS this"
                " ON earlier.account = this.account AND earlier.seq < this.seq"
                " WHERE this.op_id = ? AND earlier.state = 'pending'",
                (op_id,),
            ).fetchone()
        return int(row[0])

    def stats(self) -> JournalStats:
        """Pending count, oldest pending creation time, review count (from partial indexes)."""
        with self._read() as conn:
            conn.execute("BEGIN")
            try:
                pending = conn.execute("SELECT COUNT(*) FROM ops WHERE state = 'pending'")
                n_pending = int(pending.fetchone()[0])
                oldest = conn.execute(
                    "SELECT created_at FROM ops WHERE state = 'pending' ORDER BY seq LIMIT 1"
                ).fetchone()
                review = conn.execute("SELECT COUNT(*) FROM ops WHERE state = 'review'")
                n_review = int(review.fetchone()[0])
            finally:
                conn.execute("COMMIT")
        return JournalStats(n_pending, oldest[0] if oldest else None, n_review)

    def count(
        self, state: OpState, created_from: float | None = None, created_before: float | None = None
    ) -> int:
        """How many operations are in ``state``, optionally created in [from, before).

        For reports (the manager's end-of-shift summary): counts rows without decoding any
        payload, so it stays cheap with 100,000 pending operations.
        """
        sql = "SELECT COUNT(*) FROM ops WHERE state = ?"
        args: list[Any] = [OpState(state).value]
        if created_from is not None:
            sql += " AND created_at >= ?"
            args.append(created_from)
        if created_before is not None:
            sql += " AND created_at < ?"
            args.append(created_before)
        with self._read() as conn:
            return int(conn.execute(sql, args).fetchone()[0])

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` (reads every page: for tools and tests, never at open)."""
        with self._read() as conn:
            return [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]

    # -- state changes -----------------------------------------------------------------------

    def settle(
        self,
        acknowledged: Iterable[tuple[str, Mapping[str, Any]]] = (),
        review: Iterable[tuple[str, str | Mapping[str, Any]]] = (),
        attempts: Iterable[tuple[str, str | Mapping[str, Any]]] = (),
    ) -> None:
        """Apply a whole batch's outcomes in one transaction (one fsync for the batch).

        Acknowledging is idempotent (an op acknowledged twice keeps the first result); a
        review or attempt for an op that is no longer pending is ignored, because another
        thread resolved it meanwhile.
        """
        now = self._clock()
        with self._write() as conn:
            for op_id, result in acknowledged:
                self._acknowledge(conn, op_id, result, now)
            for op_id, error in review:
                conn.execute(
                    "UPDATE ops SET state = 'review', attempts = attempts + 1, last_error = ?,"
                    " updated_at = ? WHERE op_id = ? AND state = 'pending'",
                    (error_json(error), now, op_id),
                )
            for op_id, error in attempts:
                conn.execute(
                    "UPDATE ops SET attempts = attempts + 1, last_error = ?, updated_at = ?"
                    " WHERE op_id = ? AND state = 'pending'",
                    (error_json(error), now, op_id),
                )

    def _acknowledge(
        self, conn: sqlite3.Connection, op_id: str, result: Mapping[str, Any], now: float
    ) -> None:
        row = _op_row(conn, op_id)
        if row[0] == OpState.ACKNOWLEDGED:
            return
        conn.execute(
            "UPDATE ops SET state = 'acknowledged', result = ?, payload = ?, updated_at = ?,"
            " resolved_at = ? WHERE op_id = ?",
            (canonical(dict(result)), canonical(scrub(json.loads(row[1]))), now, now, op_id),
        )

    def acknowledge(self, op_id: str, result: Mapping[str, Any]) -> None:
        """The backend applied the operation (or answered its original response): done."""
        with self._write() as conn:
            self._acknowledge(conn, op_id, result, self._clock())

    def _transition(
        self,
        op_id: str,
        allowed: frozenset[OpState],
        sql: str,
        params: tuple[Any, ...],
    ) -> None:
        with self._write() as conn:
            row = _op_row(conn, op_id)
            if OpState(row[0]) not in allowed:
                raise OpStateError(f"Operation {op_id} is {row[0]}; cannot do that now.")
            conn.execute(sql, (*params, op_id))

    def move_to_review(self, op_id: str, error: str | Mapping[str, Any]) -> None:
        """The backend refused the operation for good: a manager must look at it."""
        self._transition(
            op_id,
            frozenset({OpState.PENDING}),
            "UPDATE ops SET state = 'review', last_error = ?, updated_at = ? WHERE op_id = ?",
            (error_json(error), self._clock()),
        )

    def record_attempt(self, op_id: str, error: str | Mapping[str, Any]) -> None:
        """A transient failure: count the attempt and remember the error; it stays pending."""
        self._transition(
            op_id,
            frozenset({OpState.PENDING}),
            "UPDATE ops SET attempts = attempts + 1, last_error = ?, updated_at = ?"
            " WHERE op_id = ?",
            (error_json(error), self._clock()),
        )

    def retry_review(self, op_id: str) -> None:
        """A manager sends a review item again: back to pending at its original place."""
        self._transition(
            op_id,
            frozenset({OpState.REVIEW}),
            "UPDATE ops SET state = 'pending', updated_at = ? WHERE op_id = ?",
            (self._clock(),),
        )

    def cancel_review(self, op_id: str) -> None:
        """A manager gives up on a review item: kept as cancelled (secrets scrubbed), not deleted."""
        with self._write() as conn:
            row = _op_row(conn, op_id)
            if row[0] != OpState.REVIEW:
                raise OpStateError(f"Operation {op_id} is {row[0]}; only review items cancel.")
            now = self._clock()
            conn.execute(
                "UPDATE ops SET state = 'cancelled', payload = ?, updated_at = ?, resolved_at = ?"
                " WHERE op_id = ?",
                (canonical(scrub(json.loads(row[1]))), now, now, op_id),
            )

    def close_refused(self, op_id: str, error: str | Mapping[str, Any]) -> None:
        """The till showed a refusal to the cashier, who dealt with it (wrong OTP, not enough
        points): the operation was not applied and is closed as cancelled, with the error, in
        one transaction, never via the manager's review list. Secrets are scrubbed."""
        with self._write() as conn:
            row = _op_row(conn, op_id)
            if row[0] not in (OpState.PENDING, OpState.REVIEW):
                raise OpStateError(f"Operation {op_id} is {row[0]}; it cannot be refused now.")
            now = self._clock()
            conn.execute(
                "UPDATE ops SET state = 'cancelled', last_error = ?, payload = ?, updated_at = ?,"
                " resolved_at = ? WHERE op_id = ?",
                (error_json(error), canonical(scrub(json.loads(row[1]))), now, now, op_id),
            )

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
