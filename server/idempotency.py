"""``op_id`` as the idempotency key of every write, remembered for ever.

The record (op_id, kind, hash of the canonical body, status, response) is written in the
same transaction as the effect, so either both exist or neither: a retry after a lost
response finds the record and gets the original answer without a second effect. Only
successful outcomes are recorded; a refused operation had no effect and may be retried
(e.g. once the balance allows it, or with the right OTP). Records never expire: a till can
be offline for days and still replay its journal exactly once.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from server.errors import Conflict
from server.schema import operations

# Built once (SQLAlchemy memoises a statement's cache key): every operation runs both.
_RECALL = select(operations).where(operations.c.op_id == bindparam("op_id"))
_REMEMBER = insert(operations)


def body_hash(kind: str, scope: dict[str, Any], body: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of what the operation means.

    Secrets (the OTP, the approving PIN) are left out: they authorise the operation but do
    not change what it is, and a hash of a 4-digit PIN would be trivially reversible.
    """
    cleaned = {k: v for k, v in body.items() if k != "otp"}
    approval = cleaned.get("approval")
    if isinstance(approval, dict):
        cleaned["approval"] = {k: v for k, v in approval.items() if k != "pin"}
    canonical = json.dumps(
        {"kind": kind, "scope": scope, "body": cleaned}, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def recall(
    conn: Connection, op_id: str, kind: str, digest: str
) -> tuple[int, dict[str, Any]] | None:
    row = conn.execute(_RECALL, {"op_id": op_id}).first()
    if row is None:
        return None
    if row.kind != kind or row.body_hash != digest:
        raise Conflict(
            "This op_id was already used for a different operation",
            code="idempotency_conflict",
            op_id=op_id,
        )
    response: dict[str, Any] = json.loads(row.response)
    return row.status, response


def remember(
    conn: Connection,
    op_id: str,
    kind: str,
    digest: str,
    status: int,
    response: dict[str, Any],
    now: str,
) -> None:
    conn.execute(
        _REMEMBER,
        {
            "op_id": op_id,
            "kind": kind,
            "body_hash": digest,
            "status": status,
            "response": json.dumps(response, separators=(",", ":")),
            "created_at": now,
        },
    )
