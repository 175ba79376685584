"""End-of-shift summary: figures equal the backend's ledger; pending and refused from the journal."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from server.demo_data import CUSTOMERS
from tests.fixtures.manager import wait_idle
from till.backend_client import BackendClient, BackendError, approval, redeem_body
from till.manager.claims import claim_body
from till.manager.shift_summary import ShiftSummary


def _activity(ctx: Any) -> None:
    """Earn, redeem with OTP, redeem by override, reverse; one pending and one refused op."""
    client: BackendClient = ctx.client
    alice = client.lookup(phone="+447700900123")
    dan = client.lookup(phone="+447700900321")
    earned = client.earn(str(uuid.uuid4()), alice.id, Decimal("20.00"), "R-SH-1")
    challenge = client.request_otp(dan.id, 600)  # 6.00 >= 5.00: a code is needed
    code = ctx.backend.last_otp_for(dan.phone)
    assert code is not None
    client.redeem(
        redeem_body(str(uuid.uuid4()), dan.id, 600, "R-SH-2", challenge.challenge_id, code)
    )
    manager = approval("manager", "2468")
    client.redeem(
        redeem_body(
            str(uuid.uuid4()), dan.id, 700, "R-SH-3", approval_=manager, reason="phone broken"
        )
    )
    client.reverse(earned.transaction_id, str(uuid.uuid4()), "wrong amount", manager)

    pending = claim_body(dan.id, "R-SH-4", "2026-11-20T10:00:00Z", Decimal("3.00"), manager)
    ctx.journal.append("claim", dan.id, pending, op_id=pending["op_id"])
    refused = claim_body("999999", "R-SH-5", "2026-11-20T10:00:00Z", Decimal("3.00"), manager)
    ctx.journal.append("claim", "999999", refused, op_id=refused["op_id"])
    try:
        client.send_journaled("claim", refused)
    except BackendError as exc:
        ctx.journal.move_to_review(refused["op_id"], {"code": exc.code})


def _from_ledger(client: BackendClient, start: str, end: str) -> dict[str, Any]:
    entries = []
    for demo in CUSTOMERS:
        customer = client.lookup(phone=demo.phone)
        entries += client.transactions(customer.id)
    window = [t for t in entries if start <= _norm(t.created_at) < end]
    redeemed = [t for t in window if t.kind == "redeem" and not t.reversed]
    return {
        "earned_points": sum(t.points for t in window if t.kind in ("earn", "claim")),
        "redeemed_points": sum(-t.points for t in redeemed),
        "redeemed_value": sum((t.value or Decimal(0) for t in redeemed), Decimal("0.00")),
        "redemptions_with_otp": sum(1 for t in redeemed if t.with_otp),
        "redemptions_with_override": sum(1 for t in redeemed if t.with_override),
        "reversals": sum(1 for t in window if t.kind == "reversal"),
    }


def _norm(iso: str) -> str:
    return iso[:19] + "Z"


def test_summary_matches_the_ledger(
    manager_window: Any, manager_ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    _activity(manager_ctx)
    panel = manager_window.shift_summary
    with qtbot.waitSignal(panel.ready, timeout=10_000) as signal:
        panel.show_button.click()
    summary: ShiftSummary = signal.args[0]
    expected = _from_ledger(manager_ctx.client, _norm(summary.start), _norm(summary.end))
    assert expected["redemptions_with_otp"] >= 1 and expected["redemptions_with_override"] >= 1
    assert {k: getattr(summary, k) for k in expected} == expected
    assert (summary.pending, summary.refused) == (1, 1)
    assert (summary.store, summary.till) == ("DEMO", "T1")

    text = panel.text_view.toPlainText()
    assert text == summary.to_text()
    figures = {line.split("  ")[0]: line.split()[-1] for line in text.splitlines() if line}
    assert figures["Points earned"] == str(summary.earned_points)
    assert figures["Points redeemed"] == str(summary.redeemed_points)
    for label in ("with OTP", "manager override", "pending operations", "refused, to review"):
        assert label in text
    txt = panel.save_text(tmp_path / "shift.txt")
    assert txt is not None and txt.read_text() == text
    pdf = panel.save_pdf(tmp_path / "shift.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    # Print opens the system print dialog without blocking the till; cancelling prints nothing.
    panel.print_button.click()
    assert panel.print_dialog is not None and panel.print_dialog.isVisible()
    panel.print_dialog.reject()
    assert panel.print_dialog is None
    assert "printer" not in panel.status.text()

    # A period without activity adds up to nothing.
    panel.from_edit.setDate(panel.from_edit.date().addDays(-30))
    panel.to_edit.setDate(panel.to_edit.date().addDays(-29))
    with qtbot.waitSignal(panel.ready, timeout=10_000) as signal:
        panel.show_button.click()
    empty: ShiftSummary = signal.args[0]
    assert (empty.earned_points, empty.redeemed_points, empty.reversals) == (0, 0, 0)
    assert (empty.pending_in_period, empty.refused_in_period) == (0, 0)


def test_backend_down_is_said_plainly(manager_window: Any, manager_ctx: Any, qtbot: QtBot) -> None:
    panel = manager_window.shift_summary
    manager_ctx.backend.stop()
    panel.show_button.click()
    wait_idle(qtbot, manager_ctx.runner)
    assert panel.status.kind == "error" and "cannot be reached" in panel.status.text()
