"""How the sync worker reads a batch's replies: results matched to ops, each judged once.

Why apart from the worker (``offline_queue/sync.py``): the worker is about *when* to send
(threads, backoff, accounts held back); this is about *what an answer means*, a pure
function from (batch, results) to the journal's outcomes, tested without a thread. Every
verdict comes from the one policy table, :mod:`offline_queue.outcome_policy`; this module
only adds what the table cannot know because it depends on the operation sent:

- an op re-sent after a restore whose manager PIN was scrubbed (``redaction.needs_pin``) and
  whose approval the backend refused (no proof, or a proof it could not honour) goes to the
  review list saying so in plain words, ``approval_lost``: "needs a manager's PIN again: the
  backend lost it in a restore", so the manager knows to approve it with a PIN rather than
  look for a fault. The backend's own code is kept as ``backend_code``.
- an op re-sent after a restore (it holds the result of its first acknowledgement) that the
  backend refuses for ``insufficient_points``: the restored balance no longer covers it, as
  the member spent those points again after the backup. It goes to review as
  ``points_spent_after_restore``, in those words, so the manager settles it with the member.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from offline_queue.op import Op
from offline_queue.outcome_policy import Decision, Reply, Verdict, decide, reply_of
from offline_queue.redaction import needs_pin

log = logging.getLogger("offline_queue.sync")

Outcome = Literal["acknowledged", "review", "retry", "cancelled"]

#: What the manager reads for an op whose approval the backend lost (issue 11).
APPROVAL_LOST = "Needs a manager's PIN again: the backend lost it in a restore."
#: What the manager reads for a re-sent redemption the restored balance does not cover.
POINTS_SPENT = "The member's points were spent again after the backup."
#: Our own review codes, whose message is ours too (not the backend's).
_OWN_MESSAGES = {"approval_lost": APPROVAL_LOST, "points_spent_after_restore": POINTS_SPENT}


@dataclass(frozen=True, slots=True)
class OpOutcome:
    """What happened to one operation in a round (``retry``: transient, it stays pending)."""

    op_id: str
    kind: str
    account: str
    outcome: Outcome
    status: int | None
    body: Any
    verdict: Verdict = Verdict.RETRY


@dataclass(frozen=True, slots=True)
class RoundReport:
    sent: int = 0
    acknowledged: int = 0
    review: int = 0
    retry: int = 0
    transport_failed: bool = False
    skipped: bool = False  # still backing off after a failed request


Settled = list[tuple[str, Mapping[str, Any]]]


@dataclass
class Judged:
    """A batch's outcomes, by what the journal does with them."""

    acks: Settled = field(default_factory=list)
    reviews: Settled = field(default_factory=list)
    retries: Settled = field(default_factory=list)
    cancels: Settled = field(default_factory=list)
    outcomes: list[OpOutcome] = field(default_factory=list)
    last_error: str | None = None
    key_refused: bool = False


def wire(op: Op) -> dict[str, Any]:
    """One ``POST /v1/ops`` item."""
    return {"op_id": op.op_id, "kind": op.kind, "body": op.payload}


def batch_decision(exc: Exception) -> Decision | None:
    """How the policy judges an exception that refused a whole batch (None: no reply)."""
    reply = reply_of(exc)
    return decide(reply) if reply is not None else None


def isolating(decision: Decision | None) -> bool:
    """The backend refused the batch for its content: find the culprit op by op."""
    if decision is None:
        return False
    if decision.verdict in (Verdict.REVIEW, Verdict.REFUSED, Verdict.CANCELLED):
        return True
    return decision.reply.status == 413


def match(batch: Sequence[Op], results: Sequence[Any]) -> list[Mapping[str, Any] | None]:
    """Results by op_id (or by position when the backend leaves op_id out)."""
    by_id: dict[str, Mapping[str, Any]] = {}
    for r in results:
        if isinstance(r, Mapping) and "op_id" in r:
            by_id[str(r["op_id"])] = r
    matched: list[Mapping[str, Any] | None] = []
    for i, op in enumerate(batch):
        r = by_id.get(op.op_id)
        if r is None and i < len(results) and isinstance(results[i], Mapping):
            r = results[i] if "op_id" not in results[i] else None
        matched.append(r)
    return matched


