"""The manager's and technician's times in the store's zone, not the machine's."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from till.manager.shift_summary import day_bounds
from till.manager.store_time import clock_time, local_time, today, zone_of
from till.wire import Session

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def new_york_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's clock in another zone than the store's: the store's must win."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_times_are_the_stores() -> None:
    assert local_time("2026-12-01T09:15:00Z", BERLIN) == "2026-12-01 10:15"
    assert local_time("2026-12-01T09:15:00Z") == "2026-12-01 04:15"  # no store zone: the till's
    assert local_time("garbage", BERLIN) == "garbage" and local_time(None, BERLIN) == ""
    assert clock_time(datetime(2026, 7, 1, 9, 15, 7, tzinfo=UTC), BERLIN) == "11:15:07"


def test_the_stores_day_is_its_own_around_midnight() -> None:
    late = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)  # 00:30 on the 2nd in Berlin
    assert today(BERLIN, late) == date(2026, 12, 2)
    assert today(None, late) == date(2026, 12, 1)  # New York: still the 1st


def test_a_shift_period_is_the_stores_calendar_days() -> None:
    assert day_bounds(date(2026, 12, 1), date(2026, 12, 1), BERLIN) == (
        "2026-11-30T23:00:00Z",
        "2026-12-01T23:00:00Z",
    )
    # The day the clocks go back is 25 hours long in the store.
    assert day_bounds(date(2026, 10, 25), date(2026, 10, 25), BERLIN) == (
        "2026-10-24T22:00:00Z",
        "2026-10-25T23:00:00Z",
    )
    assert day_bounds(date(2026, 12, 1), date(2026, 12, 1))[0] == "2026-12-01T05:00:00Z"


def test_the_zone_comes_from_the_session() -> None:
    session = Session.from_json({"store": {"code": "S", "time_zone": "Europe/Berlin"}, "till": "T"})
    assert zone_of(session) == BERLIN
    assert (
        zone_of(None).utcoffset(datetime(2026, 12, 1))
        == datetime(2026, 12, 1).astimezone().utcoffset()
    )
