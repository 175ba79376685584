"""The till's unfinished sales on disk, so a power cut mid-sale loses nothing.

Why a table of its own (not the journal): the journal holds operations for the backend;
this holds the cashier's bookkeeping — lines, member, tenders, which op_ids the sale
created. The sale is saved after every step; on restart the till lists the sales that are
not completed or voided and finishes or resumes them. SQLite WAL + synchronous=FULL: a
saved step survives a power cut. Blocking: call through the TaskRunner.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

from till.core.sale import Sale, SaleState, utc_now_iso
from till.local_db import open_local_db

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sales (
    sale_id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sales_state ON sales(state);
"""
_FINISHED = (str(SaleState.COMPLETED), str(SaleState.VOIDED))


class SaleStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = open_local_db(path, _SCHEMA, synchronous="FULL")

    def save(self, sale: Sale) -> None:
        """Durable when it returns."""
        body = json.dumps(sale.to_json(), sort_keys=True)
        with self._lock:
            self._db.execute(
                "INSERT INTO sales(sale_id, state, body, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(sale_id) DO UPDATE SET state=excluded.state, body=excluded.body, "
                "updated_at=excluded.updated_at",
                (sale.sale_id, str(sale.state), body, utc_now_iso()),
            )

    def get(self, sale_id: str) -> Sale | None:
        with self._lock:
            row = self._db.execute(
                "SELECT body FROM sales WHERE sale_id = ?", (sale_id,)
            ).fetchone()
        return Sale.from_json(json.loads(row[0])) if row else None

    def unfinished(self) -> list[Sale]:
        """Sales a power cut interrupted, oldest first (empty sales are left out)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT body FROM sales WHERE state NOT IN (?, ?) ORDER BY updated_at, rowid",
                _FINISHED,
            ).fetchall()
        sales = [Sale.from_json(json.loads(r[0])) for r in rows]
        return [s for s in sales if s.lines or s.member or s.redemption]

    def recent(self, limit: int = 50) -> list[Sale]:
        """Latest finished sales (the manager's missed-points screen may pick from them)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT body FROM sales WHERE state IN (?, ?) ORDER BY updated_at DESC LIMIT ?",
                (*_FINISHED, limit),
            ).fetchall()
        return [Sale.from_json(json.loads(r[0])) for r in rows]

    def by_receipt(self, receipt_no: str) -> Sale | None:
        """The finished sale printed with ``receipt_no`` (issue 16: a return picks its lines)."""
        with self._lock:
            row = self._db.execute(
                "SELECT body FROM sales WHERE json_extract(body, '$.receipt_no') = ? "
                "AND state IN (?, ?) ORDER BY updated_at DESC LIMIT 1",
                (receipt_no, *_FINISHED),
            ).fetchone()
        return Sale.from_json(json.loads(row[0])) if row else None

    def naming(self, op_id: str) -> list[Sale]:
        """Sales whose points tender is the redemption ``op_id`` (the review list asks, issue
        11: may a manager send it again?). A text search of the bodies: op_ids are UUIDs."""
        with self._lock:
            rows = self._db.execute(
                "SELECT body FROM sales WHERE instr(body, ?) > 0", (op_id,)
            ).fetchall()
        sales = [Sale.from_json(json.loads(r[0])) for r in rows]
        return [s for s in sales if s.redemption is not None and s.redemption.op_id == op_id]

    def close(self) -> None:
        with self._lock:
            self._db.close()
