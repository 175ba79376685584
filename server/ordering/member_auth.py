"""Member login on the table page: phone number and password, passwords set by SMS code.

- **Who**: the member is the merchant's customer with that phone number (E.164, parsed for
  the store's region by ``server.phones``, so "07700 900123" and "+447700900123" are one).
- **Password**: set on first use, or reset, with a 6-digit code sent by SMS (NIST SP
  800-63B 5.1.3 out-of-band); at least 8 characters, no composition rules (800-63B 5.1.1.2).
  Stored like staff PINs (``server.hashing``: scrypt over an HMAC with the server pepper).
- **Guessing** (800-63B 5.2.2, rate limiting): counted per merchant and phone number *before*
  the check, so parallel guesses are counted too; from the 5th in a row each further try
  waits twice as long (30 s, 60 s, ... at most an hour); a success clears the count. An
  unknown number is checked against a dummy hash and answered like a wrong password, and
  code requests are capped per number and hour whether or not it is a member's: neither
  the answer nor its time tells whether a number belongs to a member.
- **Codes** live 10 minutes and die after 5 wrong tries; the outbox blanks a used one.
- **Per client** too (issue 18's leftover): one client guessing many numbers meets no
  per-number limit, so tries (logins and codes) are also counted per client address
  (``request.client``: the peer, or what a *configured* proxy says, ``server.trusted_proxies``).
  A restaurant's guests share the Wi-Fi's one address, so the allowance is larger
  (``CLIENT_FREE_TRIES``), a success gives its try back, and the count is forgotten after
  ``CLIENT_FORGET_S`` without tries; past it each try waits twice as long, like a number.
  Code SMS per client and hour are capped too (SMS pumping: OWASP Automated Threats OAT-009).

scrypt runs outside the write transaction (it is slow on purpose) and a few at a time, as
the PIN checks in ``approval``.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from server import phones
from server.db import Clock, inserted_id, iso, pepper_of, read, write
from server.errors import InvalidRequest, Unauthorized
from server.hashing import hash_otp, hash_pin, new_otp_code, new_salt, otp_matches, verify_pin
from server.ordering import throttle
from server.ordering.tables import member_codes, member_passwords
from server.ordering.throttle import CODES_PER_HOUR as CODES_PER_HOUR
from server.ordering.throttle import FIRST_DELAY_S as FIRST_DELAY_S
from server.ordering.throttle import MAX_DELAY_S as MAX_DELAY_S
from server.ordering.throttle import MAX_FREE_TRIES as MAX_FREE_TRIES
from server.schema import customers, stores
from server.sms import Sms
from server.sms_texts import sms_text

CODE_TTL_S = 600
CODE_MAX_WRONG = 5
# scrypt checks at once (as ``approval`` caps PIN checks): a burst of logins from the tables
# must not take every core from the tills' requests.
_SLOTS = threading.BoundedSemaphore(max(2, os.cpu_count() or 2))
MIN_PASSWORD = 8
MAX_PASSWORD = 128


class LoginFailed(Unauthorized):
    code = "login_failed"


@dataclass(frozen=True)
class Member:
    id: int
    phone: str
    first_name: str | None


@cache
def _dummy_hash(pepper: bytes) -> str:
    return hash_pin("not-a-password-of-anyone", pepper + b"dummy")


def first_name(name: str | None) -> str | None:
    parts = (name or "").split()
    return parts[0] if parts else None


def e164(conn: Connection, store_id: int, raw: str) -> str:
    return phones.to_e164(raw.strip(), phones.store_region(conn, store_id))


def _member(conn: Connection, merchant_id: int, phone: str) -> Any:
    return conn.execute(
        select(customers.c.id, customers.c.name, customers.c.status, customers.c.phone).where(
            customers.c.merchant_id == merchant_id, customers.c.phone == phone
        )
    ).first()


def login(
    engine: Engine,
    store_id: int,
    merchant_id: int,
    raw_phone: str,
    password: str,
    clock: Clock,
    client: str | None = None,
) -> Member:
    """The member whose phone and password these are; ``LoginFailed`` (one message for an
    unknown number, no password yet, a wrong password or an inactive account) or
    ``TooMany`` (this number's or this ``client``'s tries)."""

    def count(conn: Connection) -> tuple[str, Any, str | None]:
        throttle.count_client(conn, merchant_id, client, clock)
        phone = e164(conn, store_id, raw_phone)
        throttle.count_try(conn, merchant_id, f"login:{phone}", clock)
        member = _member(conn, merchant_id, phone)
        stored = None
        if member is not None:
            stored = conn.execute(
                select(member_passwords.c.password_hash).where(
                    member_passwords.c.customer_id == member.id
                )
            ).scalar()
        return phone, member, stored

    phone, member, stored = write(engine, count)
    pepper = pepper_of(engine)
    with _SLOTS:
        ok = verify_pin(password, stored or _dummy_hash(pepper), pepper) and stored is not None
    if not ok or member is None or member.status != "active":
        raise LoginFailed("That phone number and password do not match a member's")

    def cleared(conn: Connection) -> None:
        throttle.clear(conn, merchant_id, f"login:{phone}")
        throttle.refund_client(conn, merchant_id, client, clock)

    write(engine, cleared)
    return Member(int(member.id), phone, first_name(member.name))


def request_code(
    engine: Engine,
    store_id: int,
    merchant_id: int,
    raw_phone: str,
    sender: str,
    clock: Clock,
    client: str | None = None,
) -> Sms | None:
    """A new code for the member with this number (the SMS to send after commit), or None
    for a number that is not a member's (the page answers the same either way)."""

    def tx(conn: Connection) -> Sms | None:
        now = clock.now()
        if client:
            throttle.count_codes(
                conn, merchant_id, f"client-sms:{client}", now, throttle.CLIENT_CODES_PER_HOUR
            )
        phone = e164(conn, store_id, raw_phone)
        throttle.count_codes(conn, merchant_id, f"sms:{phone}", now)
        member = _member(conn, merchant_id, phone)
        if member is None or member.status != "active":
            return None
        replaced = (
            conn.execute(
                select(member_codes.c.id).where(
                    member_codes.c.customer_id == member.id, member_codes.c.status == "live"
                )
            )
            .scalars()
            .all()
        )
        conn.execute(
            update(member_codes)
            .where(member_codes.c.customer_id == member.id, member_codes.c.status == "live")
            .values(status="replaced")
        )
        code, salt = new_otp_code(), new_salt()
        expires = iso(now + timedelta(seconds=CODE_TTL_S))
        code_id = inserted_id(
            conn.execute(
                insert(member_codes).values(
                    customer_id=member.id,
                    code_salt=salt,
                    code_hash=hash_otp(code, salt, pepper_of(conn)),
                    created_at=iso(now),
                    expires_at=expires,
                    failed_attempts=0,
                    status="live",
                )
            )
        )
        locale = conn.execute(select(stores.c.locale).where(stores.c.id == store_id)).scalar()
        text = sms_text(
            "password_code",
            str(locale) if locale else None,
            store=sender,
            code=code,
            minutes=CODE_TTL_S // 60,
        )
        return Sms(
            to=phone,
            text=text,
            challenge_id=f"pw-{code_id}",
            expires_at=expires,
            replaces=f"pw-{replaced[-1]}" if replaced else None,
            code=code,
        )

    return write(engine, tx)


