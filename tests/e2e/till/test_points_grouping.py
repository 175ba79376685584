"""Points on the cashier's screen are grouped as the store writes numbers (issue 17):
``1,240`` (en_GB), ``1.240`` (de_DE), ``1 240`` (uk_UA), in the member panel and the
points dialog (F4) — one formatting module (``till.formatting``).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.e2e.till.test_store_locale import set_store
from tests.fixtures.till import TillFactory, demo_card
from till.redeem_dialog import RedeemDialog

# Alice Demo holds 1240 points (server/demo_data.py)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


@pytest.mark.parametrize(
    ("locale", "grouped", "cap"),
    [("en_GB", "1,240", "1,200"), ("de_DE", "1.240", "1.200"), ("uk_UA", "1 240", "1 200")],
)
def test_points_are_grouped_in_the_stores_locale(
    till_factory: TillFactory, backend: Any, locale: str, grouped: str, cap: str
) -> None:
    done = set_store(backend, "--locale", locale)
    assert done.returncode == 0, done.stderr
    till = till_factory(backend)
    till.window.activateWindow()
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    assert till.window.member_panel.balance_label.text().startswith(grouped + " ")
    till.window.sale_panel.description_edit.setFocus()
    QTest.keyClicks(focused(), "Groceries")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QTest.keyClicks(focused(), "50.00")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: bool(till.sale.lines))
    QTest.keyClick(focused(), Qt.Key.Key_F4)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RedeemDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    assert grouped in dialog.info_label.text()  # "The customer has 1.240 points ..."
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.points_edit)
    QTest.keyClicks(focused(), "1200")
    till.qtbot.waitUntil(lambda: dialog.value_label.text().startswith(cap + " "))
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: till.window.dialog is None)
