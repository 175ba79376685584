"""``op_id`` as the idempotency key of every write, remembered for ever.

The record (op_id, kind, hash of the canonical body, status, response) is written in the
same transaction as the effect, so either both exist or neither: a retry after a lost
response finds the record and gets the original answer without a second effect. Only
successful outcomes are recorded; a refused operation had no effect and may be retried
(e.g. once the balance allows it, or with the right OTP). Records never expire: a till can
be offline for days and still replay its journal exactly once.

Records are keyed by (merchant, op_id) (issue 13): the same op_id sent with another
merchant's key is another operation, never a replay of someone else's answer.

Settling an op for good (issue 11): ``cancel`` either finds the op applied and returns its
original answer, or records the op_id as cancelled (a row of kind ``cancelled``), after
which every attempt to run it is refused with ``op_cancelled``. Both happen under the write
lock (and, on PostgreSQL, the op_id's advisory lock: ``op_key``), so an op is never applied
after its cancel was confirmed, nor cancelled once applied.
``states`` answers which of a list of op_ids were applied, cancelled or never seen (e.g.
after the database was restored from an older copy: the till then sends them again).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from server.db import lock_keys
from server.errors import Conflict
from server.schema import operations

CANCELLED = "cancelled"

# Built once (SQLAlchemy memoises a statement's cache key): every operation runs both.
_RECALL = select(operations).where(
    operations.c.merchant_id == bindparam("merchant_id"),
    operations.c.op_id == bindparam("op_id"),
)
_REMEMBER = insert(operations)


def op_key(merchant_id: int, op_id: str) -> str:
    """The advisory-lock key of one merchant's op_id (``db.lock_keys``): taken before the
    record is looked up, by ``operations.Runner.apply`` and by ``cancel``, so that "look up,
    then record" is one step on PostgreSQL too (issue 14)."""
    return f"op:{merchant_id}:{op_id}"


def body_hash(kind: str, scope: dict[str, Any], body: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of what the operation means.

    Secrets (the OTP, the approving PIN) are left out: they authorise the operation but do
    not change what it is, and a hash of a 4-digit PIN would be trivially reversible. So is
    an approval proof (``approval_proof``): it is made over this digest, and the same op
    re-sent with its proof instead of the PIN is the same operation.
    """
    cleaned = {k: v for k, v in body.items() if k != "otp"}
    approval = cleaned.get("approval")
    if isinstance(approval, dict):
        cleaned["approval"] = {k: v for k, v in approval.items() if k not in ("pin", "proof")}
    canonical = json.dumps(
        {"kind": kind, "scope": scope, "body": cleaned}, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def recall(
    conn: Connection, merchant_id: int, op_id: str, kind: str, digest: str
) -> tuple[int, dict[str, Any]] | None:
    """The recorded (status, body) of this op, None if new; raises if cancelled or reused."""
    row = conn.execute(_RECALL, {"merchant_id": merchant_id, "op_id": op_id}).first()
    if row is None:
        return None
    if row.kind == CANCELLED:
        raise Conflict(
            "This operation was cancelled; it will never be applied",
            code="op_cancelled",
            op_id=op_id,
        )
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
    merchant_id: int,
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
            "merchant_id": merchant_id,
            "op_id": op_id,
            "kind": kind,
            "body_hash": digest,
            "status": status,
            "response": json.dumps(response, separators=(",", ":")),
            "created_at": now,
        },
    )


def cancel(conn: Connection, merchant_id: int, op_id: str, now: str) -> dict[str, Any]:
    """``{"state": "cancelled"}`` (recorded for ever) or the applied op's original result."""
    lock_keys(conn, op_key(merchant_id, op_id))
    row = conn.execute(_RECALL, {"merchant_id": merchant_id, "op_id": op_id}).first()
    if row is None:
        conn.execute(
            _REMEMBER,
            {
                "merchant_id": merchant_id,
                "op_id": op_id,
                "kind": CANCELLED,
                "body_hash": "",
                "status": 409,
                "response": "{}",
                "created_at": now,
            },
        )
        return {"state": CANCELLED}
    if row.kind == CANCELLED:
        return {"state": CANCELLED}
    return {"state": "applied", "result": json.loads(row.response)}


def states(conn: Connection, merchant_id: int, op_ids: list[str]) -> list[dict[str, Any]]:
    """Each op_id's state (``applied`` with its result, ``cancelled``, ``unknown``), in order."""
    rows = {
        r.op_id: r
        for r in conn.execute(
            select(operations.c.op_id, operations.c.kind, operations.c.response).where(
                operations.c.merchant_id == merchant_id,
                operations.c.op_id.in_(sorted(set(op_ids))),
            )
        ).all()
    }
    out: list[dict[str, Any]] = []
    for op_id in op_ids:
        row = rows.get(op_id)
        if row is None:
            out.append({"op_id": op_id, "state": "unknown", "result": None})
        elif row.kind == CANCELLED:
            out.append({"op_id": op_id, "state": CANCELLED, "result": None})
        else:
            out.append({"op_id": op_id, "state": "applied", "result": json.loads(row.response)})
    return out
