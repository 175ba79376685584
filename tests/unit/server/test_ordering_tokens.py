"""Table tokens (issue 18): signed per merchant, bound to store, table, seating and time.

On a real SQLite file with the backend's own engine (and so its pepper); time is moved by
the fake clock, never waited for.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from server import accounts
from server.db import make_engine, read, write
from server.errors import InvalidRequest
from server.ordering import table_tokens
from server.ordering.table_tokens import BadToken
from tests.unit.server.fake_clock import FakeClock


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    e = make_engine(f"sqlite:///{tmp_path / 'tokens.db'}")
    write(e, lambda c: accounts.ensure_store(c, "A1", merchant="A"))
    write(e, lambda c: accounts.ensure_store(c, "A2", merchant="A"))
    write(e, lambda c: accounts.ensure_store(c, "B1", merchant="B"))
    yield e
    e.dispose()


def issue(
    engine: Engine, clock: FakeClock, store: str = "A1", table: str = "7", **kw: object
) -> str:
    return write(engine, lambda c: table_tokens.issue(c, store, table, clock, **kw)).token  # type: ignore[arg-type]


def reason(engine: Engine, token: str, clock: FakeClock) -> str:
    with pytest.raises(BadToken) as info:
        read(engine, lambda c: table_tokens.verify(c, token, clock))
    return info.value.reason


def test_a_token_opens_its_own_table_for_three_hours(engine: Engine) -> None:
    clock = FakeClock()
    token = issue(engine, clock)
    seat = read(engine, lambda c: table_tokens.verify(c, token, clock))
    assert (seat.store_code, seat.table) == ("A1", "7")
    clock.advance(3 * 3600 - 1)
    assert read(engine, lambda c: table_tokens.verify(c, token, clock)).table == "7"
    clock.advance(1)
    assert reason(engine, token, clock) == "expired"


def test_every_part_of_the_token_is_signed(engine: Engine) -> None:
    clock = FakeClock()
    token = issue(engine, clock)
    store, table, gen, exp, mac = token.split(".")
    issue(engine, clock, table="8")
    for forged in (
        f"A2.{table}.{gen}.{exp}.{mac}",  # another store of the same merchant
        f"{store}.8.{gen}.{exp}.{mac}",
        f"{store}.{table}.{gen}.{int(exp) + 60}.{mac}",
        f"{store}.{table}.{gen}.{exp}.{mac[::-1]}",
        f"{store}.{table}.{gen}.{exp}",
        "",
    ):
        assert reason(engine, forged, clock) == "forged", forged


def test_another_merchants_key_never_verifies(engine: Engine) -> None:
    clock = FakeClock()
    theirs = issue(engine, clock, store="B1")
    mine = issue(engine, clock, store="A1")
    relabelled = "A1" + theirs[len("B1") :]
    assert reason(engine, relabelled, clock) == "forged"
    assert read(engine, lambda c: table_tokens.verify(c, mine, clock)).store_code == "A1"


def test_rotating_retires_the_tables_earlier_tokens_only(engine: Engine) -> None:
    clock = FakeClock()
    first = issue(engine, clock)
    same_seating = issue(engine, clock)
    other_table = issue(engine, clock, table="9")
    new = issue(engine, clock, rotate=True)
    assert reason(engine, first, clock) == "rotated"
    assert reason(engine, same_seating, clock) == "rotated"
    for live in (new, other_table):
        assert reason_or_none(engine, live, clock) is None


def reason_or_none(engine: Engine, token: str, clock: FakeClock) -> str | None:
    try:
        read(engine, lambda c: table_tokens.verify(c, token, clock))
    except BadToken as exc:
        return exc.reason
    return None


def test_table_names_and_validity_are_bounded(engine: Engine) -> None:
    clock = FakeClock()
    for bad in ("", "a.b", "x" * 17, "tisch 1"):
        with pytest.raises(InvalidRequest):
            issue(engine, clock, table=bad)
    with pytest.raises(InvalidRequest):
        issue(engine, clock, hours=25)
    with pytest.raises(InvalidRequest):
        issue(engine, clock, store="NOPE")
