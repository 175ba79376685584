"""A clock file for tests: ``till-server serve --test-clock-file PATH`` runs ahead of the wall.

Why: issue 16's end-to-end acceptance is "return half the sale *a week later*". The
in-process :class:`server.service.Backend` takes a fake :class:`server.db.Clock`, but the
backend a till test talks to is a child process over HTTP (``server.embedded``), out of the
test's reach. So that child reads how far ahead of the wall clock it is from a file the test
writes; the test moves the till's clock by the same step (``till.wiring.build_context(
clock=...)``). It is an *offset*, not a frozen instant: time still flows, so OTP lifetimes,
throttles and ``occurred_at`` checks behave as they do in a store.

The file holds one number: seconds ahead of the wall clock (``604800`` = a week; ``0``, or a
negative number, is allowed). It is read at every ``now()`` so that a test can step the clock
of a running server; write it atomically (a temporary file, then ``os.replace``).

Why refused outside tests: a backend whose clock a file moves lets whoever can write that
file date ledger entries, expire points early and keep OTP codes alive. The option is
therefore refused unless the environment says ``TILL_SERVER_TESTING=1``, which no packaged
unit sets (packaging/), and the server logs a warning at start when it is on. A production
backend keeps ``clock_for`` (the database's clock, :class:`server.db.DatabaseClock`).
"""

from __future__ import annotations

import argparse
import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from server.db import Clock
from server.errors import ServerError

TESTING_ENV = "TILL_SERVER_TESTING"
OPTION = "--test-clock-file"

log = logging.getLogger(__name__)


class ClockFileError(ServerError):
    """The test clock was asked for outside a test, or its file can't be read."""

    code = "test_clock_refused"


class FileClock(Clock):
    """The wall clock plus the offset (seconds) written in ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset()  # fail at start, not at the first request

    def offset(self) -> timedelta:
        try:
            raw = self.path.read_text(encoding="ascii").strip()
            return timedelta(seconds=float(raw))
        except (OSError, ValueError) as exc:
            raise ClockFileError(
                f"The test clock file {self.path} must hold a number of seconds: {exc}"
            ) from exc

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset()


def add_option(parser: argparse.ArgumentParser) -> None:
    """``serve --test-clock-file PATH`` (documented as test only)."""
    parser.add_argument(
        OPTION,
        dest="test_clock_file",
        type=Path,
        default=None,
        help=(
            "TESTS ONLY, refused unless TILL_SERVER_TESTING=1: run this many seconds ahead "
            "of the wall clock, as written in PATH (re-read at every use)"
        ),
    )


def from_args(args: argparse.Namespace) -> FileClock | None:
    """The test clock when ``--test-clock-file`` was given (and allowed), else None."""
    path: Path | None = getattr(args, "test_clock_file", None)
    if path is None:
        return None
    if os.environ.get(TESTING_ENV) != "1":
        raise ClockFileError(
            f"{OPTION} is for tests only: it lets a file move the backend's clock. "
            f"Set {TESTING_ENV}=1 only in a test environment."
        )
    clock = FileClock(path)
    log.warning("TEST CLOCK: %s ahead of the wall clock, read from %s", clock.offset(), path)
    return clock


def write_offset(path: Path, offset: timedelta) -> None:
    """Set the clock file (atomically: a server reading it never sees half a number)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(f"{offset.total_seconds():.6f}\n", encoding="ascii")
    os.replace(tmp, path)
