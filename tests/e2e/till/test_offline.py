"""Offline (flow 8): cached identification, earn journaled, points pending, redemption
refused, status bar; replay exactly once when the backend returns."""

from __future__ import annotations

from typing import Any

from tests.fixtures.till import TillFactory, demo_card
from till.cashier_dialogs import OFFLINE_REDEEM
from till.core.sale import SaleState

ALICE_PHONE = "+447700900123"


def test_offline_earn_is_pending_then_replayed_once(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    swipe = demo_card("Alice")["swipe"]
    till.swipe(swipe)  # seen online once: cached at this till
    till.wait_member("Alice Demo")
    balance = till.sale.member.balance
    assert "Online" in till.window.backend_label.text()

    backend.stop()
    till.wait_online(False)
    assert "Offline" in till.window.backend_label.text()
    till.window.new_sale()
    till.swipe(swipe)
    till.qtbot.waitUntil(lambda: till.sale.member is not None, timeout=10_000)
    assert till.sale.member.offline
    assert till.window.member_panel.offline_badge.isVisible()
    assert "last known" in till.window.member_panel.offline_badge.text()

    till.add_line("25.00")
    till.window.redeem()
    assert till.window.dialog is None
    assert till.window.banner.text() == OFFLINE_REDEEM

    till.window.tender("cash")
    till.window.complete()
    till.wait_state(SaleState.COMPLETED)
    assert till.sale.earned_points is None
    receipt = till.window.receipt_panel.text
    assert "points pending" in receipt
    till.qtbot.waitUntil(
        lambda: till.window.pending_label.text() == "Pending operations: 1", timeout=10_000
    )

    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(
        lambda: till.window.pending_label.text() == "Pending operations: 0", timeout=15_000
    )
    assert till.ctx.client.lookup(phone=ALICE_PHONE).balance == balance + 25
    assert till.ctx.journal.stats().review == 0


def test_unknown_member_offline_is_explained(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    backend.stop()
    till.wait_online(False)
    till.swipe(demo_card("Bob")["swipe"])  # never seen at this till
    till.wait_banner("cannot be reached")
    assert till.sale.member is None


def test_void_while_offline_gives_the_points_back_when_it_returns(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    till.swipe(demo_card("Bob")["swipe"])
    till.wait_member("Bob Sample")
    balance = till.sale.member.balance
    till.add_line("30.00")
    till.window.redeem()
    from till.redeem_dialog import RedeemDialog

    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    dialog.points_edit.setText("300")  # 3.00: below the OTP threshold
    dialog.points_edit.textEdited.emit("300")
    dialog.redeem_button.click()
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.ctx.client.lookup(phone="+447700900456").balance == balance - 300

    backend.stop()
    till.wait_online(False)
    till.void_with_manager(backend.manager)
    till.wait_banner("given back when the server is back")
    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=15_000)
    assert till.ctx.client.lookup(phone="+447700900456").balance == balance
