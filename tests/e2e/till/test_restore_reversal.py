"""The backend restored from an older backup after a manager voided a sale paid with points
(issue 11): the till kept no PIN, only the backend's approval proof, and one reconcile check
puts the reversal back in the ledger, once, with nothing for a manager to review.

Driven by keys like a cashier and a manager (tests/e2e/till/test_void_keys.py): points paid,
the sale voided with the manager's name and PIN. The backend's database is copied between
the two, and restored after the void, which loses the reversal from its ledger.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from offline_queue import OpState
from offline_queue.redaction import REDACTED
from tests.e2e.till.test_void_keys import key, open_void, paid_with_points, type_text
from tests.fixtures.till import TillFactory
from tests.integration.server.backups import Backup
from till.backend_client import BackendClient
from till.core.sale import RedemptionState, SaleState

ALICE_PHONE = "+447700900123"


def test_a_voided_points_sale_stays_voided_after_a_restore(
    till_factory: TillFactory, backend: Any, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    till = till_factory(backend)
    client = BackendClient(backend.url, backend.api_key)
    before = client.lookup(phone=ALICE_PHONE).balance
    paid_with_points(till)
    journal = till.ctx.journal
    till.qtbot.waitUntil(lambda: journal.stats().pending == 0, timeout=15_000)
    assert client.lookup(phone=ALICE_PHONE).balance == before - 100
    backup = Backup(backend, "sqlite", request, tmp_path)
    backup.take()  # the nightly copy: the redemption is in it, the void is not

    dialog = open_void(till)
    assert dialog.needs_approval
    name, pin = backend.manager
    type_text(name)
    key(Qt.Key.Key_Return)
    type_text(pin)
    key(Qt.Key.Key_Return)
    till.wait_state(SaleState.VOIDED)
    assert till.sale.redemption.state == RedemptionState.REVERSED
    till.qtbot.waitUntil(lambda: journal.stats().pending == 0, timeout=15_000)
    reversals = [op for op in journal.acknowledged_since(0, 0, 100) if op.kind == "reverse"]
    assert len(reversals) == 1
    reversal = reversals[0]
    assert reversal.payload["approval"]["pin"] == REDACTED  # the till kept no PIN
    assert client.lookup(phone=ALICE_PHONE).balance == before

    backup.restore()
    assert client.lookup(phone=ALICE_PHONE).balance == before - 100  # the void is gone
    reconciler = till.ctx.reconciler
    assert reconciler is not None
    report = reconciler.run_once()
    assert (report.error, report.requeued) == (None, 1)
    till.qtbot.waitUntil(lambda: journal.stats().pending == 0, timeout=20_000)
    resent = journal.get(reversal.op_id)
    assert resent is not None and resent.state == OpState.ACKNOWLEDGED, resent
    assert journal.stats().review == 0  # no manager needed: the proof approved it again
    assert client.lookup(phone=ALICE_PHONE).balance == before  # given back, once
    customer = client.lookup(phone=ALICE_PHONE)
    history = BackendClient(backend.url, backend.api_key).request(
        "GET", f"/v1/customers/{customer.id}/transactions"
    )
    ops = [t["op_id"] for t in history["transactions"]]
    assert ops.count(reversal.op_id) == 1
