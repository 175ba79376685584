"""Power cut mid-sale (flow 9): the next start finds the sale, finishes its journaled
operations with the same op_ids (nothing charged twice), and offers resume or void."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from offline_queue.journal import Journal
from tests.fixtures.till import Till, TillFactory, demo_card
from till.backend_client import BackendClient, Customer, earn_body, redeem_body
from till.core.sale import Line, Redemption, RedemptionState, Sale, SaleState, Tender, utc_now_iso
from till.identify import member_from
from till.sale_store import SaleStore

ALICE_PHONE = "+447700900123"


def _crashed_state(data_dir: Path, sale: Sale, op: tuple[str, str, dict[str, Any]]) -> None:
    """What a power cut leaves: the sale saved naming its op, the op journaled, no answer."""
    data_dir.mkdir(parents=True, exist_ok=True)
    store = SaleStore(data_dir / "sales.sqlite3")
    store.save(sale)
    store.close()
    journal = Journal(data_dir / "journal.sqlite3")
    kind, account, payload = op
    journal.append(kind, account, payload, op_id=payload["op_id"])
    journal.close()


def _crashed_redemption(
    client: BackendClient, data_dir: Path, receipt_no: str, points: int, value: str
) -> tuple[Customer, Sale, dict[str, Any]]:
    """A power cut after Alice's points payment was journaled: (Alice before, sale, body)."""
    alice = client.lookup(phone=ALICE_PHONE)
    sale = Sale(receipt_no=receipt_no)
    sale.lines.append(Line("Crash test", Decimal("20.00")))
    sale.member = member_from(alice)
    op_id = str(uuid.uuid4())
    sale.redemption = Redemption(op_id=op_id, points=points, value=Decimal(value))
    body = redeem_body(op_id, alice.id, points, sale.receipt_no)
    _crashed_state(data_dir, sale, ("redeem", alice.id, body))
    return alice, sale, body


def _wait_redemption_committed(till: Till, timeout: int) -> None:
    till.qtbot.waitUntil(
        lambda: (
            till.sale.redemption is not None
            and till.sale.redemption.state == RedemptionState.COMMITTED
        ),
        timeout=timeout,
    )


def test_open_sale_is_restored_and_can_be_voided(
    till_factory: TillFactory, backend: Any, tmp_path: Path
) -> None:
    data = tmp_path / "till"
    first = till_factory(backend, data_dir=data)
    first.swipe(demo_card("Alice")["swipe"])
    first.wait_member("Alice Demo")
    first.add_line("12.34", "Bread")
    first.wait_idle()
    sale_id = first.sale.sale_id
    first.close()  # the power goes: nothing finished the sale

    second = till_factory(backend, data_dir=data)
    second.qtbot.waitUntil(lambda: second.window.recovery_bar.isVisible(), timeout=10_000)
    assert second.sale.sale_id == sale_id
    assert second.sale.lines[0].amount == Decimal("12.34")
    assert second.sale.member.name == "Alice Demo"
    second.window.void_recovered_button.click()
    from till.void_dialog import VoidDialog

    dialog = second.window.dialog
    assert isinstance(dialog, VoidDialog) and not dialog.needs_approval
    dialog.void_button.click()
    second.wait_state(SaleState.VOIDED)
    second.wait_idle()
    second.close()

    third = till_factory(backend, data_dir=data)
    third.wait_idle()
    assert not third.window.recovery_bar.isVisible()
    assert third.sale.sale_id != sale_id


