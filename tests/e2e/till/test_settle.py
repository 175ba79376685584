"""Issue 11 against the real backend: a refused key is its own state, an unconfirmed points
payment is settled by the backend (cancel) before "not charged", and no points tender is
let through while the online state is unknown."""

from __future__ import annotations

from typing import Any

from tests.fixtures.till import Till, TillFactory, demo_card
from till.backend_client import BackendClient
from till.cashier_dialogs import UNKNOWN_REDEEM
from till.core.sale import RedemptionState, SaleState
from till.redeem_dialog import RedeemDialog

ALICE_PHONE = "+447700900123"


def _member_sale(till: Till, amount: str = "4.00") -> None:
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    till.add_line(amount, "Groceries")


def test_finding_10_no_points_tender_while_online_is_unknown(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    _member_sale(till)
    till.ctx.sync_signals._online = None  # as at start, before the first health answer
    till.window.redeem()
    assert till.window.dialog is None
    assert till.window.banner.text() == UNKNOWN_REDEEM


def test_finding_7_a_refused_key_is_not_offline_and_ops_stay_pending(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    client = BackendClient(backend.url, backend.api_key)
    before = client.lookup(phone=ALICE_PHONE).balance
    _member_sale(till, "12.00")
    till.ctx.client.set_api_key("not-the-key")
    till.window.tender("cash")
    till.window.complete()
    till.wait_state(SaleState.COMPLETED)
    assert till.sale.earned_points is None  # pending, not refused
    till.qtbot.waitUntil(lambda: till.ctx.sync_signals.key_refused, timeout=15_000)
    label = till.window.backend_label.text()
    assert "API key refused" in label and "technician" in label and "Offline" not in label
    assert till.ctx.journal.stats().pending == 1 and till.ctx.journal.stats().review == 0

    till.ctx.client.set_api_key(backend.api_key)
    till.ctx.sync.kick()
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=20_000)
    till.qtbot.waitUntil(lambda: not till.ctx.sync_signals.key_refused, timeout=15_000)
    assert "Online" in till.window.backend_label.text()
    assert client.lookup(phone=ALICE_PHONE).balance == before + 12  # once


def test_finding_1_unconfirmed_points_then_cash_is_settled_by_the_backend(
    till_factory: TillFactory, backend: Any
) -> None:
    """The key is refused while the points are sent: the tender stays unconfirmed (never
    "refused"); paying cash asks the backend to cancel. Whatever the backend answers, the
    receipt and the ledger agree: no points are taken for a sale paid in cash."""
    till = till_factory(backend)
    client = BackendClient(backend.url, backend.api_key)
    before = client.lookup(phone=ALICE_PHONE).balance
    _member_sale(till, "4.00")
    till.window.redeem()
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    dialog.points_edit.setText("100")
    dialog.points_edit.textEdited.emit("100")  # 1.00: below the OTP threshold
    till.ctx.client.set_api_key("not-the-key")
    dialog.redeem_button.click()
    till.qtbot.waitUntil(lambda: "technician" in dialog.message_label.text(), timeout=10_000)
    assert till.sale.redemption is not None
    assert till.sale.redemption.state == RedemptionState.SENDING
    dialog.reject()

    till.window.tender("cash")  # pay another way: cancel first; the key is still refused
    till.wait_idle()
    assert till.sale.redemption is not None and till.sale.tenders == []
    till.window.complete()
    assert till.sale.state == SaleState.OPEN  # blocked while unconfirmed

    till.ctx.client.set_api_key(backend.api_key)
    till.window.tender("cash")
    till.qtbot.waitUntil(
        lambda: (
            till.sale.redemption is None or till.sale.redemption.state == RedemptionState.COMMITTED
        ),
        timeout=15_000,
    )
    points_taken = 100 if till.sale.redemption is not None else 0
    till.window.tender("cash")
    till.window.complete()
    till.wait_state(SaleState.COMPLETED)
    till.ctx.sync.kick()
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=20_000)
    earned = till.sale.earned_points or 0
    assert client.lookup(phone=ALICE_PHONE).balance == before - points_taken + earned
    receipt = till.window.receipt_panel.text
    assert ("Points redeemed: 100" in receipt) == (points_taken == 100)
