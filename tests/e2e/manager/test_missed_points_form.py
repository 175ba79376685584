"""The missed-points form's checks and the till's own sales; nothing here writes to the
server, so the module shares one backend."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from tests.fixtures.manager import fill_claim, find_customer, wait_idle
from till.core.sale import Line, Member, Sale, SaleState
from till.manager import sales_from_store
from till.manager.login import ManagerSession
from till.manager.missed_points import MissedPointsPanel
from till.sale_store import SaleStore

FRANK = "+447700900987"  # demo customer, 150 points
BOB = "+447700900456"  # demo customer, 350 points


@pytest.fixture
def manager_backend(manager_module_backend: Any) -> Any:
    return manager_module_backend


def _create(qtbot: QtBot, panel: MissedPointsPanel) -> Any:
    with qtbot.waitSignal(panel.submitted, timeout=10_000) as signal:
        panel.create_button.click()
    return signal.args[0]


def test_missing_fields_are_named(manager_window: Any, manager_ctx: Any, qtbot: QtBot) -> None:
    panel = manager_window.missed_points
    panel.create_button.click()
    assert panel.status.text() == "Find the customer first."
    find_customer(qtbot, panel.finder, "card", "40023817")
    assert "Alice Demo" in panel.finder.result_label.text()
    panel.create_button.click()
    assert "receipt number" in panel.status.text()
    panel.receipt_edit.setText("R-1")
    panel.amount_edit.setText("0")
    panel.create_button.click()
    assert "total" in panel.status.text()
    panel.amount_edit.setText("12.00")
    panel.receipt_edit.setText("R,1")
    panel.create_button.click()
    assert "up to 64 letters" in panel.status.text()
    panel.receipt_edit.setText("R-1")
    panel.store_edit.setText("DEMO STORE")
    panel.create_button.click()
    assert "store code" in panel.status.text()
    panel.store_edit.setText("DEMO")
    panel.when_edit.setDateTime(QDateTime.currentDateTime().addDays(1))
    panel.create_button.click()
    assert "future" in panel.status.text()
    wait_idle(qtbot, manager_ctx.runner)
    assert manager_ctx.journal.pending() == []


def test_unknown_and_inactive_customers(manager_window: Any, qtbot: QtBot) -> None:
    panel = manager_window.missed_points
    finder = panel.finder
    finder.set_kind("phone")
    finder.query_edit.setText("+447700900000")
    finder.find_button.click()
    wait_idle(qtbot, panel._runner)
    assert finder.customer is None
    assert "No loyalty account" in finder.result_label.text()
    find_customer(qtbot, finder, "phone", "+447700900654")
    assert "INACTIVE" in finder.result_label.text()
    fill_claim(panel, "R-7003", "5.00")
    panel.create_button.click()
    assert "inactive" in panel.status.text()


def test_pick_a_sale_from_the_till(manager_ctx: Any, qtbot: QtBot, tmp_path: Path) -> None:
    """The till's own completed sales without a member can be picked instead of typed."""
    store = SaleStore(tmp_path / "sales.sqlite3")
    missed = Sale(receipt_no="T1-000042", lines=[Line("coffee", Decimal("27.50"))])
    missed.state = SaleState.COMPLETED
    missed.completed_at = "2026-01-02T10:30:00Z"
    voided = Sale(receipt_no="T1-000043", lines=[Line("tea", Decimal("3.00"))])
    voided.state = SaleState.VOIDED
    with_member = Sale(receipt_no="T1-000044", lines=[Line("cake", Decimal("4.00"))])
    with_member.state = SaleState.COMPLETED
    with_member.member = Member("1", "Alice Demo", "+447700900123", "active", 100)
    for sale in (missed, voided, with_member):
        store.save(sale)
    panel = MissedPointsPanel(
        manager_ctx.client,
        manager_ctx.runner,
        manager_ctx.journal,
        ManagerSession("manager", "2468"),
        sales=sales_from_store(store),
    )
    qtbot.addWidget(panel)
    panel.load()
    wait_idle(qtbot, manager_ctx.runner)
    store.close()
    assert panel.sale_combo.count() == 2  # "(type the receipt)" + the one missed sale
    qtbot.keyClick(panel.sale_combo, Qt.Key.Key_Down)  # keyboard only
    panel.sale_combo.activated.emit(panel.sale_combo.currentIndex())
    assert panel.receipt_edit.text() == "T1-000042"
    assert panel.amount_edit.text() == "27.50"
    assert panel.preview_label.text() == "Points: 27"
    expected = int(datetime(2026, 1, 2, 10, 30, tzinfo=UTC).timestamp())
    assert panel.when_edit.dateTime().toSecsSinceEpoch() == expected
