"""A reversal the backend lost in a restore, whose approval it can no longer honour, is
approved again by a manager with a PIN in the review list, by keys (issue 11).

The reversal was approved by a manager added after the backend's nightly copy; restored from
that copy the backend has no such manager, so the approval proof the till kept is refused.
The review list says plainly why ("needs a manager's PIN again: the backend lost it in a
restore"), its Retry becomes "Approve with PIN…", and the demo manager's name and PIN put
the reversal through, once.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from offline_queue import OpState
from offline_queue.reconcile import Reconciler
from offline_queue.sync import SyncWorker
from offline_queue.sync_replies import APPROVAL_LOST
from server.embedded import STORE
from tests.integration.server.backups import Backup


def drain(worker: SyncWorker) -> None:
    for _ in range(20):
        if worker.run_once(force=True).sent == 0:
            return
    raise AssertionError(worker.state())


def create_manager(backend: Any, name: str, pin: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "server", "create-staff", "--db", backend.db_url, "--store",
         STORE, "--name", name, "--role", "manager", "--pin", pin],
        env=backend.child_env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_a_lost_approval_is_given_again_with_a_pin_in_the_review_list(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot, request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:  # fmt: skip
    backend, client, journal = manager_ctx.backend, manager_ctx.client, manager_ctx.journal
    worker = SyncWorker(journal, client)
    reconciler = Reconciler(
        journal,
        lambda ids: [{"op_id": s.op_id, "state": s.state} for s in client.ops_status(ids)],
        cancel=lambda op_id: client.cancel_op(op_id).state,
    )
    phone = f"+4477009{uuid.uuid4().int % 10**5:05d}"
    customer = client.create_customer(phone, "Restore Test")
    account, cid = str(customer.id), int(customer.id)
    journal.append("earn", account, {"customer_id": cid, "amount": "300.00", "receipt_no": "RA-1"})
    redeem_op = journal.append(
        "redeem", account, {"customer_id": cid, "points": 100, "receipt_no": "RA-2"}
    )
    drain(worker)
    redemption = journal.get(redeem_op)
    assert redemption is not None and redemption.result is not None
    backup = Backup(backend, "sqlite", request, tmp_path)
    backup.take()

    create_manager(backend, "newboss", "135790")  # after the copy: unknown once restored
    rev_op = journal.append(
        "reverse",
        account,
        {
            "transaction_id": redemption.result["transaction_id"],
            "reason": "sale voided",
            "approval": {"staff": "newboss", "pin": "135790"},
            "reverses_op_id": redeem_op,
        },
    )
    drain(worker)
    acked = journal.get(rev_op)
    assert acked is not None and acked.state == OpState.ACKNOWLEDGED
    assert client.lookup(phone=phone).balance == 300

    backup.restore()
    assert reconciler.run_once().requeued == 1
    drain(worker)
    assert [op.op_id for op in journal.review()] == [rev_op]
    assert client.lookup(phone=phone).balance == 200

    panel = manager_window.review
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.refresh_button.click()
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 3).text() == APPROVAL_LOST  # plain words: why, and what to do
    assert panel.retry_button.text() == "&Approve with PIN…"
    QTest.keyClick(panel.retry_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.reapprove_box is not None and panel.reapprove_box.isVisible())
    box = panel.reapprove_box
    assert box is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.manager_edit)
    name, pin = backend.manager
    manager_edit: QLineEdit = box.manager_edit
    pin_edit: QLineEdit = box.pin_edit
    QTest.keyClicks(manager_edit, name)
    QTest.keyClick(manager_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is pin_edit
    QTest.keyClicks(pin_edit, pin)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        QTest.keyClick(pin_edit, Qt.Key.Key_Return)
    assert panel.table.rowCount() == 0
    assert "Approved again" in panel.status.text()

    drain(worker)
    done = journal.get(rev_op)
    assert done is not None and done.state == OpState.ACKNOWLEDGED
    assert journal.review() == []
    assert client.lookup(phone=phone).balance == 300  # given back, once
    history = client.request("GET", f"/v1/customers/{customer.id}/transactions")
    assert [t["op_id"] for t in history["transactions"]].count(rev_op) == 1
