"""Missed points (seed 004) through the real widgets, journal and backend."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pytestqt.qtbot import QtBot

from offline_queue.journal import OpState
from offline_queue.sync import SyncWorker
from tests.fixtures.manager import fill_claim, find_customer, wait_idle
from till.manager.missed_points import MissedPointsPanel

FRANK = "+447700900987"  # demo customer, 150 points
BOB = "+447700900456"  # demo customer, 350 points


def _create(qtbot: QtBot, panel: MissedPointsPanel) -> Any:
    with qtbot.waitSignal(panel.submitted, timeout=10_000) as signal:
        panel.create_button.click()
    return signal.args[0]


def test_claim_credits_points_once(manager_window: Any, manager_ctx: Any, qtbot: QtBot) -> None:
    panel = manager_window.missed_points
    client, journal = manager_ctx.client, manager_ctx.journal
    assert panel.store_edit.text() == "DEMO"  # defaults to the key's store
    find_customer(qtbot, panel.finder, "phone", FRANK)
    assert "Frank Nocard" in panel.finder.result_label.text()
    fill_claim(panel, "R-7001", "32.00")
    assert panel.preview_label.text() == "Points: 32"  # seed 004: 32.00 -> 32 points
    panel.amount_edit.setText("32.99")
    assert panel.preview_label.text() == "Points: 32"  # rounded down

    outcome = _create(qtbot, panel)
    assert outcome.state == "sent"
    assert panel.status.kind == "ok" and "32 points" in panel.status.text()
    assert client.lookup(phone=FRANK).balance == 150 + 32
    op = journal.get(outcome.op_id)
    assert op.kind == "claim" and op.state == OpState.ACKNOWLEDGED
    assert op.payload["approval"]["pin"] != "2468"  # scrubbed once acknowledged
    claim = client.transactions(client.lookup(phone=FRANK).id)[0]
    assert claim.kind == "claim" and claim.receipt_no == "R-7001"
    assert claim.approved is True and claim.amount == Decimal("32.99")

    # The same receipt again, even for another customer: refused in plain words.
    find_customer(qtbot, panel.finder, "email", "bob@example.com")
    fill_claim(panel, "R-7001", "32.99")
    again = _create(qtbot, panel)
    assert again.state == "refused"
    assert panel.status.kind == "error"
    assert "already given" in panel.status.text()
    assert client.lookup(phone=BOB).balance == 350
    assert journal.get(again.op_id).state == OpState.CANCELLED
    assert journal.review() == [] and journal.pending() == []


def test_claim_offline_stays_pending(manager_window: Any, manager_ctx: Any, qtbot: QtBot) -> None:
    panel = manager_window.missed_points
    find_customer(qtbot, panel.finder, "app_id", "APP-1006")
    manager_ctx.backend.stop()
    fill_claim(panel, "R-7002", "10.00")
    outcome = _create(qtbot, panel)
    assert outcome.state == "pending"
    assert "Saved on this till" in panel.status.text()
    [op] = manager_ctx.journal.pending()
    assert op.op_id == outcome.op_id and op.kind == "claim"
    assert op.payload["receipt_no"] == "R-7002" and op.payload["amount"] == "10.00"
    assert op.payload["store"] == "DEMO" and op.payload["approval"]["staff"] == "manager"


def test_correction_moves_points_in_one_step(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    panel = manager_window.missed_points
    client, journal = manager_ctx.client, manager_ctx.journal
    # The wrong allocation: receipt R-7010 credited to Bob.
    find_customer(qtbot, panel.finder, "phone", BOB)
    fill_claim(panel, "R-7010", "45.00")
    assert _create(qtbot, panel).state == "sent"
    bob = client.lookup(phone=BOB)
    assert bob.balance == 350 + 45

    # Correct it: Frank should have had them.
    find_customer(qtbot, panel.finder, "phone", FRANK)
    correction = panel.correction
    find_customer(qtbot, correction.finder, "phone", BOB)
    wait_idle(qtbot, manager_ctx.runner)
    receipts = [t.receipt_no for t in correction.transactions]
    assert receipts[0] == "R-7010"
    correction.table.selectRow(0)
    correction.move_button.click()
    assert "reason" in correction.status.text()  # a reason is required
    correction.reason_edit.setText("points given to the wrong phone number")
    with qtbot.waitSignal(correction.corrected, timeout=10_000) as signal:
        qtbot.keyClick(correction.reason_edit, "\r")
    result = signal.args[0]
    assert result.reverse.state == "sent" and result.claim.state == "sent"
    assert correction.status.kind == "ok"

    assert client.lookup(phone=BOB).balance == 350
    assert client.lookup(phone=FRANK).balance == 150 + 45
    frank_tx = client.transactions(client.lookup(phone=FRANK).id)[0]
    bob_tx = client.transactions(bob.id)
    reversal = bob_tx[0]
    original = next(t for t in bob_tx if t.receipt_no == "R-7010" and t.kind == "claim")
    assert reversal.kind == "reversal" and reversal.reverses == original.id
    assert reversal.reason == "points given to the wrong phone number"
    assert frank_tx.receipt_no == "R-7010" and frank_tx.corrects == original.id
    for op_id in (result.reverse.op_id, result.claim.op_id):
        assert journal.get(op_id).state == OpState.ACKNOWLEDGED
    # The reversed transaction is no longer offered for a correction.
    wait_idle(qtbot, manager_ctx.runner)
    assert "R-7010" not in [t.receipt_no for t in correction.transactions]


def test_correction_offline_keeps_both_in_order(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot
) -> None:
    panel = manager_window.missed_points
    correction = panel.correction
    find_customer(qtbot, panel.finder, "phone", FRANK)
    find_customer(qtbot, correction.finder, "phone", BOB)
    wait_idle(qtbot, manager_ctx.runner)
    correction.table.selectRow(0)
    tx = correction.selected()
    manager_ctx.backend.stop()
    correction.reason_edit.setText("wrong customer")
    with qtbot.waitSignal(correction.corrected, timeout=10_000) as signal:
        correction.move_button.click()
    result = signal.args[0]
    assert (result.reverse.state, result.claim.state) == ("pending", "pending")
    reverse, claim = manager_ctx.journal.pending()
    assert reverse.kind == "reverse" and reverse.payload["transaction_id"] == int(tx.id)
    assert claim.kind == "claim" and claim.payload["corrects"] == int(tx.id)
    # One account queue, so the replay can never send the claim before the reversal.
    assert reverse.account == claim.account == str(correction.finder.customer.id)
    assert claim.payload["customer_id"] == int(panel.finder.customer.id)

    # The backend returns; the journal's replay applies both, reversal first.
    points = tx.points
    manager_ctx.backend.start()
    worker = SyncWorker(manager_ctx.journal, manager_ctx.client)
    for _ in range(5):
        if not manager_ctx.journal.pending():
            break
        worker.run_once(force=True)
    assert manager_ctx.journal.pending() == [] and manager_ctx.journal.review() == []
    client = manager_ctx.client
    assert client.lookup(phone=BOB).balance == 350 - points
    assert client.lookup(phone=FRANK).balance == 150 + points
