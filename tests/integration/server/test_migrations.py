"""Alembic migrations (issue 14) on SQLite and PostgreSQL.

- The revisions, run from nothing, build exactly ``server.schema.metadata`` (autogenerate's
  ``compare_metadata`` finds no difference), and there is one head.
- A database made by the first release's schema, with data, migrates to head with every row
  kept and joined to the ``DEFAULT`` merchant, and the backend then opens it.
- A database from before Alembic, or at an older revision, is refused by ``serve`` and the
  admin commands with a message naming ``till-server migrate``.
- Eight ``till-server migrate`` (and eight first starts) at once on an empty database all
  succeed: one migrates under the lock, the others wait and find it done.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, insert, select, text
from sqlalchemy.pool import NullPool

from server import migrations
from server.db import make_engine, read
from server.errors import ServerError
from server.migrations.first_release import define
from server.schema import cards, customers, ledger, merchants, metadata, operations, stores

ROOT = Path(__file__).resolve().parents[3]
HOW_TO = (
    "server.schema.metadata and server/migrations/versions/ disagree. Whoever changed a "
    "table: add a revision (server/migrations/README.md), e.g.\n"
    "  .venv/bin/alembic -c server/migrations/alembic.ini -x db=sqlite:////tmp/rev.db "
    "upgrade head\n"
    "  .venv/bin/alembic -c server/migrations/alembic.ini -x db=sqlite:////tmp/rev.db "
    "revision --autogenerate -m 'what changed'\n"
    "then check the generated file by hand (types, server defaults, data). Differences:\n"
)


@pytest.fixture(params=["sqlite", "postgres"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'm.db'}"
    else:
        yield request.getfixturevalue("pg_cluster").create_database()


def _plain(url: str) -> Engine:
    return create_engine(url, poolclass=NullPool)


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=full,
        cwd=ROOT,
    )


def test_there_is_one_head() -> None:
    assert migrations.head()


def test_the_revisions_build_exactly_the_metadata(empty_url: str) -> None:
    engine = _plain(empty_url)
    try:
        with engine.connect() as conn:
            command.upgrade(migrations.alembic_config(conn), "head")
            conn.commit()
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, metadata)
    finally:
        engine.dispose()
    assert not diff, HOW_TO + "\n".join(f"  {d}" for d in diff)


def _first_release_with_data(url: str) -> None:
    """What the first release left behind: its tables (created its way) and some rows."""
    engine = _plain(url)
    old = define()
    t = old.tables
    at = "2026-01-02T10:00:01.000000Z"

    def add(conn: Any, table: str, **values: Any) -> int:
        key = conn.execute(insert(t[table]).values(**values)).inserted_primary_key
        return int(key[0]) if key and isinstance(key[0], int) else 0

    try:
        with engine.begin() as conn:
            old.create_all(conn)
            store = add(
                conn,
                "stores",
                code="S1",
                name="High Street",
                currency="GBP",
                points_per_unit="1",
                point_value="0.01",
                otp_required=False,
                otp_min_value="0.00",
            )
            till = add(conn, "tills", store_id=store, code="T1")
            program = add(conn, "programs", name="Gold", range_start="1", range_end="9")
            ids = [
                add(
                    conn,
                    "customers",
                    phone=phone,
                    name=name,
                    email=f"{name}@example.com",
                    status="active",
                    balance=balance,
                    created_at=at,
                )
                for phone, name, balance in (
                    ("+447700900001", "ann", 120),
                    ("+447700900002", "bo", 0),
                )
            ]
            add(
                conn,
                "cards",
                number="40023817",
                program_id=program,
                customer_id=ids[0],
                status="active",
                created_at=at,
            )
            entry = add(
                conn,
                "ledger",
                customer_id=ids[0],
                store_id=store,
                till_id=till,
                kind="earn",
                points=120,
                amount="120.00",
                receipt_no="R1",
                occurred_at=at,
                created_at=at,
                op_id="op-1",
                with_otp=False,
                with_override=False,
            )
            add(conn, "receipts", store_id=store, receipt_no="R1", transaction_id=entry)
            add(
                conn,
                "operations",
                op_id="op-1",
                kind="earn",
                body_hash="h" * 64,
                status=201,
                response='{"points":120}',
                created_at=at,
            )
            add(
                conn,
                "staff",
                store_id=store,
                name="manager",
                role="manager",
                pin_hash="x",
                failed_attempts=0,
            )
    finally:
        engine.dispose()


def test_a_first_release_database_migrates_with_its_data(empty_url: str) -> None:
    _first_release_with_data(empty_url)
    with pytest.raises(ServerError, match="till-server migrate") as refused:
        make_engine(empty_url, pepper=b"p" * 32)
    assert refused.value.code == "schema_outdated"
    done = _cli("migrate", "--db", empty_url)
    assert done.returncode == 0, done.stderr
    assert f"to {migrations.head()}" in done.stdout
    engine = make_engine(empty_url, pepper=b"p" * 32)
    try:

        def look(conn: Any) -> dict[str, Any]:
            return {
                "merchants": conn.execute(select(merchants.c.code)).scalars().all(),
                "stores": conn.execute(select(stores.c.code, stores.c.merchant_id)).all(),
                "customers": conn.execute(
                    select(
                        customers.c.phone, customers.c.balance, customers.c.merchant_id
                    ).order_by(customers.c.id)
                ).all(),
                "cards": conn.execute(select(cards.c.number, cards.c.merchant_id)).all(),
                "ledger": conn.execute(select(ledger.c.points, ledger.c.receipt_no)).all(),
                "ops": conn.execute(select(operations.c.op_id, operations.c.merchant_id)).all(),
            }

        found = read(engine, look)
        with engine.connect() as conn:  # the merchant's numbering went on after the copy
            next_id = conn.execute(
                insert(customers).values(
                    merchant_id=1,
                    phone="+447700900003",
                    name="",
                    status="active",
                    balance=0,
                    created_at="2026-02-01T00:00:00.000000Z",
                )
            ).inserted_primary_key
            conn.rollback()
    finally:
        engine.dispose()
    assert found["merchants"] == ["DEFAULT"]
    assert found["stores"] == [("S1", 1)]
    assert [tuple(r) for r in found["customers"]] == [
        ("+447700900001", 120, 1),
        ("+447700900002", 0, 1),
    ]
    assert [tuple(r) for r in found["cards"]] == [("40023817", 1)]
    assert [tuple(r) for r in found["ledger"]] == [(120, "R1")]
    assert [tuple(r) for r in found["ops"]] == [("op-1", 1)]
    assert next_id is not None and next_id[0] == 3


def test_an_outdated_database_is_refused_by_serve_with_the_command_to_run(
    empty_url: str, tmp_path: Path
) -> None:
    engine = _plain(empty_url)
    with engine.connect() as conn:
        command.upgrade(migrations.alembic_config(conn), "0002_merchants")
        conn.commit()
    engine.dispose()
    pepper = {"TILL_SERVER_PEPPER": "ab" * 32}
    served = _cli("serve", "--db", empty_url, "--port", "0", **pepper)
    assert served.returncode == 1
    assert "till-server migrate" in served.stderr and "Traceback" not in served.stderr
    keyed = _cli("create-key", "--db", empty_url, "--store", "S", "--till", "T", **pepper)
    assert keyed.returncode == 1 and "till-server migrate" in keyed.stderr
    assert _cli("migrate", "--db", empty_url).returncode == 0
    again = _cli("migrate", "--db", empty_url)
    assert again.returncode == 0 and "already at" in again.stdout


@pytest.mark.parametrize("command_", ["migrate", "init"])
def test_eight_processes_at_once_on_an_empty_database_all_succeed(
    empty_url: str, command_: str
) -> None:
    """``migrate`` is the acceptance check; ``init`` is a first start (``make_engine``)."""
    pepper = {"TILL_SERVER_PEPPER": "cd" * 32}
    with ThreadPoolExecutor(max_workers=8) as pool:
        runs = list(pool.map(lambda _i: _cli(command_, "--db", empty_url, **pepper), range(8)))
    assert [r.returncode for r in runs] == [0] * 8, [r.stderr[-800:] for r in runs]
    engine = _plain(empty_url)
    try:
        with engine.connect() as conn:
            assert migrations.state(conn) == migrations.CURRENT
            assert conn.execute(text("SELECT count(*) FROM merchants")).scalar_one() == 0
    finally:
        engine.dispose()
