"""Registering a member while the loyalty server is out of reach (issue 11, "one submission
path"): the cashier types the form with the keyboard, the registration is journaled and the
cashier told "Saved: …"; when the backend is back the sync worker registers the member
exactly once. A duplicate found at replay goes to the review list in plain words.

The whole till offscreen against the real backend on loopback, driven by key events."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from offline_queue.op import OpState
from server.claim_tokens import ClaimKey, verify
from tests.fixtures.till import Till, TillFactory
from till.core.sale import SaleState
from till.registration import KIND, POINTS_LATER_MESSAGE, SAVED_MESSAGE
from till.registration_dialog import RegistrationDialog

ALICE_PHONE = "+447700900123"
CLAIM_TILL = ("--store", "DEMO", "--till", "T1")
SAVED_WORDS = f"{SAVED_MESSAGE} {POINTS_LATER_MESSAGE}"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(k: Qt.Key) -> None:
    QTest.keyClick(focused(), k)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def offline_till(till_factory: TillFactory, backend: Any) -> Till:
    """A till that has seen the backend (its session: the store's phone region), then not."""
    till = till_factory(backend)
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.session is not None, timeout=10_000)
    backend.stop()
    till.wait_online(False)
    return till


def register_by_keys(till: Till, phone: str, name: str) -> RegistrationDialog:
    """F7, the phone, Enter (on to the name), the name, Enter: the cashier's way."""
    till.window.activateWindow()
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    key(Qt.Key.Key_F7)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, RegistrationDialog))
    dialog = till.window.dialog
    assert isinstance(dialog, RegistrationDialog)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.phone_edit)
    type_text(phone)
    key(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.name_edit
    type_text(name)
    key(Qt.Key.Key_Return)
    return dialog


def test_offline_registration_is_saved_then_registered_once(
    till_factory: TillFactory, backend: Any
) -> None:
    till = offline_till(till_factory, backend)
    register_by_keys(till, "07700 900557", "Kim Offline")
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=15_000)
    assert till.window.banner.text() == SAVED_WORDS
    assert till.sale.member is None
    [op] = till.ctx.journal.pending()
    assert (op.kind, op.payload["phone"], op.payload["name"]) == (
        KIND,
        "+447700900557",
        "Kim Offline",
    )
    till.qtbot.waitUntil(
        lambda: till.window.pending_label.text() == "Pending operations: 1", timeout=10_000
    )

    backend.start()
    till.wait_banner("Kim Offline is now registered", timeout=30_000)
    kim = till.ctx.client.lookup(phone="+447700900557")
    assert kim.name == "Kim Offline"
    done = till.ctx.journal.get(op.op_id)
    assert done is not None and done.state == OpState.ACKNOWLEDGED and done.result is not None
    assert str(done.result["id"]) == kim.id  # the one member the op made
    stats = till.ctx.journal.stats()
    assert (stats.pending, stats.review) == (0, 0)
    # Kept for offline identification: found by phone with the backend gone again.
    backend.stop()
    till.wait_online(False)
    till.phone("07700 900557")
    till.wait_member("Kim Offline")
    member = till.window.flow.sale.member
    assert member is not None and member.offline


def test_a_duplicate_found_at_replay_goes_to_the_review_list(
    till_factory: TillFactory, backend: Any
) -> None:
    till = offline_till(till_factory, backend)
    register_by_keys(till, "07700 900123", "Alice Again")  # Alice Demo's number
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=15_000)
    assert till.window.banner.text() == SAVED_WORDS
    backend.start()
    till.wait_banner("was not made", timeout=30_000)
    assert till.window.banner.text() == (
        "A registration saved while offline was not made: A member with this phone number "
        "is already registered. A manager can see it in the review list."
    )
    [op] = till.ctx.journal.review()
    assert op.kind == KIND and op.payload["name"] == "Alice Again"
    assert till.ctx.client.lookup(phone=ALICE_PHONE).name == "Alice Demo"
    assert till.ctx.journal.stats().pending == 0


def test_online_the_dialog_says_an_impossible_number_before_saving_anything(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.session is not None, timeout=10_000)
    dialog = register_by_keys(till, "12345", "Lou Wrong")
    assert "not a phone number for United Kingdom" in dialog.message_label.text()
    assert QApplication.focusWidget() is dialog.phone_edit and dialog.isVisible()
    stats = till.ctx.journal.stats()
    assert (stats.pending, stats.review) == (0, 0)
    assert till.ctx.journal.cancelled() == []  # nothing journaled, not even closed
    key(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: till.window.dialog is None)


@pytest.fixture
def claim_key(backend: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ClaimKey:
    """The till's receipt claim key, issued by the backend (as ``till-server`` does)."""
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
    return ClaimKey.parse(made.stdout)


def test_the_sale_of_an_offline_registration_is_claimed_later_with_its_receipt_qr(
    till_factory: TillFactory, backend: Any, claim_key: ClaimKey
) -> None:
    """Issue 17: the member saved offline is not on the sale (no id yet), so the cashier is
    told the sale earns nothing now and how the points come later; the receipt then carries
    the claim QR, and once the registration replays the member claims it at the till."""
    till = offline_till(till_factory, backend)
    till.qtbot.waitUntil(lambda: till.window.receipts.service.claim_key is not None)
    register_by_keys(till, "07700 900558", "Lee Later")
    till.qtbot.waitUntil(lambda: till.window.dialog is None, timeout=15_000)
    assert till.window.banner.text() == SAVED_WORDS
    assert "QR code" in till.window.banner.text()
    assert till.sale.member is None

    till.add_line("12.50")
    key(Qt.Key.Key_F9)  # cash and complete
    till.wait_state(SaleState.COMPLETED)
    service = till.window.receipts.service
    till.qtbot.waitUntil(
        lambda: service.last is not None and service.last.sale.receipt_no == till.sale.receipt_no
    )
    assert service.last is not None
    token = service.last.claim_token
    assert token is not None  # what the banner promised: the receipt's claim QR
    assert verify(token, claim_key.secret).receipt_no == till.sale.receipt_no

    backend.start()
    till.wait_banner("Lee Later is now registered", timeout=30_000)
    till.window.new_sale()
    till.phone("07700 900558")
    till.wait_member("Lee Later")
    till.scan(token, symbology_id="]Q1", fmt="QRCode")
    till.wait_banner("points added", timeout=15_000)
    assert till.ctx.client.lookup(phone="+447700900558").balance > 0
