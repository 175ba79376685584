"""The backend's schema versions (Alembic): migrate to head, one process at a time.

Why Alembic: ``metadata.create_all`` only ever adds missing tables, never a column or a
constraint, so every schema change before it was a hand-written start-up patch. Each change
is now a revision in ``versions/`` (see README.md there for how to add one), applied by
``till-server migrate --db URL``. The revisions ship inside the ``server`` package (the .deb
installs them with the code), so the schema a release expects always travels with it.

Rules:

- **One process migrates, the others wait.** ``migration_lock`` is PostgreSQL's session-level
  advisory lock (``pg_advisory_lock``, https://www.postgresql.org/docs/15/explicit-locking.html
  #ADVISORY-LOCKS) or, for a SQLite file, an exclusive ``flock`` on a file beside it. Whoever
  gets the lock looks at the schema again: a process that waited finds it at head and is done.
  So eight processes started at once on an empty database all succeed (issue 14, finding 4:
  each used to run ``create_all`` and one or two died on ``pg_type``'s unique index).
- **An empty database is created at head** (``create_all`` then ``stamp``, the Alembic
  cookbook's way to start a new database); the revisions themselves are checked against
  ``server.schema.metadata`` by a test (tests/integration/server/test_migrations.py).
- **A database made before Alembic** (no ``alembic_version``) is stamped at the revision its
  tables match (``_baseline``) and then upgraded.
- **``serve`` never migrates an existing database by itself** (``require_current``): a
  schema change on a chain's database is a planned step, run once, with a backup first.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, inspect
from sqlalchemy.pool import NullPool

from server.errors import ServerError

log = logging.getLogger("server.migrations")
# Alembic says "Context impl ..." at INFO on every look at a database; our own lines say
# what changed.
logging.getLogger("alembic.runtime.migration").setLevel(logging.WARNING)

HERE = Path(__file__).resolve().parent
# pg_advisory_lock's key: any constant bigint the application does not use otherwise.
LOCK_KEY = 0x4C54_4D49_4752  # "LTMIGR"

EMPTY, CURRENT, OUTDATED, UNVERSIONED, NEWER = (
    "empty",
    "current",
    "outdated",
    "unversioned",
    "newer",
)


class SchemaOutdated(ServerError):
    """The database's schema is not the one this version of the backend expects."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="schema_outdated", status=500)


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for these scripts; ``connection`` is the one to migrate."""
    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    """The newest revision: the schema of ``server.schema.metadata``."""
    found = _scripts().get_heads()
    if len(found) != 1:
        raise RuntimeError(f"server/migrations has {len(found)} heads {found}: merge them")
    return found[0]


def current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def state(conn: Connection) -> str:
    """``empty``, ``current``, ``outdated``, ``unversioned`` (before Alembic) or ``newer``."""
    tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    revision = current(conn)
    if revision is None:
        return EMPTY if not tables else UNVERSIONED
    if revision == head():
        return CURRENT
    known = {s.revision for s in _scripts().walk_revisions()}
    return OUTDATED if revision in known else NEWER


def _baseline(conn: Connection) -> str:
    """The revision a database made before Alembic matches (its tables tell)."""
    tables = set(inspect(conn).get_table_names())
    if "merchants" in tables:
        return "0002_merchants"
    return "0001_first_release"


@contextlib.contextmanager
def migration_lock(engine: Engine) -> Iterator[Connection]:
    """A connection that holds the schema lock of this database (see the module docstring).

    Session-level, so it needs a real session: behind pgbouncer in transaction pooling mode
    run ``migrate`` against PostgreSQL directly (docs/deployment.md).
    """
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({LOCK_KEY})")
            conn.commit()
            try:
                yield conn
            finally:
                conn.rollback()
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({LOCK_KEY})")
                conn.commit()
        return
    database = engine.url.database or ""
    if engine.dialect.name != "sqlite" or database in ("", ":memory:"):
        with engine.connect() as conn:  # one process only: nothing to wait for
            yield conn
        return
    fd = os.open(f"{database}.migrate-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with engine.connect() as conn:
            yield conn
    finally:
        os.close(fd)  # closing the file releases the lock


def _plain(engine: Engine) -> tuple[Engine, bool]:
    """An engine for migrating: for a SQLite file one without the serving hooks (foreign
    keys off, as batch mode's table copies need, and pysqlite's own transactions)."""
    if engine.dialect.name == "sqlite" and (engine.url.database or "") not in ("", ":memory:"):
        url = engine.url.render_as_string(hide_password=False)
        return create_engine(url, poolclass=NullPool), True
    return engine, False


def upgrade(engine: Engine, *, only_empty: bool = False) -> tuple[str | None, str]:
    """Bring the database to head under the lock; returns (revision before, head).

    ``only_empty``: create an empty database, refuse any other that is not at head (what a
    starting server does: it never migrates existing data by itself).
    """
    from server.schema import metadata

    target, own = _plain(engine)
    try:
        with migration_lock(target) as conn:
            before = current(conn)
            found = state(conn)
            if found == NEWER:
                raise SchemaOutdated(
                    "This database was migrated by a newer version of the loyalty backend "
                    f"(revision {before}): install that version"
                )
            if only_empty and found not in (EMPTY, CURRENT):
                merchants = "merchants" in inspect(conn).get_table_names()
                made = "" if merchants else " (made before merchants)"
                raise SchemaOutdated(
                    f"This database was made by an older version of the loyalty backend{made}: "
                    "back it up, then upgrade it with `till-server migrate --db URL`"
                )
            if found == UNVERSIONED:
                before = f"{_baseline(conn)} (a database from before migrations)"
            cfg = alembic_config(conn)
            if found == EMPTY:
                metadata.create_all(conn)
                command.stamp(cfg, "head")
            elif found != CURRENT:
                if found == UNVERSIONED:
                    command.stamp(cfg, _baseline(conn))
                command.upgrade(cfg, "head")
            conn.commit()
            if found != CURRENT:
                log.info("Database schema: %s -> %s", before or found, head())
            return before, head()
    finally:
        if own:
            target.dispose()


def require_current(engine: Engine) -> None:
    """Create an empty database at head; refuse, in words, one at another revision.

    The common case (at head) is answered without the lock; anything else is decided under
    it, so a database another process is creating right now is waited for, not refused.
    """
    with engine.connect().execution_options(loyalty_read_only=True) as conn:
        found = state(conn)
        conn.rollback()
    if found != CURRENT:
        upgrade(engine, only_empty=True)


def migrate_command(url: str) -> int:
    """``till-server migrate --db URL``: to head, waiting for any other migrating process."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        before, now = upgrade(engine)
    except ServerError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    if before == now:
        print(f"Database schema already at {now}")
    else:
        print(f"Database schema migrated from {before or 'an empty database'} to {now}")
    return 0
