"""Journal first, then send: the one path by which every operation leaves the till.

Why one path: earn, redemption, reversal, claim and correction all need the same guarantees —
durable before the cashier is told anything, the same op_id on every resend, an account's
operations in journal order (a claim can never overtake the customer's pending earn), and one
judge of the answer (:mod:`offline_queue.outcome_policy`). Blocking (SQLite, HTTP): run it on
a worker, never on the GUI thread.

- :meth:`Submitter.submit` appends (or, for ``resume``, takes the journal's record), then
  sends once if no earlier op of the account is still queued; the sync worker does the rest.
- :meth:`Submitter.cancel` settles an unconfirmed op for good through
  ``POST /v1/ops/{op_id}/cancel``: the only way the till ever says "not charged" about an
  operation the backend did not refuse itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, suppress
from typing import Any, Protocol

from offline_queue.errors import OpStateError
from offline_queue.op import Op, OpState
from offline_queue.outcome_policy import Decision, Reply, Verdict, decide
from till.backend_client import BackendError, BackendUnavailable, OpResult
from till.backend_client import OpState as WireOpState
from till.core.effects import OpRequest
from till.core.outcome import OpOutcome, OpStatus

log = logging.getLogger(__name__)


class Journal(Protocol):
    def append(
        self, kind: str, account: str, payload: dict[str, Any], op_id: str | None = None
    ) -> str: ...

    def get(self, op_id: str) -> Op | None: ...

    def acknowledge(self, op_id: str, result: Mapping[str, Any]) -> None: ...

    def pending_ahead(self, op_id: str) -> int: ...

    def close_refused(self, op_id: str, error: str | Mapping[str, Any]) -> None: ...

    def move_to_review(self, op_id: str, error: str | Mapping[str, Any]) -> None: ...

    def record_attempt(self, op_id: str, error: str | Mapping[str, Any]) -> None: ...


class Client(Protocol):
    def send_journaled(self, kind: str, payload: Mapping[str, Any]) -> dict[str, Any]: ...

    def cancel_op(self, op_id: str) -> WireOpState: ...


class Guard(Protocol):
    """The sync worker's view: hold an account while the till sends to it, and wake up."""

    def sending(self, account: str) -> AbstractContextManager[None]: ...

    def kick(self) -> None: ...


class NoGuard:
    """For a till without a sync worker (tools, tests): nothing to hold back."""

    @contextmanager
    def sending(self, account: str) -> Iterator[None]:
        yield

    def kick(self) -> None:
        pass


def _status_of(op: Op) -> OpStatus | None:
    """What a journal record already says about an op (None: still pending)."""
    if op.state == OpState.ACKNOWLEDGED:
        return OpStatus.DONE
    if op.state == OpState.CANCELLED:
        return OpStatus.CANCELLED
    if op.state == OpState.REVIEW:
        return OpStatus.REVIEW
    return None


def _error_of(decision: Decision) -> BackendError:
    reply = decision.reply
    error = reply.error or {}
    return BackendError(
        decision.code,
        str(error.get("message") or decision.code),
        reply.status or 0,
        reply.details,
        reply,
    )


