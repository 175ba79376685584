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
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import aliased

from server import approval_proof
from server.context import Caller, Limits
from server.db import Clock, iso, parse_iso, pepper_of
from server.errors import Forbidden, TooMany
from server.hashing import hash_otp, new_otp_code, new_salt, otp_matches
from server.schema import ledger, otp_challenges, otp_guard
from server.sms import Sms, mask_phone
from server.sms_texts import sms_text


def request_code(
    conn: Connection,
    caller: Caller,
    customer: Any,
    points: int,
    store_name: str,
    clock: Clock,
    limits: Limits,
    locale: str | None = None,
) -> tuple[dict[str, Any], Sms]:
    """Creates, resends or replaces the customer's challenge at this till; the SMS is in
    the store's language (``locale``, :mod:`server.sms_texts`)."""
    now = clock.now()
    _refuse_if_blocked(conn, customer.id)
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
                code_hash=hash_otp(code, salt, pepper_of(conn)),
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
                code_hash=hash_otp(code, salt, pepper_of(conn)),
                created_at=iso(now),
                expires_at=expires_at,
                last_sent_at=iso(now),
                resends=0,
                failed_attempts=0,
                status="live",
            )
        )
    minutes = max(1, limits.otp_ttl_s // 60)
    text = sms_text("otp_code", locale, store=store_name, points=points, code=code, minutes=minutes)
    body = {
        "challenge_id": challenge_id,
        "expires_at": expires_at,
        "masked_phone": mask_phone(customer.phone),
        "resent": resent,
    }
    replaces = live.id if live is not None and live.id != challenge_id else None
    return body, Sms(
        customer.phone,
        text,
        challenge_id=challenge_id,
        expires_at=expires_at,
        replaces=replaces,
        code=code,
    )


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
    Instead of a code, a redemption re-sent after a restore may carry the proof the backend
    answered when the code approved it (``server/approval_proof.py``, issue 11).
    """
    _refuse_if_blocked(conn, customer_id)
    if approval_proof.is_proof(code):
        _proven(conn, customer_id, code)
        return
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
    if not otp_matches(code, row.code_salt, row.code_hash, pepper_of(conn)):
        failed = row.failed_attempts + 1
        conn.execute(
            update(otp_challenges)
            .where(otp_challenges.c.id == row.id)
            .values(failed_attempts=failed)
        )
        if _wrong_codes(conn, customer_id, clock, limits) >= limits.otp_max_wrong_per_day:
            _block(conn, customer_id, iso(clock.now()))
            raise Forbidden(
                _BLOCKED,
                code="otp_blocked",
                commit=True,
            )
        raise Forbidden(
            "Wrong code",
            code="otp_invalid",
            commit=True,
            attempts_left=limits.otp_max_attempts - failed,
        )
    conn.execute(update(otp_challenges).where(otp_challenges.c.id == row.id).values(status="used"))
    approval_proof.note_otp(customer_id)  # the answer carries a proof of it (issue 11)


#: Why an OTP proof is not honoured, in words a manager reads in the till's review list.
PROOF_REFUSED = "The member's code could not be confirmed again after a restore"


def _proven(conn: Connection, customer_id: int, proof: str) -> None:
    """The member's code approved the operation being applied, as ``proof`` records.

    The challenge itself may be gone (a restore): only the proof is checked, against this
    op, body, customer and merchant. Refused outside an operation. No attempt counting: a
    256-bit HMAC is not guessed.
    """
    binding = approval_proof.current()
    if binding is None or not approval_proof.valid_otp(
        pepper_of(conn), binding, customer_id, proof
    ):
        raise Forbidden(PROOF_REFUSED, code="otp_proof_invalid")
    approval_proof.note_otp(customer_id)


_BLOCKED = (
    "Too many wrong codes for this customer: redemptions by code are blocked until a "
    "manager unlocks them"
)


def _guard(conn: Connection, customer_id: int) -> Any:
    return conn.execute(select(otp_guard).where(otp_guard.c.customer_id == customer_id)).first()


def _refuse_if_blocked(conn: Connection, customer_id: int) -> None:
    guard = _guard(conn, customer_id)
    if guard is not None and guard.blocked_at is not None:
        raise Forbidden(_BLOCKED, code="otp_blocked")


def _wrong_codes(conn: Connection, customer_id: int, clock: Clock, limits: Limits) -> int:
    """Wrong codes for the customer in the last 24 h (since the last unlock), counted over
    every challenge, till and store: the long-term limit of NIST SP 800-63B 5.2.2 that the
    per-challenge and per-window limits alone do not give (issue 13, findings 4 and 11)."""
    since = iso(clock.now() - timedelta(seconds=limits.otp_sum_window_s))
    guard = _guard(conn, customer_id)
    if guard is not None and guard.counted_from is not None:
        since = max(since, guard.counted_from)
    total = conn.execute(
        select(func.coalesce(func.sum(otp_challenges.c.failed_attempts), 0)).where(
            otp_challenges.c.customer_id == customer_id,
            otp_challenges.c.last_sent_at > since,
        )
    ).scalar_one()
    return int(total)


def _block(conn: Connection, customer_id: int, now: str) -> None:
    if _guard(conn, customer_id) is None:
        conn.execute(insert(otp_guard).values(customer_id=customer_id, blocked_at=now))
    else:
        conn.execute(
            update(otp_guard).where(otp_guard.c.customer_id == customer_id).values(blocked_at=now)
        )


def is_blocked(conn: Connection, customer_id: int) -> bool:
    guard = _guard(conn, customer_id)
    return guard is not None and guard.blocked_at is not None


def unlock(conn: Connection, customer_id: int, now: str) -> None:
    """A manager lifts the block; earlier wrong codes no longer count towards the next."""
    if _guard(conn, customer_id) is None:
        conn.execute(insert(otp_guard).values(customer_id=customer_id, counted_from=now))
    else:
        conn.execute(
            update(otp_guard)
            .where(otp_guard.c.customer_id == customer_id)
            .values(blocked_at=None, counted_from=now)
        )


def counted_value(
    conn: Connection,
    store_id: int,
    customer_id: int,
    receipt_no: str,
    value: Decimal,
    clock: Clock,
    limits: Limits,
) -> Decimal:
    """The value the store's OTP minimum is compared with (issue 13, finding 3).

    Not the redemption alone, or 4.99 redeemed again and again would never need a code:
    the larger of (a) this redemption plus what was already redeemed *without* a code on
    the same receipt of the store, and (b) this redemption plus what the customer redeemed
    without a code in the last ``otp_sum_window_s`` (24 h), in any store. Redemptions made
    with a code or a manager override, and reversed ones, are not counted: each of those
    was already checked on its own.
    """
    since = iso(clock.now() - timedelta(seconds=limits.otp_sum_window_s))
    undo = aliased(ledger)
    unchecked = select(ledger.c.value).outerjoin(undo, undo.c.reverses_id == ledger.c.id)
    unchecked = unchecked.where(
        ledger.c.kind == "redeem",
        undo.c.id.is_(None),
        ledger.c.with_otp.is_(False),
        ledger.c.with_override.is_(False),
    )
    on_receipt = conn.execute(
        unchecked.where(ledger.c.store_id == store_id, ledger.c.receipt_no == receipt_no)
    ).scalars()
    recent = conn.execute(
        unchecked.where(ledger.c.customer_id == customer_id, ledger.c.created_at > since)
    ).scalars()
    return value + max(_total(on_receipt), _total(recent))


def _total(values: Any) -> Decimal:
    return sum((Decimal(v) for v in values if v is not None), Decimal("0.00"))


def _seconds_until(when: str, clock: Clock) -> int:
    return max(0, int((parse_iso(when) - clock.now()).total_seconds()) + 1)
