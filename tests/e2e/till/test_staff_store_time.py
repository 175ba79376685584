"""The manager's and technician's windows show the store's time, not the machine's (issue 12).

The till's own clock is in New York on purpose; the store (set on the backend) is in Berlin,
six hours later. Every time those windows show — the end-of-shift period and its "Printed"
line, the till's sales offered for a missed-points claim, the time typed for one, a card
read at the bench — must be Berlin's, as the receipt already is.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.e2e.till.test_store_locale import set_store
from tests.fixtures.manager import sign_in
from tests.fixtures.till import Till, TillFactory
from till.core.sale import SaleState
from till.manager import ManagerWindow
from till.manager.missed_points import SaleRecord
from till.manager.store_time import local_time
from till.techbench.window import TechnicianWindow

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
ALICE = "40023817"  # the demo card the bench tests swipe
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


@pytest.fixture
def berlin_store_new_york_clock(backend: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    done = set_store(backend, "--time-zone", "Europe/Berlin")
    assert done.returncode == 0, done.stderr
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield backend
    monkeypatch.undo()
    time.tzset()


def front(till: Till, window: QWidget) -> None:
    window.raise_()
    window.activateWindow()
    till.qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def a_completed_sale(till: Till) -> str:
    front(till, till.window)
    till.window.sale_panel.description_edit.setFocus()
    QTest.keyClicks(focused(), "Coffee")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QTest.keyClicks(focused(), "3.20")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: bool(till.sale.lines))
    QTest.keyClick(focused(), Qt.Key.Key_F9)  # cash for what is due, complete
    till.wait_state(SaleState.COMPLETED)
    till.wait_idle()
    return str(till.sale.completed_at)


def test_the_manager_window_shows_the_stores_time(
    till_factory: TillFactory, berlin_store_new_york_clock: Any
) -> None:
    backend = berlin_store_new_york_clock
    till = till_factory(backend)
    assert till.ctx.session is not None and till.ctx.session.time_zone == "Europe/Berlin"
    completed_at = a_completed_sale(till)
    with till.qtbot.waitSignal(till.window.dialog_opened, timeout=10_000) as opened:
        QTest.keyClick(focused(), Qt.Key.Key_M, CTRL)
    window = opened.args[0]
    assert isinstance(window, ManagerWindow)
    with till.qtbot.waitSignal(window.unlocked, timeout=10_000):
        sign_in(till.qtbot, window, *backend.manager)

    summary_panel = window.shift_summary
    assert summary_panel is not None
    till.qtbot.waitUntil(lambda: summary_panel.summary is not None, timeout=15_000)
    summary = summary_panel.summary
    assert summary is not None
    text = summary_panel.text_view.toPlainText()
    berlin_day = datetime.now(UTC).astimezone(BERLIN).date()
    assert f"From  {berlin_day:%Y-%m-%d} 00:00" in text  # the store's midnight, in its zone
    assert f"Printed {local_time(summary.made_at, BERLIN)}" in text
    assert local_time(summary.made_at, NEW_YORK) not in text

    panel = window.missed_points
    assert panel is not None
    till.qtbot.waitUntil(lambda: panel.zone is not None and panel.sale_combo.count() >= 2)
    labels = [
        panel.sale_combo.itemText(i)
        for i in range(panel.sale_combo.count())
        if isinstance(panel.sale_combo.itemData(i), SaleRecord)
    ]
    assert any(local_time(completed_at, BERLIN) in label for label in labels), labels
    assert not any(local_time(completed_at, NEW_YORK) in label for label in labels)
    assert panel.when_edit.timeZone().id().data() == b"Europe/Berlin"
    window.close()
    till.wait_idle()


def test_the_technicians_bench_shows_reads_in_the_stores_time(
    till_factory: TillFactory, berlin_store_new_york_clock: Any
) -> None:
    backend = berlin_store_new_york_clock
    till = till_factory(backend)
    front(till, till.window)
    with till.qtbot.waitSignal(till.window.dialog_opened, timeout=10_000) as opened:
        QTest.keyClick(focused(), Qt.Key.Key_T, CTRL)
    bench = opened.args[0]
    assert isinstance(bench, TechnicianWindow)
    till.qtbot.addWidget(bench)
    front(till, bench)
    name, pin = backend.manager
    login = bench.login
    assert login is not None
    till.qtbot.waitUntil(lambda: focused() is login.name_edit)
    QTest.keyClicks(focused(), name)
    QTest.keyClick(focused(), Qt.Key.Key_Return)  # on to the PIN
    QTest.keyClicks(focused(), pin)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: bench.unlocked, timeout=10_000)
    front(till, bench)

    before = datetime.now(UTC)
    till.swipe(f"%{ALICE}?;{ALICE}?\r")
    till.qtbot.waitUntil(lambda: bench.reads == 1, timeout=10_000)
    after = datetime.now(UTC)
    shown = bench.live.source_label.text().rsplit(" ", 1)[-1]  # "Read from … at HH:MM:SS"
    hours = {f"{t.astimezone(BERLIN):%H}" for t in (before, after)}
    assert shown[:2] in hours, (shown, hours)
    assert shown[:2] not in {f"{t.astimezone(NEW_YORK):%H}" for t in (before, after)}
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: not bench.isVisible())
