"""An operation as the journal stores it, and how rows become :class:`Op` values."""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from offline_queue.errors import OpIdConflictError
from offline_queue.redaction import canonical, same_operation

# "order_paid": a table order marked paid with the sale's receipt (issue 18).
# "return": (part of) a receipt returned, its points taken back (issue 16, docs/rules.md).
# "receipt_claim": a receipt's points claimed with its signed QR code (issue 17).
# "registration": a new member, journaled like the rest (issue 11; POST /v1/customers).
# "order_cancel": a table order cancelled at the till (issue 18; a voided sale, or a key).
KINDS = frozenset(
    {
        "earn",
        "redeem",
        "reverse",
        "claim",
        "order_paid",
        "return",
        "receipt_claim",
        "registration",
        "order_cancel",
    }
)
#: What the backend accepts as an op_id (issue 3's OpenAPI): checked at append, so that an
#: operation the backend would refuse as a whole batch is never confirmed to the cashier.
OP_ID_PATTERN = re.compile(r"[A-Za-z0-9._:\-]{1,100}")
# Spelled out in each query (no string building): the columns row_to_op reads, in order.
SELECT_BY_OP_ID = (
    "SELECT seq, op_id, kind, account, payload, created_at, attempts, state, last_error,"
    " result, updated_at FROM ops WHERE op_id = ?"
)
SELECT_PENDING = (
    "SELECT seq, op_id, kind, account, payload, created_at, attempts, state, last_error,"
    " result, updated_at FROM ops WHERE state = 'pending' ORDER BY seq LIMIT ?"
)
SELECT_IN_STATE = (
    "SELECT seq, op_id, kind, account, payload, created_at, attempts, state, last_error,"
    " result, updated_at FROM ops WHERE state = ? ORDER BY seq"
)
SELECT_ACKNOWLEDGED = (
    "SELECT seq, op_id, kind, account, payload, created_at, attempts, state, last_error,"
    " result, updated_at FROM ops WHERE state = 'acknowledged' AND resolved_at >= ?"
    " AND seq > ? ORDER BY seq LIMIT ?"
)
SELECT_BY_SEQS = (
    "SELECT seq, op_id, kind, account, payload, created_at, attempts, state, last_error,"
    " result, updated_at FROM ops WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq"
)


class OpState(StrEnum):
    PENDING = "pending"
    ACKNOWLEDGED = "acknowledged"
    REVIEW = "review"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Op:
    """One journaled operation. ``payload`` is the HTTP body (with ``op_id``); times are Unix UTC."""

    op_id: str
    kind: str
    account: str
    payload: dict[str, Any]
    created_at: float
    attempts: int = 0
    seq: int = 0
    state: OpState = OpState.PENDING
    last_error: dict[str, Any] | None = None
    result: dict[str, Any] | None = None
    updated_at: float | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """An operation to append with :meth:`Journal.append_many`."""

    kind: str
    account: str
    payload: Mapping[str, Any]
    op_id: str | None = None


@dataclass(frozen=True, slots=True)
class JournalStats:
    pending: int
    oldest_pending_created_at: float | None
    review: int


def error_json(error: str | Mapping[str, Any]) -> str:
    value = {"message": error} if isinstance(error, str) else dict(error)
    return canonical(value)


def row_to_op(row: Sequence[Any]) -> Op:
    return Op(
        seq=row[0],
        op_id=row[1],
        kind=row[2],
        account=row[3],
        payload=json.loads(row[4]),
        created_at=row[5],
        attempts=row[6],
        state=OpState(row[7]),
        last_error=json.loads(row[8]) if row[8] is not None else None,
        result=json.loads(row[9]) if row[9] is not None else None,
        updated_at=row[10],
    )


def prepare_entry(entry: Entry) -> tuple[str, str, str, dict[str, Any]]:
    """(op_id, kind, account, body) of an entry to append; ValueError before any write."""
    if entry.kind not in KINDS:
        raise ValueError(f"unknown operation kind {entry.kind!r}; expected one of {sorted(KINDS)}")
    if not isinstance(entry.account, str) or not entry.account:
        raise ValueError("account must be a non-empty string")
    body_id = entry.payload.get("op_id")
    if entry.op_id is not None and body_id is not None and body_id != entry.op_id:
        raise ValueError("op_id differs from the payload's op_id")
    op_id = str(entry.op_id or body_id or uuid.uuid4())
    if not OP_ID_PATTERN.fullmatch(op_id):
        raise ValueError("op_id must be 1-100 letters, digits or . _ : -")
    body = {**entry.payload, "op_id": op_id}
    return op_id, entry.kind, entry.account, body


def insert_op(conn: sqlite3.Connection, entry: Entry, now: float) -> str:
    """Insert one entry inside the caller's transaction; the same op_id and body again is a
    no-op, a different body raises :class:`OpIdConflictError`."""
    op_id, kind, account, body = prepare_entry(entry)
    text = canonical(body)  # TypeError here (before any write) if not JSON-serialisable
    cur = conn.execute(
        "INSERT INTO ops (op_id, kind, account, payload, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(op_id) DO NOTHING",
        (op_id, kind, account, text, now, now),
    )
    if cur.rowcount == 0:
        row = conn.execute(
            "SELECT kind, account, payload FROM ops WHERE op_id = ?", (op_id,)
        ).fetchone()
        if (row[0], row[1]) != (kind, account) or not same_operation(json.loads(row[2]), body):
            raise OpIdConflictError(
                f"Operation {op_id} is already journaled with a different body."
            )
    return op_id
