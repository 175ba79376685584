"""Browser sessions of the member page: an opaque cookie, its SHA-256 in the database.

The cookie (``__Host-order_session``: the ``__Host-`` prefix makes the browser insist on
``Secure``, ``Path=/`` and no ``Domain``, RFC 6265bis 4.1.3.2) is also ``HttpOnly`` and
``SameSite=Lax``. Each session carries its own CSRF token, which every form posts back
(OWASP CSRF Prevention Cheat Sheet, "synchronizer token pattern"); a session belongs to
one store, lives three hours at most, and gets a new id at login (no session fixation).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import Connection, delete, insert, select, update

from server.db import Clock, iso
from server.ordering.tables import member_sessions

COOKIE = "__Host-order_session"
TTL_S = 3 * 3600


@dataclass(frozen=True)
class Session:
    id_hash: str
    store_id: int
    customer_id: int | None
    csrf: str
    cart: dict[str, int] = field(default_factory=dict)


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def open_session(
    conn: Connection, store_id: int, clock: Clock, customer_id: int | None = None
) -> tuple[str, Session]:
    """A new session (cookie value, session); expired ones are swept on the way."""
    now = clock.now()
    conn.execute(delete(member_sessions).where(member_sessions.c.expires_at <= iso(now)))
    value = secrets.token_urlsafe(32)
    s = Session(_hash(value), store_id, customer_id, secrets.token_urlsafe(32))
    conn.execute(
        insert(member_sessions).values(
            id_hash=s.id_hash,
            store_id=store_id,
            customer_id=customer_id,
            csrf=s.csrf,
            cart="{}",
            created_at=iso(now),
            expires_at=iso(now + timedelta(seconds=TTL_S)),
        )
    )
    return value, s


def find(conn: Connection, value: str | None, store_id: int, clock: Clock) -> Session | None:
    """The live session of this cookie for this store, else None (another store's session
    does not log anyone in here)."""
    if not value or len(value) > 100:
        return None
    row = conn.execute(
        select(member_sessions).where(member_sessions.c.id_hash == _hash(value))
    ).first()
    if row is None or row.expires_at <= iso(clock.now()) or int(row.store_id) != store_id:
        return None
    cart = {str(k): int(v) for k, v in json.loads(row.cart).items()}
    return Session(row.id_hash, int(row.store_id), row.customer_id, row.csrf, cart)


def csrf_ok(session: Session | None, sent: str | None) -> bool:
    return session is not None and bool(sent) and hmac.compare_digest(session.csrf, sent or "")


def log_in(conn: Connection, old: Session, customer_id: int, clock: Clock) -> tuple[str, Session]:
    """A fresh session for the member, replacing the anonymous one."""
    end(conn, old)
    return open_session(conn, old.store_id, clock, customer_id)


def end(conn: Connection, session: Session) -> None:
    conn.execute(delete(member_sessions).where(member_sessions.c.id_hash == session.id_hash))


def save_cart(conn: Connection, session: Session, cart: dict[str, int]) -> None:
    conn.execute(
        update(member_sessions)
        .where(member_sessions.c.id_hash == session.id_hash)
        .values(cart=json.dumps(cart, sort_keys=True))
    )
