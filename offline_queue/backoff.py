"""Capped exponential backoff with jitter for retrying the backend.

Why jitter: after an outage every till of a store (and every op of a till) would otherwise
retry in lock-step and hit the recovering backend together. "Equal jitter" (Marc Brooker,
"Exponential Backoff And Jitter", AWS Architecture Blog, 2015) waits between half and all of
the capped exponential delay: spread out, yet never a zero wait that would hammer it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_MAX_EXPONENT = 62  # 2**62 already exceeds any cap; avoids float overflow for huge counts


@dataclass(frozen=True, slots=True)
class Backoff:
    """``delay(n)`` for the n-th consecutive failure (n >= 1), in seconds."""

    base_s: float = 1.0
    cap_s: float = 60.0
    factor: float = 2.0

    def __post_init__(self) -> None:
        if self.base_s <= 0 or self.cap_s < self.base_s or self.factor < 1:
            raise ValueError("need 0 < base_s <= cap_s and factor >= 1")

    def ceiling(self, failures: int) -> float:
        """The un-jittered delay: base * factor**(failures-1), at most the cap."""
        exponent = min(max(failures, 1) - 1, _MAX_EXPONENT)
        return float(min(self.cap_s, self.base_s * self.factor**exponent))

    def delay(self, failures: int, rng: random.Random) -> float:
        """A jittered delay in [ceiling/2, ceiling]."""
        ceiling = self.ceiling(failures)
        return ceiling / 2 + rng.uniform(0.0, ceiling / 2)
