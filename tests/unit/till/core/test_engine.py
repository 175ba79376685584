"""The engine over a real journal and sale store, the model backend and an inline executor."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from offline_queue.errors import OpStateError
from offline_queue.journal import Journal
from offline_queue.op import OpState
from offline_queue.sync import SyncWorker
from tests.unit.till.core.model_backend import FaultyDoor
from till.core.engine import Inline, SaleEngine
from till.core.outcome import from_sync
from till.core.sale import Member, Sale, SaleState
from till.core.submission import Submitter
from till.sale_store import SaleStore


class Screen:
    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []
        self.receipts: list[Sale] = []
        self.offers: list[Sale] = []

    def changed(self) -> None:
        pass

    def show(self, text: str, level: str) -> None:
        self.said.append((text, level))

    def finished(self, sale: Sale) -> None:
        self.receipts.append(sale)

    def offer(self, sale: Sale) -> None:
        self.offers.append(sale)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SaleStore]:
    s = SaleStore(tmp_path / "sales.sqlite3")
    yield s
    s.close()


def engine(journal: Journal, door: FaultyDoor, store: SaleStore) -> tuple[SaleEngine, Screen]:
    screen = Screen()
    return SaleEngine(store, Submitter(journal, door), Inline(), screen, lambda: "T1"), screen


def ring_up(e: SaleEngine, amount: str = "20.00") -> None:
    e.set_member(Member("7", "Alice", "+447700900123", "active", 1000))
    e.add_line("Item", Decimal(amount))


def test_a_whole_sale_with_points(journal: Journal, door: FaultyDoor, store: SaleStore) -> None:
    e, screen = engine(journal, door, store)
    ring_up(e)
    got = []
    e.redeem(500, Decimal("5.00"), got.append, otp="123456")
    assert [o.status.value for o in got] == ["done"]
    assert e.add_tender("cash", e.sale.due)
    assert e.complete()
    [receipt] = screen.receipts
    assert receipt.state == SaleState.COMPLETED and receipt.earned_points == 15
    assert door.model.balances["7"] == 1000 - 500 + 15
    assert store.unfinished() == []


def test_finding_1_revoked_key_then_cash_never_charges(
    journal: Journal, door: FaultyDoor, store: SaleStore
) -> None:
    """The refusal outside the cashier list: shown unconfirmed, never 'refused', and the
    cash payment only goes through once the backend confirmed the cancel."""
    e, screen = engine(journal, door, store)
    ring_up(e)
    door.model.key_revoked = True
    e.redeem(500, Decimal("5.00"), otp="123456")
    assert e.sale.unconfirmed and "technician" in screen.said[-1][0]
    assert not e.add_tender("cash", Decimal("20.00"))  # cancel asked, key still revoked
    assert e.sale.unconfirmed and e.sale.tenders == []
    door.model.key_revoked = False
    e.pay_another_way()
    assert e.sale.redemption is None and "nothing was charged" in screen.said[-1][0]
    assert e.add_tender("cash", e.sale.due) and e.complete()
    SyncWorker(journal, door).run_once(force=True)  # whatever the worker still holds
    assert [door.model.kinds[o] for o in door.model.effects] == ["earn"]


def test_finding_8_park_serve_the_next_and_get_it_back(
    journal: Journal, door: FaultyDoor, store: SaleStore
) -> None:
    e, screen = engine(journal, door, store)
    ring_up(e)
    door.faults.mode = "drop"
    e.redeem(500, Decimal("5.00"), otp="123456")
    parked_id = e.sale.sale_id
    assert e.park() and e.sale.sale_id != parked_id and not e.sale.lines
    door.faults.mode = "none"
    ring_up(e, "3.00")  # the next customer
    assert e.add_tender("cash", e.sale.due) and e.complete()
    worker = SyncWorker(journal, door, on_outcome=lambda o: e.settle(from_sync(o)))  # type: ignore[arg-type]
    worker.run_once(force=True)
    [offered] = screen.offers
    assert offered.sale_id == parked_id and offered.redemption is not None
    e.load(offered)
    assert e.sale.state == SaleState.OPEN and e.sale.due == Decimal("15.00")


def test_a_parked_sale_survives_a_restart(
    journal: Journal, door: FaultyDoor, store: SaleStore
) -> None:
    e, _ = engine(journal, door, store)
    ring_up(e)
    door.faults.mode = "drop"
    e.redeem(500, Decimal("5.00"), otp="123456")
    e.park()
    e2, screen2 = engine(journal, door, store)  # restart; still offline
    opened: list[Sale] = []
    e2.resume(store.unfinished(), opened.append)
    assert opened == [] and [s.state for s in e2.parked()] == [SaleState.PARKED]
    door.faults.mode = "none"
    e2.resume(store.unfinished(), opened.append)  # e.g. next start, now online
    assert [s.sale_id for s in screen2.offers] == [e.parked()[0].sale_id]


def test_finding_3_review_redemption_at_restart_is_not_nothing_charged(
    journal: Journal, door: FaultyDoor, store: SaleStore
) -> None:
    e, _ = engine(journal, door, store)
    ring_up(e)
    door.faults.mode = "drop"
    e.redeem(500, Decimal("5.00"), otp="123456")
    op_id = e.sale.open_op_id
    journal.move_to_review(op_id, {"code": "otp_expired"})  # the worker met a refusal
    door.faults.mode = "drop"
    e2, _ = engine(journal, door, store)
    opened: list[Sale] = []
    e2.resume(store.unfinished(), opened.append)
    [sale] = opened
    assert sale.unconfirmed  # the cancel did not get through: still unconfirmed, not "free"
    door.faults.mode = "none"
    e2.load(sale)
    e2.pay_another_way()
    assert e2.sale.redemption is None
    assert journal.get(op_id).state == OpState.CANCELLED  # type: ignore[union-attr]
    assert op_id in door.model.cancelled and door.model.effects == []


def test_finding_3_a_redemption_the_worker_sent_to_review_is_cancelled_not_dropped(
    journal: Journal, door: FaultyDoor, store: SaleStore
) -> None:
    """The worker meets a refusal for the unconfirmed redemption: the sale does not say
    "not charged" until the backend confirmed the cancel, so a manager's Retry can't charge."""
    e, screen = engine(journal, door, store)
    ring_up(e)
    door.faults.mode = "drop"
    e.redeem(500, Decimal("5.00"), otp="123456")
    op_id = e.sale.open_op_id
    door.faults.mode = "refuse"
    worker = SyncWorker(journal, door, on_outcome=lambda o: e.settle(from_sync(o)))  # type: ignore[arg-type]
    door.faults.mode = "refuse"
    worker.run_once(force=True)
    # The review answer led the sale to ask for a cancel, which the door refused too: 422 is
    # not an answer to a cancel, so the sale is still unconfirmed.
    door.faults.mode = "none"
    if e.sale.redemption is not None:
        e.pay_another_way()
    assert e.sale.redemption is None
    assert op_id in door.model.cancelled
    with pytest.raises(OpStateError):
        journal.retry_review(op_id)  # closed: nobody can send it again
    assert door.model.effects == []
    assert any("nothing was charged" in text for text, _ in screen.said)
