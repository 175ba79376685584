"""The manager area opened from the real cashier window (Ctrl+M) over the real AppContext."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.fixtures.manager import sign_in
from till.core.sale import Line, Sale, SaleState
from till.manager import ManagerWindow


def test_ctrl_m_opens_the_manager_area_wired_to_the_till(
    backend: Any, till_factory: Any, qtbot: QtBot
) -> None:
    till = till_factory(backend)
    ctx = till.ctx
    sale = Sale(receipt_no="T1-MISSED-1", lines=[Line("lunch", Decimal("18.40"))])
    sale.state = SaleState.COMPLETED
    sale.completed_at = "2026-11-22T12:00:00Z"
    ctx.sale_store.save(sale)

    with qtbot.waitSignal(till.window.dialog_opened, timeout=10_000) as opened:
        qtbot.keyClick(till.window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window = opened.args[0]
    assert isinstance(window, ManagerWindow)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        sign_in(qtbot, window, "manager", "2468")
    till.wait_idle()

    # Missed points from the till's own sale, through the till's journal.
    panel = window.missed_points
    assert panel is not None
    assert panel.sale_combo.count() == 2
    panel.sale_combo.setCurrentIndex(1)
    panel.sale_combo.activated.emit(1)
    assert panel.receipt_edit.text() == "T1-MISSED-1"
    assert panel.preview_label.text() == "Points: 18"
    panel.finder.set_kind("phone")
    panel.finder.query_edit.setText("+447700900987")
    with qtbot.waitSignal(panel.finder.found, timeout=10_000):
        panel.finder.find_button.click()
    with qtbot.waitSignal(panel.submitted, timeout=10_000) as submitted:
        panel.create_button.click()
    assert submitted.args[0].state == "sent"
    assert ctx.journal.get(submitted.args[0].op_id) is not None
    assert ctx.client.lookup(phone="+447700900987").balance == 150 + 18

    # A policy change reaches the cashier's session at once.
    policy = window.policy
    assert policy is not None
    policy.min_edit.setText("12.00")
    with qtbot.waitSignal(policy.saved, timeout=10_000):
        policy.save_button.click()
    qtbot.waitUntil(lambda: ctx.session.otp_min_value == Decimal("12.00"), timeout=10_000)

    manager = window.manager
    window.close()
    assert manager is not None and not manager.active
    till.wait_idle()
