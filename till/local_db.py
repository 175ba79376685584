"""Opening the till's small local SQLite stores (unfinished sales, account cache).

Why one helper: both stores are shared across the TaskRunner's threads behind their own
lock, use autocommit with explicit ``BEGIN``, WAL and a busy timeout; only how durable a
write must be differs, so that is the one thing the caller chooses. :func:`local_database`
hands the same connection to sqlite-utils for stores whose tables are plain records
(create-if-missing, upsert, get by key) so they need no hand-written SQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal

import sqlite_utils


def open_local_db(
    path: Path, schema: str, *, synchronous: Literal["FULL", "NORMAL"]
) -> sqlite3.Connection:
    """Create ``path``'s folder, open it (any thread, autocommit) and apply ``schema``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={synchronous}")
    db.execute("PRAGMA busy_timeout=5000")
    db.executescript(schema)
    return db


def local_database(path: Path, *, synchronous: Literal["FULL", "NORMAL"]) -> sqlite_utils.Database:
    """:func:`open_local_db` wrapped in a ``sqlite_utils.Database`` (tables made by the caller)."""
    return sqlite_utils.Database(open_local_db(path, "", synchronous=synchronous))
