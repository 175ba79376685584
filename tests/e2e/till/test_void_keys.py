"""Enter in every field of the void dialog (issue 12), by key events to the focused widget.

Enter does the next safe thing from where it is pressed: it voids only once everything the
void needs is given, walks the manager's name on to the PIN (a PIN typed in the name field
would show in clear), and on "Keep the sale" keeps it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.fixtures.till import Till, TillFactory, demo_card
from till.core.sale import RedemptionState, SaleState
from till.redeem_dialog import RedeemDialog
from till.void_dialog import VoidDialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), k, mod)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def ring_up(till: Till, amount: str) -> None:
    till.window.activateWindow()
    till.window.sale_panel.description_edit.setFocus()
    type_text("Groceries")
    key(Qt.Key.Key_Return)
    type_text(amount)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: bool(till.sale.lines))


def open_void(till: Till) -> VoidDialog:
    key(Qt.Key.Key_F8)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, VoidDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, VoidDialog)
    first = dialog.manager_edit if dialog.needs_approval else dialog.reason_edit
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    return dialog


def paid_with_points(till: Till) -> None:
    """Alice pays 1.00 in points (below the code threshold): a void must give them back."""
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    ring_up(till, "4.00")
    key(Qt.Key.Key_F4)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RedeemDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.points_edit)
    type_text("100")
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.sale.redemption.state == RedemptionState.COMMITTED
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def test_enter_in_the_reason_voids_a_sale_without_points(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    ring_up(till, "3.00")
    dialog = open_void(till)
    assert not dialog.needs_approval
    key(Qt.Key.Key_Return)
    till.wait_state(SaleState.VOIDED)
    assert till.window.dialog is None


def test_enter_without_a_reason_voids_nothing(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    ring_up(till, "3.00")
    dialog = open_void(till)
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(Qt.Key.Key_Delete)
    key(Qt.Key.Key_Return)
    assert dialog.message_label.text() == "Give a reason."
    assert till.window.dialog is dialog and till.sale.state == SaleState.OPEN


def test_enter_walks_the_manager_fields_and_voids_once_all_is_given(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    paid_with_points(till)
    dialog = open_void(till)
    assert dialog.needs_approval
    key(Qt.Key.Key_Return)  # no name yet: nothing voided, the name is asked for
    assert till.window.dialog is dialog and till.sale.state == SaleState.OPEN
    assert "manager's name" in dialog.message_label.text()
    name, pin = backend.manager
    type_text(name)
    key(Qt.Key.Key_Return)  # on to the PIN, not a void without one
    assert QApplication.focusWidget() is dialog.pin_edit
    assert till.window.dialog is dialog and till.sale.state == SaleState.OPEN
    assert dialog.message_label.text() == ""
    key(Qt.Key.Key_Return)  # no PIN yet
    assert till.sale.state == SaleState.OPEN and "PIN" in dialog.message_label.text()
    type_text(pin)
    key(Qt.Key.Key_Return)
    till.wait_state(SaleState.VOIDED)
    assert till.sale.redemption.state == RedemptionState.REVERSED


def test_enter_in_the_reason_moves_on_to_the_manager_when_one_is_needed(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    paid_with_points(till)
    dialog = open_void(till)
    key(Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.reason_edit
    key(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.manager_edit
    assert till.window.dialog is dialog and till.sale.state == SaleState.OPEN


def test_enter_on_keep_the_sale_keeps_it(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    ring_up(till, "3.00")
    dialog = open_void(till)
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.cancel_button
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.dialog is None)
    assert till.sale.state == SaleState.OPEN and len(till.sale.lines) == 1
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    # Esc keeps it too, and the F-keys work again at once (the focus is back).
    open_void(till)
    key(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: till.window.dialog is None)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    key(Qt.Key.Key_F9)
    till.wait_state(SaleState.COMPLETED)
