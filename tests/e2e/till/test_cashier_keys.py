"""Cashier findings of issue 12, driven only by key events sent to the focused widget.

Why keys: the findings were seen by a cashier at a keyboard (Enter in the points dialog,
focus after adding a line); poking widgets or calling slots would hide exactly those bugs.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.fixtures.till import Till, TillFactory, demo_card, till_config
from till.core.sale import RedemptionState
from till.redeem_dialog import RedeemDialog
from till.registration_dialog import RegistrationDialog

CAROL_PHONE = "+447700900789"


def focused(till: Till) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(till: Till, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(till), k, mod)


def type_text(till: Till, text: str) -> None:
    QTest.keyClicks(focused(till), text)


def enter_line(till: Till, description: str, amount: str) -> None:
    """Description, Enter, amount, Enter: the cashier's way of adding a line."""
    type_text(till, description)
    key(till, Qt.Key.Key_Return)
    type_text(till, amount)
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: any(x.description == description for x in till.sale.lines))


def sms_points(backend: Any, phone: str) -> list[str]:
    """The texts of the code SMS sent to ``phone`` (the outbox is a JSON-lines file)."""
    lines = backend.sms_outbox.read_text(encoding="utf-8").splitlines()
    return [m["text"] for m in map(json.loads, lines) if m.get("to") == phone]


def carol_sale(till: Till, amount: str = "80.00") -> None:
    till.swipe(demo_card("Carol")["swipe"])
    till.wait_member("Carol Test")
    till.window.activateWindow()
    till.window.sale_panel.description_edit.setFocus()  # where the till starts a sale
    enter_line(till, "Groceries", amount)


def open_points(till: Till) -> RedeemDialog:
    key(till, Qt.Key.Key_F4)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RedeemDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.points_edit)
    return dialog


def test_enter_in_points_asks_exactly_those_points(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    carol_sale(till)
    dialog = open_points(till)
    type_text(till, "1500")
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.otp, timeout=10_000)
    till.wait_idle()
    assert dialog.points == 1500
    assert any("1500" in t or "1,500" in t for t in sms_points(backend, CAROL_PHONE))
    code = backend.last_otp_for(CAROL_PHONE)
    assert code is not None
    assert QApplication.focusWidget() is dialog.otp.code_edit
    type_text(till, code)
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    r = till.sale.redemption
    assert r.state == RedemptionState.COMMITTED and r.points == 1500
    assert r.value == Decimal("15.00")


