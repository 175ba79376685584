"""Dynamic table QR codes: a signed token for store + table + seating + validity.

Seed 000's customer journey starts with "the Dynamic QR code provided by the waiter". The
token in the QR's URL is ``{store}.{table}.{generation}.{expires}.{mac}`` where ``mac`` is
HMAC-SHA256 (RFC 2104, FIPS 198-1) over the rest, base64url without padding (RFC 4648 5).
Its key is derived per merchant: HMAC-SHA256(pepper, "table-token" || merchant secret),
so a copy of the database alone cannot forge one, and one merchant's key never verifies
another's tokens. ``expires`` (Unix seconds) bounds it in time (default 3 hours: a meal);
``generation`` is the table's seating counter: rotating it ("a new seating", from the
till or the CLI) turns every earlier token of that table into a plain "ask your waiter"
page. Store and table codes use only ``[A-Za-z0-9_-]``, so the dots separate unambiguously.

The token is not a secret in the sense of a key: it is shown at the table by design. It
only lets someone open the member page of that table; ordering needs a member login.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, insert, select, update

from server.db import Clock, iso, pepper_of
from server.errors import InvalidRequest
from server.ordering.models import TABLE_PATTERN
from server.ordering.tables import ordering_secrets, ordering_tables
from server.schema import stores

DEFAULT_HOURS = 3
MAX_HOURS = 24
_TOKEN = re.compile(
    r"^([A-Za-z0-9_\-]{1,32})\.([A-Za-z0-9_\-]{1,16})\.([0-9]{1,9})\.([0-9]{1,12})\.([A-Za-z0-9_\-]{43})$"
)
_TABLE = re.compile(TABLE_PATTERN)


class BadToken(Exception):
    """Why a token does not open a page: ``forged`` (or unknown store), ``expired``,
    ``rotated`` (an earlier seating)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Seat:
    """What a valid token stands for."""

    store_id: int
    store_code: str
    merchant_id: int
    table: str
    expires_at: datetime


@dataclass(frozen=True)
class Issued:
    token: str
    store_code: str
    table: str
    expires_at: datetime


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _merchant_secret(conn: Connection, merchant_id: int, now: str, create: bool) -> str | None:
    row = conn.execute(
        select(ordering_secrets.c.secret).where(ordering_secrets.c.merchant_id == merchant_id)
    ).first()
    if row is not None:
        return str(row.secret)
    if not create:
        return None
    secret = secrets.token_hex(32)
    conn.execute(
        insert(ordering_secrets).values(merchant_id=merchant_id, secret=secret, created_at=now)
    )
    return secret


def _mac(conn: Connection, secret: str, payload: str) -> str:
    key = hmac.new(pepper_of(conn), b"table-token\x00" + secret.encode(), hashlib.sha256).digest()
    return _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())


def check_table(table: str) -> str:
    if not _TABLE.match(table):
        raise InvalidRequest("A table is named by 1 to 16 letters, digits, _ or -", field="table")
    return table


def issue(
    conn: Connection,
    store_code: str,
    table: str,
    clock: Clock,
    hours: float = DEFAULT_HOURS,
    rotate: bool = False,
) -> Issued:
    """A token for the table's current seating (``rotate``: a new seating first, which
    invalidates every token issued before). Runs in a write transaction."""
    check_table(table)
    if not 0 < hours <= MAX_HOURS:
        raise InvalidRequest(f"A table code is valid for up to {MAX_HOURS} hours", field="hours")
    store = conn.execute(
        select(stores.c.id, stores.c.merchant_id).where(stores.c.code == store_code)
    ).first()
    if store is None:
        raise InvalidRequest(f"No store {store_code!r}", field="store")
    now_dt = clock.now()
    now = iso(now_dt)
    secret = _merchant_secret(conn, int(store.merchant_id), now, create=True)
    assert secret is not None
    key = (ordering_tables.c.store_id == store.id) & (ordering_tables.c.table_code == table)
    row = conn.execute(select(ordering_tables.c.generation).where(key)).first()
    if row is None:
        generation = 1
        conn.execute(
            insert(ordering_tables).values(
                store_id=store.id, table_code=table, generation=1, rotated_at=now
            )
        )
    elif rotate:
        generation = int(row.generation) + 1
        conn.execute(
            update(ordering_tables).where(key).values(generation=generation, rotated_at=now)
        )
    else:
        generation = int(row.generation)
    expires = (now_dt + timedelta(hours=hours)).replace(microsecond=0)
    payload = f"{store_code}.{table}.{generation}.{int(expires.timestamp())}"
    return Issued(f"{payload}.{_mac(conn, secret, payload)}", store_code, table, expires)


def verify(conn: Connection, token: str, clock: Clock) -> Seat:
    """The seat of a valid token, else :class:`BadToken`. The MAC is checked (in constant
    time) before anything the token says is believed."""
    match = _TOKEN.match(token)
    if match is None:
        raise BadToken("forged")
    store_code, table, generation, expires, mac = match.groups()
    store = conn.execute(
        select(stores.c.id, stores.c.merchant_id).where(stores.c.code == store_code)
    ).first()
    if store is None:
        raise BadToken("forged")
    secret = _merchant_secret(conn, int(store.merchant_id), "", create=False)
    payload = f"{store_code}.{table}.{generation}.{expires}"
    if secret is None or not hmac.compare_digest(_mac(conn, secret, payload), mac):
        raise BadToken("forged")
    expires_at = datetime.fromtimestamp(int(expires), UTC)
    if expires_at <= clock.now():
        raise BadToken("expired")
    current = conn.execute(
        select(ordering_tables.c.generation).where(
            ordering_tables.c.store_id == store.id, ordering_tables.c.table_code == table
        )
    ).scalar()
    if current is None or int(current) != int(generation):
        raise BadToken("rotated")
    return Seat(int(store.id), store_code, int(store.merchant_id), table, expires_at)


def url_for(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/t/{token}"
