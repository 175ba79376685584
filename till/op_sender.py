"""Journal first, then send: how every earn, redemption, reversal and claim leaves the till.

Why: the cashier is told an operation happened only once it is durably in the journal; the
first send is attempted at once (the customer is standing there), and if the backend can't
be reached the operation simply stays pending for the sync worker, which replays it with
the same ``op_id`` (so a lost answer never charges twice). A refusal the cashier sees and
acts on (wrong OTP, not enough points) is closed in the journal at once: it is not a
failure a manager must review later.

One runner job does append + send + acknowledge, so the GUI thread never blocks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from offline_queue.errors import JournalError, OpStateError
from till.backend_client import BackendError, BackendUnavailable
from till.tasks import TaskRunner

log = logging.getLogger(__name__)


class OpStatus(StrEnum):
    DONE = "done"  # the backend applied it (or had applied it before: same op_id)
    PENDING = "pending"  # journaled; the backend can't be reached; the sync worker replays it
    REFUSED = "refused"  # the backend refused it for a reason shown to the cashier
    NOT_RECORDED = "not_recorded"  # the journal could not write it: nothing happened


@dataclass(frozen=True)
class OpOutcome:
    op_id: str
    kind: str
    status: OpStatus
    result: dict[str, Any] | None = None
    error: BaseException | None = None

    @property
    def code(self) -> str:
        return self.error.code if isinstance(self.error, BackendError) else ""

    @property
    def message(self) -> str:
        """Plain words for the cashier (empty when done)."""
        if self.status == OpStatus.DONE:
            return ""
        if self.status == OpStatus.NOT_RECORDED:
            if isinstance(self.error, JournalError):
                return str(self.error)
            return "Sale not recorded, call a manager."
        return str(self.error)


class _Journal(Protocol):
    def append(
        self, kind: str, account: str, payload: dict[str, Any], op_id: str | None = None
    ) -> str: ...

    def acknowledge(self, op_id: str, result: dict[str, Any]) -> Any: ...

    def pending_ahead(self, op_id: str) -> int: ...

    def close_refused(self, op_id: str, error: dict[str, Any]) -> Any: ...


class _Client(Protocol):
    def send_journaled(self, kind: str, payload: Mapping[str, Any]) -> dict[str, Any]: ...


class _Sync(Protocol):
    def kick(self) -> None: ...

    def sending(self, account: str) -> AbstractContextManager[None]: ...


# Refusals the cashier sees and acts on at the till; anything else the backend refuses
# permanently stays for the manager's review list (the sync worker decides that).
CASHIER_REFUSALS = frozenset(
    {
        "otp_invalid",
        "otp_expired",
        "otp_locked",
        "otp_required",
        "insufficient_points",
        "customer_inactive",
        "approval_invalid",
        "approval_locked",
        "approval_required",
        "not_found",
    }
)


class OperationSender:
    def __init__(self, journal: _Journal, client: _Client, runner: TaskRunner, sync: _Sync):
        self._journal = journal
        self._client = client
        self._runner = runner
        self._sync = sync

    def submit(
        self,
        kind: str,
        account: str,
        payload: Mapping[str, Any],
        on_outcome: Callable[[OpOutcome], None],
        *,
        journaled: bool = False,
        before: Callable[[], None] | None = None,
    ) -> None:
        """Append ``payload`` (which carries its ``op_id``) durably, then send it.

        ``journaled=True`` resends an operation already in the journal (restart after a
        power cut): same op_id, same body, no second append. ``before`` runs in the same job
        just before the append (the sale store saves the sale that names this op_id, so a
        power cut can never leave an operation the till's sale does not know about).
        """
        body = dict(payload)
        op_id = str(body["op_id"])

        def work() -> OpOutcome:
            if before is not None:
                try:
                    before()
                except Exception as exc:
                    log.exception("saving the sale before %s %s failed", kind, op_id)
                    return OpOutcome(op_id, kind, OpStatus.NOT_RECORDED, error=exc)
            # The sync worker leaves this account alone until our own send is settled.
            with self._sync.sending(account):
                if not journaled:
                    try:
                        self._journal.append(kind, account, body, op_id=op_id)
                    except Exception as exc:
                        log.exception("journal append of %s %s failed", kind, op_id)
                        return OpOutcome(op_id, kind, OpStatus.NOT_RECORDED, error=exc)
                if self._journal.pending_ahead(op_id) > 0:
                    # Earlier operations of this customer are still queued: they go first,
                    # through the sync worker, so the backend sees them in order.
                    return OpOutcome(op_id, kind, OpStatus.PENDING)
                return self._send(kind, op_id, body)

        def done(outcome: OpOutcome) -> None:
            if outcome.status == OpStatus.PENDING:
                self._sync.kick()
            on_outcome(outcome)

        def failed(exc: BaseException) -> None:
            log.error("operation %s %s failed unexpectedly", kind, op_id, exc_info=exc)
            on_outcome(OpOutcome(op_id, kind, OpStatus.PENDING, error=exc))

        self._runner.run(work, done, failed)

    def _send(self, kind: str, op_id: str, body: dict[str, Any]) -> OpOutcome:
        try:
            result = self._client.send_journaled(kind, body)
        except BackendUnavailable as exc:
            return OpOutcome(op_id, kind, OpStatus.PENDING, error=exc)
        except BackendError as exc:
            if exc.code in CASHIER_REFUSALS:
                self._close_refused(op_id, exc)
                return OpOutcome(op_id, kind, OpStatus.REFUSED, error=exc)
            # Unexpected refusal: leave it pending; the sync worker moves it to review.
            log.warning("backend refused %s %s: %s", kind, op_id, exc.code)
            self._sync.kick()
            return OpOutcome(op_id, kind, OpStatus.REFUSED, error=exc)
        try:
            self._journal.acknowledge(op_id, result)
        except Exception:
            # Sent and applied; the sync worker's replay of the same op_id is harmless.
            log.exception("acknowledging %s %s failed", kind, op_id)
        return OpOutcome(op_id, kind, OpStatus.DONE, result=result)

    def _close_refused(self, op_id: str, exc: BackendError) -> None:
        """Close a refusal the cashier handled: not applied, secrets scrubbed, not for review."""
        error = {"code": exc.code, "status": exc.status, "closed_by": "till", **exc.details}
        try:
            self._journal.close_refused(op_id, error)
        except OpStateError:
            log.info("refused operation %s was already settled", op_id)
        except Exception:
            log.exception("closing refused operation %s failed", op_id)