def check_password_rules(password: str, again: str) -> None:
    if password != again:
        raise InvalidRequest(
            "The two passwords are not the same", code="password_mismatch", field="password"
        )
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidRequest(
            f"A password has {MIN_PASSWORD} to {MAX_PASSWORD} characters",
            code="password_length",
            field="password",
            min=MIN_PASSWORD,
            max=MAX_PASSWORD,
        )


def set_password(
    engine: Engine,
    store_id: int,
    merchant_id: int,
    raw_phone: str,
    code: str,
    password: str,
    clock: Clock,
    client: str | None = None,
) -> str:
    """Sets the password if ``code`` is the member's live code; returns the used code's SMS
    challenge id (to blank it in the outbox). Wrong codes are counted (and kept)."""
    pepper = pepper_of(engine)
    with _SLOTS:
        new_hash = hash_pin(password, pepper)  # slow: before the write lock

    def tx(conn: Connection) -> str:
        now = clock.now()
        phone = e164(conn, store_id, raw_phone)
        subject = f"code:{phone}"
        throttle.count_client(conn, merchant_id, client, clock)
        throttle.count_try(conn, merchant_id, subject, clock)
        member = _member(conn, merchant_id, phone)
        live = None
        if member is not None:
            live = conn.execute(
                select(member_codes).where(
                    member_codes.c.customer_id == member.id,
                    member_codes.c.status == "live",
                    member_codes.c.expires_at > iso(now),
                    member_codes.c.failed_attempts < CODE_MAX_WRONG,
                )
            ).first()
        if live is None or not (
            code.isdigit() and otp_matches(code, live.code_salt, live.code_hash, pepper)
        ):
            if live is not None:
                conn.execute(
                    update(member_codes)
                    .where(member_codes.c.id == live.id)
                    .values(failed_attempts=live.failed_attempts + 1)
                )
            raise InvalidRequest(
                "That code is not right or has expired. Ask for a new code.",
                code="code_invalid",
                field="code",
                commit=True,
            )
        conn.execute(update(member_codes).where(member_codes.c.id == live.id).values(status="used"))
        key = member_passwords.c.customer_id == member.id
        if conn.execute(select(member_passwords.c.customer_id).where(key)).first() is None:
            conn.execute(
                insert(member_passwords).values(
                    customer_id=member.id, password_hash=new_hash, set_at=iso(now)
                )
            )
        else:
            conn.execute(
                update(member_passwords).where(key).values(password_hash=new_hash, set_at=iso(now))
            )
        throttle.clear(conn, merchant_id, subject)
        throttle.clear(conn, merchant_id, f"login:{phone}")
        throttle.refund_client(conn, merchant_id, client, clock)
        return f"pw-{live.id}"

    return write(engine, tx)


def member_by_id(engine: Engine, merchant_id: int, customer_id: int) -> Member | None:
    def q(conn: Connection) -> Member | None:
        row = conn.execute(
            select(customers.c.id, customers.c.phone, customers.c.name, customers.c.status).where(
                customers.c.id == customer_id, customers.c.merchant_id == merchant_id
            )
        ).first()
        if row is None or row.status != "active":
            return None
        return Member(int(row.id), str(row.phone), first_name(row.name))

    return read(engine, q)
