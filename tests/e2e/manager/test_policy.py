"""OTP policy (seed 003) edited in the manager area; the backend enforces what was saved."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.manager import wait_idle
from till.backend_client import BackendError, redeem_body


def test_raised_threshold_is_enforced_by_the_backend(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    policy = manager_window.policy
    # Shown as the backend has it (demo: on, 5.00).
    assert policy.required_check.isChecked()
    assert policy.min_edit.text() == "5.00"
    assert "5.00 or more" in policy.status.text()
    policy.min_edit.clear()
    qtbot.keyClicks(policy.min_edit, "20.00")
    with qtbot.waitSignal(policy.saved, timeout=10_000):
        qtbot.keyClick(policy.min_edit, "\r")
    assert policy.status.kind == "ok"

    client = manager_ctx.client
    session = client.session()
    assert session.otp_required is True
    assert session.otp_min_value == Decimal("20.00")

    dan = client.lookup(phone="+447700900321")
    # 10.00 worth of points: below the new threshold, no code needed.
    below = client.redeem(redeem_body(str(uuid.uuid4()), dan.id, 1000, "R-POL-1"))
    assert below.points == 1000
    # 25.00 worth: above it, the backend wants the customer's code.
    with pytest.raises(BackendError) as refused:
        client.redeem(redeem_body(str(uuid.uuid4()), dan.id, 2500, "R-POL-2"))
    assert refused.value.code == "otp_required"


def test_policy_off_means_no_code(manager_window: Any, manager_ctx: Any, qtbot: QtBot) -> None:
    policy = manager_window.policy
    policy.required_check.setChecked(False)
    assert not policy.min_edit.isEnabled()
    with qtbot.waitSignal(policy.saved, timeout=10_000):
        policy.save_button.click()
    assert manager_ctx.client.session().otp_required is False
    assert "no code" in policy.status.text()
    carol = manager_ctx.client.lookup(phone="+447700900789")
    done = manager_ctx.client.redeem(redeem_body(str(uuid.uuid4()), carol.id, 2000, "R-POL-3"))
    assert done.points == 2000


def test_bad_minimum_is_refused_before_sending(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    policy = manager_window.policy
    for typed in ["-1", "abc", "1.234", "1e3", "NaN", ""]:
        policy.min_edit.setText(typed)
        policy.save_button.click()
        wait_idle(qtbot, manager_ctx.runner)
        assert policy.status.kind == "error", typed
        assert "0.00 or more" in policy.status.text()
    assert manager_ctx.client.session().otp_min_value == Decimal("5.00")


def test_a_policy_change_shows_in_the_shift_summary_with_its_manager(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    """Finding 10: in plain words, and without pressing Show."""
    policy = manager_window.policy
    policy.required_check.setChecked(False)
    with qtbot.waitSignal(policy.saved, timeout=10_000):
        policy.save_button.click()
    panel = manager_window.shift_summary
    wanted = "OTP policy: no code is asked when points are redeemed."
    qtbot.waitUntil(
        lambda: panel.summary is not None and len(panel.summary.rule_changes) == 1,
        timeout=10_000,
    )
    change = panel.summary.rule_changes[0]
    assert wanted in change and "(manager, till T1)" in change
    assert "otp_" not in change and "False" not in change
    assert change in panel.text_view.toPlainText()
