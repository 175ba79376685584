"""Capped exponential backoff with equal jitter."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offline_queue.backoff import Backoff


def test_ceiling_doubles_up_to_the_cap() -> None:
    b = Backoff(base_s=0.5, cap_s=10.0)
    assert [b.ceiling(n) for n in range(1, 8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    assert b.ceiling(0) == 0.5
    assert b.ceiling(10**9) == 10.0  # no overflow after days offline


@given(failures=st.integers(min_value=1, max_value=10_000), seed=st.integers())
def test_delay_is_between_half_and_all_of_the_ceiling(failures: int, seed: int) -> None:
    b = Backoff(base_s=1.0, cap_s=60.0)
    delay = b.delay(failures, random.Random(seed))
    assert b.ceiling(failures) / 2 <= delay <= b.ceiling(failures) <= 60.0


def test_jitter_spreads_retries() -> None:
    b = Backoff(base_s=1.0, cap_s=60.0)
    rng = random.Random(7)
    delays = {round(b.delay(6, rng), 6) for _ in range(50)}
    assert len(delays) > 40  # not in lock-step
    assert min(delays) >= 16.0 and max(delays) <= 32.0


@pytest.mark.parametrize("kwargs", [{"base_s": 0}, {"base_s": 2, "cap_s": 1}, {"factor": 0.5}])
def test_rejects_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Backoff(**kwargs)
