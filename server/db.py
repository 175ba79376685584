"""Engine set-up and the two kinds of transaction the backend uses.

SQLite: WAL (readers never block the writer), ``synchronous=FULL`` (a committed earn
survives a power cut; the till has already told the customer), a busy timeout, and every
write transaction opened with ``BEGIN IMMEDIATE`` so that writers queue for the lock up
front instead of failing with "database is locked" when a read upgrades to a write: that is
what keeps balances exact under concurrent requests. PostgreSQL: plain transactions; the
write paths lock the customer row with ``SELECT ... FOR UPDATE`` (ignored by SQLite), an
operation's ``op_id`` with a transaction-scoped advisory lock (``lock_keys``), and a
transaction that lost a serialization race or a deadlock (SQLSTATE 40001 / 40P01) is run
again, a few times, after a short random pause (``write``).
``in_savepoint`` nests each operation of a ``/v1/ops`` batch inside one such transaction.
The schema is Alembic's (``server.migrations``): an engine opens only a database at head.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import stat
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from server import migrations
from server.errors import ServerError
from server.pepper import load_pepper

T = TypeVar("T")

BUSY_TIMEOUT_MS = 30_000
_READ_ONLY = "loyalty_read_only"
_WRITE_LOCK = "_loyalty_write_lock"
_PEPPER = "_loyalty_pepper"
# Requests served at once by one process: FastAPI runs sync endpoints in AnyIO's worker
# threads, 40 by default ("the default thread limiter has 40 tokens", AnyIO's docs,
# "Working with threads"); a connection for each, plus a few for start-up and the CLI.
WORKER_THREADS = 40
POOL_ENV = "TILL_SERVER_DB_POOL"
# Serialization failure and deadlock (PostgreSQL, Appendix A "Error Codes"): the transaction
# did nothing and may simply be run again.
RETRY_SQLSTATES = frozenset({"40001", "40P01"})
RETRY_ATTEMPTS = 6
RETRY_BASE_S = 0.005


def make_engine(url: str, pepper: bytes | None = None) -> Engine:
    """An engine for ``url`` with the pragmas above.

    An empty database is created at the current schema (under the migration lock, so
    processes starting together on it do not race); one at an older schema is refused with
    ``schema_outdated`` naming ``till-server migrate``. ``pepper``: instead of
    ``load_pepper(url)`` (tests that give a copied database its template's pepper).
    """
    parsed = make_url(url)
    pepper = pepper if pepper is not None else load_pepper(url)
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
        # A connection per worker thread, so no request waits for one; fewer with
        # TILL_SERVER_DB_POOL when workers x hosts would pass PostgreSQL's max_connections
        # (100 by default): requests then queue for a connection instead.
        size = int(os.environ.get(POOL_ENV) or WORKER_THREADS)
        engine = create_engine(url, pool_pre_ping=True, pool_size=size, max_overflow=size // 4)
    setattr(engine, _PEPPER, pepper)
    try:
        migrations.require_current(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


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
    A serialization failure or deadlock (``RETRY_SQLSTATES``) rolls back and runs ``fn``
    again after a random pause that doubles each time (full jitter, so the two sides of a
    deadlock do not meet again), ``RETRY_ATTEMPTS`` times at most; then it is raised.
    """
    unique_retried = False
    for attempt in range(RETRY_ATTEMPTS):
        try:
            return _write_once(engine, fn)
        except IntegrityError:
            if unique_retried:
                raise
            unique_retried = True
        except DBAPIError as exc:
            if not retryable(exc) or attempt == RETRY_ATTEMPTS - 1:
                raise
            time.sleep(random.uniform(0, RETRY_BASE_S * 2**attempt))
    raise AssertionError("unreachable")  # pragma: no cover


def retryable(exc: DBAPIError) -> bool:
    """A serialization failure or deadlock: the transaction may be run again as it is."""
    return getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES


def lock_keys(conn: Connection, *keys: str) -> None:
    """Transaction-scoped advisory locks on ``keys`` (PostgreSQL), taken in sorted order.

    What makes "is this op_id new?" and "record it" one step when two requests carry the
    same op_id at once: the second waits here until the first commits, then finds its
    record (https://www.postgresql.org/docs/15/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS).
    Sorted, so two batches holding some of the same keys cannot deadlock on them. SQLite
    needs none: ``BEGIN IMMEDIATE`` already runs one writer at a time.
    """
    if conn.dialect.name != "postgresql" or not keys:
        return
    for key in sorted({_lock_id(k) for k in keys}):
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def _lock_id(key: str) -> int:
    """A stable signed 64-bit number for ``key`` (advisory locks are keyed by bigint)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


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


def database_now(conn: Connection) -> datetime:
    """The database server's clock, in UTC: the one clock every backend host shares."""
    if conn.dialect.name == "postgresql":
        value = conn.execute(text("SELECT clock_timestamp()")).scalar_one()
        return value.astimezone(UTC)  # type: ignore[no-any-return]
    raw = conn.execute(text("SELECT strftime('%Y-%m-%dT%H:%M:%f', 'now')")).scalar_one()
    return datetime.fromisoformat(raw).replace(tzinfo=UTC)


class DatabaseClock(Clock):
    """The database's clock (``database_now``), so that several backend hosts agree.

    Why: with more than one host, each host's own clock deciding OTP expiry and ledger times
    lets a code expire early on one host and late on another (issue 14). Asking the database
    on every call would cost a round trip per timestamp, so the offset between this host's
    clock and the database's is measured (midpoint of the query, as NTP does) and refreshed
    every ``resync_s``; between refreshes it is this host's clock plus that offset. Drift of a
    host clock is parts per million, i.e. microseconds per refresh. Tests inject a fake
    ``Clock`` instead; this is what ``till-server serve`` uses.
    """

    def __init__(self, engine: Engine, resync_s: float = 30.0) -> None:
        self.engine = engine
        self.resync_s = resync_s
        self._offset = timedelta(0)
        self._synced_at = -float("inf")
        self._lock = threading.Lock()

    def now(self) -> datetime:
        if time.monotonic() - self._synced_at > self.resync_s:
            self._sync()
        return datetime.now(UTC) + self._offset

    def _sync(self) -> None:
        with self._lock:
            if time.monotonic() - self._synced_at <= self.resync_s:
                return
            with self.engine.connect().execution_options(**{_READ_ONLY: True}) as conn:
                before = datetime.now(UTC)
                theirs = database_now(conn)
                after = datetime.now(UTC)
                conn.rollback()
            self._offset = theirs - (before + (after - before) / 2)
            self._synced_at = time.monotonic()


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


def clock_for(engine: Engine) -> Clock:
    """The clock a serving backend decides times by: the database's, when that is another
    machine's (PostgreSQL); a SQLite file's clock is this host's anyway."""
    return DatabaseClock(engine) if engine.dialect.name != "sqlite" else Clock()
