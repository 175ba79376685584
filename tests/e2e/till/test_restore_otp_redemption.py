"""The backend restored from an older backup after a member paid with points confirmed by
the SMS code (issue 11, seed 003 OTP policy): the till kept no code, only the backend's
proof that the code approved that redemption, and one reconcile check puts the redemption
back in the ledger, once, with nothing for a manager to review.

Driven by keys like a cashier (tests/e2e/till/test_cashier_keys.py): F4, the points, Enter,
the code from the member's SMS, Enter. The backend's database is copied before, and
restored after, which loses the redemption from its ledger.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from offline_queue import OpState
from offline_queue.redaction import REDACTED
from tests.e2e.till.test_cashier_keys import CAROL_PHONE, carol_sale, key, open_points, type_text
from tests.fixtures.till import TillFactory
from tests.integration.server.backups import Backup
from till.backend_client import BackendClient
from till.core.sale import RedemptionState


def test_a_code_confirmed_redemption_is_whole_again_after_a_restore(
    till_factory: TillFactory, backend: Any, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    till = till_factory(backend)
    client = BackendClient(backend.url, backend.api_key)
    before = client.lookup(phone=CAROL_PHONE).balance
    backup = Backup(backend, "sqlite", request, tmp_path)
    backup.take()  # the nightly copy: the redemption is not in it

    carol_sale(till)
    dialog = open_points(till)
    type_text(till, "1500")  # 15.00: above the store's code minimum
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.otp, timeout=10_000)
    till.wait_idle()
    code = backend.last_otp_for(CAROL_PHONE)
    assert code is not None
    type_text(till, code)
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.sale.redemption.state == RedemptionState.COMMITTED
    assert till.sale.redemption.with_otp
    journal = till.ctx.journal
    till.qtbot.waitUntil(lambda: journal.stats().pending == 0, timeout=15_000)
    (redemption,) = [op for op in journal.acknowledged_since(0, 0, 100) if op.kind == "redeem"]
    assert redemption.payload["otp"] == REDACTED  # the till kept no code
    assert redemption.result is not None
    assert str(redemption.result["approval_proof"]).startswith("v1.")
    assert client.lookup(phone=CAROL_PHONE).balance == before - 1500

    backup.restore()
    assert client.lookup(phone=CAROL_PHONE).balance == before  # the redemption is gone
    reconciler = till.ctx.reconciler
    assert reconciler is not None
    report = reconciler.run_once()
    assert (report.error, report.requeued) == (None, 1)
    till.qtbot.waitUntil(lambda: journal.stats().pending == 0, timeout=20_000)
    resent = journal.get(redemption.op_id)
    assert resent is not None and resent.state == OpState.ACKNOWLEDGED, resent
    assert journal.stats().review == 0  # no code needed: the proof approved it again
    assert client.lookup(phone=CAROL_PHONE).balance == before - 1500  # taken once
    customer = client.lookup(phone=CAROL_PHONE)
    history = client.request("GET", f"/v1/customers/{customer.id}/transactions")
    ops = [t["op_id"] for t in history["transactions"]]
    assert ops.count(redemption.op_id) == 1
