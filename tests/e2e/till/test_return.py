"""Issue 16 end to end: return half the sale later, offline; sync; the balance is right.

The real cashier window offscreen against the real reference server over loopback. The
Return is driven by keys only (F12, the receipt number, Space on the lines, Enter); the
return is journaled while the server is away and replayed once by the sync worker, after
the sale's own earn. The points taken back are the ones the returned lines earned.

Not simulated: the calendar week between the sale and the return. The served backend runs
on its wall clock, so "later" here is minutes; the backend keeps the rules that applied at
the sale, and the return carries its own ``occurred_at``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.e2e.till.test_products import COFFEE, MILK, products, scan
from tests.fixtures.till import Till, TillFactory, demo_card
from till.backend_client import BackendClient
from till.core.sale import SaleState
from till.return_dialog import ReturnDialog
from till.rules_wire import ReturnResult

ALICE_PHONE = "+447700900123"


def key(k: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, k)


def ring_up(till: Till, codes: tuple[str, ...]) -> tuple[str, int, dict[int, int]]:
    """A member's sale of ``codes``, completed online: receipt no, points, points per line."""
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    for code in codes:
        scan(till, code)
    till.window.activateWindow()
    QTest.keyClick(till.window, Qt.Key.Key_F5)
    QTest.keyClick(till.window, Qt.Key.Key_F9)
    till.wait_state(SaleState.COMPLETED, timeout=15_000)
    till.qtbot.waitUntil(lambda: till.sale.earned_points is not None, timeout=15_000)
    op = till.ctx.journal.get(till.sale.earn_op_id)
    assert op is not None and op.result is not None
    per_line = {int(x["line_no"]): int(x["points"]) for x in op.result["lines"]}
    return till.sale.receipt_no, int(till.sale.earned_points), per_line


def pick(till: Till, dialog: ReturnDialog, rows: tuple[int, ...]) -> None:
    """Down to each row, Space on it. Keys outside a text field may be held back a moment
    by the keyboard-wedge fallback (it tells a reader from a person by timing), so each
    key's effect is awaited before the next."""
    for row in rows:
        while (was := dialog.lines_list.currentRow()) < row:
            key(Qt.Key.Key_Down)
            till.qtbot.waitUntil(lambda: dialog.lines_list.currentRow() == was + 1)
        picked = len(dialog.chosen_lines())
        key(Qt.Key.Key_Space)
        till.qtbot.waitUntil(lambda: len(dialog.chosen_lines()) == picked + 1)  # noqa: B023


def open_return(till: Till) -> ReturnDialog:
    # The cashier's keys are back once a dialog closes (till.kiosk_focus), WM or not.
    till.qtbot.waitUntil(lambda: QApplication.activeWindow() is till.window)
    QTest.keyClick(till.window, Qt.Key.Key_F12)  # may be held a moment (see pick)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, ReturnDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, ReturnDialog)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.receipt_edit)
    return dialog


def test_return_half_the_sale_offline_then_sync_and_the_balance_is_right(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    products(till)
    assert "Return (F12)" in [
        b.text() for b in till.window.findChildren(type(till.window.buttons["new"]))
    ]
    client = BackendClient(backend.url, backend.api_key)
    before = client.lookup(phone=ALICE_PHONE).balance
    receipt_no, earned, per_line = ring_up(till, (MILK, COFFEE, MILK, COFFEE))
    assert client.lookup(phone=ALICE_PHONE).balance == before + earned

    backend.stop()
    till.wait_online(False)
    dialog = open_return(till)
    QTest.keyClicks(dialog.receipt_edit, receipt_no)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.lines_list.count() == 4, timeout=15_000)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.lines_list)
    pick(till, dialog, (0, 1))  # milk and coffee: half the sale
    assert dialog.chosen_lines() == (1, 2)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: "when the loyalty server is back" in dialog.message_label.text())
    assert "Return recorded at this till" in till.window.banner.text()
    key(Qt.Key.Key_Return)  # Done
    till.qtbot.waitUntil(lambda: till.window.dialog is None)
    assert till.ctx.journal.stats().pending == 1

    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=20_000)
    taken = per_line[1] + per_line[2]
    assert taken > 0 and taken < earned
    assert client.lookup(phone=ALICE_PHONE).balance == before + earned - taken
    till.wait_banner(f"Return of receipt {receipt_no}")
    assert f"{taken} points taken back" in till.window.banner.text()
    assert till.ctx.journal.stats().review == 0

    # The rest of the sale once more, online this time; then nothing is left to return.
    dialog = open_return(till)
    QTest.keyClicks(dialog.receipt_edit, receipt_no)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.lines_list.count() == 4, timeout=15_000)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.lines_list)
    pick(till, dialog, (2, 3))
    assert dialog.chosen_lines() == (3, 4)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: "Return recorded:" in dialog.message_label.text(), timeout=15_000)
    assert client.lookup(phone=ALICE_PHONE).balance == before
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.dialog is None)

    dialog = open_return(till)
    QTest.keyClicks(dialog.receipt_edit, receipt_no)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.lines_list.count() == 4, timeout=15_000)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.lines_list)
    pick(till, dialog, (0,))
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: "not recorded" in dialog.message_label.text(), timeout=15_000)
    assert "more than is left" in dialog.message_label.text()
    assert client.lookup(phone=ALICE_PHONE).balance == before


def test_a_scanned_receipt_of_another_till_is_returned_by_amount(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    products(till)
    client = BackendClient(backend.url, backend.api_key)
    receipt_no, earned, _ = ring_up(till, (COFFEE, COFFEE))
    balance = client.lookup(phone=ALICE_PHONE).balance
    other = till_factory(backend)  # another till: it never rang this receipt
    dialog = open_return(other)
    other.scan(receipt_no, symbology_id="]C0")  # the receipt's Code 128
    other.qtbot.waitUntil(lambda: dialog.amount_edit.isVisible(), timeout=15_000)
    assert dialog.receipt_edit.text() == receipt_no
    assert "not rung at this till" in dialog.lines_label.text()
    assert QApplication.focusWidget() is dialog.amount_edit
    QTest.keyClicks(dialog.amount_edit, "4.99")
    key(Qt.Key.Key_Return)
    other.qtbot.waitUntil(lambda: "Return recorded:" in dialog.message_label.text(), timeout=15_000)
    # Spread over the sale's lines by the backend, rounded in the customer's favour.
    assert dialog.outcome is not None and dialog.outcome.result is not None
    taken = ReturnResult.from_json(dialog.outcome.result.raw).points_reversed
    assert 0 < taken <= earned // 2
    assert f"{taken} points taken back" in dialog.message_label.text()
    assert client.lookup(phone=ALICE_PHONE).balance == balance - taken
