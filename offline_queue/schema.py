"""The journal's on-disk schema and its migrations, versioned with ``PRAGMA user_version``.

Why ``user_version``: it lives in the database header, costs nothing to read at open (no
table scan) and is written inside the same transaction as the migration's DDL, so a power cut
mid-migration leaves either the old schema with the old number or the new one with the new
number (SQLite DDL is transactional: https://www.sqlite.org/lang_transaction.html,
https://www.sqlite.org/pragma.html#pragma_user_version). Migrations only ever move forward;
a file newer than this code is refused rather than guessed at.

Version history:

1. ``ops`` table: one row per operation, ``seq`` (rowid) is the replay order, ``op_id``
   unique; ``state`` pending / acknowledged / review / cancelled.
2. ``updated_at``/``resolved_at`` columns; partial indexes so that the pending queue, the
   review list and their counts are read from small indexes rather than the whole table;
   secrets (OTP, manager PIN) scrubbed from operations that were already resolved, which
   version 1 kept (see ``redaction.py``).
3. ``journal_meta`` table holding the journal's random ``journal_id`` (UUID4), written once
   when the file is created or upgraded. The till keeps a copy of it, with the highest
   sequence number it has committed, *outside* the file (``journal_identity.py``), so a
   journal replaced, restored from an older copy, or cut short by a lost ``-wal`` is noticed
   instead of being taken for the right one.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable

from offline_queue.errors import JournalVersionError
from offline_queue.redaction import canonical, scrub

Migration = Callable[[sqlite3.Connection], None]

V1_SQL = """
CREATE TABLE ops (
    seq INTEGER PRIMARY KEY,
    op_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    account TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending',
    last_error TEXT,
    result TEXT
);
CREATE INDEX ops_state_seq ON ops(state, seq);
"""

V2_SQL = """
ALTER TABLE ops ADD COLUMN updated_at REAL;
ALTER TABLE ops ADD COLUMN resolved_at REAL;
UPDATE ops SET updated_at = created_at;
UPDATE ops SET resolved_at = created_at WHERE state IN ('acknowledged', 'cancelled');
DROP INDEX ops_state_seq;
CREATE INDEX ops_pending ON ops(seq, account) WHERE state = 'pending';
CREATE INDEX ops_pending_account ON ops(account, seq) WHERE state = 'pending';
CREATE INDEX ops_review ON ops(account, seq) WHERE state = 'review';
CREATE INDEX ops_cancelled ON ops(seq) WHERE state = 'cancelled';
CREATE INDEX ops_resolved ON ops(resolved_at) WHERE state = 'acknowledged';
"""


def _run_script(sql: str) -> Migration:
    def step(conn: sqlite3.Connection) -> None:
        # One statement at a time: executescript() would COMMIT our open transaction.
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return step


def _scrub_resolved(conn: sqlite3.Connection) -> None:
    rows = conn.execute(
        "SELECT seq, payload FROM ops WHERE state IN ('acknowledged', 'cancelled')"
    ).fetchall()
    for seq, payload in rows:
        clean = canonical(scrub(json.loads(payload)))
        if clean != payload:
            conn.execute("UPDATE ops SET payload = ? WHERE seq = ?", (clean, seq))


def _v2(conn: sqlite3.Connection) -> None:
    _run_script(V2_SQL)(conn)
    _scrub_resolved(conn)


V3_SQL = """
CREATE TABLE journal_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)
"""


def _v3(conn: sqlite3.Connection) -> None:
    _run_script(V3_SQL)(conn)
    conn.execute(
        "INSERT INTO journal_meta (key, value) VALUES ('journal_id', ?)", (str(uuid.uuid4()),)
    )


def journal_id(conn: sqlite3.Connection) -> str | None:
    """The file's journal id, or None when it has none (a file older than version 3)."""
    try:
        row = conn.execute("SELECT value FROM journal_meta WHERE key = 'journal_id'").fetchone()
    except sqlite3.OperationalError:  # no such table
        return None
    return str(row[0]) if row else None


#: MIGRATIONS[i] turns a version-i file into version i + 1.
MIGRATIONS: tuple[Migration, ...] = (_run_script(V1_SQL), _v2, _v3)
LATEST_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file up to :data:`LATEST_VERSION`, one transaction per step; returns the old version.

    ``BEGIN IMMEDIATE`` takes the write lock before reading the version, so two processes
    opening the same new file cannot both run a step.
    """
    start = user_version(conn)
    if start > LATEST_VERSION:
        raise JournalVersionError(
            f"The journal file has schema version {start}, newer than this till "
            f"understands ({LATEST_VERSION}); update the till software."
        )
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)
            if version >= LATEST_VERSION:
                conn.execute("COMMIT")
                return start
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
