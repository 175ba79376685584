"""Who is calling (the till behind an API key) and the tunable limits of the backend."""

from __future__ import annotations

from dataclasses import dataclass

OTP_SUM_WINDOW_S = 24 * 3600  # the rolling window of the OTP minimum's customer total


@dataclass(frozen=True)
class Caller:
    """The store and till an API key is bound to; every request acts for exactly these.

    ``merchant_id`` is the brand the store belongs to: every read and write of customers,
    cards, programs and idempotency records is confined to it (issue 13).
    """

    key_id: int
    store_id: int
    store_code: str
    till_id: int
    till_code: str
    merchant_id: int


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
    pin_lock_s: int = 900  # the first delay; each further wrong PIN doubles it
    pin_lock_max_s: int = 4 * 3600
    # Issue 13: the long-term limit per customer, and the window of the OTP threshold sums.
    otp_max_wrong_per_day: int = 20
    otp_sum_window_s: int = OTP_SUM_WINDOW_S
