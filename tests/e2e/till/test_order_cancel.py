"""A table order cancelled at the till (issue 18 follow-up), by keys, against the real server.

- Voiding the sale that served an order cancels the order on the backend (it is no longer
  left "taken" by this till); the cancel is journaled (kind ``order_cancel``), so it also
  reaches a backend that was away when the sale was voided.
- In the Orders list (Alt+O) Delete asks "Cancel the order of table …?": Enter cancels it,
  Esc keeps it.
- The review list names an order op in words ("Table order paid"), never ``order_paid``.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidgetItem, QWidget

from tests.e2e.till.test_orders import ALICE_PHONE, open_with_ctrl_o, order_state, orders_panel
from tests.fixtures.manager import sign_in
from tests.fixtures.table_guest import api, enable_ordering, guest_at
from tests.fixtures.till import Till, TillFactory
from till.core.sale import SaleState
from till.manager import ManagerWindow
from till.order_cancel_dialog import OrderCancelDialog
from till.orders_panel import OrdersPanel
from till.void_dialog import VoidDialog


def cell(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, mod)


@pytest.fixture
def ordering_backend(backend: Any) -> Any:
    enable_ordering(backend)
    return backend


def void_by_keys(till: Till) -> None:
    press(Qt.Key.Key_F8)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, VoidDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, VoidDialog) and not dialog.needs_approval
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason_edit)
    QTest.keyClicks(focused(), "wrong table")
    press(Qt.Key.Key_Return)
    till.wait_state(SaleState.VOIDED)


def to_the_list(till: Till, order_id: int) -> None:
    panel = orders_panel(till)
    till.qtbot.waitUntil(lambda: any(o.id == order_id for o in panel.orders), timeout=10_000)
    till.window.activateWindow()
    till.window.sale_panel.description_edit.setFocus()
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list)
    till.qtbot.waitUntil(lambda: selected_id(panel) == order_id)


def selected_id(panel: OrdersPanel) -> int | None:
    order = panel.selected()
    return order.id if order is not None else None


def ask_to_cancel(till: Till) -> OrderCancelDialog:
    press(Qt.Key.Key_Delete)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, OrderCancelDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, OrderCancelDialog)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cancel_order_button)
    return dialog


def test_voiding_the_sale_of_an_order_cancels_the_order(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    order_id = guest_at(backend, "11").sign_up(ALICE_PHONE).order({"LATTE": 1, "CAKE": 1})
    open_with_ctrl_o(till, order_id)
    assert order_state(backend, order_id)["state"] == "taken"
    void_by_keys(till)
    till.wait_banner("the order of table 11 is cancelled")
    till.qtbot.waitUntil(
        lambda: order_state(backend, order_id)["state"] == "cancelled", timeout=10_000
    )
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=10_000)
    assert till.ctx.journal.stats().review == 0
    assert all(o.id != order_id for o in orders_panel(till).orders)


def test_a_sale_voided_offline_cancels_its_order_when_the_server_is_back(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    order_id = guest_at(backend, "12").sign_up(ALICE_PHONE).order({"CAKE": 2})
    open_with_ctrl_o(till, order_id, lines=1)
    backend.stop()
    till.wait_online(False)
    void_by_keys(till)
    till.qtbot.waitUntil(
        lambda: [op.kind for op in till.ctx.journal.pending()] == ["order_cancel"],
        timeout=10_000,
    )
    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=20_000)
    assert till.ctx.journal.stats().review == 0
    assert order_state(backend, order_id)["state"] == "cancelled"


def test_delete_in_the_list_asks_then_cancels_the_order(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    guest = guest_at(backend, "14").sign_up(ALICE_PHONE)
    order_id = guest.order({"LATTE": 2})
    to_the_list(till, order_id)
    dialog = ask_to_cancel(till)
    assert "Cancel the order of table 14?" in dialog.question.text()
    assert "gone for good" in dialog.question.text()
    press(Qt.Key.Key_Escape)  # Esc keeps it
    till.qtbot.waitUntil(lambda: till.window.dialog is None)
    assert order_state(backend, order_id)["state"] == "open"
    assert till.ctx.journal.stats().pending == 0

    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is orders_panel(till).list)
    ask_to_cancel(till)
    press(Qt.Key.Key_Return)  # Enter cancels it
    till.qtbot.waitUntil(
        lambda: order_state(backend, order_id)["state"] == "cancelled", timeout=10_000
    )
    panel = orders_panel(till)
    till.qtbot.waitUntil(lambda: "the order is cancelled" in panel.status_label.text())
    assert all(o.id != order_id for o in panel.orders)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=10_000)
    assert till.ctx.journal.stats().review == 0


def test_the_order_being_rung_up_is_voided_not_cancelled_from_the_list(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    order_id = guest_at(backend, "15").sign_up(ALICE_PHONE).order({"LATTE": 1})
    open_with_ctrl_o(till, order_id, lines=1)
    to_the_list(till, order_id)
    press(Qt.Key.Key_Delete)
    panel = orders_panel(till)
    till.qtbot.waitUntil(lambda: "Void the sale (F8)" in panel.status_label.text())
    assert till.window.dialog is None
    assert order_state(backend, order_id)["state"] == "taken"


def test_the_review_list_names_an_order_op_in_words(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    """An order cancelled behind the till's back: its order_paid is refused and reviewed."""
    backend = ordering_backend
    till = till_factory(backend)
    order_id = guest_at(backend, "16").sign_up(ALICE_PHONE).order({"CAKE": 1})
    open_with_ctrl_o(till, order_id, lines=1)
    api(backend, "POST", f"/v1/orders/{order_id}/cancel", {})  # e.g. the same till's script
    press(Qt.Key.Key_F5)
    press(Qt.Key.Key_F9)
    till.wait_state(SaleState.COMPLETED)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().review == 1, timeout=10_000)
    receipt_no = till.sale.receipt_no

    with till.qtbot.waitSignal(till.window.dialog_opened, timeout=10_000) as opened:
        press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window = opened.args[0]
    assert isinstance(window, ManagerWindow)
    with till.qtbot.waitSignal(window.unlocked, timeout=10_000):
        sign_in(till.qtbot, window, *backend.manager)
    review = window.review
    assert review is not None
    till.qtbot.waitUntil(lambda: review.table.rowCount() == 1, timeout=10_000)
    row = [cell(review.table.item(0, c)) for c in range(review.table.columnCount())]
    assert row[:3] == ["Table order paid", f"order {order_id}", f"receipt {receipt_no}"]
    assert "order_paid" not in " ".join(row)
    window.close()
    till.wait_idle()
