"""Issue 16, the till's copy of the catalogue and campaigns: real SQLite files, the wire
shapes of docs/rules.md, product codes as scanners deliver them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from devices.events import Identified, ReadKind
from till.catalogue_cache import CatalogueCache, Rules
from till.products import Found, NotFound, code_forms, find, scanned_code, typed_code
from till.rules_wire import Campaign, Catalogue, campaigns_from_json

CATALOGUE: dict[str, Any] = {
    "version": "v1",
    "items": [
        {"code": "5012345678900", "name": "Milk 1l", "price": "1.99", "category": "grocery"},
        {"code": "036000291452", "name": "Cola", "price": "0.99", "category": "drinks"},
        {"code": "GIFT25", "name": "Gift card 25", "price": "25.00", "category": "gift"},
    ],
    "categories": [
        {"code": "grocery", "name": "Grocery", "earn": True, "multiplier": "1"},
        {"code": "drinks", "name": "Drinks", "earn": True, "multiplier": "1.5"},
        {"code": "gift", "name": "Gift cards", "earn": False, "multiplier": "1"},
    ],
    "customer_types": [  # v1+ (docs/rules.md "Contract changes")
        {"code": "standard", "name": "Standard", "multiplier": "1", "threshold": 0},
        {"code": "gold", "name": "Gold", "multiplier": "1.5", "threshold": 10000},
    ],
}
CAMPAIGNS: dict[str, Any] = {
    "campaigns": [
        {
            "id": 1,
            "name": "Double points on fresh",
            "from": "2026-11-01T00:00:00Z",
            "to": "2027-01-01T00:00:00Z",
            "weekdays": [1, 2, 3, 4, 5],
            "hours": {"from": "08:00", "to": "12:00"},
            "categories": ["grocery"],
            "customer_types": None,
            "multiplier": "2",
            "bonus": None,
        },
        {
            "id": 2,
            "name": "Welcome bonus",
            "from": "2026-11-01T00:00:00Z",
            "to": "2027-01-01T00:00:00Z",
            "weekdays": None,
            "hours": None,
            "categories": None,
            "customer_types": ["gold"],
            "multiplier": None,
            "bonus": 50,
        },
    ]
}


class FakeClient:
    def __init__(self, catalogue: dict[str, Any], campaigns: dict[str, Any]) -> None:
        self.body, self.campaign_body = catalogue, campaigns
        self.fail = False

    def catalogue(self) -> Catalogue:
        if self.fail:
            raise ConnectionError("offline")
        return Catalogue.from_json(self.body)

    def campaigns(self) -> tuple[Campaign, ...]:
        return campaigns_from_json(self.campaign_body)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[CatalogueCache]:
    c = CatalogueCache(tmp_path / "catalogue.sqlite3")
    yield c
    c.close()


def test_parsing_follows_the_contract() -> None:
    cat = Catalogue.from_json(CATALOGUE)
    assert cat.version == "v1"
    assert cat.items[0].price == Decimal("1.99") and cat.items[0].category == "grocery"
    assert [c.earn for c in cat.categories] == [True, True, False]
    assert cat.categories[1].multiplier == Decimal("1.5")
    fresh, bonus = campaigns_from_json(CAMPAIGNS)
    assert fresh.weekdays == (1, 2, 3, 4, 5)
    assert fresh.hours is not None and fresh.hours[0].hour == 8
    assert fresh.starts.tzinfo is not None and fresh.multiplier == Decimal(2)
    assert fresh.effect == "x2" and bonus.effect == "+50 points"
    assert bonus.customer_types == ("gold",) and bonus.categories is None


def test_refresh_keeps_everything_and_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.sqlite3"
    cache = CatalogueCache(path)
    done = cache.refresh(FakeClient(CATALOGUE, CAMPAIGNS))
    assert (done.items, done.campaigns, done.rewritten) == (3, 2, True)
    cache.close()

    again = CatalogueCache(path)  # a restart, offline: the copy on disk answers
    try:
        item = again.item("5012345678900")
        assert item is not None and item.name == "Milk 1l" and item.price == Decimal("1.99")
        assert again.item("gift25") is not None  # typed in lower case
        assert again.item("0000") is None
        assert not again.categories()["gift"].earn
        assert [c.name for c in again.campaigns()] == ["Double points on fresh", "Welcome bonus"]
        assert again.version == "v1" and again.fetched_at
        rules = again.load()
        assert rules.item("036000291452") is not None and len(rules.items) == 3
        assert rules.type_multiplier("gold") == Decimal("1.5")
        assert rules.type_multiplier("unknown") == Decimal(1)
    finally:
        again.close()


def test_an_unchanged_version_is_not_rewritten_but_a_new_one_replaces_all(
    cache: CatalogueCache,
) -> None:
    client = FakeClient(CATALOGUE, CAMPAIGNS)
    cache.refresh(client)
    assert cache.refresh(client).rewritten is False
    client.body = {
        "version": "v2",
        "items": [{"code": "1", "name": "Bread", "price": "2.10", "category": "grocery"}],
        "categories": CATALOGUE["categories"],
    }
    client.campaign_body = {"campaigns": []}
    assert cache.refresh(client).rewritten is True
    assert cache.item("5012345678900") is None  # gone from the new catalogue
    assert cache.item("1") is not None and cache.campaigns() == ()


def test_a_failed_download_keeps_the_copy(cache: CatalogueCache) -> None:
    client = FakeClient(CATALOGUE, CAMPAIGNS)
    cache.refresh(client)
    client.fail = True
    with pytest.raises(ConnectionError):
        cache.refresh(client)
    assert cache.item("5012345678900") is not None


def test_the_replacement_is_one_transaction(cache: CatalogueCache) -> None:
    """A write that fails half-way leaves the old copy whole (never half of each)."""
    cache.refresh(FakeClient(CATALOGUE, CAMPAIGNS))
    broken = {
        "version": "v3",
        "items": [
            {"code": "1", "name": "Bread", "price": "2.10", "category": "grocery"},
            {"code": "1", "name": "Bread again", "price": "2.20", "category": "grocery"},
        ],
        "categories": [{"code": "x", "name": None, "earn": True, "multiplier": "1"}],
    }
    catalogue = Catalogue.from_json(broken)
    cache._db.conn.execute(  # a constraint the second table will break
        "CREATE TRIGGER no_x BEFORE INSERT ON categories WHEN NEW.code = 'x' "
        "BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        cache.store(catalogue, ())
    assert cache.version == "v1"
    assert cache.item("5012345678900") is not None and cache.item("1") is None
    assert len(cache.campaigns()) == 2


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("5012345678900", "5012345678900"),  # EAN-13 as read
        ("05012345678900", "5012345678900"),  # the GTIN-14 of it
        ("036000291452", "036000291452"),  # UPC-A
        ("0036000291452", "036000291452"),  # UPC-A as an EAN-13
    ],
)
def test_a_gtin_is_found_in_any_of_its_lengths(read: str, expected: str) -> None:
    rules = Rules(items={i.code: i for i in Catalogue.from_json(CATALOGUE).items})
    found = find(rules, read)
    assert isinstance(found, Found) and found.item.code == expected
    assert code_forms(read)[0] == read


def test_scanned_and_typed_codes() -> None:
    rules = Rules(items={i.code: i for i in Catalogue.from_json(CATALOGUE).items})
    scan = Identified(ReadKind.PRODUCT_BARCODE, "test", "5012345678900", None)
    assert scanned_code(scan) == "5012345678900"
    gs1 = Identified(
        ReadKind.PRODUCT_BARCODE,
        "test",
        "(01)05012345678900",
        None,
        detail=(("01", "05012345678900"),),
    )
    assert scanned_code(gs1) == "05012345678900"
    assert scanned_code(Identified(ReadKind.MAGSTRIPE, "test", "x", "123")) is None
    unknown = find(rules, "4006381333931")
    assert isinstance(unknown, NotFound) and "not in the till's catalogue" in unknown.message
    # Typed: a product, an unknown product code (valid check digit), or a free description.
    typed = typed_code(rules, "gift25")
    assert isinstance(typed, Found) and typed.item.name == "Gift card 25"
    assert isinstance(typed_code(rules, "4006381333931"), NotFound)
    assert typed_code(rules, "Groceries") is None
    assert typed_code(rules, "4006381333932") is None  # wrong check digit: a description
