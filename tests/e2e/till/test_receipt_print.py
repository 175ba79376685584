"""The receipt as the customer reads it (issue 12, finding 10): times in the store's time
zone, not UTC; Ctrl+P prints at once, never through a print dialog each time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.fixtures.till import TillFactory
from till.core.sale import SaleState
from till.receipt import local_time, store_zone


def test_times_are_in_the_store_zone() -> None:
    paris = ZoneInfo("Europe/Paris")
    assert local_time("2026-01-15T17:30:05Z", paris) == "2026-01-15 18:30:05 CET"
    assert local_time("2026-07-15T17:30:05+00:00", ZoneInfo("Europe/London")).endswith(
        "18:30:05 BST"
    )
    assert store_zone({"store": {"id": "S1", "time_zone": "Europe/Paris"}}) == paris
    assert store_zone({"time_zone": "America/New_York"}) == ZoneInfo("America/New_York")
    assert store_zone({"time_zone": "Not/AZone"}) is not None  # the till's own zone


@pytest.fixture
def paris_till_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The till's own zone is Paris; the store's (the backend's setting) is London."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_ctrl_p_prints_without_a_dialog(
    till_factory: TillFactory, backend: Any, paris_till_clock: None
) -> None:
    till = till_factory(backend)
    window = till.window
    till.phone("+447700900456")
    till.wait_member("Bob Sample")
    till.add_line("9.90")
    window.tender("cash")
    window.complete()
    till.wait_state(SaleState.COMPLETED)
    receipt = window.receipt_panel.text
    stamp = receipt.splitlines()[2]
    assert stamp.endswith((" GMT", " BST")), stamp  # the store's clock, not UTC nor the till's
    dialogs: list[object] = []
    window.dialog_opened.connect(dialogs.append)
    for _ in range(2):
        till.qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        till.qtbot.waitUntil(lambda: "receipt" in window.banner.text().lower())
        assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
    pdf = till.data_dir / "receipts" / f"{till.sale.receipt_no}.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert str(pdf) in window.banner.text()
    assert dialogs == []
