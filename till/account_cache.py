"""Last known loyalty accounts, so a member can still be identified while offline.

Why: when the backend can't be reached the cashier must still be able to attach the
member to the sale (the earn is journaled and replayed later). Every successful lookup
stores the customer under the key it was found by (card, phone) and its own phone and
cards; an offline lookup answers from here, with the time the data was last confirmed so
the panel can say "offline, last known". No secrets are stored here. Blocking: call
through the TaskRunner.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from till.backend_client import Customer
from till.local_db import open_local_db
from till.sale import utc_now_iso

_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    customer_id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS account_keys (
    key TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL
);
"""


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
        self._db = open_local_db(path, _SCHEMA, synchronous="NORMAL")

    def put(self, customer: Customer, *, card: str | None = None, phone: str | None = None) -> None:
        extra = [card_key(card)] if card else []
        if phone:
            extra.append(phone_key(phone))
        body = json.dumps(dict(customer.raw) or _customer_json(customer), sort_keys=True)
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.execute(
                    "INSERT INTO accounts(customer_id, body, seen_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(customer_id) DO UPDATE SET body=excluded.body, "
                    "seen_at=excluded.seen_at",
                    (customer.id, body, utc_now_iso()),
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO account_keys(key, customer_id) VALUES (?, ?)",
                    [(k, customer.id) for k in _keys(customer, extra)],
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def adjust_balance(self, customer_id: str, balance: int) -> None:
        """Keep the cached balance in step with what the backend last answered."""
        with self._lock:
            row = self._db.execute(
                "SELECT body FROM accounts WHERE customer_id = ?", (customer_id,)
            ).fetchone()
            if row is None:
                return
            body = json.loads(row[0])
            body["balance"] = balance
            self._db.execute(
                "UPDATE accounts SET body = ?, seen_at = ? WHERE customer_id = ?",
                (json.dumps(body, sort_keys=True), utc_now_iso(), customer_id),
            )

    def get(self, *, card: str | None = None, phone: str | None = None) -> CachedAccount | None:
        key = card_key(card) if card else phone_key(phone or "")
        with self._lock:
            row = self._db.execute(
                "SELECT a.body, a.seen_at FROM account_keys k "
                "JOIN accounts a ON a.customer_id = k.customer_id WHERE k.key = ?",
                (key,),
            ).fetchone()
        if row is None:
            return None
        return CachedAccount(Customer.from_json(json.loads(row[0])), row[1])

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
