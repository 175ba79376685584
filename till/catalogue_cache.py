"""The store's catalogue and campaigns as last downloaded, so the till sells offline.

Why a local copy: a scanned product must become a line (name, price, category) and the
points must be previewed whether or not the backend answers; the backend evaluates the
rules again at earn, so a cache a little behind costs a preview, never points. The copy is
replaced as a whole (one transaction) each time the backend answers: a power cut leaves
the old copy or the new one, never half of each. ``version`` is the backend's catalogue
version; an unchanged version skips the rewrite.

Plain record tables, so sqlite-utils does the SQL (the pattern of
:mod:`till.account_cache`). Qt-free and blocking: call through the TaskRunner. Thread-safe.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from sqlite_utils.db import NotFoundError

from till.core.parts import utc_now_iso
from till.local_db import local_database
from till.rules_wire import Campaign, Catalogue, CatalogueItem, Category, CustomerType
from till.wire import wire_money

log = logging.getLogger(__name__)


class _Client(Protocol):
    def catalogue(self) -> Catalogue: ...

    def campaigns(self) -> tuple[Campaign, ...]: ...


@dataclass(frozen=True)
class Refreshed:
    """What one refresh did (for the log and the technician)."""

    version: str
    items: int
    campaigns: int
    rewritten: bool


@dataclass(frozen=True)
class Rules:
    """The whole copy in memory: the GUI thread looks products up here without touching
    the disk (a catalogue of a few thousand items is a few hundred kilobytes)."""

    items: Mapping[str, CatalogueItem] = field(default_factory=dict)
    categories: Mapping[str, Category] = field(default_factory=dict)
    campaigns: tuple[Campaign, ...] = ()
    version: str = ""
    fetched_at: str = ""
    customer_types: Mapping[str, CustomerType] = field(default_factory=dict)

    def item(self, code: str) -> CatalogueItem | None:
        return self.items.get(product_key(code))

    def type_multiplier(self, code: str) -> Decimal:
        """The customer type's multiplier (x1 for a type the copy does not hold)."""
        known = self.customer_types.get(code)
        return known.multiplier if known is not None else Decimal(1)


def product_key(code: str) -> str:
    """Codes as the scanner or the cashier gives them: spaces dropped, letters upper-case."""
    return "".join(code.split()).upper()


class CatalogueCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        # A cache: the next online refresh rewrites what a power cut lost.
        self._db = local_database(path, synchronous="NORMAL")
        self._items = self._db.table("items").create(
            {"code": str, "name": str, "price": str, "category": str},
            pk="code",
            not_null={"name", "price"},
            if_not_exists=True,
        )
        self._categories = self._db.table("categories").create(
            {"code": str, "name": str, "earn": int, "multiplier": str},
            pk="code",
            if_not_exists=True,
        )
        self._types = self._db.table("customer_types").create(
            {"code": str, "name": str, "multiplier": str}, pk="code", if_not_exists=True
        )
        self._campaigns = self._db.table("campaigns").create(
            {"id": str, "body": str}, pk="id", not_null={"body"}, if_not_exists=True
        )
        self._meta = self._db.table("meta").create(
            {"key": str, "value": str}, pk="key", if_not_exists=True
        )

    # -- writing --------------------------------------------------------------------------

    def store(self, catalogue: Catalogue, campaigns: tuple[Campaign, ...]) -> bool:
        """Replace the copy in one transaction; False when the catalogue's version was
        already held (the campaigns are rewritten anyway: they carry no version).

        Plain SQL inside the transaction: sqlite-utils' writers commit on their own, which
        would split the replacement in two."""
        items = [
            (product_key(i.code), i.name, wire_money(i.price), i.category) for i in catalogue.items
        ]
        categories = [
            (c.code, c.name, int(c.earn), str(c.multiplier)) for c in catalogue.categories
        ]
        types = [(t.code, t.name, str(t.multiplier)) for t in catalogue.customer_types]
        bodies = [(c.id, json.dumps(dict(c.raw), sort_keys=True)) for c in campaigns]
        with self._lock:
            conn = self._db.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                rewrite = catalogue.version == "" or catalogue.version != self._get_meta("version")
                if rewrite:
                    conn.execute("DELETE FROM items")
                    conn.executemany(
                        "INSERT OR REPLACE INTO items (code, name, price, category)"
                        " VALUES (?, ?, ?, ?)",
                        items,
                    )
                    conn.execute("DELETE FROM categories")
                    conn.executemany(
                        "INSERT OR REPLACE INTO categories (code, name, earn, multiplier)"
                        " VALUES (?, ?, ?, ?)",
                        categories,
                    )
                    conn.execute("DELETE FROM customer_types")
                    conn.executemany(
                        "INSERT OR REPLACE INTO customer_types (code, name, multiplier)"
                        " VALUES (?, ?, ?)",
                        types,
                    )
                    self._put_meta("version", catalogue.version)
                conn.execute("DELETE FROM campaigns")
                conn.executemany(
                    "INSERT OR REPLACE INTO campaigns (id, body) VALUES (?, ?)", bodies
                )
                self._put_meta("fetched_at", utc_now_iso())
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return rewrite

    def refresh(self, client: _Client) -> Refreshed:
        """Download both and keep them (blocking; BackendError when the backend can't
        answer: the copy held is kept as it is)."""
        catalogue = client.catalogue()
        campaigns = client.campaigns()
        rewritten = self.store(catalogue, campaigns)
        log.info(
            "catalogue %s: %d items, %d campaigns%s",
            catalogue.version or "(no version)",
            len(catalogue.items),
            len(campaigns),
            "" if rewritten else " (unchanged)",
        )
        return Refreshed(catalogue.version, len(catalogue.items), len(campaigns), rewritten)

    # -- reading --------------------------------------------------------------------------

    def item(self, code: str) -> CatalogueItem | None:
        with self._lock:
            try:
                row = self._items.get(product_key(code))
            except NotFoundError:
                return None
        return CatalogueItem(row["code"], row["name"], Decimal(row["price"]), row["category"] or "")

    def categories(self) -> dict[str, Category]:
        with self._lock:
            rows = list(self._categories.rows)
        return {
            r["code"]: Category(r["code"], r["name"], bool(r["earn"]), Decimal(r["multiplier"]))
            for r in rows
        }

    def campaigns(self) -> tuple[Campaign, ...]:
        with self._lock:
            rows = list(self._campaigns.rows)
        found = []
        for row in rows:
            try:
                found.append(Campaign.from_json(json.loads(row["body"])))
            except (KeyError, ValueError, TypeError):
                log.warning("campaign %s in the cache can't be read: skipped", row["id"])
        return tuple(sorted(found, key=lambda c: (c.starts, c.id)))

    def load(self) -> Rules:
        """Everything held, for :class:`Rules` lookups on the GUI thread."""
        with self._lock:
            rows = list(self._items.rows)
        items = {
            r["code"]: CatalogueItem(r["code"], r["name"], Decimal(r["price"]), r["category"] or "")
            for r in rows
        }
        with self._lock:
            type_rows = list(self._types.rows)
        types = {
            r["code"]: CustomerType(r["code"], r["name"], Decimal(r["multiplier"]))
            for r in type_rows
        }
        return Rules(
            items, self.categories(), self.campaigns(), self.version, self.fetched_at, types
        )

    @property
    def version(self) -> str:
        with self._lock:
            return self._get_meta("version")

    @property
    def fetched_at(self) -> str:
        """UTC ISO time of the last download ("" when never)."""
        with self._lock:
            return self._get_meta("fetched_at")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- meta (under the lock) ------------------------------------------------------------

    def _get_meta(self, key: str) -> str:
        try:
            return str(self._meta.get(key)["value"])
        except NotFoundError:
            return ""

    def _put_meta(self, key: str, value: str) -> None:
        self._db.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
        )
