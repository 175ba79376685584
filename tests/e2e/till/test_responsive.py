"""No call on the GUI thread blocks: with the backend's answers held back (through a
delaying proxy), the window keeps processing events and taking input during a lookup."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer

from tests.fixtures.slow_proxy import SlowProxy
from tests.fixtures.till import TillFactory, demo_card
from till.config import build_config


def test_window_keeps_working_while_a_lookup_is_slow(
    till_factory: TillFactory, backend: Any, slow_proxy_factory: type[SlowProxy]
) -> None:
    proxy = slow_proxy_factory(backend.port)
    # Requests are held, not delayed by a fixed time: however slow the machine, the answer
    # can't land before the checks below; a long timeout keeps a held lookup from failing.
    config = build_config({"backend": {"health_interval_s": 0.3, "timeout_s": 60.0}}, {})
    till = till_factory(backend, base_url=proxy.url, config=config)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    proxy.hold()
    till.swipe(demo_card("Alice")["swipe"])
    till.qtbot.waitUntil(lambda: till.ctx.runner.in_flight > 0)  # the lookup is out
    ticks_before = len(ticks)
    amount = till.window.sale_panel.amount_edit
    amount.setFocus()
    till.qtbot.keyClicks(amount, "7.50")
    # The typed text lands in the field while the member is still being looked up (the
    # keyboard-wedge fallback holds a short burst back for one idle gap, then replays it).
    till.qtbot.waitUntil(lambda: amount.text() == "7.50", timeout=5_000)
    assert till.sale.member is None
    till.qtbot.waitUntil(lambda: len(ticks) >= ticks_before + 10, timeout=5_000)
    assert till.sale.member is None  # still in flight: the timer fired meanwhile
    proxy.release()
    till.wait_member("Alice Demo", timeout=15_000)
    timer.stop()


def test_closing_the_points_dialog_mid_commit_keeps_the_outcome(
    till_factory: TillFactory, backend: Any, slow_proxy_factory: type[SlowProxy]
) -> None:
    from till.core.sale import RedemptionState
    from till.redeem_dialog import RedeemDialog

    proxy = slow_proxy_factory(backend.port)
    till = till_factory(backend, base_url=proxy.url)
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    till.add_line("10.00")
    till.window.redeem()
    dialog = till.window.dialog
    assert isinstance(dialog, RedeemDialog)
    dialog.points_edit.setText("100")
    dialog.points_edit.textEdited.emit("100")
    proxy.delay_s = 1.0
    dialog.redeem_button.click()
    dialog.reject()  # Esc while the backend has not answered yet
    till.qtbot.waitUntil(lambda: till.window.dialog is None)
    till.qtbot.waitUntil(
        lambda: (
            till.sale.redemption is not None
            and till.sale.redemption.state == RedemptionState.COMMITTED
        ),
        timeout=15_000,
    )
    till.wait_idle()
    proxy.delay_s = 0.0
    assert till.sale.due.to_eng_string() == "9.00"
