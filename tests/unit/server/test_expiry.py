"""Expiry and tiers in-process with a clock the test moves (issue 16): lots expire on the
day stated, lazily before any spend and by the idempotent job, oldest first; tiers go up
with the 12-month total and back down when it falls off the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from server import accounts, customers, demo_data, rules_cli, tiers
from server.context import Caller
from server.db import iso, make_engine, read, write
from server.earn_rules import CustomerType
from server.errors import ServerError
from server.models import CustomerCreate, EarnRequest, RedeemRequest
from server.rules_admin import set_program
from server.schema import ledger
from server.service import Backend
from server.sms import DiscardGateway
from tests.unit.server.fake_clock import FakeClock

DAY = 86400


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Backend, FakeClock, Caller, int]]:
    clock = FakeClock()  # 2026-11-23 12:00 UTC
    engine = make_engine(f"sqlite:///{tmp_path / 'e.db'}")
    backend = Backend(engine, sms=DiscardGateway(), clock=clock)
    demo_data.seed(backend)

    def setup(conn: Any) -> tuple[Caller, int]:
        caller = accounts.caller_for(conn, demo_data.STORE, demo_data.TILL)
        accounts.set_policy(conn, caller.store_id, False, Decimal("0.00"))
        set_program(conn, caller.merchant_id, [caller.store_id], None, None, 10)
        tiers.set_type(conn, caller.merchant_id, "gold", "Gold", "2", 100)
        body = customers.create_customer(
            conn, caller.merchant_id, CustomerCreate(phone="+447700900555"), iso(clock.now())
        )
        return caller, int(body["id"])

    caller, customer_id = write(engine, setup)
    yield backend, clock, caller, customer_id
    engine.dispose()


def earn(b: Backend, caller: Caller, cid: int, amount: str, n: int, days_ago: int = 0) -> Any:
    return b.run(
        "earn",
        caller,
        EarnRequest(
            op_id=f"e{n}",
            customer_id=cid,
            amount=amount,
            receipt_no=f"R{n}",
            occurred_at=b.clock.now() - timedelta(days=days_ago),
        ),
    )[1]


def shown(b: Backend, caller: Caller, cid: int) -> dict[str, Any]:
    now = iso(b.clock.now())
    return read(b.engine, lambda c: customers.customer_json(c, caller.merchant_id, cid, now))


def kinds(b: Backend, cid: int) -> list[str]:
    return list(
        read(
            b.engine,
            lambda c: (
                c.execute(
                    select(ledger.c.kind).where(ledger.c.customer_id == cid).order_by(ledger.c.id)
                )
                .scalars()
                .all()
            ),
        )
    )


def test_points_expire_on_the_day_stated(env: tuple[Backend, FakeClock, Caller, int]) -> None:
    b, clock, caller, cid = env
    out = earn(b, caller, cid, "30.00", 1)
    assert out["next_expiry"] == {"points": 30, "on": "2026-12-03"}  # 23 Nov + 10 days
    clock.t = clock.t.replace(day=2, month=12, hour=23, minute=59)
    assert shown(b, caller, cid)["balance"] == 30
    clock.advance(60)  # 3 December, 00:00:00 UTC
    after = shown(b, caller, cid)
    assert after["balance"] == 0 and after["next_expiry"] is None
    assert kinds(b, cid) == ["earn"]  # nothing written yet: reads are lazy


def test_an_expired_point_cannot_be_spent_even_if_the_job_is_late(
    env: tuple[Backend, FakeClock, Caller, int],
) -> None:
    b, clock, caller, cid = env
    earn(b, caller, cid, "30.00", 1)
    clock.advance(5 * DAY)
    earn(b, caller, cid, "5.00", 2)
    clock.advance(6 * DAY)  # the first lot is past its day, the job never ran
    with pytest.raises(ServerError) as info:
        b.run(
            "redeem", caller, RedeemRequest(op_id="r1", customer_id=cid, points=6, receipt_no="X")
        )
    assert info.value.code == "insufficient_points"
    done = b.run(
        "redeem", caller, RedeemRequest(op_id="r2", customer_id=cid, points=5, receipt_no="X")
    )[1]
    assert done["balance"] == 0
    assert kinds(b, cid) == ["earn", "earn", "expiry", "redeem"]


def test_the_job_is_idempotent_and_takes_only_what_is_left(
    env: tuple[Backend, FakeClock, Caller, int],
) -> None:
    b, clock, caller, cid = env
    earn(b, caller, cid, "30.00", 1)
    earn(b, caller, cid, "20.00", 2)
    b.run("redeem", caller, RedeemRequest(op_id="r1", customer_id=cid, points=35, receipt_no="X"))
    clock.advance(11 * DAY)
    assert rules_cli.expire(b.engine, clock.now()) == (1, 15)  # 50 - 35 spent, oldest first
    assert rules_cli.expire(b.engine, clock.now()) == (0, 0)
    assert shown(b, caller, cid)["balance"] == 0
    assert kinds(b, cid).count("expiry") == 1


def test_redemptions_use_the_oldest_lot_first(
    env: tuple[Backend, FakeClock, Caller, int],
) -> None:
    b, clock, caller, cid = env
    earn(b, caller, cid, "10.00", 1, days_ago=5)  # expires in 5 days
    earn(b, caller, cid, "10.00", 2)  # expires in 10 days
    b.run("redeem", caller, RedeemRequest(op_id="r1", customer_id=cid, points=8, receipt_no="X"))
    assert shown(b, caller, cid)["next_expiry"] == {"points": 2, "on": "2026-11-28"}
    clock.advance(6 * DAY)
    assert shown(b, caller, cid)["balance"] == 10


def test_tiers_go_up_after_the_threshold_and_down_off_the_window(
    env: tuple[Backend, FakeClock, Caller, int],
) -> None:
    b, clock, caller, cid = env
    set_validity = write(
        b.engine,
        lambda c: set_program(c, caller.merchant_id, [caller.store_id], None, None, None),
    )
    assert set_validity["validity_days"] is None
    assert earn(b, caller, cid, "120.00", 1)["points"] == 120  # crosses 100: still standard
    assert shown(b, caller, cid)["customer_type"] == "gold"
    assert earn(b, caller, cid, "10.00", 2)["points"] == 20  # gold x2 from the next sale
    clock.advance(366 * DAY)  # the 12-month total falls to 0: back to standard
    assert shown(b, caller, cid)["customer_type"] == "standard"
    assert earn(b, caller, cid, "10.00", 3)["points"] == 10


def test_an_assigned_type_without_threshold_stays(
    env: tuple[Backend, FakeClock, Caller, int],
) -> None:
    b, _clock, caller, cid = env

    def staff(c: Any) -> None:
        tiers.set_type(c, caller.merchant_id, "staff", "Staff", "3", None)
        tiers.assign(c, caller.merchant_id, cid, "staff")

    write(b.engine, staff)
    assert earn(b, caller, cid, "200.00", 1)["points"] == 600
    assert shown(b, caller, cid)["customer_type"] == "staff"


def test_pick_is_the_documented_rule() -> None:
    std = tiers.STANDARD
    gold = CustomerType("gold", Decimal(2), 100)
    staff = CustomerType("staff", Decimal(3), None)
    types = [std, gold, staff]
    assert tiers.pick(types, None, 99) == std
    assert tiers.pick(types, None, 100) == gold
    assert tiers.pick(types, "gold", 0) == gold  # an assigned tier is a floor
    assert tiers.pick(types, "staff", 1000) == staff
    assert tiers.pick([], None, 5000) == std
