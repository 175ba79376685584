"""Issue 16 end to end: scan products, the campaign applies, the receipt names it.

The real cashier window offscreen against the real reference server over loopback, its
demo catalogue (docs/rules.md; server/rules_demo.py: fresh food earns double, gift cards
earn nothing). Products come from the (fake) scanner thread as the hardware delivers them,
or are typed in the description field; every other input is a key event.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidgetItem

from tests.fixtures.till import Till, TillFactory, demo_card
from till.backend_client import BackendClient
from till.core.sale import SaleState
from till.product_entry import ProductEntry

ALICE_PHONE = "+447700900123"
MILK = "2000000000015"  # fresh: the running campaign doubles it
COFFEE = "2000000000039"  # grocery
PASTA = "2000000000046"  # grocery
GIFT_CARD = "2000000000053"  # gift cards: never earn
CAMPAIGN = "Double points on fresh food"


def products(till: Till) -> ProductEntry:
    entry = till.window.findChild(ProductEntry)
    assert isinstance(entry, ProductEntry)
    till.qtbot.waitUntil(lambda: entry.rules.item(MILK) is not None, timeout=15_000)
    return entry


def scan(till: Till, code: str) -> None:
    before = len(till.sale.lines)
    till.scan(code, symbology_id="]E0")  # an EAN-13, as a scanner with AIM ids says
    till.qtbot.waitUntil(lambda: len(till.sale.lines) == before + 1)


def key(k: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, k)


def test_scan_products_campaign_applies_and_the_receipt_names_it(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    entry = products(till)
    client = BackendClient(backend.url, backend.api_key)
    before = client.lookup(phone=ALICE_PHONE).balance
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")

    for code in (MILK, MILK, COFFEE, GIFT_CARD):
        scan(till, code)
    assert [x.description for x in till.sale.lines] == [
        "Milk 1l",
        "Milk 1l",
        "Coffee 250g",
        "Gift card 20.00",
    ]
    assert [x.category for x in till.sale.lines] == ["fresh", "fresh", "grocery", "giftcards"]
    assert till.sale.lines[0].code == MILK

    # A product code the catalogue does not hold: plain words, no line.
    till.scan("4006381333931", symbology_id="]E0")
    till.wait_banner("not in the till's catalogue")
    assert len(till.sale.lines) == 4

    # Typed in the description field, Enter: the product, not a free line.
    till.window.activateWindow()
    till.window.sale_panel.description_edit.setFocus()
    QTest.keyClicks(till.window.sale_panel.description_edit, PASTA)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: len(till.sale.lines) == 5)
    assert till.sale.lines[4].description == "Pasta 500g"
    assert till.window.sale_panel.description_edit.text() == ""

    # The preview names the campaign before the sale is sent.
    till.qtbot.waitUntil(lambda: entry.preview_label.isVisible())
    preview = entry.preview_label.text()
    assert CAMPAIGN in preview
    assert preview.endswith(" · Pasta 500g: 0 pt")  # the line just rung up (0.95: no point)

    till.window.activateWindow()
    QTest.keyClick(till.window, Qt.Key.Key_F5)  # cash
    QTest.keyClick(till.window, Qt.Key.Key_F9)  # complete
    till.wait_state(SaleState.COMPLETED, timeout=15_000)
    till.qtbot.waitUntil(lambda: till.sale.earned_points is not None, timeout=15_000)
    earned = till.sale.earned_points
    assert earned is not None and earned > 0
    # The preview was the backend's answer, to the point.
    assert preview.startswith(f"Points (preview): {earned} — ")
    assert [c.name for c in till.sale.campaigns] == [CAMPAIGN]
    receipt = till.window.receipt_panel.text
    assert CAMPAIGN in receipt
    assert "expire on" in receipt
    assert client.lookup(phone=ALICE_PHONE).balance == before + earned


def test_products_scan_offline_from_the_cached_catalogue(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    products(till)
    till.close()
    backend.stop()
    again = till_factory(backend, data_dir=till.data_dir, wait_ready=False)
    again.wait_online(False)
    entry = products(again)  # from the copy on disk
    assert entry.rules.item(GIFT_CARD) is not None
    scan(again, COFFEE)
    assert again.sale.lines[0].description == "Coffee 250g"
    assert again.sale.lines[0].category == "grocery"


def test_the_manager_sees_the_campaign_and_its_effect_this_shift(
    till_factory: TillFactory, backend: Any
) -> None:
    from tests.fixtures.manager import sign_in
    from till.manager import ManagerWindow
    from till.manager.campaigns_view import CampaignsPanel

    till = till_factory(backend)
    products(till)
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    scan(till, MILK)
    till.window.activateWindow()
    QTest.keyClick(till.window, Qt.Key.Key_F5)
    QTest.keyClick(till.window, Qt.Key.Key_F9)
    till.qtbot.waitUntil(lambda: till.sale.earned_points is not None, timeout=15_000)
    given = sum(c.points for c in till.sale.campaigns)
    assert given > 0

    with till.qtbot.waitSignal(till.window.dialog_opened, timeout=10_000) as opened:
        QTest.keyClick(till.window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window = opened.args[0]
    assert isinstance(window, ManagerWindow)
    with till.qtbot.waitSignal(window.unlocked, timeout=10_000):
        sign_in(till.qtbot, window, "manager", "2468")
    panel = window.findChild(CampaignsPanel)
    assert isinstance(panel, CampaignsPanel)
    till.qtbot.waitUntil(lambda: panel.table.rowCount() >= 1 and bool(panel.effect), timeout=15_000)
    cells = [
        [(panel.table.item(r, c) or QTableWidgetItem()).text() for c in range(7)]
        for r in range(panel.table.rowCount())
    ]
    row = next(r for r in cells if r[0] == CAMPAIGN)
    assert row[5] == "x2" and row[6] == str(given)
    assert panel.total_label.text().endswith(f": {given}")
    # The end-of-shift summary (printed) names the campaign and its points too.
    shift = window.shift_summary
    assert shift is not None
    till.qtbot.waitUntil(lambda: shift.summary is not None, timeout=15_000)
    assert shift.summary is not None
    assert any(line.split() == [*CAMPAIGN.split(), str(given)] for line in shift.summary.campaigns)
    assert CAMPAIGN in shift.text_view.toPlainText()
    window.close()
