"""The store's menu (issue 18): catalogued codes take the catalogue's name and price; menu
files in JSON or CSV; orders priced from the menu at the moment of ordering."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select

from server import accounts
from server.db import make_engine, read, write
from server.errors import InvalidRequest
from server.ordering import config, orders
from server.ordering.models import MenuItemIn
from server.rules_schema import catalogue_items
from server.schema import merchants
from tests.unit.server.fake_clock import FakeClock


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    e = make_engine(f"sqlite:///{tmp_path / 'menu.db'}")
    write(e, lambda c: accounts.ensure_store(c, "A1", merchant="A"))
    yield e
    e.dispose()


def ids(engine: Engine) -> tuple[int, int]:
    store = read(engine, lambda c: accounts.store_id_of(c, "A1"))
    merchant = read(engine, lambda c: c.execute(select(merchants.c.id)).scalar_one())
    return store, int(merchant)


def test_catalogued_items_take_the_catalogues_name_and_price(engine: Engine) -> None:
    store, merchant = ids(engine)
    write(
        engine,
        lambda c: c.execute(
            insert(catalogue_items).values(
                merchant_id=merchant, code="COFFEE", name="Coffee 250g", price="4.99"
            )
        ),
    )
    menu = [
        MenuItemIn(code="COFFEE", name="old name", price="1.00"),
        MenuItemIn(code="LATTE", name="Latte", price="3.50"),
        MenuItemIn(code="GHOST"),  # neither catalogued nor priced: not offered
    ]
    write(
        engine,
        lambda c: config.put(c, store, "2026-11-23T12:00:00.000000Z", {"enabled": True}, menu),
    )
    shown = read(engine, lambda c: config.menu(c, store, merchant))
    assert [(m.code, m.name, m.price) for m in shown] == [
        ("COFFEE", "Coffee 250g", Decimal("4.99")),
        ("LATTE", "Latte", Decimal("3.50")),
    ]


def test_menu_files_in_json_and_csv(tmp_path: Path) -> None:
    j = tmp_path / "menu.json"
    j.write_text('[{"code": "LATTE", "name": "Latte", "price": "3.50"}, {"code": "COFFEE"}]')
    c = tmp_path / "menu.csv"
    c.write_text("code,name,price\nLATTE,Latte,3.50\nCOFFEE,,\n")
    for path in (j, c):
        items = config.read_menu_file(path)
        assert [(i.code, i.name, i.price) for i in items] == [
            ("LATTE", "Latte", "3.50"),
            ("COFFEE", None, None),
        ]
    bad = tmp_path / "bad.json"
    bad.write_text('[{"code": "LATTE", "price": "3.5.0"}]')
    with pytest.raises(InvalidRequest) as info:
        config.read_menu_file(bad)
    assert "price" in info.value.message


def test_an_order_is_priced_from_the_menu_and_bounded(engine: Engine) -> None:
    store, merchant = ids(engine)
    menu = [MenuItemIn(code="LATTE", name="Latte", price="3.50")]
    write(
        engine,
        lambda c: config.put(c, store, "2026-11-23T12:00:00.000000Z", {"enabled": True}, menu),
    )
    customer = write(engine, lambda c: _customer(c, merchant))
    clock = FakeClock()

    def make(cart: dict[str, int]) -> int:
        return write(
            engine, lambda c: orders.create(c, store, merchant, "7", customer, cart, clock)
        )

    order_id = make({"LATTE": 3})
    out = read(engine, lambda c: orders.get(c, store, order_id))
    assert out["total"] == "10.50" and out["lines"][0]["amount"] == "10.50"
    for cart in ({}, {"LATTE": 0}, {"NOPE": 1}, {"LATTE": orders.MAX_QUANTITY + 1}):
        with pytest.raises(InvalidRequest):
            make(cart)


def _customer(conn: object, merchant: int) -> int:
    from server.db import inserted_id
    from server.schema import customers

    return inserted_id(
        conn.execute(  # type: ignore[attr-defined]
            insert(customers).values(
                merchant_id=merchant,
                phone="+447700900123",
                name="Alice Smith",
                status="active",
                balance=0,
                created_at="2026-11-23T12:00:00.000000Z",
            )
        )
    )
