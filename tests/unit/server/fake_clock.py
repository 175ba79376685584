"""One hand-driven clock for the server's unit tests: OTP expiry, PIN back-off and 24 h sums
are decided by the backend's ``Clock``, so the tests move time instead of waiting for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.db import Clock


class FakeClock(Clock):
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)
