"""One-time codes by SMS for redemptions (seed 003; NIST SP 800-63B 5.1.3 out-of-band).

A challenge is bound to customer + points + till, lives ``otp_ttl_s`` seconds, is used at
most once, and accepts at most ``otp_max_attempts`` wrong codes before it locks (5.2.2 rate
limiting). Asking again for the same customer, till and points while it lives is a resend:
a new code for the same challenge (same id, expiry, attempt count), spaced and capped so a
resend can neither lift a lock nor flood the phone. Another amount replaces the challenge,
within ``otp_max_challenges`` per customer per ``otp_window_s``. Only a salted hash of the
code is stored, and the code is never logged or returned: it leaves only by SMS.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from server.context import Caller, Limits
from server.db import Clock, iso, parse_iso
from server.errors import Forbidden, TooMany
from server.hashing import hash_otp, new_otp_code, new_salt, otp_matches
from server.schema import otp_challenges
from server.sms import Sms, mask_phone


def request_code(
    conn: Connection,
    caller: Caller,
    customer: Any,
    points: int,
    store_name: str,
    clock: Clock,
    limits: Limits,
) -> tuple[dict[str, Any], Sms]:
    """Creates, resends or replaces the customer's challenge at this till."""
    now = clock.now()
    live = conn.execute(
        select(otp_challenges).where(
            otp_challenges.c.customer_id == customer.id,
            otp_challenges.c.till_id == caller.till_id,
            otp_challenges.c.status == "live",
            otp_challenges.c.expires_at > iso(now),
        )
    ).first()
    code = new_otp_code()
    salt = new_salt()
    if live is not None and live.failed_attempts >= limits.otp_max_attempts:
        raise TooMany(
            "Too many wrong codes; this customer's code is locked until it expires",
            code="otp_locked",
            retry_after_s=_seconds_until(live.expires_at, clock),
        )
    if live is not None and live.points == points:
        since = (now - parse_iso(live.last_sent_at)).total_seconds()
        if live.resends >= limits.otp_max_resends:
            raise TooMany(
                "The code was already sent again too often",
                code="otp_resend_limited",
                retry_after_s=_seconds_until(live.expires_at, clock),
            )
        if since < limits.otp_resend_interval_s:
            raise TooMany(
                "Please wait before sending the code again",
                code="otp_resend_limited",
                retry_after_s=int(limits.otp_resend_interval_s - since) + 1,
            )
        conn.execute(
            update(otp_challenges)
            .where(otp_challenges.c.id == live.id)
            .values(
                code_salt=salt,
                code_hash=hash_otp(code, salt),
                resends=live.resends + 1,
                last_sent_at=iso(now),
            )
        )
        challenge_id, expires_at, resent = live.id, live.expires_at, True
    else:
        window_start = iso(now - timedelta(seconds=limits.otp_window_s))
        recent = conn.execute(
            select(func.count())
            .select_from(otp_challenges)
            .where(
                otp_challenges.c.customer_id == customer.id,
                otp_challenges.c.created_at > window_start,
            )
        ).scalar_one()
        if recent >= limits.otp_max_challenges:
            raise TooMany(
                "Too many codes requested for this customer; try again later",
                code="otp_rate_limited",
            )
        if live is not None:
            conn.execute(
                update(otp_challenges)
                .where(otp_challenges.c.id == live.id)
                .values(status="replaced")
            )
        challenge_id = str(uuid.uuid4())
        expires_at = iso(now + timedelta(seconds=limits.otp_ttl_s))
        resent = False
        conn.execute(
            insert(otp_challenges).values(
                id=challenge_id,
                customer_id=customer.id,
                till_id=caller.till_id,
                points=points,
                code_salt=salt,
                code_hash=hash_otp(code, salt),
                created_at=iso(now),
                expires_at=expires_at,
                last_sent_at=iso(now),
                resends=0,
                failed_attempts=0,
                status="live",
            )
        )
    minutes = max(1, limits.otp_ttl_s // 60)
    text = (
        f"{store_name}: your code to spend {points} points is {code}. "
        f"It expires in {minutes} min. Never share it with anyone who calls you."
    )
    body = {
        "challenge_id": challenge_id,
        "expires_at": expires_at,
        "masked_phone": mask_phone(customer.phone),
        "resent": resent,
    }
    return body, Sms(customer.phone, text)


def verify_code(
    conn: Connection,
    caller: Caller,
    challenge_id: str,
    code: str,
    customer_id: int,
    points: int,
    clock: Clock,
    limits: Limits,
) -> None:
    """Accepts the code and marks the challenge used (in the caller's transaction), or raises.

    Wrong codes are counted with ``commit=True``; the 5th wrong code locks the challenge.
    """
    row = conn.execute(select(otp_challenges).where(otp_challenges.c.id == challenge_id)).first()
    if row is None or row.till_id != caller.till_id:
        raise Forbidden("Unknown code request; ask for a new code", code="otp_invalid")
    if row.customer_id != customer_id or row.points != points:
        raise Forbidden(
            "This code was sent for another customer or another number of points",
            code="otp_invalid",
        )
    if row.status == "used":
        raise Forbidden("This code has already been used", code="otp_invalid")
    if row.status == "replaced":
        raise Forbidden("A newer code was sent; use that one", code="otp_invalid")
    if parse_iso(row.expires_at) <= clock.now():
        raise Forbidden("The code has expired; ask for a new one", code="otp_expired")
    if row.failed_attempts >= limits.otp_max_attempts:
        raise TooMany(
            "Too many wrong codes; this code is locked",
            code="otp_locked",
            retry_after_s=_seconds_until(row.expires_at, clock),
        )
    if not otp_matches(code, row.code_salt, row.code_hash):
        failed = row.failed_attempts + 1
        conn.execute(
            update(otp_challenges)
            .where(otp_challenges.c.id == row.id)
            .values(failed_attempts=failed)
        )
        raise Forbidden(
            "Wrong code",
            code="otp_invalid",
            commit=True,
            attempts_left=limits.otp_max_attempts - failed,
        )
    conn.execute(update(otp_challenges).where(otp_challenges.c.id == row.id).values(status="used"))


def _seconds_until(when: str, clock: Clock) -> int:
    return max(0, int((parse_iso(when) - clock.now()).total_seconds()) + 1)
