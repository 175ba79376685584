"""Last known loyalty accounts, so a member can still be identified while offline.

Why: when the backend can't be reached the cashier must still be able to attach the
member to the sale (the earn is journaled and replayed later). Every successful lookup
stores the customer under the key it was found by (card, phone) and its own phone and
cards; an offline lookup answers from here, with the time the data was last confirmed so
the panel can say "offline, last known". No secrets are stored here. Blocking: call
through the TaskRunner.

Two plain record tables, so sqlite-utils does the SQL (create if missing, upsert, get by
primary key). The account row is written before its keys: a power cut between the two
leaves an account no key finds yet, never a key to a missing account (a cache may lose
its newest entry; the next online lookup writes it again).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils.db import NotFoundError

from till.backend_client import Customer
from till.core.sale import utc_now_iso
from till.local_db import local_database


@dataclass(frozen=True)
class CachedAccount:
    customer: Customer
    seen_at: str  # UTC ISO time the backend last confirmed this data


def _keys(customer: Customer, extra: Iterable[str]) -> set[str]:
    keys = set(extra)
    if customer.phone:
        keys.add(phone_key(customer.phone))
    keys.update(card_key(c) for c in customer.cards)
    return keys


def card_key(card: str) -> str:
    return f"card:{card.strip()}"


def phone_key(phone: str) -> str:
    digits = "".join(c for c in phone if c.isdigit())
    return f"phone:{digits}"


class AccountCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        # A cache: losing the newest entry in a power cut costs nothing, an fsync per lookup
        # would cost identification time.
        self._db = local_database(path, synchronous="NORMAL")
        self._accounts = self._db.table("accounts").create(
            {"customer_id": str, "body": str, "seen_at": str},
            pk="customer_id",
            not_null={"body", "seen_at"},
            if_not_exists=True,
        )
        self._keys = self._db.table("account_keys").create(
            {"key": str, "customer_id": str},
            pk="key",
            not_null={"customer_id"},
            if_not_exists=True,
        )

    def put(self, customer: Customer, *, card: str | None = None, phone: str | None = None) -> None:
        extra = [card_key(card)] if card else []
        if phone:
            extra.append(phone_key(phone))
        body = json.dumps(dict(customer.raw) or _customer_json(customer), sort_keys=True)
        keys = [{"key": k, "customer_id": customer.id} for k in sorted(_keys(customer, extra))]
        with self._lock:
            self._accounts.upsert(
                {"customer_id": customer.id, "body": body, "seen_at": utc_now_iso()},
                pk="customer_id",
            )
            self._keys.upsert_all(keys, pk="key")

    def adjust_balance(self, customer_id: str, balance: int) -> None:
        """Keep the cached balance in step with what the backend last answered."""
        with self._lock:
            try:
                body = json.loads(self._accounts.get(customer_id)["body"])
            except NotFoundError:
                return
            body["balance"] = balance
            self._accounts.update(
                customer_id, {"body": json.dumps(body, sort_keys=True), "seen_at": utc_now_iso()}
            )

    def get(self, *, card: str | None = None, phone: str | None = None) -> CachedAccount | None:
        key = card_key(card) if card else phone_key(phone or "")
        with self._lock:
            try:
                customer_id = self._keys.get(key)["customer_id"]
                row = self._accounts.get(customer_id)
            except NotFoundError:
                return None
        return CachedAccount(Customer.from_json(json.loads(row["body"])), row["seen_at"])

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _customer_json(c: Customer) -> dict[str, object]:
    return {
        "id": c.id,
        "name": c.name,
        "phone": c.phone,
        "status": c.status,
        "balance": c.balance,
        "email": c.email,
        "app_id": c.app_id,
        "cards": list(c.cards),
    }
