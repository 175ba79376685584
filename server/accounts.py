"""Merchants, stores, tills, their API keys, staff and the store's OTP policy (seed 003).

API keys are bound to one till of one store; only their SHA-256 is stored, so the key is
shown once at creation (``till-server create-key``) and can only be revoked, not recovered.
A store belongs to one merchant (brand, issue 13); the key's caller carries it, and every
query of customers, cards, programs and op ids is confined to it. Store codes stay unique
across the backend, so the admin commands can keep naming a store by its code alone.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from server import store_limits
from server.approval import lift_pin_delays
from server.context import OTP_SUM_WINDOW_S, Caller
from server.db import Clock, inserted_id, iso, pepper_of
from server.errors import Conflict, Forbidden, InvalidRequest, NotFound, Unauthorized
from server.hashing import hash_api_key, hash_pin, new_api_key
from server.schema import api_keys, customers, merchants, staff, stores, tills

DEFAULT_MERCHANT = "DEFAULT"


def ensure_merchant(conn: Connection, code: str, name: str | None = None) -> int:
    row = conn.execute(select(merchants.c.id).where(merchants.c.code == code)).first()
    if row is not None:
        return int(row.id)
    return inserted_id(conn.execute(insert(merchants).values(code=code, name=name or code)))


def merchant_for_new_store(conn: Connection, merchant: str | None) -> int:
    """The merchant a new store joins: the one named, else the only one there is.

    A backend with several merchants must be told which (``--merchant``): guessing would put
    a store, and so its tills, into another brand's members.
    """
    if merchant is not None:
        return ensure_merchant(conn, merchant)
    ids = conn.execute(select(merchants.c.id).limit(2)).scalars().all()
    if not ids:
        return ensure_merchant(conn, DEFAULT_MERCHANT, "Default merchant")
    if len(ids) > 1:
        raise InvalidRequest(
            "This backend has several merchants: name the new store's with --merchant",
            field="merchant",
        )
    return int(ids[0])


def ensure_store(
    conn: Connection, code: str, name: str | None = None, merchant: str | None = None
) -> int:
    """The store's id, creating it (in ``merchant``, see above) if it is new.

    An existing store named with another merchant is refused: stores never change brand.
    """
    row = conn.execute(
        select(stores.c.id, merchants.c.code.label("merchant"))
        .join(merchants, merchants.c.id == stores.c.merchant_id)
        .where(stores.c.code == code)
    ).first()
    if row is not None:
        if merchant is not None and row.merchant != merchant:
            raise Conflict(
                f"Store {code!r} belongs to merchant {row.merchant!r}", code="store_exists"
            )
        return int(row.id)
    merchant_id = merchant_for_new_store(conn, merchant)
    result = conn.execute(
        insert(stores).values(code=code, name=name or code, merchant_id=merchant_id)
    )
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
_STORE_ID_OF = select(stores.c.id, stores.c.merchant_id).where(stores.c.code == bindparam("code"))
_STORE_SETTINGS = select(stores).where(stores.c.id == bindparam("store_id"))


def store_id_of(conn: Connection, code: str, merchant_id: int | None = None) -> int:
    """The store with this code; with ``merchant_id``, only among that merchant's stores."""
    row = conn.execute(_STORE_ID_OF, {"code": code}).first()
    if row is None or (merchant_id is not None and row.merchant_id != merchant_id):
        raise NotFound(f"No store {code!r}", code="not_found")
    return int(row.id)


def create_key(
    conn: Connection, store: str, till: str, clock: Clock, merchant: str | None = None
) -> str:
    """A new API key for ``store``/``till`` (both created if new); returned once, in clear."""
    till_id = ensure_till(conn, ensure_store(conn, store, merchant=merchant), till)
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
            stores.c.merchant_id,
        )
        .join(tills, tills.c.id == api_keys.c.till_id)
        .join(stores, stores.c.id == tills.c.store_id)
        .where(api_keys.c.key_hash == hash_api_key(key))
    ).first()
    if row is None:
        raise Unauthorized("Unknown API key", code="unauthorized")
    if row.revoked_at is not None:
        raise Forbidden("This till's API key has been revoked", code="key_revoked")
    return Caller(row.id, row.store_id, row.store_code, row.till_id, row.till_code, row.merchant_id)


def caller_for(conn: Connection, store: str, till: str) -> Caller:
    """The caller of ``store``/``till`` (created if new) without a key: in-process seeding,
    the admin commands and tests act through the same paths as a till's requests."""
    row = conn.execute(
        select(stores.c.id, stores.c.merchant_id).where(stores.c.code == store)
    ).first()
    if row is None:
        raise NotFound(f"No store {store!r}", code="not_found")
    till_id = ensure_till(conn, int(row.id), till)
    return Caller(0, int(row.id), store, till_id, till, int(row.merchant_id))


def create_staff(
    conn: Connection, store: str, name: str, role: str, pin: str, merchant: str | None = None
) -> None:
    """Creates or updates (new role, new PIN, lock lifted) a staff member of ``store``."""
    if role not in ("cashier", "manager"):
        raise ValueError("role must be cashier or manager")
    store_id = ensure_store(conn, store, merchant=merchant)
    values = {
        "role": role,
        "pin_hash": hash_pin(pin, pepper_of(conn)),
        "failed_attempts": 0,
        "locked_until": None,
    }
    lift_pin_delays(conn, store_id, name)
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

    def id_of(self, code: str, merchant_id: int) -> int:
        """The id of the merchant's store ``code`` (another merchant's store: not found)."""
        found = self._ids.get(code)
        if found is None:
            found = self._ids[code] = store_id_of(self._conn, code, merchant_id)
        return found


def policy_json(conn: Connection, row: Any) -> dict[str, Any]:
    """The store's policy; the OTP minimum applies to sums (``otp.counted_value``)."""
    return {
        "otp_required": bool(row.otp_required),
        "otp_min_value": row.otp_min_value,
        "otp_sum_window_s": OTP_SUM_WINDOW_S,
        **store_limits.limits_json(conn, row.id),
    }


def session_json(conn: Connection, caller: Caller, otp_ttl_s: int, now: str) -> dict[str, Any]:
    row = store_settings(conn, caller.store_id)
    return {
        "store": {"code": row.code, "name": row.name, "phone_region": row.phone_region},
        "till": {"code": caller.till_code},
        "program": {
            "currency": row.currency,
            "points_per_unit": row.points_per_unit,
            "point_value": row.point_value,
        },
        "otp_policy": policy_json(conn, row),
        "otp_ttl_s": otp_ttl_s,
        "server_time": now,
    }


def lock_customers(conn: Connection, merchant_id: int, customer_ids: set[int]) -> None:
    """Lock these customers' rows, lowest id first (PostgreSQL; SQLite has one writer).

    A ``/v1/ops`` batch locks every account it will touch before its first operation, in
    one fixed order: two batches earning for A and B in opposite orders then queue behind
    each other instead of deadlocking (issue 14, finding 3: 12 of 20 such pairs answered 500).
    """
    if not customer_ids or conn.dialect.name != "postgresql":
        return
    conn.execute(
        select(customers.c.id)
        .where(customers.c.merchant_id == merchant_id, customers.c.id.in_(sorted(customer_ids)))
        .order_by(customers.c.id)
        .with_for_update()
    ).all()
