"""Engine set-up and the two kinds of transaction the backend uses.

SQLite: WAL (readers never block the writer), ``synchronous=FULL`` (a committed earn
survives a power cut; the till has already told the customer), a busy timeout, and every
write transaction opened with ``BEGIN IMMEDIATE`` so that writers queue for the lock up
front instead of failing with "database is locked" when a read upgrades to a write: that is
what keeps balances exact under concurrent requests. PostgreSQL: plain transactions; the
write paths lock the customer row with ``SELECT ... FOR UPDATE`` (ignored by SQLite).
``in_savepoint`` nests each operation of a ``/v1/ops`` batch inside one such transaction.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from server import phones
from server.errors import ServerError
from server.pepper import load_pepper
from server.schema import metadata

T = TypeVar("T")

BUSY_TIMEOUT_MS = 30_000
_READ_ONLY = "loyalty_read_only"
_WRITE_LOCK = "_loyalty_write_lock"
_PEPPER = "_loyalty_pepper"


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the pragmas above; creates the tables if missing."""
    parsed = make_url(url)
    pepper = load_pepper(url)
    if parsed.get_backend_name() == "sqlite":
        _private_file(parsed.database)
        engine = create_engine(
            url,
            pool_size=20,
            max_overflow=20,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        _install_sqlite_hooks(engine)
        # Writers of this process queue on a lock before SQLite's: SQLite's busy handler
        # polls with sleeps of up to 100 ms, which costs throughput and makes p99 latency
        # jump; the SQLite lock still orders us against other processes (the CLI).
        setattr(engine, _WRITE_LOCK, threading.Lock())
    else:
        engine = create_engine(url, pool_pre_ping=True)
    setattr(engine, _PEPPER, pepper)
    metadata.create_all(engine)
    _require_merchants(engine)
    phones.migrate(engine)  # start-up data migration: stored phone numbers to E.164
    return engine


def _require_merchants(engine: Engine) -> None:
    """Refuse, in words, a database made before merchants existed (issue 13).

    Its customers, cards and op ids are keyed without a merchant; rebuilding those tables
    is a migration of its own (the Alembic step of the PostgreSQL issue), not something to
    guess at start-up. Until then such a database is refused instead of answering 500s.
    """
    with engine.connect().execution_options(**{_READ_ONLY: True}) as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("stores")}
    if "merchant_id" not in columns:
        engine.dispose()
        raise ServerError(
            "This database was made by a version of the loyalty backend without merchants "
            "and cannot be opened by this one; start on a new database file",
            code="schema_outdated",
            status=500,
        )


def pepper_of(conn: Connection | Engine) -> bytes:
    """The server pepper of this engine (``server.pepper``): the key of PIN and OTP hashes."""
    engine = conn.engine
    pepper = getattr(engine, _PEPPER, None)
    if not isinstance(pepper, bytes):
        raise RuntimeError("an engine made without make_engine has no pepper")
    return pepper


def _private_file(database: str | None) -> None:
    """The SQLite file readable by its owner only (0600); SQLite gives its -wal and -shm
    files the same mode. A file that was more open is tightened."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(0o600)


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module so BEGIN is ours.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(_READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def read(engine: Engine, fn: Callable[[Connection], T]) -> T:
    """Run ``fn`` in a read transaction (does not take SQLite's write lock)."""
    with engine.connect().execution_options(**{_READ_ONLY: True}) as conn, conn.begin():
        return fn(conn)


def write(engine: Engine, fn: Callable[[Connection], T]) -> T:
    """Run ``fn`` in a serialised write transaction.

    A ``ServerError`` rolls back unless it is marked ``commit`` (failed OTP or PIN attempts
    must be counted even though the request fails; those checks run before any effect).
    A unique-constraint race (possible on PostgreSQL, where writers on different customers
    run side by side) rolls back and runs ``fn`` once more: it then sees the winner's row
    and answers as for any retry (idempotent replay, ``receipt_already_claimed``, ...).
    """
    for attempt in (1, 2):
        try:
            return _write_once(engine, fn)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _write_once(engine: Engine, fn: Callable[[Connection], T]) -> T:
    lock = getattr(engine, _WRITE_LOCK, None) or contextlib.nullcontext()
    with lock, engine.connect() as conn:
        conn.begin()
        try:
            result = fn(conn)
        except ServerError as exc:
            if exc.commit:
                conn.commit()
            else:
                conn.rollback()
            raise
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
        return result


def in_savepoint(conn: Connection, fn: Callable[[Connection], T]) -> T:
    """Run ``fn`` inside a SAVEPOINT of the caller's write transaction.

    This is how ``POST /v1/ops`` applies a whole batch in one transaction (one commit, one
    fsync) while each operation still succeeds or fails on its own: a refused operation
    rolls back to its savepoint, which undoes its writes and nothing else ("ROLLBACK TO
    SAVEPOINT ... reverts the state of the database back to what it was just after the
    corresponding SAVEPOINT", https://sqlite.org/lang_savepoint.html). The savepoint stays
    on the stack after that (SQLite and PostgreSQL alike) and later ones nest inside it:
    harmless, they all end with the one COMMIT.
    A ``ServerError`` marked ``commit`` releases the savepoint instead, exactly as
    ``write`` commits it: failed OTP or PIN attempts stay counted. A unique-constraint race
    (PostgreSQL) rolls back to the savepoint and runs ``fn`` once more, like ``write``.

    SAVEPOINT needs the outer ``BEGIN`` to be ours: pysqlite's legacy transaction handling
    would otherwise issue its own BEGIN/COMMIT around statements and end the transaction
    under the savepoint; ``_on_connect`` sets ``isolation_level = None`` and ``_on_begin``
    emits ``BEGIN IMMEDIATE`` (SQLAlchemy, "Serializable isolation / Savepoints /
    Transactional DDL" for pysqlite). Savepoints are standard SQL, so PostgreSQL needs
    nothing special.
    """
    for attempt in (1, 2):
        nested = conn.begin_nested()
        try:
            result = fn(conn)
        except ServerError as exc:
            if exc.commit:
                nested.commit()
            else:
                nested.rollback()
            raise
        except IntegrityError:
            nested.rollback()
            if attempt == 2:
                raise
            continue
        except BaseException:
            nested.rollback()
            raise
        nested.commit()
        return result
    raise AssertionError("unreachable")  # pragma: no cover


class Clock:
    """Wall-clock time in UTC; tests substitute their own to step over expiry windows."""

    def now(self) -> datetime:
        return datetime.now(UTC)


def iso(t: datetime) -> str:
    """UTC ISO 8601 with microseconds and a ``Z``: fixed width, so text order = time order."""
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(s: str) -> datetime:
    return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(UTC)


def inserted_id(result: Any) -> int:
    """The primary key of a single-row ``INSERT``."""
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - only for tables without a primary key
        raise RuntimeError("insert returned no primary key")
    return int(key[0])
