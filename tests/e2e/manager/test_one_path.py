"""The manager's writes leave by the one submission path (issue 11), through the window.

- A missed-points claim and a correction hold the sync worker's guard for the customer's
  account (``ctx.sync``), like every sale operation: the worker and the window never send to
  one account at the same time, and a claim never overtakes the customer's queued ops.
- A redemption in the review list (findings 1 and 3) can be retried only while its sale
  still waits for that points tender; once the receipt was paid another way the only way out
  is "Cancel on the backend", after which the backend refuses that op_id for ever.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from offline_queue.journal import OpState
from offline_queue.sync import SyncWorker
from tests.fixtures.manager import fill_claim, find_customer, wait_idle
from till.backend_client import BackendError, redeem_body
from till.core.parts import Line, Member, Redemption, SaleState, Tender
from till.core.sale import Sale
from till.sale_store import SaleStore

FRANK = "+447700900987"  # demo customer, 150 points
BOB = "+447700900456"  # demo customer, 350 points


@pytest.fixture
def manager_ctx(manager_ctx: Any, tmp_path: Path) -> Iterator[Any]:
    """The shared manager context plus the till's sync worker (not started: nothing is sent
    behind the test's back) whose guard records the accounts held, and a sale store."""
    worker = SyncWorker(manager_ctx.journal, manager_ctx.client)
    held: list[str] = []
    real = worker.sending

    @contextmanager
    def sending(account: str) -> Iterator[None]:
        held.append(account)
        with real(account):
            yield

    worker.sending = sending  # type: ignore[method-assign]
    manager_ctx.sync = worker
    manager_ctx.held = held
    manager_ctx.sale_store = SaleStore(tmp_path / "sales.sqlite3")
    try:
        yield manager_ctx
    finally:
        manager_ctx.sale_store.close()


# -- c: claims and corrections hold the guard ---------------------------------------------


def test_a_claim_goes_through_the_guard(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    panel = manager_window.missed_points
    find_customer(qtbot, panel.finder, "phone", FRANK)
    frank = manager_ctx.client.lookup(phone=FRANK)
    fill_claim(panel, "R-GUARD-1", "12.00")
    with qtbot.waitSignal(panel.submitted, timeout=10_000) as signal:
        qtbot.keyClick(panel.create_button, Qt.Key.Key_Space)
    assert signal.args[0].state == "sent"
    assert manager_ctx.held == [frank.id]
    assert manager_ctx.client.lookup(phone=FRANK).balance == frank.balance + 12


def test_a_correction_goes_through_the_guard(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    panel = manager_window.missed_points
    client = manager_ctx.client
    bob = client.lookup(phone=BOB)
    find_customer(qtbot, panel.finder, "phone", BOB)
    fill_claim(panel, "R-GUARD-2", "20.00")
    with qtbot.waitSignal(panel.submitted, timeout=10_000):
        panel.create_button.click()
    manager_ctx.held.clear()

    find_customer(qtbot, panel.finder, "phone", FRANK)
    correction = panel.correction
    find_customer(qtbot, correction.finder, "phone", BOB)
    wait_idle(qtbot, manager_ctx.runner)
    assert correction.transactions[0].receipt_no == "R-GUARD-2"
    correction.table.selectRow(0)
    correction.reason_edit.setText("given to the wrong phone number")
    with qtbot.waitSignal(correction.corrected, timeout=10_000) as signal:
        qtbot.keyClick(correction.reason_edit, Qt.Key.Key_Return)
    result = signal.args[0]
    assert (result.reverse.state, result.claim.state) == ("sent", "sent")
    # Both linked operations under the wrong customer's account (their journal order).
    assert manager_ctx.held == [bob.id, bob.id]


# -- d: a redemption in review is never charged to a receipt paid another way ------------------


def _redemption_in_review(ctx: Any, points: int = 100) -> tuple[str, dict[str, Any], Any]:
    """A redemption the backend refused (to review) for Bob's sale, never applied."""
    bob = ctx.client.lookup(phone=BOB)
    op_id = str(uuid.uuid4())
    body = redeem_body(op_id, bob.id, points, f"R-REV-{op_id[:6]}")
    ctx.journal.append("redeem", bob.id, body, op_id=op_id)
    ctx.journal.move_to_review(op_id, {"code": "invalid_request", "status": 422})
    return op_id, body, bob


def _sale(op_id: str, bob: Any, *, waiting: bool) -> Sale:
    member = Member(bob.id, bob.name, bob.phone, bob.status, bob.balance)
    sale = Sale(receipt_no="R-REV", member=member, lines=[Line("Coffee", Decimal("5.00"))])
    if waiting:  # the points tender is still unconfirmed and wanted
        sale.redemption = Redemption(op_id=op_id, points=100, value=Decimal("1.00"))
    else:  # the cashier took cash instead: the sale is paid and completed
        sale.tenders = [Tender("cash", Decimal("5.00"))]
        sale.state = SaleState.COMPLETED
    return sale


def _show_review(qtbot: QtBot, window: Any) -> Any:
    panel = window.review
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.refresh_button, Qt.Key.Key_Space)
    return panel


def test_paid_another_way_only_cancel_on_the_backend(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    op_id, body, bob = _redemption_in_review(manager_ctx)
    manager_ctx.sale_store.save(_sale(op_id, bob, waiting=False))
    panel = _show_review(qtbot, manager_window)
    assert panel.table.item(0, 0).text() == "Redemption"
    assert not panel.retry_button.isEnabled()
    assert "can't be sent again" in panel.why_label.text()
    assert panel.cancel_button.text() == "&Cancel on the backend…"
    qtbot.keyClick(panel.retry_button, Qt.Key.Key_Space)  # disabled: nothing happens
    wait_idle(qtbot, manager_ctx.runner)
    assert manager_ctx.journal.get(op_id).state == OpState.REVIEW

    qtbot.keyClick(panel.cancel_button, Qt.Key.Key_Space)
    box = panel.confirm_box
    assert box is not None and "can never be charged" in box.text()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(box.button(QMessageBox.StandardButton.Yes), Qt.Key.Key_Space)
    assert "Cancelled on the backend" in panel.status.text()
    assert manager_ctx.journal.get(op_id).state == OpState.CANCELLED
    # Settled for good: the same op_id is refused, the points stay.
    with pytest.raises(BackendError) as refused:
        manager_ctx.client.send_journaled("redeem", body)
    assert refused.value.code == "op_cancelled"
    assert manager_ctx.client.lookup(phone=BOB).balance == bob.balance


def test_retry_only_while_the_sale_waits_checked_again_at_the_click(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    op_id, _body, bob = _redemption_in_review(manager_ctx)
    waiting = _sale(op_id, bob, waiting=True)
    manager_ctx.sale_store.save(waiting)
    panel = _show_review(qtbot, manager_window)
    assert panel.retry_button.isEnabled() and panel.why_label.text() == ""

    # Meanwhile the cashier pays another way (F5): the cancel is asked for on the sale.
    assert waiting.redemption is not None
    waiting.redemption.cancelling = True
    manager_ctx.sale_store.save(waiting)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.retry_button, Qt.Key.Key_Space)
    assert "can't be sent again" in panel.status.text()
    assert manager_ctx.journal.get(op_id).state == OpState.REVIEW
    assert not panel.retry_button.isEnabled()

    # A sale that still waits for it: Retry puts it back in the queue.
    waiting.redemption.cancelling = False
    manager_ctx.sale_store.save(waiting)
    panel = _show_review(qtbot, manager_window)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.retry_button, Qt.Key.Key_Space)
    assert manager_ctx.journal.get(op_id).state == OpState.PENDING
