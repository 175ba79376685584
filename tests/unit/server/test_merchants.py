"""Which merchant a new store joins (issue 13), on a real SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from server import accounts
from server.db import make_engine, read, write
from server.errors import ServerError
from server.schema import merchants, stores


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    e = make_engine(f"sqlite:///{tmp_path / 'merchants.db'}")
    yield e
    e.dispose()


def merchant_of(engine: Engine, store: str) -> str:
    return str(
        read(
            engine,
            lambda c: c.execute(
                select(merchants.c.code)
                .join(stores, stores.c.merchant_id == merchants.c.id)
                .where(stores.c.code == store)
            ).scalar_one(),
        )
    )


def test_a_single_brand_backend_needs_no_merchant_named(engine: Engine) -> None:
    write(engine, lambda c: accounts.ensure_store(c, "S1"))
    write(engine, lambda c: accounts.ensure_store(c, "S2"))
    assert merchant_of(engine, "S1") == merchant_of(engine, "S2") == accounts.DEFAULT_MERCHANT


def test_with_several_merchants_a_new_store_must_name_its_own(engine: Engine) -> None:
    write(engine, lambda c: accounts.ensure_store(c, "A1", merchant="A"))
    write(engine, lambda c: accounts.ensure_store(c, "B1", merchant="B"))
    with pytest.raises(ServerError) as info:
        write(engine, lambda c: accounts.ensure_store(c, "C1"))
    assert info.value.extra["field"] == "merchant"
    assert "--merchant" in info.value.message
    write(engine, lambda c: accounts.ensure_store(c, "B2", merchant="B"))
    assert merchant_of(engine, "B2") == "B"
    # An existing store is found by its code alone, and never moves to another brand.
    assert write(engine, lambda c: accounts.ensure_store(c, "A1")) > 0
    with pytest.raises(ServerError) as moved:
        write(engine, lambda c: accounts.ensure_store(c, "A1", merchant="B"))
    assert moved.value.code == "store_exists"


def test_a_caller_carries_its_stores_merchant(engine: Engine) -> None:
    write(engine, lambda c: accounts.ensure_store(c, "A1", merchant="A"))
    write(engine, lambda c: accounts.ensure_store(c, "B1", merchant="B"))
    a = write(engine, lambda c: accounts.caller_for(c, "A1", "T1"))
    b = write(engine, lambda c: accounts.caller_for(c, "B1", "T1"))
    assert a.merchant_id != b.merchant_id
    with pytest.raises(ServerError) as info:
        read(engine, lambda c: accounts.store_id_of(c, "A1", b.merchant_id))
    assert info.value.code == "not_found"


def test_a_database_from_before_merchants_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE stores (id INTEGER PRIMARY KEY, code VARCHAR(32), name TEXT)")
    with pytest.raises(ServerError) as info:
        make_engine(f"sqlite:///{path}")
    assert info.value.code == "schema_outdated"
    assert "merchants" in info.value.message
