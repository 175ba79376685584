"""Missed-points claims and corrections as journaled operations (seed 004). No Qt here.

Why through the journal: a claim carries a manager's approval and changes a customer's
balance; like every other write of the till it is made durable first (``kind="claim"``,
payload = the ``POST /v1/claims`` body with its ``op_id``), then sent. If the backend cannot
be reached it stays pending and the sync worker replays it exactly once (same ``op_id``).
If the backend refuses it while the manager is watching, the refusal is shown at once and the
operation is closed in the journal so nobody retries it unknowingly. All of it is the till's
one submission path (:class:`till.core.submission.Submitter`): the same policy table, and
the same per-account order — a claim never overtakes the customer's pending operations.

A correction (a receipt's points went to the wrong customer) is two linked operations:
reverse the wrong transaction, then claim the receipt for the right customer with
``corrects`` naming the reversed transaction. Both are journaled under the *wrong* customer's
account on purpose: the sync worker keeps one account's operations in journal order, so an
offline correction can never replay the claim before the reversal (which would be refused as
``receipt_already_claimed``).

Every function here blocks (SQLite, HTTP): call it through the task runner.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from offline_queue.errors import OpStateError
from offline_queue.journal import Entry, Journal
from till.backend_client import BackendClient, BackendError, OpResult, wire_id, wire_money
from till.core.effects import OpRequest
from till.core.outcome import OpOutcome, OpStatus
from till.core.submission import Guard, Submitter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What happened to one journaled operation: ``sent``, ``pending`` or ``refused``."""

    op_id: str
    state: str
    result: OpResult | None = None
    error: BackendError | None = None

    @property
    def sent(self) -> bool:
        return self.state == "sent"


@dataclass(frozen=True)
class Correction:
    reverse: Outcome
    claim: Outcome


def preview_points(amount: Decimal, points_per_unit: Decimal) -> int:
    """Points the backend will give for ``amount`` (seed 004: 32.00 -> 32), rounded down."""
    if amount <= 0:
        return 0
    return int((amount * points_per_unit).to_integral_value(rounding=ROUND_FLOOR))


def new_op_id() -> str:
    return str(uuid.uuid4())


def claim_body(
    customer_id: str,
    receipt_no: str,
    occurred_at: str,
    amount: Decimal,
    approval: Mapping[str, str],
    store: str = "",
    corrects: str | None = None,
    op_id: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "op_id": op_id or new_op_id(),
        "customer_id": wire_id(customer_id),
        "receipt_no": receipt_no,
        "occurred_at": occurred_at,
        "amount": wire_money(amount),
        "approval": dict(approval),
    }
    if store:
        body["store"] = store
    if corrects:
        body["corrects"] = wire_id(corrects)
    return body


def reverse_payload(
    transaction_id: str, reason: str, approval: Mapping[str, str], op_id: str | None = None
) -> dict[str, Any]:
    """The reversal's journal payload: the HTTP body plus the path's ``transaction_id``."""
    return {
        "op_id": op_id or new_op_id(),
        "transaction_id": wire_id(transaction_id),
        "reason": reason,
        "approval": dict(approval),
    }


def _outcome(outcome: OpOutcome) -> Outcome:
    """The manager's three words for the one outcome type."""
    error = outcome.error if isinstance(outcome.error, BackendError) else None
    if outcome.status == OpStatus.DONE:
        return Outcome(outcome.op_id, "sent", result=outcome.result or OpResult())
    if outcome.status.not_charged:
        if error is None:
            error = BackendError(outcome.status.value, outcome.message)
        return Outcome(outcome.op_id, "refused", error=error)
    return Outcome(outcome.op_id, "pending", error=error)


def _submitter(journal: Journal, client: BackendClient, guard: Guard | None) -> Submitter:
    return Submitter(journal, client, guard)


def submit_claim(
    journal: Journal,
    client: BackendClient,
    body: Mapping[str, Any],
    account: str | None = None,
    guard: Guard | None = None,
) -> Outcome:
    """Journal the claim (durable), then send it; pending when the backend is away or an
    earlier operation of the same customer is still queued."""
    op_id = str(body["op_id"])
    request = OpRequest("claim", account or str(body["customer_id"]), op_id, dict(body))
    return _outcome(_submitter(journal, client, guard).submit(request))


def submit_correction(
    journal: Journal,
    client: BackendClient,
    wrong_customer_id: str,
    reverse: Mapping[str, Any],
    claim: Mapping[str, Any],
    guard: Guard | None = None,
) -> Correction:
    """Reverse the wrong allocation and claim the receipt for the right customer, linked.

    Both operations are journaled before anything is sent. The claim is only sent once the
    reversal went through; if the reversal is refused the claim is closed with it, and if
    the backend is away both stay pending (replayed in order, see the module docstring).
    """
    account = str(wrong_customer_id)
    rev_id = str(reverse["op_id"])
    claim_id = str(claim["op_id"])
    # One transaction: a power cut cannot leave the reversal journaled without its claim.
    journal.append_many(
        [
            Entry("reverse", account, dict(reverse), op_id=rev_id),
            Entry("claim", account, dict(claim), op_id=claim_id),
        ]
    )
    submitter = _submitter(journal, client, guard)
    rev = _outcome(submitter.submit(OpRequest("reverse", account, rev_id, None, resume=True)))
    if rev.state == "pending":
        return Correction(rev, Outcome(claim_id, "pending"))
    if rev.state == "refused":
        assert rev.error is not None
        try:
            journal.close_refused(
                claim_id, {"code": "correction_not_reversed", "closed_by": "till"}
            )
        except OpStateError:
            log.info("claim %s of a refused correction was already settled", claim_id)
        return Correction(rev, Outcome(claim_id, "refused", error=rev.error))
    claimed = submitter.submit(OpRequest("claim", account, claim_id, None, resume=True))
    return Correction(rev, _outcome(claimed))
