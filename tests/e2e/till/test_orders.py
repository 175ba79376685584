"""Member orders from the table at the till (issue 18), end to end over loopback HTTP.

A guest orders as the member web page lets them (table QR -> first password by SMS code ->
login -> cart -> confirm, plain HTTP forms with their CSRF field); the offscreen till's
Orders panel shows the order, Ctrl+O opens it as the sale, the cashier completes it with keys,
the order ends paid with the sale's receipt number and the member's balance grows. Offline:
the backend stops after the order was opened; the sale completes offline and the replay
marks the order paid exactly once.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from tests.fixtures.fit import controls_outside
from tests.fixtures.table_guest import Guest, api, enable_ordering, guest_at
from tests.fixtures.till import Till, TillFactory
from till.core.sale import SaleState
from till.orders_panel import OrdersPanel
from till.table_qr_dialog import TableQrDialog

ALICE_PHONE = "+447700900123"


def orders_panel(till: Till) -> OrdersPanel:
    panel = till.window.findChild(OrdersPanel)
    assert panel is not None
    return panel


def selected_id(panel: OrdersPanel) -> int | None:
    order = panel.selected()
    return order.id if order is not None else None


def press(key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, key, mod)


def order_state(backend: Any, order_id: int) -> dict[str, Any]:
    listed = api(backend, "GET", "/v1/orders")["orders"]
    return next(o for o in listed if o["id"] == order_id)


def open_with_ctrl_o(till: Till, order_id: int, lines: int = 2) -> None:
    panel = orders_panel(till)
    till.qtbot.waitUntil(lambda: any(o.id == order_id for o in panel.orders), timeout=10_000)
    assert panel.isVisible()
    till.window.activateWindow()
    till.window.sale_panel.description_edit.setFocus()
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # one key: the order is the sale
    till.qtbot.waitUntil(
        lambda: len(till.sale.lines) == lines and till.sale.member is not None, timeout=15_000
    )


@pytest.fixture
def ordering_backend(backend: Any) -> Any:
    enable_ordering(backend)
    return backend


def test_an_order_from_the_table_is_paid_at_the_till(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    before = till.ctx.client.lookup(phone=ALICE_PHONE)
    order_id = guest_at(backend, "12").sign_up(ALICE_PHONE).order({"LATTE": 2, "CAKE": 1})

    panel = orders_panel(till)
    till.qtbot.waitUntil(lambda: bool(panel.orders), timeout=10_000)
    row = panel.list.item(0).text()
    assert "Table 12" in row and "Alice" in row and "3 items" in row
    assert "2 x Latte [LATTE]" in panel.lines_label.text()

    open_with_ctrl_o(till, order_id)
    sale = till.sale
    assert sorted((x.description, x.amount, x.code) for x in sale.lines) == [
        ("1 x Cake", Decimal("4.25"), "CAKE"),
        ("2 x Latte", Decimal("7.00"), "LATTE"),
    ]
    assert sale.member.id == before.id and not sale.member.offline
    till.wait_member(before.name)  # the whole member: name, balance, phone (masked)
    assert sale.member.balance == before.balance
    assert order_state(backend, order_id)["state"] == "taken"

    press(Qt.Key.Key_F5)  # cash for what is due
    press(Qt.Key.Key_F9)  # complete: points earned, the order paid
    till.wait_state(SaleState.COMPLETED)
    assert till.sale.earned_points is not None and till.sale.earned_points > 0
    receipt_no = till.sale.receipt_no
    till.qtbot.waitUntil(lambda: order_state(backend, order_id)["state"] == "paid", timeout=10_000)
    assert order_state(backend, order_id)["receipt_no"] == receipt_no
    after = till.ctx.client.lookup(phone=ALICE_PHONE)
    assert after.balance == before.balance + till.sale.earned_points
    till.qtbot.waitUntil(lambda: panel.orders == (), timeout=10_000)
    assert till.ctx.journal.stats().pending == 0 and till.ctx.journal.stats().review == 0


def test_an_order_opened_then_finished_offline_is_paid_once_on_replay(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    before = till.ctx.client.lookup(phone=ALICE_PHONE)
    order_id = guest_at(backend, "7").sign_up(ALICE_PHONE).order({"LATTE": 1, "CAKE": 2})
    open_with_ctrl_o(till, order_id)
    assert order_state(backend, order_id)["state"] == "taken"

    backend.stop()
    till.wait_online(False)
    press(Qt.Key.Key_F5)
    press(Qt.Key.Key_F9)
    till.wait_state(SaleState.COMPLETED)
    assert till.sale.earned_points is None  # pending: journaled
    receipt_no = till.sale.receipt_no
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 2, timeout=10_000)
    paid_ops = [op for op in till.ctx.journal.pending() if op.kind == "order_paid"]
    assert [op.payload["order_id"] for op in paid_ops] == [order_id]

    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=20_000)
    assert till.ctx.journal.stats().review == 0
    state = order_state(backend, order_id)
    assert state["state"] == "paid" and state["receipt_no"] == receipt_no
    # The same operation replayed again (a lost answer) changes nothing: exactly once.
    op = paid_ops[0]
    again = till.ctx.client.send_ops([{"op_id": op.op_id, "kind": op.kind, "body": op.payload}])
    assert again[0]["status"] in (200, 201), again
    assert order_state(backend, order_id) == state
    earn = till.ctx.journal.get(till.sale.earn_op_id)
    assert earn is not None and earn.result is not None and earn.result["points"] > 0
    after = till.ctx.client.lookup(phone=ALICE_PHONE)
    assert after.balance == before.balance + earn.result["points"]


def test_an_order_opened_while_offline_is_paid_directly_on_replay(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    order_id = guest_at(backend, "8").sign_up(ALICE_PHONE).order({"CAKE": 2})
    panel = orders_panel(till)
    till.qtbot.waitUntil(lambda: [o.id for o in panel.orders] == [order_id], timeout=10_000)
    backend.stop()
    till.wait_online(False)
    open_with_ctrl_o(till, order_id, lines=1)  # not taken: the backend is away; the list's copy
    till.wait_banner("marked paid when the server is back")
    assert till.sale.member.offline and till.sale.member.name == "Alice"
    press(Qt.Key.Key_F5)
    press(Qt.Key.Key_F9)
    till.wait_state(SaleState.COMPLETED)
    receipt_no = till.sale.receipt_no
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 2, timeout=10_000)
    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=20_000)
    assert till.ctx.journal.stats().review == 0
    state = order_state(backend, order_id)
    assert (state["state"], state["receipt_no"]) == ("paid", receipt_no)


def test_a_new_table_qr_from_the_till_ends_the_old_one(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    old = guest_at(backend, "3")
    assert old.get().status_code == 200
    till.window.activateWindow()
    till.window.sale_panel.description_edit.setFocus()
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # a new seating at a table
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, TableQrDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, TableQrDialog)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table_edit)
    QTest.keyClicks(dialog.table_edit, "3")
    press(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.qr is not None, timeout=10_000)
    assert dialog.qr is not None and "/t/" in dialog.qr.url
    assert not dialog.image_label.pixmap().isNull()
    assert old.get().status_code >= 400  # the previous seating's code no longer orders
    assert Guest(backend, dialog.qr.url).get().status_code == 200
    press(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: till.window.dialog is None)


def test_the_orders_member_is_identified_with_balance(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    before = till.ctx.client.lookup(phone=ALICE_PHONE)
    order_id = guest_at(backend, "9").sign_up(ALICE_PHONE).order({"LATTE": 1, "CAKE": 1})
    open_with_ctrl_o(till, order_id)
    assert not till.sale.member.offline
    till.wait_member(before.name)
    assert till.sale.member.balance == before.balance


def test_the_list_is_driven_by_keys_and_fits_a_small_screen(
    till_factory: TillFactory, ordering_backend: Any
) -> None:
    backend = ordering_backend
    till = till_factory(backend)
    guest = guest_at(backend, "5").sign_up(ALICE_PHONE)
    first, second = guest.order({"LATTE": 1}), guest.order({"CAKE": 3})
    panel = orders_panel(till)
    till.qtbot.waitUntil(lambda: [o.id for o in panel.orders] == [first, second], timeout=10_000)
    window = till.window
    assert window.minimumSizeHint().height() <= 768  # the panel is one short row
    window.resize(1024, 768)
    till.qtbot.waitUntil(lambda: (window.width(), window.height()) == (1024, 768))
    assert panel.isVisible() and controls_outside(window) == []
    for button in (panel.open_button, panel.rotate_button):
        assert button.height() >= 44, button.text()
    assert window.receipt_panel.print_button.height() >= 44

    window.activateWindow()
    window.sale_panel.description_edit.setFocus()
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # to the list: the oldest is selected
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list)
    assert selected_id(panel) == first
    press(Qt.Key.Key_Down)
    assert selected_id(panel) == second
    assert "3 x Cake [CAKE]" in panel.lines_label.text()
    press(Qt.Key.Key_Return)  # Enter in the list opens it, as Ctrl+O does
    till.qtbot.waitUntil(lambda: [x.code for x in till.sale.lines] == ["CAKE"], timeout=10_000)
    assert till.sale.lines[0].amount == Decimal("12.75")
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale_panel.description_edit)
    # While the sale is rung up the panel makes room; the status bar counts what waits.
    till.qtbot.waitUntil(lambda: not panel.isVisible())
    status = [w.text() for w in window.statusBar().findChildren(QLabel)]
    assert "Table orders: 2 (Alt+O)" in status
    press(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # another order on top: refused
    assert "Finish, park (F11) or void this sale first" in window.banner.text()
    assert [x.code for x in till.sale.lines] == ["CAKE"]
    press(Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # a look at the list, then back
    till.qtbot.waitUntil(lambda: panel.isVisible() and QApplication.focusWidget() is panel.list)
    press(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sale_panel.description_edit)
    assert not panel.isVisible()


def test_a_sale_restored_after_a_power_cut_still_pays_its_order(
    till_factory: TillFactory, ordering_backend: Any, tmp_path: Path
) -> None:
    backend = ordering_backend
    data = tmp_path / "till"
    first = till_factory(backend, data_dir=data)
    order_id = guest_at(backend, "4").sign_up(ALICE_PHONE).order({"LATTE": 2})
    open_with_ctrl_o(first, order_id, lines=1)
    press(Qt.Key.Key_F5)
    first.qtbot.waitUntil(lambda: first.sale.due == 0)
    first.wait_idle()
    sale_id = first.sale.sale_id
    first.close()  # the power goes: nothing finished the sale

    second = till_factory(backend, data_dir=data)
    second.qtbot.waitUntil(lambda: second.window.recovery_bar.isVisible(), timeout=10_000)
    assert second.sale.sale_id == sale_id
    second.window.activateWindow()
    second.window.sale_panel.description_edit.setFocus()
    second.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(Qt.Key.Key_F9)
    second.wait_state(SaleState.COMPLETED)
    second.qtbot.waitUntil(
        lambda: order_state(backend, order_id)["state"] == "paid", timeout=10_000
    )
    assert order_state(backend, order_id)["receipt_no"] == second.sale.receipt_no
