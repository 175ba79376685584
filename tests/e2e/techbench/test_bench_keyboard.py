"""The technician bench driven from the keyboard only (issue 12, findings 12 and 3): Ctrl+T
from the till, the manager's sign-in by keys (Enter in each field), no second sign-in
while a manager is signed in, Escape closes it, reads only while it is in front, and it
fits a 1024x768 screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.fixtures.fit import clipped_labels, controls_outside, duplicate_mnemonics
from till.manager import ManagerWindow
from till.techbench.window import TechnicianWindow

ALICE = "40023817"
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_enter(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def bring_to_front(qtbot: QtBot, window: QWidget) -> None:
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def open_bench_by_keys(qtbot: QtBot, till: Any) -> TechnicianWindow:
    bring_to_front(qtbot, till.window)
    with qtbot.waitSignal(till.window.dialog_opened, timeout=10_000) as opened:
        qtbot.keyClick(focused(), Qt.Key.Key_T, CTRL)
    bench = opened.args[0]
    assert isinstance(bench, TechnicianWindow)
    qtbot.addWidget(bench)
    bring_to_front(qtbot, bench)
    return bench


def test_sign_in_by_keys_reads_only_in_front_and_escape_closes(
    qtbot: QtBot, till_factory: Any, backend: Any
) -> None:
    till = till_factory(backend)
    bench = open_bench_by_keys(qtbot, till)
    assert not bench.unlocked
    name, pin = backend.manager
    qtbot.waitUntil(lambda: focused() is bench.login.name_edit)
    type_enter(qtbot, name)  # Enter in the name field goes on to the PIN ...
    assert focused() is bench.login.pin_edit
    type_enter(qtbot, pin)  # ... and Enter in the PIN signs in
    qtbot.waitUntil(lambda: bench.unlocked, timeout=10_000)
    assert bench.signed_in_as == name

    # Behind the till window the bench leaves the swipe alone.
    bring_to_front(qtbot, till.window)
    assert not bench.taking_reads
    till.swipe(f"%{ALICE}?;{ALICE}?\r")
    till.wait_idle()
    assert bench.reads == 0
    # In front, it takes the next one.
    bring_to_front(qtbot, bench)
    assert bench.taking_reads
    till.swipe(f"%{ALICE}?;{ALICE}?\r")
    qtbot.waitUntil(lambda: bench.reads == 1, timeout=10_000)
    assert bench.live.number_label.text() == ALICE

    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not bench.isVisible())


def test_no_second_sign_in_while_a_manager_is_signed_in(
    qtbot: QtBot, till_factory: Any, backend: Any
) -> None:
    till = till_factory(backend)
    bring_to_front(qtbot, till.window)
    with qtbot.waitSignal(till.window.dialog_opened, timeout=10_000) as opened:
        qtbot.keyClick(focused(), Qt.Key.Key_M, CTRL)
    manager = opened.args[0]
    assert isinstance(manager, ManagerWindow)
    bring_to_front(qtbot, manager)
    name, pin = backend.manager
    qtbot.waitUntil(lambda: focused() is manager.login.name_edit)
    type_enter(qtbot, name)
    with qtbot.waitSignal(manager.unlocked, timeout=10_000):
        type_enter(qtbot, pin)

    bench = open_bench_by_keys(qtbot, till)
    assert bench.unlocked and bench.signed_in_as == name
    assert bench.stack.currentWidget() is bench.tabs
    assert "manager sign-in" in bench.status_label.text()
    assert manager.manager is not None and manager.manager.active  # its PIN kept
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not bench.isVisible())
    manager.close()


def test_without_a_manager_the_bench_says_why_it_asks(
    qtbot: QtBot, till_factory: Any, backend: Any
) -> None:
    till = till_factory(backend)
    bench = open_bench_by_keys(qtbot, till)
    assert (
        "a manager signs the technician in"
        in bench.stack.currentWidget().findChild(type(bench.status_label)).text()
    )
    bench.close()


def test_the_bench_fits_1024x768_on_every_tab(
    qtbot: QtBot, till_factory: Any, backend: Any
) -> None:
    till = till_factory(backend)
    bench = open_bench_by_keys(qtbot, till)
    bench.resize(1024, 768)
    # Locked: the sign-in page first.
    assert controls_outside(bench) == [] and clipped_labels(bench) == []
    assert duplicate_mnemonics(bench) == {}
    name, pin = backend.manager
    qtbot.waitUntil(lambda: focused() is bench.login.name_edit)
    type_enter(qtbot, name)
    type_enter(qtbot, pin)
    qtbot.waitUntil(lambda: bench.unlocked, timeout=10_000)
    for index in range(bench.tabs.count()):
        bench.tabs.setCurrentIndex(index)
        assert (bench.width(), bench.height()) == (1024, 768)
        assert controls_outside(bench) == [], bench.tabs.tabText(index)
        assert clipped_labels(bench) == [], bench.tabs.tabText(index)
        assert duplicate_mnemonics(bench) == {}, bench.tabs.tabText(index)
    bench.close()


def test_every_bench_tab_by_keys_enter_in_each_field(
    qtbot: QtBot, till_factory: Any, backend: Any, tmp_path: Any
) -> None:
    till = till_factory(backend)
    bench = open_bench_by_keys(qtbot, till)
    name, pin = backend.manager
    qtbot.waitUntil(lambda: focused() is bench.login.name_edit)
    type_enter(qtbot, name)
    type_enter(qtbot, pin)
    qtbot.waitUntil(lambda: bench.unlocked, timeout=10_000)
    alt = Qt.KeyboardModifier.AltModifier

    qtbot.keyClick(focused(), Qt.Key.Key_M, alt)  # Sample card: the count has the focus
    assert focused() is bench.sample.target_spin
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    type_enter(qtbot, "5")  # Enter in the count starts a session of 5
    assert bench.sample.session.target == 5

    qtbot.keyClick(focused(), Qt.Key.Key_B, alt)  # Barcode backup
    assert focused() is bench.barcode.reference_edit
    type_enter(qtbot, ALICE)  # Enter in the number: on to the folder
    assert focused() is bench.barcode.dir_edit
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    type_enter(qtbot, str(tmp_path / "images"))  # Enter in the folder: generate
    qtbot.waitUntil(lambda: any((tmp_path / "images").glob("*.png")), timeout=20_000)

    qtbot.keyClick(focused(), Qt.Key.Key_D, alt)  # Diagnostics
    assert focused() is bench.diagnostics.card_edit
    type_enter(qtbot, ALICE)  # Enter in the card number: run the checks
    qtbot.waitUntil(lambda: bench.diagnostics.report is not None, timeout=20_000)
    assert bench.diagnostics.report.get("card_known").status == "pass"
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not bench.isVisible())
