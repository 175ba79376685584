"""A stateful property test over the ledger (issue 16): random earns and claims with lines,
redemptions, returns, reversals, expiry runs and clock advances on one customer, through the same
``Backend.run`` path as the HTTP API, with the invariants checked after every step:

- the cached balance is the ledger's sum and the sum of what is left in the lots, >= 0, and
  what a lookup shows is the sum of the lots not yet past their expiry;
- a reversal or a return takes its sale's points from that sale's own lot first, and
  everything else is used first-to-expire first (replayed use by use: no older lot is left
  live by an entry that took from a younger one);
- a receipt is never returned beyond its total, per line and in points;
- every entry is linked to its cause (lot, lot uses, return record, reversed entry).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import Engine, func, select

from server import accounts, customers, demo_data, lots, rules_cli
from server.context import Caller
from server.db import iso, make_engine, read, write
from server.errors import ServerError
from server.models import (
    Approval,
    ClaimRequest,
    CustomerCreate,
    EarnLine,
    EarnRequest,
    RedeemRequest,
    ReturnLine,
    ReturnRequest,
    ReverseRequest,
)
from server.rules_admin import set_program
from server.rules_schema import earn_lines, lot_uses, return_lines, returns
from server.rules_schema import lots as lots_t
from server.schema import customers as customers_t
from server.schema import ledger
from server.service import Backend
from server.sms import DiscardGateway
from tests.unit.server.fake_clock import FakeClock

CATEGORIES = st.sampled_from([None, "grocery", "fresh", "giftcards", "tobacco"])
MANAGER = Approval(staff=demo_data.MANAGER[0], pin=demo_data.MANAGER[1])
_phones = itertools.count(200)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Caller]]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('stateful') / 'l.db'}")
    demo_data.seed(Backend(engine, sms=DiscardGateway()))

    def setup(conn: Any) -> Caller:
        caller = accounts.caller_for(conn, demo_data.STORE, demo_data.TILL)
        accounts.set_policy(conn, caller.store_id, False, Decimal("0.00"))
        set_program(conn, caller.merchant_id, [caller.store_id], None, None, 30)
        return caller

    yield engine, write(engine, setup)
    engine.dispose()


class LedgerMachine(RuleBasedStateMachine):
    engine: Engine
    caller: Caller

    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.backend = Backend(self.engine, sms=DiscardGateway(), clock=self.clock)
        self.tag = f"m{next(_phones)}"
        # Distinct while shrinking, and never a demo customer's (+447700900xxx).
        phone = f"+4477007{int(self.tag[1:]) % 100000:05d}"
        body = write(
            self.engine,
            lambda c: customers.create_customer(
                c,
                self.caller.merchant_id,
                CustomerCreate(phone=phone),
                iso(self.clock.now()),
            ),
        )
        self.customer_id = int(body["id"])
        self.receipts: list[str] = []
        self.entries: list[int] = []
        self.ops = itertools.count(1)

    def _op(self) -> str:
        return f"{self.tag}-{next(self.ops)}"

    def _run(self, kind: str, req: Any, transaction_id: int | None = None) -> Any:
        try:
            return self.backend.run(kind, self.caller, req, transaction_id)[1]
        except ServerError as exc:
            return exc.code

    @rule(
        lines=st.lists(st.tuples(st.integers(1, 6000), CATEGORIES), min_size=1, max_size=4),
        days_ago=st.integers(0, 40),
    )
    def earn(self, lines: list[tuple[int, str | None]], days_ago: int) -> None:
        receipt = f"{self.tag}-R{len(self.receipts) + 1}"
        total = sum(cents for cents, _ in lines)
        out = self._run(
            "earn",
            EarnRequest(
                op_id=self._op(),
                customer_id=self.customer_id,
                amount=f"{Decimal(total) / 100:.2f}",
                receipt_no=receipt,
                occurred_at=self.clock.now() - timedelta(days=days_ago),
                lines=[
                    EarnLine(line_no=n, amount=f"{Decimal(c) / 100:.2f}", category=cat)
                    for n, (c, cat) in enumerate(lines, start=1)
                ],
            ),
        )
        assert isinstance(out, dict), out
        self.receipts.append(receipt)
        self.entries.append(int(out["transaction_id"]))

    @rule(
        lines=st.lists(st.tuples(st.integers(1, 6000), CATEGORIES), min_size=1, max_size=3),
        days_ago=st.integers(0, 40),
    )
    def claim(self, lines: list[tuple[int, str | None]], days_ago: int) -> None:
        """A manager's missed-points claim: by the rules of an earn, a lot like an earn's."""
        receipt = f"{self.tag}-R{len(self.receipts) + 1}"
        total = sum(cents for cents, _ in lines)
        out = self._run(
            "claim",
            ClaimRequest(
                op_id=self._op(),
                customer_id=self.customer_id,
                amount=f"{Decimal(total) / 100:.2f}",
                receipt_no=receipt,
                occurred_at=self.clock.now() - timedelta(days=days_ago),
                lines=[
                    EarnLine(line_no=n, amount=f"{Decimal(c) / 100:.2f}", category=cat)
                    for n, (c, cat) in enumerate(lines, start=1)
                ],
                approval=MANAGER,
            ),
        )
        assert isinstance(out, dict), out
        self.receipts.append(receipt)
        self.entries.append(int(out["transaction_id"]))

    @rule(share=st.floats(0.01, 1.0), on_sale=st.booleans())
    def redeem(self, share: float, on_sale: bool) -> None:
        balance = self._lookup()["balance"]
        if balance <= 0:
            return
        receipt = self.receipts[-1] if on_sale and self.receipts else f"{self.tag}-X"
        out = self._run(
            "redeem",
            RedeemRequest(
                op_id=self._op(),
                customer_id=self.customer_id,
                points=max(1, int(balance * share)),
                receipt_no=receipt,
            ),
        )
        assert isinstance(out, dict), out
        self.entries.append(int(out["transaction_id"]))

    @rule(pick=st.integers(0, 50), cents=st.none() | st.integers(1, 8000), line=st.booleans())
    def give_back(self, pick: int, cents: int | None, line: bool) -> None:
        if not self.receipts:
            return
        receipt = self.receipts[pick % len(self.receipts)]
        amount = None if cents is None else f"{Decimal(cents) / 100:.2f}"
        lines = [ReturnLine(line_no=1, amount=amount)] if line and amount else None
        out = self._run(
            "return",
            ReturnRequest(
                op_id=self._op(),
                receipt_no=receipt,
                lines=lines,
                amount=None if lines else amount,
            ),
        )
        assert isinstance(out, dict) or out in ("return_exceeds_sale", "receipt_not_found"), out
        if isinstance(out, dict):
            assert out["balance"] >= 0
            assert out["shortfall"]["points"] >= 0

    @rule(pick=st.integers(0, 50))
    def reverse(self, pick: int) -> None:
        if not self.entries:
            return
        target = self.entries[pick % len(self.entries)]
        out = self._run(
            "reverse",
            ReverseRequest(op_id=self._op(), reason="stateful test", approval=MANAGER),
            target,
        )
        assert isinstance(out, dict) or out in (
            "already_reversed",
            "insufficient_points",
            "already_returned",
        ), out

    @rule()
    def expire(self) -> None:
        rules_cli.expire(self.engine, self.clock.now())

    @rule(days=st.integers(1, 40))
    def advance(self, days: int) -> None:
        self.clock.advance(days * 86400)

    def _lookup(self) -> dict[str, Any]:
        now = iso(self.clock.now())
        return read(
            self.engine,
            lambda c: customers.customer_json(c, self.caller.merchant_id, self.customer_id, now),
        )

    @invariant()
    def balances_are_the_lots(self) -> None:
        now = iso(self.clock.now())

        def check(c: Any) -> None:
            cid = self.customer_id
            cached = c.execute(select(customers_t.c.balance).where(customers_t.c.id == cid))
            balance = int(cached.scalar_one())
            entries = c.execute(
                select(func.coalesce(func.sum(ledger.c.points), 0)).where(
                    ledger.c.customer_id == cid
                )
            ).scalar_one()
            in_lots = c.execute(
                select(func.coalesce(func.sum(lots_t.c.remaining), 0)).where(
                    lots_t.c.customer_id == cid
                )
            ).scalar_one()
            assert balance == int(entries) == int(in_lots) >= 0
            shown = customers.customer_json(c, self.caller.merchant_id, cid, now)["balance"]
            assert shown == lots.live_points(c, cid, now) >= 0

        read(self.engine, check)

    @invariant()
    def own_lot_then_oldest(self) -> None:
        """Replays every use of a lot in order: an entry taking a sale's points back
        (reversal, return) takes what that sale's own lot still held first; everything
        else comes from the others first to expire first (none older left live)."""

        def check(c: Any) -> None:
            cid = self.customer_id
            mine = {r.id: r for r in c.execute(select(lots_t).where(lots_t.c.customer_id == cid))}
            lot_of_entry = {lot.entry_id: lot.id for lot in mine.values()}
            entries = {
                e.id: e for e in c.execute(select(ledger).where(ledger.c.customer_id == cid))
            }
            sale_of = {e.id: e.reverses_id for e in entries.values() if e.kind == "reversal"}
            for r in c.execute(select(returns.c.return_entry_id, returns.c.sale_id)):
                if r.return_entry_id in entries:
                    sale_of[r.return_entry_id] = r.sale_id
            uses = c.execute(
                select(lot_uses.c.entry_id, lot_uses.c.lot_id, lot_uses.c.points)
                .where(lot_uses.c.lot_id.in_(list(mine)))
                .order_by(lot_uses.c.id)
            ).all()
            by_entry: dict[int, dict[int, int]] = {}
            for u in uses:
                taken = by_entry.setdefault(u.entry_id, {})
                taken[u.lot_id] = taken.get(u.lot_id, 0) + u.points

            def key(lot: Any) -> tuple[bool, str, int]:
                return (lot.expires_at is None, lot.expires_at or "", lot.id)

            left = {lot_id: int(lot.points) for lot_id, lot in mine.items()}
            for entry_id, taken in by_entry.items():
                e = entries[entry_id]
                own = lot_of_entry.get(sale_of.get(entry_id, -1))
                if e.kind != "expiry":
                    if own is not None:
                        assert taken.get(own, 0) == min(-e.points, left[own]), (e, taken)
                    others = [mine[n] for n in taken if n != own]
                    if others:
                        k = max(key(lot) for lot in others)
                        for lot in mine.values():
                            if lot.id == own or lot.entry_id > entry_id or key(lot) >= k:
                                continue
                            after = left[lot.id] - taken.get(lot.id, 0)
                            assert after == 0, ("older lot left live", e, lot)
                for lot_id, points in taken.items():
                    left[lot_id] -= points
            assert left == {lot_id: int(lot.remaining) for lot_id, lot in mine.items()}

        read(self.engine, check)

    @invariant()
    def never_returned_beyond_the_sale(self) -> None:
        def check(c: Any) -> None:
            sales = c.execute(
                select(ledger).where(
                    ledger.c.customer_id == self.customer_id, ledger.c.kind.in_(["earn", "claim"])
                )
            ).all()
            for sale in sales:
                for line in c.execute(
                    select(earn_lines).where(earn_lines.c.entry_id == sale.id)
                ).all():
                    back = c.execute(
                        select(return_lines.c.amount)
                        .join(returns, returns.c.id == return_lines.c.return_id)
                        .where(returns.c.sale_id == sale.id, return_lines.c.line_no == line.line_no)
                    ).scalars()
                    assert sum((Decimal(a) for a in back), Decimal(0)) <= Decimal(line.amount)
                taken = c.execute(
                    select(func.coalesce(func.sum(returns.c.points_reversed), 0)).where(
                        returns.c.sale_id == sale.id
                    )
                ).scalar_one()
                assert 0 <= int(taken) <= sale.points

        read(self.engine, check)

    @invariant()
    def every_entry_has_its_cause(self) -> None:
        def check(c: Any) -> None:
            for e in c.execute(
                select(ledger).where(ledger.c.customer_id == self.customer_id)
            ).all():
                used = c.execute(
                    select(func.coalesce(func.sum(lot_uses.c.points), 0)).where(
                        lot_uses.c.entry_id == e.id
                    )
                ).scalar_one()
                if e.points > 0:
                    lot = c.execute(select(lots_t).where(lots_t.c.entry_id == e.id)).one()
                    assert lot.points == e.points
                elif e.points < 0:
                    assert int(used) == -e.points, e
                if e.kind == "reversal":
                    assert e.reverses_id is not None
                if e.kind in ("return", "restore"):
                    column = (
                        returns.c.return_entry_id
                        if e.kind == "return"
                        else (returns.c.restore_entry_id)
                    )
                    assert c.execute(select(returns.c.id).where(column == e.id)).first()
                if e.kind == "expiry":
                    closed = c.execute(
                        select(lots_t.c.id).where(lots_t.c.expired_entry_id == e.id)
                    ).all()
                    assert closed
                if e.kind in ("earn", "claim"):  # what each line got, for its returns
                    assert c.execute(
                        select(earn_lines.c.line_no).where(earn_lines.c.entry_id == e.id)
                    ).first()

        read(self.engine, check)


def test_ledger_invariants_hold(shared: tuple[Engine, Caller], tmp_path: Path) -> None:
    LedgerMachine.engine, LedgerMachine.caller = shared
    run_state_machine_as_test(
        LedgerMachine,
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
