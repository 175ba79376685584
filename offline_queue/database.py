"""Opening the journal's SQLite file with the settings its durability rests on.

- ``journal_mode=WAL``: a commit appends to the write-ahead log; readers never block the
  writer (https://www.sqlite.org/wal.html).
- ``synchronous=FULL``: the WAL is fsync'ed at every commit, so a committed operation
  survives a power cut; ``NORMAL`` in WAL mode "might roll back following a power loss"
  (https://www.sqlite.org/pragma.html#pragma_synchronous).
- ``fullfsync``/``checkpoint_fullfsync``: on macOS a plain fsync does not reach the platter
  (F_FULLFSYNC is needed); no-ops elsewhere.
- ``secure_delete``: freed or overwritten cells are zeroed, so a scrubbed OTP/PIN does not
  linger in a page (https://www.sqlite.org/pragma.html#pragma_secure_delete).
- Autocommit mode (``isolation_level=None``): the journal writes ``BEGIN IMMEDIATE`` /
  ``COMMIT`` itself, so a transaction is exactly what it says.
- The file is created mode 0600 (SQLite gives its -wal/-shm files the same mode), and its
  directory entry is fsync'ed once (SQLite syncs the directory only for its -wal/-journal).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from offline_queue.errors import JournalError
from offline_queue.schema import migrate


def describe(exc: sqlite3.Error) -> str:
    """``SQLITE_FULL: database or disk is full`` — the error name is what a technician needs."""
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    return f"{name}: {exc}"


def connect(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    """Autocommit mode; shared across threads under the journal's lock."""
    return sqlite3.connect(
        path, timeout=busy_timeout_s, isolation_level=None, check_same_thread=False
    )


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty with mode 0600 unless it exists; True when created."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def fsync_directory(directory: Path) -> None:
    """Make a new file's directory entry durable (best effort: not every OS allows it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def open_journal_db(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    """Open (creating if needed), apply the pragmas above and migrate the schema.

    Reads nothing but the header and the schema: no work proportional to the rows.
    """
    created = create_private_file(path)
    try:
        conn = connect(path, busy_timeout_s)
    except sqlite3.Error as exc:
        raise JournalError(f"Cannot open the journal at {path}: {describe(exc)}") from exc
    try:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise JournalError(f"The journal at {path} cannot use WAL mode ({mode}).")
        for pragma in ("synchronous=FULL", "fullfsync=ON", "checkpoint_fullfsync=ON"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("PRAGMA secure_delete=ON")
        migrate(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise JournalError(f"Cannot open the journal at {path}: {describe(exc)}") from exc
    except BaseException:
        conn.close()
        raise
    if created:
        fsync_directory(path.parent)
    return conn