class Sender(Protocol):
    """``POST /v1/ops`` (``offline_queue.sync.BatchTransport``)."""

    def send_ops(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]: ...


def isolate(transport: Sender, batch: Sequence[Op], exc: Exception) -> list[dict[str, Any]]:
    """A batch was refused as a whole: send its ops one by one to find the culprit(s).

    Without this one unacceptable operation would block every later batch for ever. A
    single op refused as a whole gets that refusal as its result (-> review); the others
    get their own results; one that fails otherwise gets none (-> retried).
    """
    if len(batch) == 1:
        reply = reply_of(exc) or Reply(400, None)
        return [{"op_id": batch[0].op_id, "status": reply.status, "body": reply.body}]
    results: list[dict[str, Any]] = []
    for op in batch:
        try:
            answer = transport.send_ops([wire(op)])
        except Exception as single:
            got = reply_of(single)
            if got is not None and isolating(decide(got)):
                results.append({"op_id": op.op_id, "status": got.status, "body": got.body})
            continue
        if isinstance(answer, Sequence):
            results.extend(r for r in answer if isinstance(r, Mapping))
    return results


def error_message(body: Any) -> str | None:
    error = Reply(400, body).error
    return str(error["message"]) if error is not None else None


def review_record(op: Op, error: dict[str, Any]) -> dict[str, Any]:
    """The error the review list shows: in plain words when the op's PIN is gone."""
    code = str(error.get("code") or "")
    if code.startswith("approval_") and needs_pin(op.payload):
        return {**error, "code": "approval_lost", "backend_code": code, "message": APPROVAL_LOST}
    if code == "insufficient_points" and op.result is not None:  # acknowledged once before
        return {
            **error,
            "code": "points_spent_after_restore",
            "backend_code": code,
            "message": POINTS_SPENT,
        }
    return error


def judge(batch: Sequence[Op], results: Sequence[Any]) -> Judged:
    """Each op's verdict for the journal (see the module docstring)."""
    judged = Judged()
    for op, r in zip(batch, match(batch, results), strict=True):
        status: int | None = None
        body: Any = None
        if r is not None:
            try:
                status = int(r.get("status", -1))
            except (TypeError, ValueError):
                status = None
            body = r.get("body")
        decision = decide(Reply(status, body))
        verdict = decision.verdict
        error: dict[str, Any] = decision.error_record() if r is not None else {"code": "no_result"}
        outcome: Outcome
        if verdict == Verdict.DONE:
            judged.acks.append((op.op_id, body if isinstance(body, Mapping) else {"body": body}))
            outcome = "acknowledged"
        elif verdict in (Verdict.REFUSED, Verdict.REVIEW):
            record = review_record(op, error)
            judged.reviews.append((op.op_id, record))
            outcome = "review"
            log.warning("op %s (%s) to review: %s %s", op.op_id, op.kind, status, record["code"])
            message = (_OWN_MESSAGES.get(record["code"]) or error_message(body) or "").strip()
            judged.last_error = f"A {op.kind} was refused ({record['code']}): {message}"
        elif verdict == Verdict.CANCELLED:
            judged.cancels.append((op.op_id, error))
            outcome = "cancelled"
            log.info("op %s (%s) was cancelled on the backend", op.op_id, op.kind)
        else:
            judged.key_refused = judged.key_refused or verdict == Verdict.KEY
            judged.retries.append((op.op_id, error))
            outcome = "retry"
            log.info("op %s (%s) will be retried: %s", op.op_id, op.kind, error["code"])
            judged.last_error = f"A {op.kind} will be retried ({error['code']})."
        judged.outcomes.append(
            OpOutcome(op.op_id, op.kind, op.account, outcome, status, body, verdict)
        )
    return judged
