"""Stateful property test: the engine, the real journal and sale store (temp files), the sync
worker, and a fault-injecting door in front of a model backend (issue 11).

Random sales, points tenders (right and wrong codes), cash, parks, voids, completions, sync
rounds, restarts at any step (including in the middle of a send: the till is "killed" before
the request leaves or before its reply arrives; each restart opens the journal through its
identity check, which must never see a problem), dropped / lost / duplicated / late and
reordered requests, key revocation, the backend restored from an older backup (then the
reconciler, ``offline_queue/reconcile.py``, finds what it forgot), and a manager working
the review list by its rules (:mod:`till.core.review_rule`). After every step:

- no op is applied twice (no double charge), and every op the journal holds as acknowledged
  is applied exactly once — except those a restore made the backend forget, until the next
  reconciliation has put them back in the queue (no op is lost);
- no redemption is applied for a sale the cashier was told was not charged (no points taken
  for a sale paid another way), restores and review-list retries included;
- once everything is settled, the journal's acknowledged ops are exactly the backend's
  effects (the ledgers agree).
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from offline_queue.journal import Journal
from offline_queue.journal_identity import open_till_journal
from offline_queue.op import OpState
from offline_queue.reconcile import Reconciler
from offline_queue.sync import SyncWorker
from tests.unit.till.core.model_backend import WRONG_OTP, Crash, FaultyDoor, ModelBackend
from till.core.engine import Inline, SaleEngine
from till.core.outcome import from_sync
from till.core.review_rule import retry_refusal
from till.core.sale import Member, Sale, SaleState
from till.core.submission import Submitter
from till.sale_store import SaleStore

CUSTOMERS = ("7", "8")
MODES = ["none", "drop", "lose", "late", "twice", "refuse", "random"]


class Screen:
    def __init__(self, machine: TillMachine) -> None:
        self.machine = machine

    def changed(self) -> None:
        pass

    def show(self, text: str, level: str) -> None:
        pass

    def finished(self, sale: Sale) -> None:
        pass

    def offer(self, sale: Sale) -> None:
        self.machine.offered.append(sale)


class TillMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        # tmpfs when there is one: the same SQLite files and fsyncs, without a disk's latency.
        shm = Path("/dev/shm")
        where = str(shm) if shm.is_dir() else None
        self.dir = Path(tempfile.mkdtemp(prefix="till-stateful-", dir=where))
        self.model = ModelBackend(balances=dict.fromkeys(CUSTOMERS, 2000))
        self.door = FaultyDoor(self.model)
        self.rng = random.Random(0)
        self.not_charged: set[str] = set()  # redemption op_ids the cashier was told about
        self.offered: list[Sale] = []
        self.journal: Journal | None = None
        self.store: SaleStore | None = None
        self.backup: dict[str, object] | None = None
        self.forgotten: set[str] = set()  # acknowledged ops a restore took from the backend
        self._boot()

    # -- the till's life ------------------------------------------------------------------

    def _boot(self) -> None:
        self.journal = open_till_journal(self.dir / "journal.sqlite3")
        assert self.journal.problem is None, self.journal.problem  # a restart loses nothing
        self.store = SaleStore(self.dir / "sales.sqlite3")
        self.submitter = Submitter(self.journal, self.door)
        self.engine = SaleEngine(self.store, self.submitter, Inline(), Screen(self), lambda: "T")
        self.worker = SyncWorker(self.journal, self.door, on_outcome=self._synced)
        self.reconciler = Reconciler(self.journal, self.door.ops_status)
        self.offered = []
        self._guarded(lambda: self.engine.resume(self.store.unfinished(), self.offered.append))  # type: ignore[union-attr]

    def _synced(self, outcome: object) -> None:
        settled = from_sync(outcome)  # type: ignore[arg-type]
        if settled is not None:
            self.engine.settle(settled)

    def _shutdown(self) -> None:
        assert self.journal is not None and self.store is not None
        self.journal.close()
        self.store.close()

    def _guarded(self, step: object) -> None:
        """Run a step; a Crash inside it is the till being killed: restart from disk."""
        try:
            step()  # type: ignore[operator]
        except Crash:
            if self.door.faults.mode.startswith("crash"):
                self.door.faults.mode = "none"  # one kill at a time
            self._note_not_charged()
            self._shutdown()
            self._boot()
        self._note_not_charged()

    def _note_not_charged(self) -> None:
        """A redemption journaled for a receipt whose sale no longer carries it: the cashier
        was told "not charged" (the sale names its redemption before it is journaled)."""
        assert self.store is not None and self.journal is not None
        carried: dict[str, str | None] = {}
        rows = self.store._db.execute("SELECT body FROM sales").fetchall()
        sales = [Sale.from_json(json.loads(r[0])) for r in rows]
        for sale in [*sales, self.engine.sale, *self.engine._live.values()]:
            if sale.receipt_no:
                carried[sale.receipt_no] = sale.redemption.op_id if sale.redemption else None
        for op in self._all_ops():
            receipt = op.payload.get("receipt_no")  # type: ignore[attr-defined]
            if op.kind == "redeem" and receipt in carried and carried[receipt] != op.op_id:  # type: ignore[attr-defined]
                self.not_charged.add(op.op_id)  # type: ignore[attr-defined]

    # -- rules ----------------------------------------------------------------------------

    @rule(mode=st.sampled_from(MODES))
    def faults(self, mode: str) -> None:
        self.door.faults.mode = mode

    def _counter_free(self) -> bool:
        sale = self.engine.sale
        return sale.finished or not (sale.lines or sale.member)

    def _ring_up(self, customer: str, amount: int) -> None:
        if self._counter_free():
            self.engine.new_sale()
        balance = self.model.balances[customer]
        member = Member(customer, "C" + customer, "+447700900123", "active", balance)
        self._guarded(lambda: self.engine.set_member(member))
        self._guarded(lambda: self.engine.add_line("Item", Decimal(amount)))

    @rule(customer=st.sampled_from(CUSTOMERS), amount=st.integers(min_value=1, max_value=40))
    def cash_sale(self, customer: str, amount: int) -> None:
        self._ring_up(customer, amount)
        self.cash()
        self.complete()

    @rule(
        customer=st.sampled_from(CUSTOMERS),
        amount=st.integers(min_value=1, max_value=40),
        points=st.integers(min_value=1, max_value=2500),
        wrong=st.booleans(),
        revoked=st.booleans(),
        mode=st.sampled_from(MODES),
    )
    def points_sale(
        self, customer: str, amount: int, points: int, wrong: bool, revoked: bool, mode: str
    ) -> None:
        """A customer pays (part) with points, whatever the door and the key do now."""
        self._ring_up(customer, amount)
        self.model.key_revoked = revoked
        self.door.faults.mode = mode
        self.redeem(points, wrong)

    def redeem(self, points: int, wrong: bool) -> None:
        sale = self.engine.sale
        if sale.state != SaleState.OPEN or sale.member is None or sale.redemption is not None:
            return
        otp = WRONG_OTP if wrong else "123456"
        value = Decimal(points) / 100
        self._guarded(lambda: self.engine.redeem(points, value, otp=otp))

    @rule()
    def retry(self) -> None:
        self._guarded(lambda: self.engine.retry_redemption())

    @rule()
    def cash(self) -> None:
        sale = self.engine.sale
        self._guarded(lambda: self.engine.add_tender("cash", max(sale.due, Decimal("0.01"))))

    @rule()
    def complete(self) -> None:
        self._guarded(self.engine.complete)

    @rule()
    def void(self) -> None:
        self._guarded(lambda: self.engine.void("test", None, {"staff": "m", "pin": "1"}))

    @rule()
    def park(self) -> None:
        self._guarded(self.engine.park)

    @rule()
    def take_back(self) -> None:
        """The cashier takes back an offered (or resumed) sale when the counter is free."""
        sale = self.engine.sale
        if self.offered and (sale.finished or not (sale.lines or sale.member)):
            self._guarded(lambda: self.engine.load(self.offered.pop(0)))

    @rule()
    def sync(self) -> None:
        self._guarded(lambda: self.worker.run_once(force=True))

    @rule()
    def manager_works_the_review_list(self) -> None:
        """A manager presses Retry on every review item the review list allows it for, and
        "Cancel on the backend" on every other redemption (finding 3: a blanket Retry could
        charge a receipt paid another way)."""
        assert self.journal is not None and self.store is not None
        for op in self.journal.review():
            if retry_refusal(op.kind, op.op_id, self.store.naming(op.op_id)):
                self._guarded(lambda op=op: self.submitter.cancel(op.op_id, op.kind, op.account))
            else:
                self.journal.retry_review(op.op_id)
        self.sync()

    # -- the backend restored from an older backup -----------------------------------------

    @rule()
    def backend_backup(self) -> None:
        self.backup = self.model.backup()

    @precondition(lambda self: self.backup is not None)
    @rule()
    def backend_restored(self) -> None:
        """The backend's database is put back to the last backup (with the backend down:
        requests in flight then are lost, not delivered afterwards)."""
        assert self.backup is not None
        forgotten = set(self.model.restore(self.backup))
        self.door.faults.late = []
        acked = {op.op_id for op in self._acknowledged()}  # type: ignore[attr-defined]
        self.forgotten |= forgotten & acked

    @rule()
    def reconcile(self) -> None:
        """The till's hourly check of acknowledged ops against the backend."""
        report = self.reconciler.run_once()
        if report.error is None:
            self.forgotten.clear()  # every forgotten op is pending again, to be re-sent

    @rule()
    def late_requests_arrive(self) -> None:
        self.door.deliver_late(self.rng)

    @rule(revoked=st.booleans())
    def key(self, revoked: bool) -> None:
        self.model.key_revoked = revoked

    @rule(where=st.sampled_from(["crash_before", "crash_after", "now"]))
    def kill(self, where: str) -> None:
        """Kill the till now, or during its next send (then restart from its files)."""
        if where == "now":
            self._shutdown()
            self._boot()
            return
        mode = self.door.faults.mode
        self.door.faults.mode = where
        self._guarded(self.engine.retry_redemption)
        self._guarded(lambda: self.worker.run_once(force=True))
        self.door.faults.mode = mode

    @precondition(lambda self: True)
    @rule()
    def settle_everything(self) -> None:
        """The world heals: late requests arrive, the key works, the worker drains, and every
        unconfirmed redemption is retried. Then the ledgers must agree."""
        self.door.faults.mode = "none"
        self.model.key_revoked = False
        self.door.deliver_late(self.rng)
        self.reconcile()
        assert not self.forgotten
        for _ in range(20):
            self._guarded(lambda: self.worker.run_once(force=True))
        for sale in list(self.engine._live.values()):
            if sale.unconfirmed:
                self._guarded(lambda sale=sale: self.engine.apply(sale, sale.retry_redemption()))
        for _ in range(5):
            self._guarded(lambda: self.worker.run_once(force=True))
        assert self.journal is not None
        if self.journal.stats().pending == 0:
            acked = {op.op_id for op in self._all_ops() if op.state == OpState.ACKNOWLEDGED}
            assert acked == set(self.model.effects)

    # -- invariants -----------------------------------------------------------------------

    def _all_ops(self) -> list[object]:
        assert self.journal is not None
        j = self.journal
        return [*j.pending(), *j.review(), *j.cancelled(), *self._acknowledged()]

    def _acknowledged(self) -> list[object]:
        assert self.journal is not None
        return list(self.journal.acknowledged_since(0.0, 0, 100_000))

    @invariant()
    def applied_exactly_once(self) -> None:
        counts = Counter(self.model.effects)
        assert all(n == 1 for n in counts.values()), counts  # never charged twice
        for op in self._acknowledged():
            op_id = op.op_id  # type: ignore[attr-defined]
            if op_id not in self.forgotten:  # else: at most once, until reconciled
                assert counts[op_id] == 1, op_id  # nothing acknowledged is lost

    @invariant()
    def nothing_applied_after_not_charged(self) -> None:
        applied = set(self.model.effects)
        assert not (self.not_charged & applied), self.not_charged & applied

    def teardown(self) -> None:
        self._shutdown()
        shutil.rmtree(self.dir, ignore_errors=True)


TillMachine.TestCase.settings = settings(
    max_examples=100,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_till_engine = TillMachine.TestCase
