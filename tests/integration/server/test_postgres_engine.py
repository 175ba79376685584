"""The backend on PostgreSQL: the demo seeds and the ledger answers over the same code path.

Groundwork for running the whole server suite on both engines: this proves the throwaway
cluster fixture (tests/fixtures/postgres.py) and the engine set-up work together.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from server import demo_data
from server.db import make_engine
from server.pepper import PepperError, load_pepper
from server.service import Backend
from server.sms import DiscardGateway
from tests.fixtures.postgres import PgCluster


def test_demo_data_seeds_on_postgresql(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A database that is not a SQLite file has no place beside it for the pepper: a
    # deployment names the file (server/pepper.py), created 0600 on first use.
    monkeypatch.setenv("TILL_SERVER_PEPPER_FILE", str(tmp_path / "pepper"))
    engine = make_engine(pg_url)
    try:
        demo_data.seed(Backend(engine, sms=DiscardGateway()))
        with engine.connect() as conn:
            assert conn.execute(text("select version()")).scalar_one().startswith("PostgreSQL")
            assert conn.execute(text("select count(*) from merchants")).scalar_one() == 2
            assert conn.execute(text("select count(*) from customers")).scalar_one() > 2
    finally:
        engine.dispose()
    assert (tmp_path / "pepper").stat().st_mode & 0o777 == 0o600


def test_a_database_elsewhere_without_a_pepper_location_is_refused(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TILL_SERVER_PEPPER_FILE", raising=False)
    monkeypatch.delenv("TILL_SERVER_PEPPER", raising=False)
    with pytest.raises(PepperError, match="TILL_SERVER_PEPPER_FILE"):
        load_pepper(pg_url)


def test_each_test_gets_a_database_of_its_own(pg_cluster: PgCluster, pg_url: str) -> None:
    other = pg_cluster.create_database()
    assert other != pg_url
    assert Decimal(pg_cluster.psql("select 1.50").strip()) == Decimal("1.50")


def test_keys_are_64_bit_and_the_pool_fits_the_worker_threads(pg_url: str) -> None:
    from server.db import WORKER_THREADS

    engine = make_engine(pg_url, pepper=b"k" * 32)
    try:
        with engine.connect() as conn:
            types: dict[str, str] = dict(
                conn.execute(
                    text(
                        "SELECT table_name || '.' || column_name, data_type "
                        "FROM information_schema.columns WHERE column_name IN "
                        "('id', 'customer_id', 'merchant_id') AND table_name IN "
                        "('ledger', 'customers', 'operations', 'cards')"
                    )
                ).all()
            )
        assert set(types.values()) == {"bigint"}, types
        assert engine.pool.size() == WORKER_THREADS  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_the_database_clock_decides_the_time(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Several hosts agree because the time is the database's: a host whose own clock is an
    hour off still stamps the database's time (the offset is measured, then applied)."""
    from datetime import UTC, datetime, timedelta

    from server import db

    engine = make_engine(pg_url, pepper=b"k" * 32)
    try:
        with engine.connect() as conn:
            theirs = db.database_now(conn)
        assert abs(theirs - datetime.now(UTC)) < timedelta(seconds=5)
        assert isinstance(db.clock_for(engine), db.DatabaseClock)
        real = db.database_now
        monkeypatch.setattr(db, "database_now", lambda c: real(c) + timedelta(hours=1))
        skewed = db.DatabaseClock(engine)
        assert abs(skewed.now() - (datetime.now(UTC) + timedelta(hours=1))) < timedelta(seconds=5)
        assert db.iso(skewed.now()).endswith("Z")
    finally:
        engine.dispose()
