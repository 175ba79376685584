from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from till.account_cache import AccountCache
from till.backend_client import Customer
from till.core.sale import Line, Sale, SaleState
from till.sale_store import SaleStore


def test_sale_store_lists_unfinished_sales_across_reopen(tmp_path: Path) -> None:
    path = tmp_path / "sales.sqlite3"
    store = SaleStore(path)
    open_sale = Sale(receipt_no="R1", lines=[Line("x", Decimal("1.00"))])
    done = Sale(receipt_no="R2", lines=[Line("y", Decimal("2.00"))], state=SaleState.COMPLETED)
    empty = Sale(receipt_no="R3")
    for sale in (open_sale, done, empty):
        store.save(sale)
    open_sale.lines.append(Line("z", Decimal("3.00")))
    store.save(open_sale)
    store.close()
    again = SaleStore(path)
    unfinished = again.unfinished()
    assert [s.sale_id for s in unfinished] == [open_sale.sale_id]
    assert unfinished[0] == open_sale
    assert [s.sale_id for s in again.recent()] == [done.sale_id]
    again.close()


def test_account_cache_finds_by_card_and_phone(tmp_path: Path) -> None:
    cache = AccountCache(tmp_path / "accounts.sqlite3")
    alice = Customer("7", "Alice", "+447700900123", "active", 1200, cards=("40023817",))
    cache.put(alice, card="40023817")
    assert cache.get(card="40023817").customer.name == "Alice"
    found = cache.get(phone="+44 7700 900123")
    assert found is not None and found.customer.balance == 1200 and found.seen_at
    cache.adjust_balance("7", 900)
    assert cache.get(card="40023817").customer.balance == 900
    assert cache.get(card="99999999") is None
    cache.close()
