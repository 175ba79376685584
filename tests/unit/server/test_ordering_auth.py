"""Member passwords (issue 18): set by SMS code, guessing slowed down (doubling waits from
the fifth try in a row), codes capped per number and hour, unknown numbers alike."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select

from server import accounts
from server.db import inserted_id, make_engine, read, write
from server.errors import InvalidRequest, TooMany
from server.ordering import member_auth
from server.ordering.member_auth import LoginFailed
from server.schema import customers, merchants
from tests.unit.server.fake_clock import FakeClock

PHONE = "+447700900123"
PASSWORD = "a fine long password"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    e = make_engine(f"sqlite:///{tmp_path / 'auth.db'}")
    write(e, lambda c: accounts.ensure_store(c, "A1", merchant="A"))
    yield e
    e.dispose()


@pytest.fixture
def ids(engine: Engine) -> tuple[int, int]:
    store = read(engine, lambda c: accounts.store_id_of(c, "A1"))
    merchant = int(read(engine, lambda c: c.execute(select(merchants.c.id)).scalar_one()))
    write(
        engine,
        lambda c: inserted_id(
            c.execute(
                insert(customers).values(
                    merchant_id=merchant,
                    phone=PHONE,
                    name="Alice Smith",
                    status="active",
                    balance=0,
                    created_at="2026-11-23T12:00:00.000000Z",
                )
            )
        ),
    )
    return store, merchant


def code_for(
    engine: Engine, ids: tuple[int, int], clock: FakeClock, phone: str = PHONE
) -> str | None:
    sms = member_auth.request_code(engine, *ids, phone, "Rewards", clock)
    if sms is None:
        return None
    assert sms.code is not None and re.fullmatch(r"[0-9]{6}", sms.code)
    assert sms.code in sms.text
    return sms.code  # the code as data (issue 17), not read from the wording


def test_first_password_by_code_then_login(engine: Engine, ids: tuple[int, int]) -> None:
    clock = FakeClock()
    with pytest.raises(LoginFailed):  # no password yet: like a wrong one
        member_auth.login(engine, *ids, PHONE, PASSWORD, clock)
    code = code_for(engine, ids, clock)
    assert code is not None
    member_auth.set_password(engine, *ids, "07700 900123", code, PASSWORD, clock)
    member = member_auth.login(engine, *ids, "07700900123", PASSWORD, clock)
    assert member.first_name == "Alice" and member.phone == PHONE
    with pytest.raises(InvalidRequest):  # a used code does not work twice
        member_auth.set_password(engine, *ids, PHONE, code, "another password", clock)


def test_guessing_waits_doubling_and_a_success_clears(engine: Engine, ids: tuple[int, int]) -> None:
    clock = FakeClock()
    code = code_for(engine, ids, clock)
    assert code is not None
    member_auth.set_password(engine, *ids, PHONE, code, PASSWORD, clock)
    for _ in range(member_auth.MAX_FREE_TRIES):
        with pytest.raises(LoginFailed):
            member_auth.login(engine, *ids, PHONE, "wrong password", clock)
    waits = []
    for _ in range(3):
        with pytest.raises(TooMany) as info:
            member_auth.login(engine, *ids, PHONE, PASSWORD, clock)
        waits.append(info.value.extra["retry_after_s"])
        clock.advance(info.value.extra["retry_after_s"])
        with pytest.raises(LoginFailed):
            member_auth.login(engine, *ids, PHONE, "wrong again", clock)
    assert waits[0] <= member_auth.FIRST_DELAY_S + 1 and waits[1] > waits[0] and waits[2] > waits[1]
    clock.advance(member_auth.MAX_DELAY_S)
    assert member_auth.login(engine, *ids, PHONE, PASSWORD, clock).phone == PHONE
    with pytest.raises(LoginFailed):  # the count started again
        member_auth.login(engine, *ids, PHONE, "wrong", clock)


def test_codes_are_capped_per_number_member_or_not(engine: Engine, ids: tuple[int, int]) -> None:
    clock = FakeClock()
    for phone in (PHONE, "+447700900999"):
        for _ in range(member_auth.CODES_PER_HOUR):
            code_for(engine, ids, clock, phone)
        with pytest.raises(TooMany):
            code_for(engine, ids, clock, phone)
    clock.advance(3601)
    assert code_for(engine, ids, clock) is not None
    assert code_for(engine, ids, clock, "+447700900999") is None


def test_a_code_dies_after_five_wrong_tries_and_expires(
    engine: Engine, ids: tuple[int, int]
) -> None:
    clock = FakeClock()
    code = code_for(engine, ids, clock)
    assert code is not None
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(member_auth.CODE_MAX_WRONG):
        with pytest.raises(InvalidRequest):
            member_auth.set_password(engine, *ids, PHONE, wrong, PASSWORD, clock)
        clock.advance(member_auth.MAX_DELAY_S)  # past any wait: the code's own limit counts
    with pytest.raises(InvalidRequest):
        member_auth.set_password(engine, *ids, PHONE, code, PASSWORD, clock)
    fresh = code_for(engine, ids, clock)
    assert fresh is not None
    clock.advance(member_auth.CODE_TTL_S)
    with pytest.raises(InvalidRequest):
        member_auth.set_password(engine, *ids, PHONE, fresh, PASSWORD, clock)
