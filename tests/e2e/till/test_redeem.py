"""Points as a tender (seed 003) against the real backend: below/above the OTP threshold,
wrong code, lockout, resend, expiry, manager override; then earn and void."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.fixtures.till import Till, TillFactory, demo_card, till_config
from till.core.sale import RedemptionState, SaleState
from till.redeem_dialog import RedeemDialog

ALICE_PHONE = "+447700900123"


def _member_sale(till: Till, amount: str = "40.00") -> None:
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    till.add_line(amount, "Groceries")


def _open_redeem(till: Till) -> RedeemDialog:
    till.window.redeem()
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog), till.window.banner.text()
    return dialog


def _otp_page(till: Till, dialog: RedeemDialog, points: int) -> None:
    dialog.points_edit.setText(str(points))
    dialog.points_edit.textEdited.emit(str(points))
    dialog.redeem_button.click()
    till.qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.otp, timeout=10_000)


def test_below_threshold_needs_no_otp_then_earns_on_the_rest(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    _member_sale(till, "40.00")
    before = till.sale.member.balance
    dialog = _open_redeem(till)
    dialog.amount_edit.setText("3.00")
    dialog.amount_edit.textEdited.emit("3.00")
    assert dialog.points == 300
    assert "No code needed" in dialog.policy_label.text()
    dialog.redeem_button.click()
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    r = till.sale.redemption
    assert r.state == RedemptionState.COMMITTED and r.points == 300 and r.value == Decimal("3.00")
    assert backend.last_otp_for(ALICE_PHONE) is None
    assert till.sale.due == Decimal("37.00")
    till.window.tender("cash")
    till.window.complete()
    till.wait_state(SaleState.COMPLETED)
    assert till.sale.earned_points == 37  # earned on the part not paid with points
    assert till.sale.balance_after == before - 300 + 37
    text = till.window.receipt_panel.text
    assert "Points redeemed: 300" in text and "Points earned: 37" in text
    assert f"New balance: {before - 263} points" in text


def test_above_threshold_asks_for_the_sms_code(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    _member_sale(till)
    dialog = _open_redeem(till)
    _otp_page(till, dialog, 1000)  # 10.00 >= 5.00
    assert "***" in dialog.otp.sent_label.text() or "*" in dialog.otp.sent_label.text()
    assert "Time left" in dialog.otp.time_label.text()
    assert not dialog.otp.resend_button.isEnabled()  # cool-down
    code = backend.last_otp_for(ALICE_PHONE)
    assert code is not None and len(code) == 6
    dialog.otp.code_edit.setText(code)
    dialog.otp.confirm_button.click()
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.sale.redemption.state == RedemptionState.COMMITTED
    assert till.sale.redemption.with_otp
    assert code not in till.window.banner.text()


def test_wrong_codes_then_lockout_and_the_journal_is_closed(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    _member_sale(till)
    dialog = _open_redeem(till)
    _otp_page(till, dialog, 1000)
    code = backend.last_otp_for(ALICE_PHONE)
    wrong = "000000" if code != "000000" else "111111"
    for left in (4, 3, 2, 1):
        dialog.otp.code_edit.setText(wrong)
        dialog.otp.confirm_button.click()
        till.qtbot.waitUntil(
            lambda left=left: f"{left} attempt" in dialog.otp.feedback_label.text(),
            timeout=10_000,
        )
        assert till.sale.redemption is None
    dialog.otp.code_edit.setText(wrong)
    dialog.otp.confirm_button.click()
    till.qtbot.waitUntil(lambda: dialog.otp.locked, timeout=10_000)
    assert "locked" in dialog.otp.feedback_label.text().lower()
    assert not dialog.otp.confirm_button.isEnabled()
    till.wait_idle()
    stats = till.ctx.journal.stats()
    assert stats.pending == 0 and stats.review == 0  # refusals closed, not for review
    assert len(till.ctx.journal.cancelled()) == 5


def test_resend_keeps_the_challenge_and_shows_the_cool_down(
    till_factory: TillFactory, backend_factory: Any
) -> None:
    fast = backend_factory(extra_args=["--otp-resend-interval", "1"])
    till = till_factory(fast, config=till_config(otp_resend_cooldown_s=1))
    _member_sale(till)
    dialog = _open_redeem(till)
    _otp_page(till, dialog, 1000)
    first, first_code = dialog.challenge, fast.last_otp_for(ALICE_PHONE)
    assert first is not None and first_code is not None
    assert "Send again in" in dialog.otp.resend_button.text()
    assert not dialog.otp.resend_button.isEnabled()
    till.qtbot.waitUntil(dialog.otp.resend_button.isEnabled, timeout=10_000)
    dialog.otp.resend_button.click()
    till.qtbot.waitUntil(lambda: "new code was sent" in dialog.otp.sent_label.text())
    assert dialog.challenge is not None
    assert dialog.challenge.challenge_id == first.challenge_id  # same challenge
    assert dialog.challenge.expires_at == first.expires_at  # same expiry
    code = fast.last_otp_for(ALICE_PHONE)
    assert code is not None
    dialog.otp.code_edit.setText(code)
    dialog.otp.confirm_button.click()
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.sale.redemption.state == RedemptionState.COMMITTED


def test_resend_refused_by_the_server_says_when(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend, config=till_config(otp_resend_cooldown_s=1))
    _member_sale(till)
    dialog = _open_redeem(till)
    _otp_page(till, dialog, 1000)
    till.qtbot.waitUntil(dialog.otp.resend_button.isEnabled, timeout=10_000)
    dialog.otp.resend_button.click()  # the backend's own limit is 30 s
    till.qtbot.waitUntil(lambda: "cannot be sent yet" in dialog.otp.feedback_label.text())
    assert "Try again in" in dialog.otp.feedback_label.text()
    assert "Send again in" in dialog.otp.resend_button.text()


def test_expired_code_is_refused_and_a_new_one_can_be_sent(
    till_factory: TillFactory, backend_factory: Any
) -> None:
    short = backend_factory(otp_ttl=1)
    till = till_factory(short)
    _member_sale(till)
    dialog = _open_redeem(till)
    _otp_page(till, dialog, 1000)
    code = short.last_otp_for(ALICE_PHONE)
    till.qtbot.waitUntil(lambda: "expired" in dialog.otp.time_label.text(), timeout=10_000)
    assert not dialog.otp.confirm_button.isEnabled()
    # The code reaches the backend after its expiry (the till's clock lagging the backend's):
    # what Enter in the code field emits, sent now; the backend says expired.
    dialog.otp.confirm_requested.emit(code)
    till.qtbot.waitUntil(lambda: "expired" in dialog.otp.feedback_label.text(), timeout=10_000)
    assert till.sale.redemption is None
    assert dialog.otp.resend_button.text() == "Send a new code"
    dialog.otp.resend_button.click()
    till.qtbot.waitUntil(lambda: "Time left" in dialog.otp.time_label.text(), timeout=10_000)


def test_manager_override_is_checked_by_the_server(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    _member_sale(till)
    dialog = _open_redeem(till)
    _otp_page(till, dialog, 1000)
    dialog.otp.override_button.click()
    assert dialog.stack.currentIndex() == 2
    name, pin = backend.manager
    dialog.manager_edit.setText(name)
    dialog.pin_edit.setText("0000" if pin != "0000" else "1111")
    dialog.reason_edit.setText("customer's phone is broken")
    dialog.approve_button.click()
    till.qtbot.waitUntil(lambda: "not right" in dialog.message_label.text(), timeout=10_000)
    assert dialog.pin_edit.text() == ""
    dialog.pin_edit.setText(pin)
    dialog.approve_button.click()
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    r = till.sale.redemption
    assert r.state == RedemptionState.COMMITTED and r.override_by == name


def test_void_reverses_the_committed_redemption(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    _member_sale(till)
    start_balance = till.sale.member.balance
    dialog = _open_redeem(till)
    dialog.points_edit.setText("200")
    dialog.points_edit.textEdited.emit("200")
    dialog.redeem_button.click()
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.ctx.client.lookup(phone=ALICE_PHONE).balance == start_balance - 200
    assert not till.window.member_panel.remove_button.isEnabled()  # payment started
    till.void_with_manager(backend.manager)
    assert till.sale.redemption.state == RedemptionState.REVERSED
    assert till.ctx.client.lookup(phone=ALICE_PHONE).balance == start_balance
    assert "SALE VOIDED" in till.window.receipt_panel.text
