"""Manager PIN gate against the real backend: only a manager gets in; plain-words refusals."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.manager import sign_in, wait_idle
from till.backend_client import BackendError
from till.manager import ManagerWindow


@pytest.fixture
def manager_backend(manager_module_backend: Any) -> Any:
    """These tests leave no trace on the server (no wrong PIN, no write): one for the module."""
    return manager_module_backend


@pytest.fixture
def window(new_manager_window: Any) -> ManagerWindow:
    window: ManagerWindow = new_manager_window()
    return window


def test_manager_unlocks_and_pin_is_forgotten_on_close(window: ManagerWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.unlocked, timeout=10_000) as signal:
        sign_in(qtbot, window, "manager", "2468")
    session = signal.args[0]
    assert window.tabs is not None and window.stack.currentWidget() is window.tabs
    assert [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())] == [
        "OTP policy",
        "Missed points",
        "Review list",
        "Settings",
        "End of shift",
        "Campaigns",
    ]
    assert session.approval() == {"staff": "manager", "pin": "2468"}
    assert "2468" not in repr(session)
    assert window.login.pin_edit.text() == ""  # not kept in the form
    wait_idle(qtbot, window.ctx.runner)
    window.close()
    assert not session.active
    with pytest.raises(BackendError):
        session.approval()
    assert window.tabs is None and window.stack.currentWidget() is window.login


def test_cashier_is_refused(window: ManagerWindow, qtbot: QtBot) -> None:
    sign_in(qtbot, window, "cashier", "1357")
    assert window.tabs is None
    assert window.login.status.kind == "error"
    assert "Only a manager" in window.login.status.text()
    assert "1357" not in window.login.status.text()


def test_empty_fields_ask_for_name_and_pin(window: ManagerWindow, qtbot: QtBot) -> None:
    sign_in(qtbot, window, "", "")
    assert "name and PIN" in window.login.status.text()


def test_pin_must_be_digits_and_is_not_sent_otherwise(window: ManagerWindow, qtbot: QtBot) -> None:
    sign_in(qtbot, window, "manager", "24x8")
    assert window.login.status.text() == "A PIN is 4 to 8 digits."
    assert window.login.pin_edit.text() == ""


def test_every_control_is_touch_sized(manager_window: Any, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QTableView,
    )

    assert manager_window.tabs.tabBar().height() >= 44
    for name in (
        "policy",
        "missed_points",
        "review",
        "settings",
        "shift_summary",
        "campaigns_view",
    ):
        panel = manager_window.select_tab(name)
        assert panel is not None and panel.isVisible()
        qtbot.waitExposed(manager_window)
        controls = [
            w
            for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
            for w in panel.findChildren(kind)
            if w.isVisible()
            and not isinstance(w.parent(), QComboBox | QAbstractSpinBox | QTableView)
        ]
        assert controls
        small = [
            (name, type(w).__name__, w.text() if hasattr(w, "text") else "")
            for w in controls
            if w.height() < 44
        ]
        assert small == []


def test_review_list_follows_the_sync_worker(
    manager_ctx: Any, new_manager_window: Any, qtbot: QtBot
) -> None:
    from types import SimpleNamespace

    from till.sync_signals import SyncSignals

    manager_ctx.sync_signals = SyncSignals()
    w = new_manager_window()
    sign_in(qtbot, w, "manager", "2468")
    assert w.review is not None and w.review.table.rowCount() == 0
    body = {"op_id": "op-1", "customer_id": 424242, "points": 10, "receipt_no": "R-1"}
    manager_ctx.journal.append("redeem", "424242", body, op_id="op-1")
    manager_ctx.journal.move_to_review("op-1", {"code": "insufficient_points"})
    with qtbot.waitSignal(w.review.changed, timeout=10_000):
        manager_ctx.sync_signals.publish(SimpleNamespace(online=True, review=1))
    assert w.review.table.rowCount() == 1
    assert w.review.table.item(0, 3).text() == "The customer does not have enough points for this."
    assert w.review.table.item(0, 2).text() == "10 points"
    wait_idle(qtbot, manager_ctx.runner)
    w.close()


def test_closing_while_a_request_is_in_flight_is_harmless(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    finder = manager_window.missed_points.finder
    finder.query_edit.setText("+447700900123")
    finder.find_button.click()
    assert manager_ctx.runner.in_flight == 1
    manager_window.close()  # the panels are destroyed before the answer arrives
    wait_idle(qtbot, manager_ctx.runner)
    assert manager_window.manager is None