def test_journaled_earn_is_completed_once_after_restart(
    till_factory: TillFactory, backend: Any, tmp_path: Path
) -> None:
    client = BackendClient(backend.url, backend.api_key)
    alice = client.lookup(phone=ALICE_PHONE)
    sale = Sale(receipt_no="T1-CRASH-0001")
    sale.lines.append(Line("Crash test", Decimal("30.00")))
    sale.member = member_from(alice)
    sale.tenders.append(Tender("cash", Decimal("30.00")))
    sale.completed_at = utc_now_iso()
    sale.earn_op_id = str(uuid.uuid4())
    sale.earn_amount = Decimal("30.00")
    sale.state = SaleState.COMPLETING
    body = earn_body(
        sale.earn_op_id, alice.id, Decimal("30.00"), sale.receipt_no, sale.completed_at
    )
    data = tmp_path / "till"
    _crashed_state(data, sale, ("earn", alice.id, body))
    # The earn reached the backend before the power went; its answer was lost.
    client.earn(sale.earn_op_id, alice.id, Decimal("30.00"), sale.receipt_no, sale.completed_at)
    assert client.lookup(phone=ALICE_PHONE).balance == alice.balance + 30

    till = till_factory(backend, data_dir=data)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=15_000)
    till.wait_idle()
    restored = till.ctx.sale_store.get(sale.sale_id)
    assert restored is not None and restored.state == SaleState.COMPLETED
    assert restored.earned_points == 30
    assert client.lookup(phone=ALICE_PHONE).balance == alice.balance + 30  # not twice
    assert not till.window.recovery_bar.isVisible()


def test_unconfirmed_redemption_is_settled_then_offered(
    till_factory: TillFactory, backend: Any, tmp_path: Path
) -> None:
    client = BackendClient(backend.url, backend.api_key)
    data = tmp_path / "till"
    alice, sale, body = _crashed_redemption(client, data, "T1-CRASH-0002", 100, "1.00")
    client.redeem(body)  # committed on the backend, the answer lost in the power cut

    till = till_factory(backend, data_dir=data)
    till.qtbot.waitUntil(lambda: till.window.recovery_bar.isVisible(), timeout=10_000)
    _wait_redemption_committed(till, timeout=10_000)
    assert till.sale.sale_id == sale.sale_id
    assert client.lookup(phone=ALICE_PHONE).balance == alice.balance - 100  # once
    till.window.resume_button.click()
    assert not till.window.recovery_bar.isVisible()
    assert till.sale.due == Decimal("19.00")


def test_unconfirmed_redemption_found_offline_is_retried_when_back(
    till_factory: TillFactory, backend: Any, tmp_path: Path
) -> None:
    client = BackendClient(backend.url, backend.api_key)
    data = tmp_path / "till"
    alice, _sale, _body = _crashed_redemption(client, data, "T1-CRASH-0003", 150, "1.50")
    backend.stop()

    till = till_factory(backend, data_dir=data, wait_ready=False)
    till.qtbot.waitUntil(lambda: till.window.recovery_bar.isVisible(), timeout=10_000)
    assert till.sale.redemption.state == RedemptionState.SENDING
    till.window.complete()  # blocked: the points payment is not confirmed
    assert till.sale.state == SaleState.OPEN
    assert "not confirmed" in till.window.banner.text()
    backend.start()
    till.wait_online(True)
    till.window.redeem()  # F4: retry, from the journal's copy of the operation
    _wait_redemption_committed(till, timeout=15_000)
    assert client.lookup(phone=ALICE_PHONE).balance == alice.balance - 150


def test_several_interrupted_sales_are_offered_one_after_another(
    till_factory: TillFactory, backend: Any, tmp_path: Path
) -> None:
    data = tmp_path / "till"
    data.mkdir(parents=True)
    store = SaleStore(data / "sales.sqlite3")
    first, second = Sale(receipt_no="T1-CUT-0001"), Sale(receipt_no="T1-CUT-0002")
    first.lines.append(Line("Milk", Decimal("1.10")))
    second.lines.append(Line("Eggs", Decimal("2.20")))
    store.save(first)
    store.save(second)
    store.close()

    till = till_factory(backend, data_dir=data)
    till.qtbot.waitUntil(lambda: till.window.recovery_bar.isVisible(), timeout=10_000)
    assert till.sale.sale_id == first.sale_id
    till.qtbot.waitUntil(lambda: "1 more interrupted sale" in till.window.recovery_label.text())
    till.window.void_recovered_button.click()
    from till.void_dialog import VoidDialog

    dialog = till.window.dialog
    assert isinstance(dialog, VoidDialog)
    dialog.void_button.click()
    # The first is voided; the second comes up at once, nothing left behind.
    till.qtbot.waitUntil(lambda: till.sale.sale_id == second.sale_id, timeout=10_000)
    assert till.window.recovery_bar.isVisible()
    assert till.sale.lines[0].amount == Decimal("2.20")
    assert "more interrupted" not in till.window.recovery_label.text()
