"""Refused manager sign-ins that change the server's state (PIN counters) or stop it."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.manager import sign_in
from till.manager import ManagerWindow
from till.manager.login import LOCKED, WRONG_PIN


@pytest.fixture
def window(new_manager_window: Any) -> ManagerWindow:
    window: ManagerWindow = new_manager_window()
    return window


def test_wrong_pin_then_lockout_in_plain_words(window: ManagerWindow, qtbot: QtBot) -> None:
    sign_in(qtbot, window, "manager", "0000")
    assert window.login.status.text() == WRONG_PIN
    assert window.tabs is None
    for _ in range(4):
        sign_in(qtbot, window, "manager", "0000")
    assert window.login.status.text() == LOCKED
    # Locked: even the right PIN is refused now, with the same plain words.
    sign_in(qtbot, window, "manager", "2468")
    assert window.login.status.text() == LOCKED
    assert window.tabs is None


def test_backend_down_is_said_plainly(
    window: ManagerWindow, manager_ctx: Any, qtbot: QtBot
) -> None:
    manager_ctx.backend.stop()
    sign_in(qtbot, window, "manager", "2468")
    assert "cannot be reached" in window.login.status.text()
    assert window.tabs is None
