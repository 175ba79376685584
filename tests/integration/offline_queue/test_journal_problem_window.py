"""The till's window with a journal problem (issue 11, finding 2): it opens, says so, and
completes no sale (the real window offscreen, the real backend)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from offline_queue.journal_identity import open_checked
from tests.fixtures.till import TillFactory, demo_card
from till.core.sale import SaleState

ALICE_PHONE = "+447700900123"


def test_deleted_journal_opens_the_window_in_the_problem_state(
    till_factory: TillFactory, backend: Any, tmp_path: Path
) -> None:
    data = tmp_path / "till"
    data.mkdir()
    with open_checked(data / "journal.sqlite3") as j:
        j.append("earn", "1", {"customer_id": 1, "amount": "3.00", "receipt_no": "X"})
    (data / "journal.sqlite3").unlink()

    till = till_factory(backend, data_dir=data, wait_ready=False)
    till.qtbot.waitUntil(
        lambda: "Journal problem" in till.window.device_label.text(), timeout=10_000
    )
    assert "call a technician" in till.window.device_label.text()

    balance = till.ctx.client.lookup(phone=ALICE_PHONE).balance
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    till.add_line("25.00")
    till.window.tender("cash")
    till.window.complete()
    till.wait_banner("Journal problem")
    till.wait_idle()
    assert "call a technician" in till.window.banner.text()
    assert till.sale.state != SaleState.COMPLETED
    assert till.ctx.client.lookup(phone=ALICE_PHONE).balance == balance  # nothing sent
    assert not (data / "journal.sqlite3").exists()  # and nothing recreated
