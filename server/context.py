"""Who is calling (the till behind an API key) and the tunable limits of the backend."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Caller:
    """The store and till an API key is bound to; every request acts for exactly these."""

    key_id: int
    store_id: int
    store_code: str
    till_id: int
    till_code: str


@dataclass(frozen=True)
class Limits:
    """OTP and PIN limits. Defaults follow issue 3 (NIST SP 800-63B 5.2.2 throttling)."""

    otp_ttl_s: int = 600
    otp_resend_interval_s: int = 30
    otp_max_resends: int = 3
    otp_max_attempts: int = 5
    otp_max_challenges: int = 5
    otp_window_s: int = 900
    pin_max_attempts: int = 5
    pin_lock_s: int = 900
