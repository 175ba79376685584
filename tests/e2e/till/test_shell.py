"""The window as a cashier meets it: status bar, keys for every action, touch sizes,
the manager and technician entries, and the demo panel driving the real pipeline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from tests.fixtures.till import TillFactory
from till.redeem_dialog import RedeemDialog

KEYS = ("F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "Ctrl+P")


def test_status_bar_touch_targets_and_keys(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    window = till.window
    assert "Online" in window.backend_label.text()
    till.qtbot.waitUntil(lambda: window.pending_label.text() == "Pending operations: 0")
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLineEdit):
        if widget.isVisible() and not widget.objectName().startswith("qt_"):
            assert widget.height() >= 44, widget.text()
    actions = {a.text().split("\t")[-1] for a in window.menuBar().actions()[0].menu().actions()}
    assert set(KEYS) <= actions


def test_keyboard_only_sale(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    window, bot = till.window, till.qtbot
    bot.keyClick(window, Qt.Key.Key_F2)
    assert window.member_panel.phone_edit.hasFocus()
    window.member_panel.phone_edit.setText("+447700900456")
    bot.keyClick(window.member_panel.phone_edit, Qt.Key.Key_Return)
    till.wait_member("Bob Sample")
    amount = window.sale_panel.amount_edit
    amount.setText("9.99")
    bot.keyClick(amount, Qt.Key.Key_Return)
    bot.waitUntil(lambda: len(till.sale.lines) == 1)
    bot.keyClick(window, Qt.Key.Key_F4)
    assert isinstance(window.dialog, RedeemDialog)
    bot.keyClick(window.dialog, Qt.Key.Key_Escape)
    bot.waitUntil(lambda: window.dialog is None)
    bot.keyClick(window, Qt.Key.Key_F5)
    bot.keyClick(window, Qt.Key.Key_F9)
    bot.waitUntil(lambda: "Points earned: 9" in window.receipt_panel.text, timeout=10_000)


def test_staff_windows_open_from_the_till(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    opened: list[Any] = []
    till.window.dialog_opened.connect(opened.append)
    if till.window.manager_action.isEnabled():
        till.qtbot.keyClick(till.window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        till.qtbot.waitUntil(lambda: bool(opened))
        assert type(opened[-1]).__name__ == "ManagerWindow"
        opened[-1].close()
    if till.window.tech_action.isEnabled():
        window = till.window.open_staff_window("till.techbench", "TechnicianWindow")
        assert window is not None and window.isVisible()
        window.close()


def test_demo_panel_feeds_reads_shows_sms_and_switches_backend(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend, demo=True)
    panel = till.window.demo_panel
    assert panel is not None
    swipe = next(b for b in panel.read_buttons if b.text() == "Swipe Alice Demo")
    swipe.click()
    till.wait_member("Alice Demo")
    till.add_line("20.00")
    till.window.redeem()
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    dialog.points_edit.setText("600")
    dialog.points_edit.textEdited.emit("600")
    dialog.redeem_button.click()
    till.qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.otp, timeout=10_000)
    code = backend.last_otp_for("+447700900123")
    till.qtbot.waitUntil(lambda: code in panel.sms_view.toPlainText(), timeout=10_000)
    dialog.reject()
    panel.backend_button.click()
    till.qtbot.waitUntil(lambda: panel.backend_state.text() == "Backend stopped", timeout=15_000)
    till.wait_online(False)
    assert not backend.running
    panel.backend_button.click()
    till.qtbot.waitUntil(lambda: panel.backend_state.text() == "Backend running", timeout=30_000)
    till.wait_online(True)
    assert backend.running


def test_demo_screenshots_command(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path),
        XDG_CACHE_HOME=str(tmp_path),
    )
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "till", "--demo", "--screenshot", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for name in ("identify", "redeem_otp", "receipt", "offline"):
        data = (out / f"{name}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_the_session_is_fetched_once_per_return_online(
    till_factory: TillFactory, backend: Any
) -> None:
    """Start-up fetches the store's session once: when the backend is first seen online
    (the same edge that refetches it after an outage), not a second time beside it."""
    till = till_factory(backend, wait_ready=False)
    edges: list[bool] = []
    till.ctx.sync_signals.online_changed.connect(edges.append)
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.session is not None, timeout=10_000)
    till.wait_idle()
    fetched = backend.log_path.read_text(encoding="utf-8").count("GET /v1/session ")
    assert edges and fetched == edges.count(True)


def test_demo_panel_reads_the_sms_outbox_once_at_a_time(
    till_factory: TillFactory, backend: Any
) -> None:
    """A busy pool must not pile up outbox reads, one a second, behind each other."""
    till = till_factory(backend, demo=True)
    panel = till.window.demo_panel
    assert panel is not None
    panel.timer.stop()
    till.wait_idle()
    started: list[object] = []
    run = till.ctx.runner.run

    def counting_run(fn: Any, *args: Any, **kw: Any) -> None:
        started.append(fn)
        run(fn, *args, **kw)

    till.ctx.runner.run = counting_run  # type: ignore[method-assign]
    try:
        for _ in range(3):
            panel.refresh_sms()  # the answers come back through the event loop, later
    finally:
        till.ctx.runner.run = run  # type: ignore[method-assign]
    assert len(started) == 1
    till.wait_idle()


def test_the_window_has_the_till_icon(till_factory: TillFactory, backend: Any) -> None:
    till = till_factory(backend)
    assert not till.window.windowIcon().isNull()


def test_a_bench_behind_the_till_leaves_swipes_to_the_till(
    till_factory: TillFactory, backend: Any
) -> None:
    """Issue 12 finding 12: a signed-in bench behind the till window takes no reads, so the
    till must take them — before, both windows dropped the swipe."""
    from tests.fixtures.till import demo_card

    till = till_factory(backend)
    assert till.window.tech_action.isEnabled()
    bench = till.window.open_staff_window("till.techbench", "TechnicianWindow")
    assert bench is not None and bench.isVisible()
    from till.manager.login import ManagerSession

    bench.login.unlocked.emit(ManagerSession(*backend.manager))  # the manager let them in
    till.qtbot.waitUntil(lambda: bench.unlocked)
    till.window.activateWindow()  # the cashier clicked back into the till
    till.qtbot.waitUntil(lambda: not bench.isActiveWindow())
    assert not bench.taking_reads
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    bench.close()
