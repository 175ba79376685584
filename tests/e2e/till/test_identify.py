"""Identification (flow 1): swipe, scan, phone; registration; refusals; product codes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.fixtures.till import TillFactory, demo_card
from till.registration_dialog import RegistrationDialog


def test_swipe_shows_member_whatever_has_focus(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    amount = till.window.sale_panel.amount_edit
    amount.setFocus()
    till.qtbot.keyClicks(amount, "12")
    till.qtbot.waitUntil(lambda: amount.text() == "12")
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    panel = till.window.member_panel
    assert panel.phone_label.text().endswith("123")
    assert "900" not in panel.phone_label.text()  # masked
    assert panel.balance_label.text().endswith("points")
    assert panel.status_label.text() == "Active"
    assert not panel.offline_badge.isVisible()
    assert amount.text() == "12"  # the swipe did not type into the focused field
    assert till.sale.member.name == "Alice Demo"


def test_member_qr_and_barcode_identify_product_code_does_not(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    till.scan(demo_card("Bob")["barcode"], "]C0", "Code128")
    till.wait_member("Bob Sample")
    till.scan(demo_card("Frank")["qr"], "]Q1", "QRCode")  # the app's member QR
    till.wait_member("Frank Nocard")
    product = demo_card("product")["barcode"]
    till.scan(product, "]E0", "EAN13")
    till.wait_banner("product barcode")
    assert till.sale.member.name == "Frank Nocard"


def test_phone_typed_finds_member(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    till.qtbot.keyClick(till.window, Qt.Key.Key_F2)
    till.phone("+44 7700 900456")
    till.wait_member("Bob Sample")


def test_unknown_phone_registers_a_new_member(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    till.phone("+447700900999")
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RegistrationDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RegistrationDialog)
    assert dialog.phone_edit.text() == "07700 900999"  # national form (issue 12)
    dialog.name_edit.setText("Grace New")
    dialog.register_button.click()
    till.wait_member("Grace New")
    assert till.sale.member.balance == 0


def test_unknown_card_registers_with_the_card_attached(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    card = demo_card("unassigned")
    till.swipe(card["swipe"])
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RegistrationDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RegistrationDialog)
    assert dialog.card_label.text() == card["number"]
    dialog.phone_edit.setText("+447700900998")
    dialog.name_edit.setText("Heidi Card")
    dialog.register_button.click()
    till.wait_member("Heidi Card")
    till.window.new_sale()
    till.swipe(card["swipe"])  # the card now belongs to her
    till.qtbot.waitUntil(lambda: till.sale.member is not None)
    assert till.sale.member.name == "Heidi Card"


def test_bank_card_and_inactive_member_are_refused(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    bank = demo_card("bank card")
    till.swipe(bank["swipe"])
    till.wait_banner("bank card")
    assert "4111111111111111" not in till.window.banner.text()
    assert till.sale.member is None
    till.swipe(demo_card("Erin")["swipe"])
    till.wait_banner("inactive")
    assert till.sale.member is None
    till.swipe(demo_card("damaged")["swipe"])
    till.wait_banner("could not be read")
    assert till.sale.member is None


def test_member_can_be_removed_or_changed_before_payment(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    till.swipe(demo_card("Bob")["swipe"])
    till.wait_member("Bob Sample")
    till.qtbot.keyClick(till.window, Qt.Key.Key_F3)
    till.wait_member("No member")
    assert till.sale.member is None