class Submitter:
    def __init__(
        self,
        journal: Journal,
        client: Client,
        guard: Guard | None = None,
        before_send: Callable[[str], None] | None = None,
    ) -> None:
        self._journal = journal
        self._client = client
        self._guard: Guard = guard or NoGuard()
        self._before_send = before_send

    # -- submit ---------------------------------------------------------------------------

    def submit(self, req: OpRequest, save_first: Callable[[], None] | None = None) -> OpOutcome:
        """Make ``req`` durable, send it once; the outcome says what the till may say."""
        if save_first is not None:
            try:
                save_first()
            except Exception as exc:
                log.exception("saving the sale before %s %s failed", req.kind, req.op_id)
                return OpOutcome(req.op_id, req.kind, OpStatus.NOT_RECORDED, error=exc)
        outcome: OpOutcome | None = None
        with self._guard.sending(req.account):
            payload, outcome = self._journaled(req)
            if outcome is None and payload is not None:
                if self._journal.pending_ahead(req.op_id) > 0:
                    # Earlier ops of this account are queued: they go first, in order.
                    outcome = OpOutcome(req.op_id, req.kind, OpStatus.PENDING)
                else:
                    outcome = self._send(req, payload)
        assert outcome is not None
        if outcome.status in (OpStatus.PENDING, OpStatus.KEY):
            self._guard.kick()
        return outcome

    def _journaled(self, req: OpRequest) -> tuple[dict[str, Any] | None, OpOutcome | None]:
        """The body to send, or the outcome the journal already knows."""
        if req.resume:
            op = self._journal.get(req.op_id)
            if op is not None:
                known = _status_of(op)
                if known is None:
                    return dict(op.payload), None
                result = OpResult.from_json(op.result) if op.result else None
                error = (
                    _error_of(decide(Reply(400, {"error": op.last_error})))
                    if (known == OpStatus.REVIEW and op.last_error)
                    else None
                )
                return None, OpOutcome(req.op_id, req.kind, known, result, error)
            if req.payload is None:
                # Never journaled (power cut between saving the sale and the append): it
                # was never sent, so nothing can have been charged.
                return None, OpOutcome(req.op_id, req.kind, OpStatus.NOT_RECORDED)
        assert req.payload is not None
        try:
            self._journal.append(req.kind, req.account, dict(req.payload), op_id=req.op_id)
        except Exception as exc:
            log.exception("journal append of %s %s failed", req.kind, req.op_id)
            return None, OpOutcome(req.op_id, req.kind, OpStatus.NOT_RECORDED, error=exc)
        return dict(req.payload), None

    def _send(self, req: OpRequest, payload: dict[str, Any]) -> OpOutcome:
        op_id, kind = req.op_id, req.kind
        if self._before_send is not None:
            self._before_send(op_id)
        try:
            body = self._client.send_journaled(kind, payload)
        except BackendError as exc:
            return self._refused(req, decide(exc.reply), exc)
        except Exception as exc:  # a transport bug: keep the op, the worker retries
            log.exception("sending %s %s failed unexpectedly", kind, op_id)
            return OpOutcome(op_id, kind, OpStatus.PENDING, error=exc)
        return self._acknowledged(op_id, kind, body)

    def _acknowledged(self, op_id: str, kind: str, body: Mapping[str, Any]) -> OpOutcome:
        try:
            self._journal.acknowledge(op_id, body)
        except Exception:
            # Applied; the sync worker's replay of the same op_id is harmless.
            log.exception("acknowledging %s %s failed", kind, op_id)
        return OpOutcome(op_id, kind, OpStatus.DONE, OpResult.from_json(body))

    def _refused(self, req: OpRequest, decision: Decision, exc: BackendError) -> OpOutcome:
        op_id, kind = req.op_id, req.kind
        verdict = decision.verdict
        record = {**decision.error_record(), "closed_by": "till"}
        if verdict == Verdict.DONE:  # pragma: no cover - a 2xx is never raised
            return OpOutcome(op_id, kind, OpStatus.DONE)
        if verdict in (Verdict.RETRY, Verdict.KEY):
            self._attempt(op_id, decision)
            status = OpStatus.KEY if verdict == Verdict.KEY else OpStatus.PENDING
            return OpOutcome(op_id, kind, status, error=exc)
        close = verdict in (Verdict.REFUSED, Verdict.CANCELLED) or req.close_refusals
        if close and verdict != Verdict.CANCELLED and self._maybe_in_flight(op_id):
            # An earlier copy went unanswered (timed out, reply lost): this refusal says
            # nothing about it, and it may still arrive and apply. Only a confirmed cancel
            # makes "not charged" true (the backend then refuses the op_id for ever).
            settled = self._settle_refusal(op_id, kind, exc)
            if settled is not None:
                return settled
        if close:
            try:
                self._journal.close_refused(op_id, record)
            except OpStateError:
                return self._already_settled(op_id, kind, exc)
            status = OpStatus.CANCELLED if verdict == Verdict.CANCELLED else OpStatus.REFUSED
            log.info("%s %s refused before effect: %s", kind, op_id, decision.code)
            return OpOutcome(op_id, kind, status, error=exc)
        try:
            self._journal.move_to_review(op_id, decision.error_record())
        except OpStateError:
            return self._already_settled(op_id, kind, exc)
        log.warning("%s %s to the review list: %s", kind, op_id, decision.code)
        return OpOutcome(op_id, kind, OpStatus.REVIEW, error=exc)

    def _maybe_in_flight(self, op_id: str) -> bool:
        op = self._journal.get(op_id)
        return op is not None and op.attempts > 0

    def _settle_refusal(self, op_id: str, kind: str, exc: BackendError) -> OpOutcome | None:
        """Cancel on the backend after a refusal; None when it is cancelled (close it as
        refused), else the outcome (applied by an earlier copy, or still unconfirmed)."""
        try:
            answer = self._client.cancel_op(op_id)
        except BackendError as failed:
            verdict = decide(failed.reply).verdict
            status = OpStatus.KEY if verdict == Verdict.KEY else OpStatus.PENDING
            log.warning("cancel after the refusal of %s %s failed: %s", kind, op_id, failed.code)
            return OpOutcome(op_id, kind, status, error=failed)
        if answer.state == "applied":
            result = answer.result.raw if answer.result is not None else {}
            return self._acknowledged(op_id, kind, result)
        if answer.state != "cancelled":
            return OpOutcome(op_id, kind, OpStatus.PENDING, error=exc)
        return None

    def _attempt(self, op_id: str, decision: Decision) -> None:
        with suppress(OpStateError):
            self._journal.record_attempt(op_id, decision.error_record())

    def _already_settled(self, op_id: str, kind: str, exc: BackendError) -> OpOutcome:
        """The sync worker settled the op meanwhile: its record is the truth."""
        op = self._journal.get(op_id)
        known = _status_of(op) if op is not None else None
        if known is None:
            return OpOutcome(op_id, kind, OpStatus.PENDING, error=exc)
        result = OpResult.from_json(op.result) if op is not None and op.result else None
        return OpOutcome(op_id, kind, known, result, exc)

    # -- cancel ---------------------------------------------------------------------------

    def cancel(self, op_id: str, kind: str, account: str) -> OpOutcome:
        """Settle ``op_id`` for good: CANCELLED (never applied, now or later) or DONE."""
        with self._guard.sending(account):
            op = self._journal.get(op_id)
            if op is None:
                # Never journaled, so never sent: nothing to cancel.
                return OpOutcome(op_id, kind, OpStatus.CANCELLED)
            if op.state == OpState.ACKNOWLEDGED:
                return OpOutcome(op_id, kind, OpStatus.DONE, OpResult.from_json(op.result))
            if op.state == OpState.CANCELLED:
                return OpOutcome(op_id, kind, OpStatus.CANCELLED)
            try:
                answer = self._client.cancel_op(op_id)
            except BackendUnavailable as exc:
                return OpOutcome(op_id, kind, OpStatus.PENDING, error=exc)
            except BackendError as exc:
                verdict = decide(exc.reply).verdict
                status = OpStatus.KEY if verdict == Verdict.KEY else OpStatus.PENDING
                log.warning("cancel of %s %s failed: %s", kind, op_id, exc.code)
                return OpOutcome(op_id, kind, status, error=exc)
            if answer.state == "applied":
                result = answer.result.raw if answer.result is not None else {}
                return self._acknowledged(op_id, kind, result)
            if answer.state != "cancelled":
                log.warning("cancel of %s %s answered %r", kind, op_id, answer.state)
                return OpOutcome(op_id, kind, OpStatus.PENDING)
            try:
                self._journal.close_refused(
                    op_id, {"code": "op_cancelled", "closed_by": "till", "status": 200}
                )
            except OpStateError:
                log.info("cancelled op %s was already closed", op_id)
            return OpOutcome(op_id, kind, OpStatus.CANCELLED)
