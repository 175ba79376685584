"""``POST /v1/ops`` semantics in-process: one write transaction per batch, a savepoint per
operation. A refused operation undoes only itself, an ``op_id`` has one effect wherever it
repeats, a retried batch answers the same, and counted failures (wrong PINs) stay counted."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, func, select, update

from server import accounts, demo_data, ledger
from server.context import Caller
from server.db import in_savepoint, make_engine, read, write
from server.errors import Conflict, Forbidden
from server.models import CustomerCreate, OpItem
from server.schema import customers, operations
from server.schema import ledger as ledger_t
from server.service import Backend
from server.sms import Sms


class Outbox:
    def __init__(self) -> None:
        self.sent: list[Sms] = []

    def send(self, message: Sms) -> None:
        self.sent.append(message)

    def retire(self, challenge_id: str) -> None:
        pass


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Backend, Outbox, Caller]]:
    outbox = Outbox()
    engine = make_engine(f"sqlite:///{tmp_path / 'batch.db'}")
    backend = Backend(engine, sms=outbox)
    demo_data.seed(backend)
    outbox.sent.clear()

    def caller(conn: Connection) -> Caller:
        return accounts.caller_for(conn, "DEMO", "T1")

    yield backend, outbox, write(engine, caller)
    engine.dispose()


def new_customer(backend: Backend) -> int:
    phone = f"+4477009{uuid.uuid4().int % 10**5:05d}"
    caller = write(backend.engine, lambda c: accounts.caller_for(c, "DEMO", "T1"))
    return int(backend.create_customer(caller, CustomerCreate(phone=phone))["id"])


def earn(customer_id: int, amount: str, op_id: str | None = None) -> OpItem:
    body = {"customer_id": customer_id, "amount": amount, "receipt_no": uuid.uuid4().hex[:12]}
    return OpItem(op_id=op_id or str(uuid.uuid4()), kind="earn", body=body)


def redeem(customer_id: int, points: int) -> OpItem:
    body = {"customer_id": customer_id, "points": points, "receipt_no": "R-1"}
    return OpItem(op_id=str(uuid.uuid4()), kind="redeem", body=body)


def balance(backend: Backend, customer_id: int) -> int:
    row = read(
        backend.engine,
        lambda c: c.execute(select(customers.c.balance).where(customers.c.id == customer_id)),
    )
    return int(row.scalar_one())


def entries(backend: Backend, customer_id: int) -> int:
    q = select(func.count()).select_from(ledger_t).where(ledger_t.c.customer_id == customer_id)
    return int(read(backend.engine, lambda c: c.execute(q).scalar_one()))


def statuses(results: list[dict[str, Any]]) -> list[tuple[int, str | None]]:
    return [(r["status"], r["body"].get("error", {}).get("code")) for r in results]


def test_savepoint_undoes_only_its_own_writes(
    env: tuple[Backend, Outbox, Caller],
) -> None:
    backend, _, _ = env
    a, b, c = (new_customer(backend) for _ in range(3))

    def rename(conn: Connection, customer_id: int, name: str) -> None:
        conn.execute(update(customers).where(customers.c.id == customer_id).values(name=name))

    def refused(conn: Connection) -> None:
        rename(conn, b, "refused")
        raise Conflict("no", code="test_refused")

    def counted(conn: Connection) -> None:
        rename(conn, c, "counted")
        raise Forbidden("no", code="test_counted", commit=True)

    def tx(conn: Connection) -> None:
        rename(conn, a, "outer")
        with pytest.raises(Conflict):
            in_savepoint(conn, refused)
        with pytest.raises(Forbidden):
            in_savepoint(conn, counted)
        assert in_savepoint(conn, lambda cn: rename(cn, a, "after")) is None

    write(backend.engine, tx)
    wanted = select(customers.c.id, customers.c.name).where(customers.c.id.in_([a, b, c]))
    names = read(backend.engine, lambda conn: {r.id: r.name for r in conn.execute(wanted)})
    assert names == {a: "after", b: "", c: "counted"}


def test_refused_op_keeps_the_others_and_a_repeated_op_id_has_one_effect(
    env: tuple[Backend, Outbox, Caller],
) -> None:
    backend, outbox, caller = env
    cid = new_customer(backend)
    first = earn(cid, "10.00")
    clash = OpItem(op_id=first.op_id, kind="earn", body={**first.body, "amount": "99.00"})
    batch = [
        first,
        redeem(cid, 500),  # more than the balance: refused, alone
        earn(cid, "5.00"),
        first,  # the same op again in the same batch: the first answer, no second effect
        redeem(cid, 12),  # spends points earned earlier in this very batch
        clash,  # same op_id, other body
    ]
    results = backend.run_batch(caller, batch)
    assert [r["op_id"] for r in results] == [o.op_id for o in batch]
    assert statuses(results) == [
        (201, None),
        (409, "insufficient_points"),
        (201, None),
        (201, None),
        (201, None),
        (409, "idempotency_conflict"),
    ]
    assert results[1]["body"]["error"]["balance"] == 10
    assert results[3] == results[0]
    assert [results[i]["body"]["balance"] for i in (0, 2, 4)] == [10, 15, 3]
    assert balance(backend, cid) == 3
    assert entries(backend, cid) == 3
    assert len(outbox.sent) == 2  # one SMS per earn that happened, none for the repeat

    # A retried batch (the response was lost) answers the same and changes nothing. The
    # successes come from their idempotency records, byte for byte; a refusal had no effect
    # and is not recorded, so it is judged again (same refusal, today's balance in it).
    again = backend.run_batch(caller, batch)
    assert statuses(again) == statuses(results)
    assert [again[i] for i in (0, 2, 3, 4)] == [results[i] for i in (0, 2, 3, 4)]
    assert again[5] == results[5]
    assert balance(backend, cid) == 3
    assert entries(backend, cid) == 3
    assert len(outbox.sent) == 2


def test_wrong_manager_pin_in_a_batch_is_counted_and_the_rest_stands(
    env: tuple[Backend, Outbox, Caller],
) -> None:
    backend, _, caller = env
    cid = new_customer(backend)

    def bad_claim() -> OpItem:
        body = {
            "customer_id": cid,
            "receipt_no": uuid.uuid4().hex[:12],
            "occurred_at": (datetime.now(UTC) - timedelta(days=3)).isoformat(),
            "amount": "20.00",
            "approval": {"staff": demo_data.MANAGER[0], "pin": "0000"},
        }
        return OpItem(op_id=str(uuid.uuid4()), kind="claim", body=body)

    left = []
    for _ in range(2):
        results = backend.run_batch(caller, [earn(cid, "1.00"), bad_claim(), earn(cid, "2.00")])
        assert statuses(results) == [(201, None), (403, "approval_invalid"), (201, None)]
        left.append(results[1]["body"]["error"]["attempts_left"])
    assert left == [4, 3]  # the failed attempt of the first batch was committed with it
    assert balance(backend, cid) == 6


def test_unexpected_error_rolls_the_whole_batch_back(
    env: tuple[Backend, Outbox, Caller], monkeypatch: pytest.MonkeyPatch
) -> None:
    backend, outbox, caller = env
    cid = new_customer(backend)
    batch = [earn(cid, "10.00"), earn(cid, "20.00"), earn(cid, "30.00")]
    real_earn = ledger.earn
    calls = []

    def flaky(*args: Any, **kw: Any) -> ledger.Outcome:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real_earn(*args, **kw)

    monkeypatch.setattr(ledger, "earn", flaky)
    with pytest.raises(RuntimeError):
        backend.run_batch(caller, batch)
    assert balance(backend, cid) == 0
    assert outbox.sent == []
    known = read(
        backend.engine,
        lambda c: c.execute(
            select(func.count())
            .select_from(operations)
            .where(operations.c.op_id.in_([o.op_id for o in batch]))
        ).scalar_one(),
    )
    assert known == 0  # no idempotency record either: the retry below applies them

    monkeypatch.setattr(ledger, "earn", real_earn)
    results = backend.run_batch(caller, batch)
    assert [r["status"] for r in results] == [201, 201, 201]
    assert balance(backend, cid) == 60
