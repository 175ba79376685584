"""Every manager flow driven by keys only (issue 12): key events go to whatever widget has
the focus (``QApplication.focusWidget()``), as a keyboard would deliver them; the tests
never click, call a panel's methods or set a field. Enter is pressed in every field of
every form: it goes on to the next field, and in the last one it submits."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.fixtures.manager import wait_idle

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(
    qtbot: QtBot, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), k, mods)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def enter(qtbot: QtBot) -> None:
    key(qtbot, Qt.Key.Key_Return)


def replace_text(qtbot: QtBot, text: str) -> None:
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, text)


def signed_in(qtbot: QtBot, new_manager_window: Any, manager_ctx: Any) -> Any:
    window = new_manager_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.waitUntil(lambda: focused() is window.login.name_edit)
    name, pin = manager_ctx.backend.manager
    type_text(qtbot, name)
    enter(qtbot)  # Enter in the name: on to the PIN
    assert focused() is window.login.pin_edit
    type_text(qtbot, pin)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        enter(qtbot)  # Enter in the PIN: sign in
    wait_idle(qtbot, manager_ctx.runner)
    return window


def test_policy_and_the_shift_summary_by_keys(
    qtbot: QtBot, new_manager_window: Any, manager_ctx: Any
) -> None:
    window = signed_in(qtbot, new_manager_window, manager_ctx)
    policy = window.policy
    assert focused() is policy.required_check  # the first tab's first field
    enter(qtbot)  # Enter on the check box: on to the minimum
    assert focused() is policy.min_edit
    replace_text(qtbot, "12.00")
    with qtbot.waitSignal(policy.saved, timeout=10_000):
        enter(qtbot)
    assert manager_ctx.client.session().otp_min_value == Decimal("12.00")

    key(qtbot, Qt.Key.Key_H, ALT)  # End of shift: current without pressing Show
    summary = window.shift_summary
    qtbot.waitUntil(lambda: "12.00 or more" in summary.text_view.toPlainText(), timeout=10_000)
    assert focused() is summary.from_edit
    enter(qtbot)  # Enter in From: on to To
    assert focused() is summary.to_edit
    with qtbot.waitSignal(summary.ready, timeout=10_000):
        enter(qtbot)  # Enter in To: show
    wait_idle(qtbot, manager_ctx.runner)

    key(qtbot, Qt.Key.Key_P, ALT)
    assert focused() is policy.required_check
    key(qtbot, Qt.Key.Key_Space)  # untick "OTP is mandatory": the minimum is disabled ...
    with qtbot.waitSignal(policy.saved, timeout=10_000):
        enter(qtbot)  # ... so Enter on the check box saves
    assert not manager_ctx.client.session().otp_required

    key(qtbot, Qt.Key.Key_L, ALT)  # Close and lock
    qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible())


def test_missed_points_by_keys_with_a_national_phone(
    qtbot: QtBot, new_manager_window: Any, manager_ctx: Any
) -> None:
    window = signed_in(qtbot, new_manager_window, manager_ctx)
    key(qtbot, Qt.Key.Key_M, ALT)
    panel = window.missed_points
    assert focused() is panel.finder.query_edit
    type_text(qtbot, "07700 900987")  # Frank, as the customer says it
    with qtbot.waitSignal(panel.finder.found, timeout=10_000):
        enter(qtbot)
    assert focused() is panel.receipt_edit  # this test's till has no sales to pick from
    type_text(qtbot, "T1-KEYS-1")
    enter(qtbot)
    assert focused() is panel.when_edit  # the default: now
    enter(qtbot)
    assert focused() is panel.store_edit  # the store's code, already there
    enter(qtbot)
    assert focused() is panel.amount_edit
    type_text(qtbot, "18.40")
    with qtbot.waitSignal(panel.submitted, timeout=10_000) as submitted:
        enter(qtbot)
    assert submitted.args[0].state == "sent"
    assert manager_ctx.client.lookup(phone="+447700900987").balance == 150 + 18


def test_settings_by_keys_enter_walks_every_field_then_saves(
    qtbot: QtBot, new_manager_window: Any, manager_ctx: Any, memory_keyring: Any
) -> None:
    window = signed_in(qtbot, new_manager_window, manager_ctx)
    key(qtbot, Qt.Key.Key_S, ALT)
    settings = window.settings
    order = [settings.url_edit, settings.key_edit, *settings.editors.values()]
    assert focused() is order[0]
    for field in order[1:]:
        enter(qtbot)
        assert focused() is field or field.isAncestorOf(focused())
    with qtbot.waitSignal(settings.saved, timeout=10_000):
        enter(qtbot)
    assert manager_ctx.config_path.exists()


def test_review_tab_is_reachable_and_no_key_does_two_things(
    qtbot: QtBot, new_manager_window: Any, manager_ctx: Any
) -> None:
    window = signed_in(qtbot, new_manager_window, manager_ctx)
    for letter, panel in (
        (Qt.Key.Key_V, window.review),
        (Qt.Key.Key_S, window.settings),
        (Qt.Key.Key_M, window.missed_points),
        (Qt.Key.Key_H, window.shift_summary),
        (Qt.Key.Key_P, window.policy),
    ):
        key(qtbot, letter, ALT)
        assert window.tabs.currentWidget().isAncestorOf(panel)
    wait_idle(qtbot, manager_ctx.runner)
