"""The customer display follows the redemption dialog's ``otp_awaited`` signal (issue 17),
driven by the cashier's keys only: F4, points, Enter (a code is sent: the display asks the
customer for it), then the code and Enter (the wait ends with the payment), or Ctrl+O (a
manager override: no code awaited any more) and Esc.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.e2e.till.test_customer_display import display_of, on_screen_zero, says
from tests.fixtures.till import Till, TillFactory, demo_card
from till.core.sale import RedemptionState
from till.customer_display import OTP_TEXT
from till.redeem_dialog import RedeemDialog

__all__ = ["on_screen_zero"]  # the fixture, used by name below

CAROL_PHONE = "+447700900789"


def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget: QWidget | None = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, k, mod)


def type_text(text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClicks(widget, text)


def ask_for_points(till: Till, points: str) -> tuple[RedeemDialog, list[bool]]:
    """F4, the points, Enter; with what the dialog's ``otp_awaited`` said from then on."""
    till.window.activateWindow()
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    key(Qt.Key.Key_F4)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RedeemDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.points_edit)
    said: list[bool] = []
    dialog.otp_awaited.connect(said.append)
    type_text(points)
    key(Qt.Key.Key_Return)
    return dialog, said


def carol_sale(till: Till) -> None:
    till.window.activateWindow()
    till.swipe(demo_card("Carol")["swipe"])
    till.wait_member("Carol Test")
    till.window.sale_panel.description_edit.setFocus()
    type_text("Groceries")
    key(Qt.Key.Key_Return)
    type_text("80.00")
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: bool(till.sale.lines))


def test_the_display_asks_for_the_code_until_it_is_entered(
    till_factory: TillFactory, backend: Any, on_screen_zero: None
) -> None:
    till = till_factory(backend)
    display = display_of(till)
    carol_sale(till)
    assert not says(display, OTP_TEXT)
    dialog, said = ask_for_points(till, "1500")
    till.qtbot.waitUntil(lambda: said == [True], timeout=10_000)
    till.qtbot.waitUntil(lambda: says(display, OTP_TEXT))
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.otp.code_edit)
    code = backend.last_otp_for(CAROL_PHONE)
    assert code is not None
    assert not says(display, code)  # the code is never shown to the queue
    type_text(code)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.sale.redemption.state == RedemptionState.COMMITTED
    till.qtbot.waitUntil(lambda: not says(display, OTP_TEXT))
    assert said == [True, False]


def test_a_manager_override_or_esc_ends_the_wait(
    till_factory: TillFactory, backend: Any, on_screen_zero: None
) -> None:
    till = till_factory(backend)
    display = display_of(till)
    carol_sale(till)
    dialog, said = ask_for_points(till, "1500")
    till.qtbot.waitUntil(lambda: says(display, OTP_TEXT), timeout=10_000)
    assert said == [True]
    key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # the phone is not at hand
    till.qtbot.waitUntil(lambda: not says(display, OTP_TEXT))
    assert said == [True, False] and dialog.stack.currentIndex() == 2
    key(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: till.window.dialog is None)
    assert said == [True, False] and not says(display, OTP_TEXT)
