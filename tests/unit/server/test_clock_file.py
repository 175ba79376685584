"""The test clock file (server/clock_file.py): an offset read at every use, refused outside
tests. The served end of it is tests/e2e/till/test_return_week_later.py."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from server import clock_file
from server.clock_file import ClockFileError, FileClock, from_args, write_offset


def parsed(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    clock_file.add_option(parser)
    return parser.parse_args(list(argv))


def test_the_clock_runs_the_file_s_offset_ahead_and_follows_it(tmp_path: Path) -> None:
    path = tmp_path / "offset"
    write_offset(path, timedelta(days=7))
    clock = FileClock(path)
    before = datetime.now(UTC)
    ahead = clock.now() - before
    assert timedelta(days=7) <= ahead < timedelta(days=7, minutes=1)
    write_offset(path, timedelta(days=-1))  # read at every use: a running server follows
    assert clock.now() < datetime.now(UTC)
    assert not list(tmp_path.glob("*.tmp"))


def test_it_is_refused_unless_the_environment_says_testing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "offset"
    write_offset(path, timedelta(0))
    args = parsed("--test-clock-file", str(path))
    monkeypatch.delenv(clock_file.TESTING_ENV, raising=False)
    with pytest.raises(ClockFileError, match="for tests only"):
        from_args(args)
    monkeypatch.setenv(clock_file.TESTING_ENV, "yes")  # exactly "1", nothing looser
    with pytest.raises(ClockFileError, match="for tests only"):
        from_args(args)
    monkeypatch.setenv(clock_file.TESTING_ENV, "1")
    assert isinstance(from_args(args), FileClock)


def test_without_the_option_there_is_no_test_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock_file.TESTING_ENV, "1")
    assert from_args(parsed()) is None


def test_a_missing_or_garbled_file_stops_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(clock_file.TESTING_ENV, "1")
    with pytest.raises(ClockFileError, match="number of seconds"):
        from_args(parsed("--test-clock-file", str(tmp_path / "absent")))
    (tmp_path / "garbled").write_text("next tuesday")
    with pytest.raises(ClockFileError, match="number of seconds"):
        FileClock(tmp_path / "garbled")