def test_enter_in_amount_asks_the_points_for_that_amount(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    carol_sale(till)
    dialog = open_points(till)
    key(till, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.amount_edit
    type_text(till, "12.00")
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.otp, timeout=10_000)
    till.wait_idle()
    code = backend.last_otp_for(CAROL_PHONE)
    assert code is not None
    type_text(till, code)
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.sale.redemption.points == 1200


def test_focus_returns_to_description_after_a_line(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    till.window.activateWindow()
    till.window.sale_panel.description_edit.setFocus()
    enter_line(till, "Coffee beans", "4.50")
    enter_line(till, "Milk", "1.20")
    assert [x.description for x in till.sale.lines] == ["Coffee beans", "Milk"]


def test_send_again_resends_the_points_asked_on_the_same_challenge(
    till_factory: TillFactory, backend_factory: Any
) -> None:
    fast = backend_factory(extra_args=["--otp-resend-interval", "1"])
    till = till_factory(fast, config=till_config(otp_resend_cooldown_s=1))
    carol_sale(till)
    dialog = open_points(till)
    type_text(till, "1500")
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.challenge is not None, timeout=10_000)
    first = dialog.challenge
    assert first is not None
    till.qtbot.waitUntil(dialog.otp.resend_button.isEnabled, timeout=10_000)
    key(till, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    till.qtbot.waitUntil(lambda: "new code was sent" in dialog.otp.sent_label.text())
    texts = sms_points(fast, CAROL_PHONE)
    asked = ("spend 1500 points", "spend 1,500 points")  # with or without the separator
    assert len(texts) == 2 and all(any(a in t for a in asked) for t in texts), texts
    assert dialog.challenge is not None
    assert dialog.challenge.challenge_id == first.challenge_id
    assert dialog.challenge.expires_at == first.expires_at  # the timer is not restarted
    assert not dialog.otp.resend_button.isEnabled()  # the cool-down runs again
    code = fast.last_otp_for(CAROL_PHONE)
    assert code is not None
    type_text(till, code)
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.sale.redemption.points == 1500


def test_use_the_most_cannot_change_the_points_once_a_code_is_asked(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    carol_sale(till)
    dialog = open_points(till)
    type_text(till, "1500")
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.challenge is not None, timeout=10_000)
    key(till, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert dialog.points == 1500


def find_by_typing(till: Till, text: str) -> None:
    """F2, the text, Enter: the one field takes a phone or the number printed on a card."""
    till.window.activateWindow()
    key(till, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is till.window.member_panel.phone_edit
    type_text(till, text)
    key(till, Qt.Key.Key_Return)


def test_a_damaged_swipe_then_the_printed_card_number_finds_the_member(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    till.swipe("%E?;E?")
    till.wait_banner("printed on the card")
    find_by_typing(till, "LC7Q2M9X")
    till.wait_member("Carol Test")
    find_by_typing(till, "5829163047")  # digits that are also a possible phone: a card first
    till.wait_member("Bob Sample")
    find_by_typing(till, "07700900123")  # a phone stays a phone
    till.wait_member("Alice Demo")


def test_an_unassigned_printed_card_number_opens_registration_with_the_card(
    till_factory: TillFactory, backend: Any
) -> None:
    from till.registration_dialog import RegistrationDialog

    till = till_factory(backend)
    find_by_typing(till, demo_card("unassigned")["number"])
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RegistrationDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RegistrationDialog)
    assert dialog.card == demo_card("unassigned")["number"]


def test_registration_shows_the_typed_phone_in_national_form(
    till_factory: TillFactory, backend: Any
) -> None:
    from till.registration_dialog import RegistrationDialog

    till = till_factory(backend)
    find_by_typing(till, "07700900999")
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RegistrationDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RegistrationDialog)
    assert dialog.phone_edit.text() == "07700 900999"
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name_edit)
    type_text(till, "Grace New")
    key(till, Qt.Key.Key_Return)
    till.wait_member("Grace New")
    assert till.sale.member.phone == "07700 900999"
    assert till.ctx.client.lookup(phone="+447700900999").name == "Grace New"


def test_the_invalid_phone_banner_goes_once_the_cashier_types_on(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    find_by_typing(till, "12345")
    till.wait_banner("not a phone number for United Kingdom")
    key(till, Qt.Key.Key_Backtab)
    key(till, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is till.window.sale_panel.description_edit
    type_text(till, "Tea")
    assert till.window.banner.text() == ""
    find_by_typing(till, "12345")
    till.wait_banner("not a phone number")
    type_text(till, "0")  # typing a new number in the same field
    assert till.window.banner.text() == ""


def offline_alice(till: Till, backend: Any) -> str:
    """Alice seen online once (cached), then the backend stops: the next swipe is offline."""
    swipe = str(demo_card("Alice")["swipe"])
    till.swipe(swipe)
    till.wait_member("Alice Demo")
    backend.stop()
    till.wait_online(False)
    till.window.activateWindow()
    key(till, Qt.Key.Key_F10)
    till.swipe(swipe)
    till.qtbot.waitUntil(lambda: till.sale.member is not None, timeout=10_000)
    assert till.sale.member.offline and till.window.member_panel.offline_badge.isVisible()
    return swipe


def test_points_pending_goes_once_nothing_is_pending(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    offline_alice(till, backend)
    till.window.sale_panel.description_edit.setFocus()
    enter_line(till, "Groceries", "25.00")
    key(till, Qt.Key.Key_F5)
    key(till, Qt.Key.Key_F9)
    till.wait_banner("Points pending")
    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=15_000)
    till.qtbot.waitUntil(
        lambda: till.window.pending_label.text() == "Pending operations: 0", timeout=15_000
    )
    assert "Points pending" not in till.window.banner.text()


def test_the_member_panel_is_live_again_when_the_backend_is_back(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    offline_alice(till, backend)
    panel = till.window.member_panel
    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: not panel.offline_badge.isVisible(), timeout=15_000)
    assert not till.sale.member.offline
    live = till.ctx.client.lookup(phone="+447700900123").balance
    assert panel.balance_label.text() == f"{live:,} points"


def still_open(till: Till, dialog: RegistrationDialog) -> bool:
    return till.window.dialog is not None and dialog.isVisible()


def registration_for_a_new_card(till: Till) -> RegistrationDialog:
    find_by_typing(till, demo_card("unassigned")["number"])
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RegistrationDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RegistrationDialog)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.phone_edit)
    return dialog


def test_enter_in_the_registration_walks_phone_then_name_and_registers(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    dialog = registration_for_a_new_card(till)
    key(till, Qt.Key.Key_Return)  # nothing typed yet: said, nothing sent
    assert "needed" in dialog.message_label.text() and still_open(till, dialog)
    type_text(till, "07700900555")
    key(till, Qt.Key.Key_Return)  # on to the name, not "the name is needed"
    assert QApplication.focusWidget() is dialog.name_edit
    assert dialog.message_label.text() == "" and still_open(till, dialog)
    type_text(till, "Heidi New")
    key(till, Qt.Key.Key_Return)
    till.wait_member("Heidi New")
    assert till.ctx.client.lookup(phone="+447700900555").name == "Heidi New"


def test_a_national_phone_registered_again_is_refused_as_a_duplicate(
    till_factory: TillFactory, backend: Any
) -> None:
    """Issue 12's acceptance: Alice's number in national form is hers; registering it for
    someone else is refused, in words, and no second member is made."""
    till = till_factory(backend)
    dialog = registration_for_a_new_card(till)
    type_text(till, "07700 900123")  # Alice Demo's, as the customer says it
    key(till, Qt.Key.Key_Tab)
    type_text(till, "Alice Again")
    key(till, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: "already" in dialog.message_label.text().lower(), timeout=10_000)
    assert still_open(till, dialog) and till.sale.member is None
    assert till.ctx.client.lookup(phone="+447700900123").name == "Alice Demo"
