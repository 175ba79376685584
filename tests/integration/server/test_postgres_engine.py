"""The backend on PostgreSQL: the demo seeds and the ledger answers over the same code path.

Groundwork for running the whole server suite on both engines: this proves the throwaway
cluster fixture (tests/fixtures/postgres.py) and the engine set-up work together.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from server import demo_data
from server.db import make_engine
from server.pepper import PepperError, load_pepper
from server.service import Backend
from server.sms import DiscardGateway


def test_demo_data_seeds_on_postgresql(pg_url: str, tmp_path, monkeypatch) -> None:
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


def test_a_database_elsewhere_without_a_pepper_location_is_refused(pg_url, monkeypatch):
    monkeypatch.delenv("TILL_SERVER_PEPPER_FILE", raising=False)
    monkeypatch.delenv("TILL_SERVER_PEPPER", raising=False)
    with pytest.raises(PepperError, match="TILL_SERVER_PEPPER_FILE"):
        load_pepper(pg_url)


def test_each_test_gets_a_database_of_its_own(pg_cluster, pg_url: str) -> None:
    other = pg_cluster.create_database()
    assert other != pg_url
    assert Decimal(pg_cluster.psql("select 1.50").strip()) == Decimal("1.50")
