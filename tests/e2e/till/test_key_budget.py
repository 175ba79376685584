"""The key budget of issue 12: how many keys each loyalty flow costs the cashier.

Why count: every extra key at a busy counter is paid for on every sale. Keys are counted
from the moment the sale's lines are in (entering items is the same with or without a
member) to the completed sale. Typed text (the phone number, the points, the code) is
counted apart, as the budget says: "N keys + the number". All input is key events sent to
the focused widget; a swipe comes from the (fake) reader, as at the till.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.fixtures.till import Till, TillFactory, demo_card
from till.core.sale import RedemptionState, SaleState
from till.redeem_dialog import RedeemDialog

CAROL_PHONE = "+447700900789"


@dataclass
class Keys:
    till: Till
    keys: list[str] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)

    def press(self, k: Qt.Key) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        QTest.keyClick(widget, k)
        self.keys.append(k.name)

    def type(self, text: str) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None
        QTest.keyClicks(widget, text)
        self.typed.append(text)


def lines_in(till: Till, amount: str) -> Keys:
    """The items (not counted): description, Enter, amount, Enter."""
    till.window.activateWindow()
    till.window.sale_panel.description_edit.setFocus()
    items = Keys(till)
    items.type("Groceries")
    items.press(Qt.Key.Key_Return)
    items.type(amount)
    items.press(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: bool(till.sale.lines))
    return Keys(till)


def test_swipe_and_earn_take_two_keys(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    keys = lines_in(till, "25.00")
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    keys.press(Qt.Key.Key_F5)  # cash for what is due
    keys.press(Qt.Key.Key_F9)  # complete: the points are earned
    till.wait_state(SaleState.COMPLETED)
    assert till.sale.earned_points == 25
    assert len(keys.keys) <= 2, keys.keys


def phone_and_earn(till: Till) -> Keys:
    keys = lines_in(till, "25.00")
    keys.press(Qt.Key.Key_F2)
    keys.type("07700900123")
    keys.press(Qt.Key.Key_Return)
    till.wait_member("Alice Demo")
    keys.press(Qt.Key.Key_F5)
    keys.press(Qt.Key.Key_F9)
    till.wait_state(SaleState.COMPLETED)
    assert till.sale.earned_points == 25
    assert keys.typed == ["07700900123"]
    return keys


def test_phone_and_earn_today_take_four_keys_and_the_number(
    till_factory: TillFactory, backend: Any
) -> None:
    """The measured figure (F2, Enter, F5, F9), so a regression beyond it fails too."""
    keys = phone_and_earn(till_factory(backend))
    assert keys.keys == ["Key_F2", "Key_Return", "Key_F5", "Key_F9"]


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="issue 12 key budget: phone + earn is F2, Enter, F5, F9 = 4 keys + the number "
    "(budget 3); one key less needs cash (F5) to complete the sale, a main-window change",
)
def test_phone_and_earn_take_three_keys_and_the_number(
    till_factory: TillFactory, backend: Any
) -> None:
    keys = phone_and_earn(till_factory(backend))
    assert len(keys.keys) <= 3, keys.keys


def test_redemption_with_a_code_takes_four_keys_the_points_and_the_code(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    keys = lines_in(till, "20.00")
    till.swipe(demo_card("Carol")["swipe"])
    till.wait_member("Carol Test")
    keys.press(Qt.Key.Key_F4)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RedeemDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.points_edit)
    keys.type("2000")  # the whole 20.00 due
    keys.press(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.challenge is not None, timeout=10_000)
    till.wait_idle()
    code = backend.last_otp_for(CAROL_PHONE)
    assert code is not None
    keys.type(code)
    keys.press(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.sale.redemption.state == RedemptionState.COMMITTED
    assert till.sale.redemption.points == 2000
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    keys.press(Qt.Key.Key_F9)
    till.wait_state(SaleState.COMPLETED)
    assert keys.typed == ["2000", code]
    assert len(keys.keys) <= 4, keys.keys
