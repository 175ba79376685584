"""Per-client counting on the member page (issue 18's leftover): one client's guesses over
many numbers are slowed, a success gives its try back, a quiet client is forgotten, and code
SMS per client and hour are capped."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from server.errors import TooMany
from server.ordering import member_auth, throttle
from server.ordering.member_auth import LoginFailed
from tests.unit.server.fake_clock import FakeClock
from tests.unit.server.test_ordering_auth import PASSWORD, PHONE, code_for, engine, ids

__all__ = ["engine", "ids"]  # the fixtures
CLIENT = "198.51.100.7"


def guess(
    engine: Engine, ids: tuple[int, int], clock: FakeClock, n: int, client: str = CLIENT
) -> None:
    with pytest.raises(LoginFailed):
        member_auth.login(engine, *ids, f"+4477009{n:05d}", "password1", clock, client=client)


def test_many_numbers_from_one_client_wait_doubling(engine: Engine, ids: tuple[int, int]) -> None:
    clock = FakeClock()
    for n in range(throttle.CLIENT_FREE_TRIES):
        guess(engine, ids, clock, n)
    waits = []
    for n in range(3):
        with pytest.raises(TooMany) as info:
            member_auth.login(engine, *ids, PHONE, PASSWORD, clock, client=CLIENT)
        waits.append(info.value.extra["retry_after_s"])
        clock.advance(waits[-1])
        guess(engine, ids, clock, 100 + n)
    assert waits[0] <= throttle.FIRST_DELAY_S + 1 < waits[1] < waits[2]
    guess(engine, ids, clock, 200, client="198.51.100.8")  # another client: not held up


def test_a_success_gives_its_try_back_and_a_quiet_client_is_forgotten(
    engine: Engine, ids: tuple[int, int]
) -> None:
    clock = FakeClock()
    code = code_for(engine, ids, clock)
    assert code is not None
    member_auth.set_password(engine, *ids, PHONE, code, PASSWORD, clock, client=CLIENT)
    for n in range(throttle.CLIENT_FREE_TRIES - 1):
        guess(engine, ids, clock, n)
    for _ in range(10):  # guests behind one Wi-Fi logging in all evening
        member_auth.login(engine, *ids, PHONE, PASSWORD, clock, client=CLIENT)
    guess(engine, ids, clock, 100)  # the 20th failure: counted, and from now on a wait
    with pytest.raises(TooMany):
        guess(engine, ids, clock, 101)
    clock.advance(throttle.FIRST_DELAY_S + 1 + throttle.CLIENT_FORGET_S + 1)
    for n in range(throttle.CLIENT_FREE_TRIES - 1):  # forgotten: a fresh allowance
        guess(engine, ids, clock, 300 + n)


def test_code_sms_per_client_and_hour_are_capped(engine: Engine, ids: tuple[int, int]) -> None:
    clock = FakeClock()
    for n in range(throttle.CLIENT_CODES_PER_HOUR):
        assert (
            member_auth.request_code(
                engine, *ids, f"+4477009{n:05d}", "Rewards", clock, client=CLIENT
            )
            is None
        )
    with pytest.raises(TooMany):
        member_auth.request_code(engine, *ids, PHONE, "Rewards", clock, client=CLIENT)
    clock.advance(3601)
    assert member_auth.request_code(engine, *ids, PHONE, "Rewards", clock, client=CLIENT)


def test_one_client_is_an_ipv4_address_or_an_ipv6_64() -> None:
    assert throttle.client_key("203.0.113.7") == "203.0.113.7"
    assert throttle.client_key("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert throttle.client_key("2001:db8:1:2:ffff::9") == throttle.client_key("2001:db8:1:2::1")
    assert throttle.client_key("::ffff:198.51.100.7") == "198.51.100.7"
    assert throttle.client_key("fe80::1%eth0") == "fe80::/64"
    assert throttle.client_key("unix-socket") is None and throttle.client_key(None) is None
