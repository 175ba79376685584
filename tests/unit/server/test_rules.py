"""Backend rules in-process (no HTTP) with a clock the test moves: OTP windows, PIN lockout
expiry, rounding, and the ledger invariant under random operation sequences."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from server import accounts, demo_data
from server.context import Caller
from server.db import make_engine, read, write
from server.errors import ServerError
from server.idempotency import body_hash
from server.ledger import points_for, value_of
from server.models import (
    Approval,
    EarnRequest,
    OtpRequest,
    RedeemRequest,
    ReverseRequest,
    StaffVerify,
    normalise_phone,
)
from server.schema import customers, ledger, otp_challenges
from server.service import Backend
from server.sms import Sms
from tests.unit.server.fake_clock import FakeClock


class Outbox:
    def __init__(self) -> None:
        self.sent: list[Sms] = []

    def send(self, message: Sms) -> None:
        self.sent.append(message)

    def retire(self, challenge_id: str) -> None:
        pass

    def last_code(self) -> str:
        return self.sent[-1].text.split(" is ")[1][:6]


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Backend, FakeClock, Outbox, Caller]]:
    clock, outbox = FakeClock(), Outbox()
    engine = make_engine(f"sqlite:///{tmp_path / 'unit.db'}")
    backend = Backend(engine, sms=outbox, clock=clock)
    demo_data.seed(backend)
    outbox.sent.clear()

    def caller(conn: Any) -> Caller:
        return accounts.caller_for(conn, "DEMO", "T1")

    yield backend, clock, outbox, write(engine, caller)
    engine.dispose()


def error_code(fn: Any) -> str:
    with pytest.raises(ServerError) as info:
        fn()
    return info.value.code


def test_sqlite_pragmas(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_write_takes_the_lock_up_front_and_reads_do_not(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'l.db'}")

    def inner(_conn: Any) -> None:
        # Inside a write: a second writer cannot even begin; a reader can.
        import sqlite3

        other = sqlite3.connect(tmp_path / "l.db", timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            assert read(engine, lambda c: c.execute(text("SELECT 1")).scalar()) == 1
        finally:
            other.close()

    write(engine, inner)
    engine.dispose()


@pytest.mark.parametrize(
    ("amount", "points"),
    [("32.00", 32), ("32.99", 32), ("0.99", 0), ("1.00", 1), ("999999999.99", 999999999)],
)
def test_points_round_down(amount: str, points: int) -> None:
    assert points_for(Decimal(amount), Decimal("1")) == points


def test_value_of_points() -> None:
    assert value_of(500, Decimal("0.01")) == Decimal("5.00")
    assert value_of(3, Decimal("0.005")) == Decimal("0.01")  # 0.015 rounds down to cents


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("+44 7700 900123", "+447700900123"),
        ("(0770) 090-0123", "07700900123"),
        ("+1.555.123.4567", "+15551234567"),
    ],
)
def test_phone_normalisation(raw: str, norm: str) -> None:
    assert normalise_phone(raw) == norm


@pytest.mark.parametrize("raw", ["", "++44", "abc", "12", "+44 7700 900123 ext 5", "4" * 20])
def test_bad_phones(raw: str) -> None:
    with pytest.raises(ValueError):
        normalise_phone(raw)


def test_body_hash_ignores_secrets_but_not_meaning() -> None:
    base = {"op_id": "a", "points": 5, "approval": {"staff": "m", "pin": "1111"}, "otp": "123456"}
    same = {**base, "approval": {"staff": "m", "pin": "2222"}, "otp": "654321"}
    assert body_hash("redeem", {}, base) == body_hash("redeem", {}, same)
    assert body_hash("redeem", {}, base) != body_hash("redeem", {}, {**base, "points": 6})
    assert body_hash("redeem", {}, base) != body_hash("earn", {}, base)
    assert body_hash("redeem", {"s": 1}, base) != body_hash("redeem", {"s": 2}, base)


def test_resend_allowed_after_the_interval(env: Any) -> None:
    backend, clock, outbox, caller = env
    dan = backend.lookup(caller, "phone", "+447700900321")
    first = backend.request_otp(caller, OtpRequest(customer_id=dan["id"], points=600))
    clock.advance(29)
    assert (
        error_code(
            lambda: backend.request_otp(caller, OtpRequest(customer_id=dan["id"], points=600))
        )
        == "otp_resend_limited"
    )
    clock.advance(2)
    again = backend.request_otp(caller, OtpRequest(customer_id=dan["id"], points=600))
    assert again["challenge_id"] == first["challenge_id"]
    assert again["expires_at"] == first["expires_at"]
    assert len(outbox.sent) == 2


def test_lock_lasts_until_expiry_then_a_new_code_can_be_asked(env: Any) -> None:
    backend, clock, outbox, caller = env
    dan = backend.lookup(caller, "phone", "+447700900321")
    req = OtpRequest(customer_id=dan["id"], points=600)
    ch = backend.request_otp(caller, req)
    good = outbox.last_code()
    bad = f"{(int(good) + 1) % 10**6:06d}"

    def redeem(code: str) -> Any:
        return backend.run(
            "redeem",
            caller,
            RedeemRequest(
                op_id=f"op-{code}-{clock.t.timestamp()}",
                customer_id=dan["id"],
                points=600,
                receipt_no="U1",
                challenge_id=ch["challenge_id"],
                otp=code,
            ),
        )

    for _ in range(5):
        assert error_code(lambda: redeem(bad)) == "otp_invalid"
    assert error_code(lambda: redeem(good)) == "otp_locked"
    clock.advance(599)
    assert error_code(lambda: backend.request_otp(caller, req)) == "otp_locked"
    clock.advance(2)
    fresh = backend.request_otp(caller, req)
    assert fresh["challenge_id"] != ch["challenge_id"]


def test_challenge_rate_window_slides(env: Any) -> None:
    backend, clock, _outbox, caller = env
    carol = backend.lookup(caller, "phone", "+447700900789")
    for points in range(101, 106):
        backend.request_otp(caller, OtpRequest(customer_id=carol["id"], points=points))
        clock.advance(60)
    assert (
        error_code(
            lambda: backend.request_otp(caller, OtpRequest(customer_id=carol["id"], points=200))
        )
        == "otp_rate_limited"
    )
    clock.advance(15 * 60 - 5 * 60 + 1)
    backend.request_otp(caller, OtpRequest(customer_id=carol["id"], points=200))


def test_code_is_stored_only_hashed(env: Any) -> None:
    backend, _clock, outbox, caller = env
    dan = backend.lookup(caller, "phone", "+447700900321")
    backend.request_otp(caller, OtpRequest(customer_id=dan["id"], points=600))
    code = outbox.last_code()
    rows = read(backend.engine, lambda c: c.execute(select(otp_challenges)).all())
    assert rows and all(code not in str(tuple(r)) for r in rows)


def test_pin_lock_lifts_after_fifteen_minutes(env: Any) -> None:
    backend, clock, _outbox, caller = env
    wrong = StaffVerify(staff="manager", pin="0000")
    for _ in range(4):
        assert error_code(lambda: backend.verify_staff(caller, wrong)) == "approval_invalid"
    assert error_code(lambda: backend.verify_staff(caller, wrong)) == "approval_locked"
    right = StaffVerify(staff="manager", pin="2468")
    clock.advance(15 * 60 - 1)
    assert error_code(lambda: backend.verify_staff(caller, right)) == "approval_locked"
    clock.advance(2)
    assert backend.verify_staff(caller, right) == {"staff": "manager", "role": "manager"}
    # A success resets the count: four more wrong PINs do not lock.
    for _ in range(4):
        assert error_code(lambda: backend.verify_staff(caller, wrong)) == "approval_invalid"


def test_seeding_twice_changes_nothing(env: Any) -> None:
    backend, _clock, _outbox, caller = env

    def snapshot(conn: Any) -> tuple[Any, ...]:
        return (
            conn.execute(
                select(customers.c.merchant_id, customers.c.phone, customers.c.balance).order_by(
                    customers.c.id
                )
            ).all(),
            conn.execute(select(func.count()).select_from(ledger)).scalar_one(),
        )

    before = read(backend.engine, snapshot)
    demo_data.seed(backend)
    assert read(backend.engine, snapshot) == before
    balances = {(m, phone): balance for m, phone, balance in before[0]}
    for c in demo_data.CUSTOMERS:
        assert balances[(caller.merchant_id, c.phone)] == demo_data.expected_balance(c)
    assert len({m for m, _phone, _balance in before[0]}) == 2  # two merchants (issue 13)


operation = st.one_of(
    st.tuples(st.just("earn"), st.integers(0, 5), st.integers(1, 50_000)),
    st.tuples(st.just("redeem"), st.integers(0, 5), st.integers(1, 3000)),
    st.tuples(st.just("reverse"), st.integers(0, 5), st.integers(0, 40)),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=st.lists(operation, min_size=1, max_size=25))
def test_balance_always_equals_the_ledger_and_never_goes_negative(env: Any, ops: list[Any]) -> None:
    backend, _clock, _outbox, caller = env
    ids = [c["id"] for c in (backend.lookup(caller, "phone", d.phone) for d in demo_data.CUSTOMERS)]
    approval = Approval(staff="manager", pin="2468")
    for n, (kind, who, size) in enumerate(ops):
        op_id = f"prop-{id(ops)}-{n}"
        try:
            if kind == "earn":
                backend.run(
                    "earn",
                    caller,
                    EarnRequest(
                        op_id=op_id,
                        customer_id=ids[who],
                        amount=f"{size / 100:.2f}",
                        receipt_no=f"P{id(ops)}-{n}",
                    ),
                )
            elif kind == "redeem":
                backend.run(
                    "redeem",
                    caller,
                    RedeemRequest(
                        op_id=op_id,
                        customer_id=ids[who],
                        points=size,
                        receipt_no="P",
                        approval=approval,
                        reason="test",
                    ),
                )
            else:
                backend.run(
                    "reverse",
                    caller,
                    ReverseRequest(op_id=op_id, reason="test", approval=approval),
                    size + 1,
                )
        except ServerError as exc:
            assert exc.status < 500

    def check(conn: Any) -> None:
        sums = dict(
            conn.execute(
                select(ledger.c.customer_id, func.sum(ledger.c.points)).group_by(
                    ledger.c.customer_id
                )
            ).all()
        )
        for cid, balance in conn.execute(select(customers.c.id, customers.c.balance)).all():
            assert balance >= 0
            assert balance == sums.get(cid, 0)

    read(backend.engine, check)


def test_unique_race_is_retried_once(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'race.db'}")
    calls = []

    def tx(conn: Any) -> str:
        calls.append(1)
        if len(calls) == 1:  # as if another writer inserted the same store first
            accounts.ensure_store(conn, "S")
            conn.execute(
                text(
                    "INSERT INTO stores (code, name, currency, points_per_unit, "
                    "point_value, otp_required, otp_min_value) "
                    "VALUES ('S', 'S', 'GBP', '1', '0.01', 0, '0')"
                )
            )
        return "done"

    assert write(engine, tx) == "done"
    assert len(calls) == 2
    assert read(engine, lambda c: c.execute(text("SELECT count(*) FROM stores")).scalar()) == 0

    def always(conn: Any) -> None:
        calls.append(1)
        conn.execute(text("INSERT INTO tills (id, store_id, code) VALUES (1, 999, 'x')"))

    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        write(engine, always)
    engine.dispose()


def test_without_an_sms_gateway_codes_fail_visibly_but_earns_go_through(env: Any) -> None:
    backend, clock, _outbox, caller = env
    bare = Backend(backend.engine, clock=clock)  # the default gateway: none configured
    dan = bare.lookup(caller, "phone", "+447700900321")
    assert (
        error_code(lambda: bare.request_otp(caller, OtpRequest(customer_id=dan["id"], points=600)))
        == "sms_unavailable"
    )
    status, body = bare.run(
        "earn",
        caller,
        EarnRequest(op_id="no-gateway", customer_id=dan["id"], amount="10.00", receipt_no="NG-1"),
    )
    assert status == 201 and body["points"] == 10
