"""Operations kept after they were settled, to check them against the backend (issue 11).

Why a class of its own: a settled operation is normally done with, but the backend can
*forget* it: its database restored from an older backup loses every op acknowledged (or
cancelled) since. So the journal keeps acknowledged and cancelled operations for a retention
period (``[journal] retention_days``), and the reconciler (``offline_queue/reconcile.py``)
asks the backend about them. This is the journal's side of that: the pages of kept ops, the
pruning, putting an op the backend lost back in the queue with a body it can still accept,
and a manager's new approval of one that needs a PIN again. The pending queue and the review
list are :class:`offline_queue.journal.Journal`'s, which builds on this.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from offline_queue.errors import OpStateError
from offline_queue.journal_file import JournalFile
from offline_queue.op import SELECT_ACKNOWLEDGED, Op, OpState, error_json, row_to_op
from offline_queue.redaction import REDACTED, canonical, resendable

SELECT_CANCELLED = (
    "SELECT seq, op_id, kind, account, payload, created_at, attempts, state, last_error,"
    " result, updated_at FROM ops WHERE state = 'cancelled' AND resolved_at >= ?"
    " AND seq > ? ORDER BY seq LIMIT ?"
)


def with_code_proof(body: dict[str, Any], result: Mapping[str, Any] | None) -> dict[str, Any]:
    """A redemption the member's SMS code approved goes back with the backend's proof of it
    in the scrubbed code's place (``server/approval_proof.py``): the code is gone for good
    (a secret is not kept once acknowledged) and the member is not at the till any more.
    Without a proof (an older backend) the scrubbed code stays, and the op goes to review."""
    proof = result.get("approval_proof") if isinstance(result, Mapping) else None
    if body.get("otp") == REDACTED and isinstance(proof, str) and result_with_otp(result):
        return {**body, "otp": proof}
    return body


def result_with_otp(result: Mapping[str, Any] | None) -> bool:
    return isinstance(result, Mapping) and result.get("with_otp") is True


class KeptOps(JournalFile):
    """Acknowledged and cancelled operations kept for reconciliation (module docstring)."""

    def prune_acknowledged(self, resolved_before: float) -> int:
        """Delete settled operations resolved before a Unix time; returns how many.

        Settled means acknowledged or cancelled: both are kept for the retention period
        only (``[journal] retention_days``, default 30), so the journal does not grow
        without bound. A cancelled op is kept that long because its op_id is what lets the
        reconciler cancel it again on a backend restored from a backup that forgot it; the
        reconciler checks only those resolved within the retention period, so one older
        than that serves nothing. Pending and review operations are never deleted. The
        newest row is always kept, so the highest seq never goes down (``seq`` is a rowid:
        a new row takes the highest + 1) and the journal's high-water mark holds.
        """
        with self._write() as conn:
            cur = conn.execute(
                "DELETE FROM ops WHERE state IN ('acknowledged', 'cancelled')"
                " AND resolved_at < ? AND seq < (SELECT MAX(seq) FROM ops)",
                (resolved_before,),
            )
            return int(cur.rowcount)

    def acknowledged_since(self, resolved_from: float, after_seq: int, limit: int) -> list[Op]:
        """Acknowledged operations resolved at or after a Unix time, by seq after ``after_seq``
        (for reconciliation with the backend, in pages)."""
        with self._read() as conn:
            rows = conn.execute(SELECT_ACKNOWLEDGED, (resolved_from, after_seq, limit)).fetchall()
        return [row_to_op(r) for r in rows]

    def cancelled_since(self, resolved_from: float, after_seq: int, limit: int) -> list[Op]:
        """Cancelled operations (the cashier was told "not charged") resolved at or after a
        Unix time, by seq after ``after_seq``: the reconciler re-cancels those a restored
        backend no longer knows, so a late copy of one is still refused."""
        with self._read() as conn:
            rows = conn.execute(SELECT_CANCELLED, (resolved_from, after_seq, limit)).fetchall()
        return [row_to_op(r) for r in rows]

    def requeue_acknowledged(self, op_ids: Iterable[str], reason: str) -> int:
        """Acknowledged operations the backend no longer knows go back to pending, at their
        original place, to be sent again (idempotent by op_id); returns how many moved.

        The body sent again is :func:`~offline_queue.redaction.resendable`: a manager's
        scrubbed PIN is replaced by the approval proof the backend answered for that op.
        """
        now = self._clock()
        error = error_json({"code": "unknown_to_backend", "message": reason})
        moved = 0
        with self._write() as conn:
            for op_id in op_ids:
                row = conn.execute(
                    "SELECT payload, result FROM ops WHERE op_id = ? AND state = 'acknowledged'",
                    (op_id,),
                ).fetchone()
                if row is None:
                    continue
                result = json.loads(row[1]) if row[1] is not None else None
                body = canonical(with_code_proof(resendable(json.loads(row[0]), result), result))
                conn.execute(
                    "UPDATE ops SET state = 'pending', payload = ?, last_error = ?,"
                    " updated_at = ?, resolved_at = NULL WHERE op_id = ?",
                    (body, error, now, op_id),
                )
                moved += 1
        return moved

    def reapprove(self, op_id: str, staff: str, pin: str) -> None:
        """A manager approves again, with a PIN, a review item that needs one (its PIN was
        scrubbed and the backend lost or refused its proof): back to pending at its place.

        The PIN stays in the journal only until the backend answers, like the first one.
        """
        with self._write() as conn:
            row = conn.execute(
                "SELECT state, payload FROM ops WHERE op_id = ?", (op_id,)
            ).fetchone()
            if row is None or row[0] != OpState.REVIEW:
                state = "not in the journal" if row is None else row[0]
                raise OpStateError(f"Operation {op_id} is {state}; only review items approve.")
            body = json.loads(row[1])
            if not isinstance(body.get("approval"), dict):
                raise OpStateError(f"Operation {op_id} needs no manager's approval.")
            body["approval"] = {"staff": staff, "pin": pin}
            conn.execute(
                "UPDATE ops SET state = 'pending', payload = ?, last_error = ?, updated_at = ?"
                " WHERE op_id = ?",
                (
                    canonical(body),
                    error_json({"code": "reapproved", "message": f"Approved again by {staff}."}),
                    self._clock(),
                    op_id,
                ),
            )
