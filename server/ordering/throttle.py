"""Counting tries on the member page: per phone number, per client, and code SMS per hour.

The rules (NIST SP 800-63B 5.2.2 rate limiting) are described in ``member_auth``; this module
keeps their bookkeeping in ``member_throttle`` rows, one per merchant and subject
(``login:+44...``, ``code:+44...``, ``sms:+44...``, ``client:ADDR``, ``client-sms:ADDR``).
"""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, insert, select, update

from server.db import Clock, iso, parse_iso
from server.errors import TooMany
from server.ordering.tables import member_throttle

MAX_FREE_TRIES = 5
FIRST_DELAY_S = 30
MAX_DELAY_S = 3600
CODES_PER_HOUR = 5
CLIENT_FREE_TRIES = 20
CLIENT_FORGET_S = 3600
CLIENT_CODES_PER_HOUR = 30


def count_try(conn: Connection, merchant_id: int, subject: str, clock: Clock) -> None:
    """One more try for ``subject``, or ``TooMany`` while it must wait (nothing counted)."""
    now = clock.now()
    key = (member_throttle.c.merchant_id == merchant_id) & (member_throttle.c.subject == subject)
    row = conn.execute(select(member_throttle).where(key)).first()
    if row is not None and row.locked_until and parse_iso(row.locked_until) > now:
        wait = int((parse_iso(row.locked_until) - now).total_seconds()) + 1
        raise TooMany(
            f"Too many tries. Please wait {minutes(wait)} and try again.",
            code="login_throttled",
            retry_after_s=wait,
        )
    failures = (int(row.failures) if row is not None else 0) + 1
    locked = None
    if failures >= MAX_FREE_TRIES:
        delay = min(FIRST_DELAY_S * 2 ** (failures - MAX_FREE_TRIES), MAX_DELAY_S)
        locked = iso(now + timedelta(seconds=delay))
    if row is None:
        conn.execute(
            insert(member_throttle).values(
                merchant_id=merchant_id, subject=subject, failures=failures, locked_until=locked
            )
        )
    else:
        conn.execute(
            update(member_throttle).where(key).values(failures=failures, locked_until=locked)
        )


def client_key(host: str | None) -> str | None:
    """What counts as one client: an IPv4 address, or an IPv6 address's /64 (one site's
    subnet, RFC 6177: a host can take any address in it, so counting addresses would let it
    start afresh at will); None when the peer is not an IP address (a Unix socket)."""
    try:
        address = ipaddress.ip_address((host or "").split("%")[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def count_client(conn: Connection, merchant_id: int, client: str | None, clock: Clock) -> None:
    """One more try from ``client``, or ``TooMany`` while it must wait (nothing counted).

    ``locked_until`` holds the end of the wait, or the time of the last try while there is no
    wait (a time not in the future), so a quiet client is forgotten without another column.
    """
    if not client:
        return
    now = clock.now()
    subject = f"client:{client}"
    key = (member_throttle.c.merchant_id == merchant_id) & (member_throttle.c.subject == subject)
    row = conn.execute(select(member_throttle).where(key)).first()
    last = parse_iso(row.locked_until) if row is not None and row.locked_until else None
    if last is not None and last > now:
        wait = int((last - now).total_seconds()) + 1
        raise TooMany(
            f"Too many tries. Please wait {minutes(wait)} and try again.",
            code="login_throttled",
            retry_after_s=wait,
        )
    kept = row is not None and last is not None and (now - last).total_seconds() <= CLIENT_FORGET_S
    failures = (int(row.failures) if kept and row is not None else 0) + 1
    until = now
    if failures >= CLIENT_FREE_TRIES:
        until = now + timedelta(
            seconds=min(FIRST_DELAY_S * 2 ** (failures - CLIENT_FREE_TRIES), MAX_DELAY_S)
        )
    values = {"failures": failures, "locked_until": iso(until)}
    if row is None:
        conn.execute(
            insert(member_throttle).values(merchant_id=merchant_id, subject=subject, **values)
        )
    else:
        conn.execute(update(member_throttle).where(key).values(**values))


def refund_client(conn: Connection, merchant_id: int, client: str | None, clock: Clock) -> None:
    """A success gives its client's try back (guests behind one Wi-Fi log in all evening),
    and the wait that try started, when it was the one that reached the allowance."""
    if not client:
        return
    key = (member_throttle.c.merchant_id == merchant_id) & (
        member_throttle.c.subject == f"client:{client}"
    )
    row = conn.execute(select(member_throttle).where(key)).first()
    if row is None or int(row.failures) <= 0:
        return
    values: dict[str, object] = {"failures": int(row.failures) - 1}
    if int(row.failures) - 1 < CLIENT_FREE_TRIES:
        values["locked_until"] = iso(clock.now())
    conn.execute(update(member_throttle).where(key).values(**values))


def clear(conn: Connection, merchant_id: int, subject: str) -> None:
    conn.execute(
        delete(member_throttle).where(
            member_throttle.c.merchant_id == merchant_id, member_throttle.c.subject == subject
        )
    )


def minutes(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} seconds"
    return f"{(seconds + 59) // 60} minutes"


def count_codes(
    conn: Connection, merchant_id: int, subject: str, now: datetime, cap: int = CODES_PER_HOUR
) -> None:
    """At most ``cap`` code requests per number (or client) and hour (``locked_until`` is the
    end of the current hour's window here), for members and non-members alike."""
    key = (member_throttle.c.merchant_id == merchant_id) & (member_throttle.c.subject == subject)
    row = conn.execute(select(member_throttle).where(key)).first()
    if row is None or not row.locked_until or parse_iso(row.locked_until) <= now:
        values = {"failures": 1, "locked_until": iso(now + timedelta(hours=1))}
        if row is None:
            conn.execute(
                insert(member_throttle).values(merchant_id=merchant_id, subject=subject, **values)
            )
        else:
            conn.execute(update(member_throttle).where(key).values(**values))
        return
    if int(row.failures) >= cap:
        wait = int((parse_iso(row.locked_until) - now).total_seconds()) + 1
        raise TooMany(
            f"Too many codes asked for this number. Please wait {minutes(wait)}.",
            code="code_rate_limited",
            retry_after_s=wait,
        )
    conn.execute(update(member_throttle).where(key).values(failures=int(row.failures) + 1))
