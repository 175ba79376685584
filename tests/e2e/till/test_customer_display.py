"""The customer display (issue 17), offscreen: it follows the sale the cashier rings up.

``till --customer-display 0`` is what :func:`request_screen` stands for here (the offscreen
platform has one screen; a real till with two screens gets the display on the second).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.fixtures.till import Till, TillFactory, demo_card
from till import customer_display
from till.core.sale import RedemptionState, SaleState
from till.customer_display import OTP_TEXT, CustomerDisplay
from till.redeem_dialog import RedeemDialog

ALICE_PHONE = "+447700900123"
CLAIM_TILL = ("--store", "DEMO", "--till", "T1")


@pytest.fixture
def on_screen_zero(backend: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The display asked for on screen 0, and a claim key for the till (systemd credential)."""
    made = subprocess.run(
        [sys.executable, "-m", "server", "create-claim-key", "--db", backend.db_url, *CLAIM_TILL],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    creds = tmp_path / "credentials"
    creds.mkdir()
    (creds / "till-claim-key").write_text(made.stdout)
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(creds))
    customer_display.request_screen("0")
    yield
    customer_display.request_screen(None)


def display_of(till: Till) -> CustomerDisplay:
    display = till.window.receipts.display
    assert isinstance(display, CustomerDisplay)
    return display


def says(display: CustomerDisplay, fragment: str) -> bool:
    return any(fragment in text for text in display.texts())


def test_the_display_follows_a_member_sale_with_an_sms_code(
    till_factory: TillFactory, backend: Any, on_screen_zero: None
) -> None:
    till = till_factory(backend)
    display = display_of(till)
    assert display.isVisible()
    assert display.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert display.cursor().shape() == Qt.CursorShape.BlankCursor
    assert QApplication.activeWindow() is not display  # the cashier keeps the keyboard
    assert says(display, "Welcome")

    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    till.qtbot.waitUntil(lambda: says(display, "Hello, Alice!"))
    assert not says(display, "Demo")  # first name only: the queue reads this screen too
    assert not says(display, ALICE_PHONE[-3:])
    till.add_line("40.00", "Groceries")
    till.qtbot.waitUntil(lambda: says(display, "This sale earns you 40 points"))
    assert says(display, "Balance: ")

    till.window.redeem()
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    dialog.points_edit.setText("1000")
    dialog.points_edit.textEdited.emit("1000")
    dialog.redeem_button.click()
    till.qtbot.waitUntil(lambda: says(display, OTP_TEXT), timeout=10_000)
    code = backend.last_otp_for(ALICE_PHONE)
    assert code is not None
    assert not says(display, code)
    dialog.otp.code_edit.setText(code)
    dialog.otp.confirm_button.click()
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=10_000)
    assert till.sale.redemption.state == RedemptionState.COMMITTED
    till.qtbot.waitUntil(lambda: not says(display, OTP_TEXT))

    till.window.tender("cash")
    till.window.complete()
    till.wait_state(SaleState.COMPLETED)
    till.qtbot.waitUntil(lambda: says(display, "Thank you, Alice!"))
    assert says(display, f"You earned {till.sale.earned_points} points")
    assert says(display, f"New balance: {till.sale.balance_after} points")
    assert not display.showing_qr


def test_a_sale_without_a_member_shows_the_claim_qr_large(
    till_factory: TillFactory, backend: Any, on_screen_zero: None
) -> None:
    till = till_factory(backend)
    display = display_of(till)
    till.qtbot.waitUntil(lambda: till.window.receipts.service.claim_key is not None)
    till.add_line("12.00")
    till.qtbot.waitUntil(lambda: says(display, "Total: EUR 12.00"))
    till.window.tender("cash")
    till.window.complete()
    till.wait_state(SaleState.COMPLETED)
    till.qtbot.waitUntil(lambda: display.showing_qr)
    assert says(display, "Scan this code with your phone to collect 12 points")
    side = display.qr.pixmap().width()
    assert side >= min(display.width(), display.height()) // 3
    # The next sale clears it.
    till.window.new_sale()
    till.qtbot.waitUntil(lambda: not display.showing_qr)


def test_no_second_screen_no_display(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    assert till.window.receipts.display is None
