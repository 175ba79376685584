"""Stores, tills, their API keys, staff and the store's OTP policy (seed 003).

API keys are bound to one till of one store; only their SHA-256 is stored, so the key is
shown once at creation (``till-server create-key``) and can only be revoked, not recovered.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from server.context import Caller
from server.db import Clock, inserted_id, iso
from server.errors import Forbidden, NotFound, Unauthorized
from server.hashing import hash_api_key, hash_pin, new_api_key
from server.schema import api_keys, staff, stores, tills


def ensure_store(conn: Connection, code: str, name: str | None = None) -> int:
    row = conn.execute(select(stores.c.id).where(stores.c.code == code)).first()
    if row is not None:
        return int(row.id)
    result = conn.execute(insert(stores).values(code=code, name=name or code))
    return inserted_id(result)


def ensure_till(conn: Connection, store_id: int, code: str) -> int:
    row = conn.execute(
        select(tills.c.id).where(tills.c.store_id == store_id, tills.c.code == code)
    ).first()
    if row is not None:
        return int(row.id)
    result = conn.execute(insert(tills).values(store_id=store_id, code=code))
    return inserted_id(result)


# Built once: SQLAlchemy memoises a statement's cache key on the object, so a prebuilt
# statement skips the per-call construction and cache-key walk of the ledger's hot path.
_STORE_ID_OF = select(stores.c.id).where(stores.c.code == bindparam("code"))
_STORE_SETTINGS = select(stores).where(stores.c.id == bindparam("store_id"))


def store_id_of(conn: Connection, code: str) -> int:
    row = conn.execute(_STORE_ID_OF, {"code": code}).first()
    if row is None:
        raise NotFound(f"No store {code!r}", code="not_found")
    return int(row.id)


def create_key(conn: Connection, store: str, till: str, clock: Clock) -> str:
    """A new API key for ``store``/``till`` (both created if new); returned once, in clear."""
    till_id = ensure_till(conn, ensure_store(conn, store), till)
    key = new_api_key()
    conn.execute(
        insert(api_keys).values(
            till_id=till_id,
            key_hash=hash_api_key(key),
            hint=key[-4:],
            created_at=iso(clock.now()),
        )
    )
    return key


def revoke_keys(conn: Connection, store: str, till: str, clock: Clock) -> int:
    """Revokes every live key of the till; returns how many."""
    store_id = store_id_of(conn, store)
    row = conn.execute(
        select(tills.c.id).where(tills.c.store_id == store_id, tills.c.code == till)
    ).first()
    if row is None:
        raise NotFound(f"No till {till!r} in store {store!r}", code="not_found")
    result = conn.execute(
        update(api_keys)
        .where(api_keys.c.till_id == row.id, api_keys.c.revoked_at.is_(None))
        .values(revoked_at=iso(clock.now()))
    )
    return int(result.rowcount)


def authenticate(conn: Connection, key: str) -> Caller:
    row = conn.execute(
        select(
            api_keys.c.id,
            api_keys.c.revoked_at,
            tills.c.id.label("till_id"),
            tills.c.code.label("till_code"),
            stores.c.id.label("store_id"),
            stores.c.code.label("store_code"),
        )
        .join(tills, tills.c.id == api_keys.c.till_id)
        .join(stores, stores.c.id == tills.c.store_id)
        .where(api_keys.c.key_hash == hash_api_key(key))
    ).first()
    if row is None:
        raise Unauthorized("Unknown API key", code="unauthorized")
    if row.revoked_at is not None:
        raise Forbidden("This till's API key has been revoked", code="key_revoked")
    return Caller(row.id, row.store_id, row.store_code, row.till_id, row.till_code)


def create_staff(conn: Connection, store: str, name: str, role: str, pin: str) -> None:
    """Creates or updates (new role, new PIN, lock lifted) a staff member of ``store``."""
    if role not in ("cashier", "manager"):
        raise ValueError("role must be cashier or manager")
    store_id = ensure_store(conn, store)
    values = {"role": role, "pin_hash": hash_pin(pin), "failed_attempts": 0, "locked_until": None}
    row = conn.execute(
        select(staff.c.id).where(staff.c.store_id == store_id, staff.c.name == name)
    ).first()
    if row is None:
        conn.execute(insert(staff).values(store_id=store_id, name=name, **values))
    else:
        conn.execute(update(staff).where(staff.c.id == row.id).values(**values))


def set_policy(conn: Connection, store_id: int, otp_required: bool, otp_min_value: Decimal) -> None:
    conn.execute(
        update(stores)
        .where(stores.c.id == store_id)
        .values(otp_required=otp_required, otp_min_value=f"{otp_min_value:.2f}")
    )


def store_settings(conn: Connection, store_id: int) -> Any:
    row = conn.execute(_STORE_SETTINGS, {"store_id": store_id}).first()
    if row is None:
        raise NotFound("No such store", code="not_found")
    return row


class Stores:
    """Store rows (programme settings, OTP policy) read at most once per write transaction.

    A batch of operations asks for the same store row once per operation; no ledger
    operation changes a store row (``PUT /v1/policy`` is a transaction of its own), so the
    first read holds for the whole transaction. On SQLite the write lock makes that exact;
    on PostgreSQL the batch then behaves as if ordered before a concurrent policy change.
    Misses (``not_found``) are not remembered: they raise every time, as before.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._rows: dict[int, Any] = {}
        self._ids: dict[str, int] = {}

    def settings(self, store_id: int) -> Any:
        row = self._rows.get(store_id)
        if row is None:
            row = self._rows[store_id] = store_settings(self._conn, store_id)
        return row

    def id_of(self, code: str) -> int:
        found = self._ids.get(code)
        if found is None:
            found = self._ids[code] = store_id_of(self._conn, code)
        return found


def policy_json(row: Any) -> dict[str, Any]:
    return {"otp_required": bool(row.otp_required), "otp_min_value": row.otp_min_value}


def session_json(conn: Connection, caller: Caller, otp_ttl_s: int, now: str) -> dict[str, Any]:
    row = store_settings(conn, caller.store_id)
    return {
        "store": {"code": row.code, "name": row.name},
        "till": {"code": caller.till_code},
        "program": {
            "currency": row.currency,
            "points_per_unit": row.points_per_unit,
            "point_value": row.point_value,
        },
        "otp_policy": policy_json(row),
        "otp_ttl_s": otp_ttl_s,
        "server_time": now,
    }
