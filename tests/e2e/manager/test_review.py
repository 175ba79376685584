"""Review list: operations the backend refused, retried or cancelled by a manager."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from offline_queue.journal import OpState
from tests.fixtures.manager import wait_idle
from till.backend_client import BackendError, approval
from till.manager.claims import claim_body


@pytest.fixture
def manager_backend(manager_module_backend: Any) -> Any:
    """These tests leave no trace on the server: one backend for the module."""
    return manager_module_backend


def _refused_claim(ctx: Any, customer_id: str = "999999", receipt: str = "R-9001") -> str:
    """Journal a claim for an unknown customer and let the backend refuse it, as sync would."""
    body = claim_body(
        customer_id, receipt, "2026-11-20T10:00:00Z", Decimal("12.50"), approval("manager", "2468")
    )
    op_id = ctx.journal.append("claim", customer_id, body, op_id=body["op_id"])
    try:
        ctx.client.send_journaled("claim", body)
    except BackendError as exc:
        ctx.journal.move_to_review(
            op_id, {"code": exc.code, "status": exc.status, "message": "server words"}
        )
    else:  # pragma: no cover - the backend must refuse it
        raise AssertionError("the backend accepted a claim for an unknown customer")
    return op_id


def _reload(qtbot: QtBot, panel: Any) -> None:
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.refresh_button.click()


def test_review_list_shows_refusals_in_plain_words(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    panel = manager_window.review
    assert panel.table.rowCount() == 0
    assert "Nothing to review" in panel.status.text()
    assert not panel.retry_button.isEnabled()
    _refused_claim(manager_ctx)
    _reload(qtbot, panel)
    assert panel.table.rowCount() == 1
    row = [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
    assert row[0] == "Missed points"
    assert row[1] == "customer 999999"
    assert row[2] == "12.50 (receipt R-9001)"
    assert row[3] == "No loyalty account was found."  # plain words, not "not_found"
    assert row[4].endswith(" s") or row[4].endswith(" min")
    assert panel.retry_button.isEnabled() and panel.cancel_button.isEnabled()


def test_retry_puts_it_back_in_the_queue(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    kicked: list[bool] = []
    panel = manager_window.review
    panel._kick = lambda: kicked.append(True)
    op_id = _refused_claim(manager_ctx)
    _reload(qtbot, panel)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.retry_button, " ")
    assert [op.op_id for op in manager_ctx.journal.pending()] == [op_id]
    assert manager_ctx.journal.review() == []
    assert panel.table.rowCount() == 0
    assert kicked == [True]  # the sync worker is woken to send it now
    assert "Put back in the queue" in panel.status.text()


def test_cancel_asks_first(manager_window: Any, manager_ctx: Any, qtbot: QtBot) -> None:
    panel = manager_window.review
    op_id = _refused_claim(manager_ctx)
    _reload(qtbot, panel)

    panel.cancel_button.click()
    box = panel.confirm_box
    assert box is not None and box.isVisible()
    assert "will not be sent again" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    wait_idle(qtbot, manager_ctx.runner)
    assert manager_ctx.journal.get(op_id).state == OpState.REVIEW
    assert "Kept" in panel.status.text()

    panel.cancel_button.click()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    op = manager_ctx.journal.get(op_id)
    assert op.state == OpState.CANCELLED
    assert op.payload["approval"]["pin"] != "2468"  # secrets scrubbed when given up
    assert panel.table.rowCount() == 0
    assert "Cancelled" in panel.status.text()


def test_item_resolved_meanwhile_is_said_plainly(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    panel = manager_window.review
    op_id = _refused_claim(manager_ctx, receipt=f"R-{uuid.uuid4().hex[:6]}")
    _reload(qtbot, panel)
    manager_ctx.journal.retry_review(op_id)  # e.g. another window retried it
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.retry_button.click()
    assert "dealt with meanwhile" in panel.status.text()
    assert panel.table.rowCount() == 0
