"""Missed-points claims and corrections as journaled operations (seed 004). No Qt here.

Why through the journal: a claim carries a manager's approval and changes a customer's
balance; like every other write of the till it is made durable first (``kind="claim"``,
payload = the ``POST /v1/claims`` body with its ``op_id``), then sent. If the backend cannot
be reached it stays pending and the sync worker replays it exactly once (same ``op_id``).
If the backend refuses it while the manager is watching, the refusal is shown at once and the
operation is closed in the journal (moved to review, then cancelled) so nobody retries it
unknowingly.

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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from offline_queue.errors import OpStateError
from offline_queue.journal import Entry, Journal
from till.backend_client import BackendClient, BackendError, BackendUnavailable, wire_id, wire_money

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What happened to one journaled operation: ``sent``, ``pending`` or ``refused``."""

    op_id: str
    state: str
    result: Mapping[str, Any] | None = None
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


# 429s that are not the server's load: a locked manager is refused now, not retried later.
_REFUSED_429 = frozenset({"approval_locked"})


def _error_record(exc: BackendError) -> dict[str, Any]:
    return {"code": exc.code, "message": str(exc), "status": exc.status, **exc.details}


def _send(journal: Journal, op_id: str, call: Callable[[], Mapping[str, Any]]) -> Outcome:
    try:
        result = dict(call())
    except BackendUnavailable as exc:
        if exc.code in _REFUSED_429:
            log.info("operation %s refused by the backend: %s", op_id, exc.code)
            _close_refused(journal, op_id, exc)
            return Outcome(op_id, "refused", error=exc)
        log.info("operation %s left pending: %s", op_id, exc.code)
        return Outcome(op_id, "pending", error=exc)
    except BackendError as exc:
        log.info("operation %s refused by the backend: %s", op_id, exc.code)
        _close_refused(journal, op_id, exc)
        return Outcome(op_id, "refused", error=exc)
    try:
        journal.acknowledge(op_id, result)
    except Exception:  # the sync worker may have acknowledged it first: no harm
        log.warning("operation %s was sent but could not be acknowledged here", op_id)
    return Outcome(op_id, "sent", result=result)


def _close_refused(journal: Journal, op_id: str, exc: BackendError) -> None:
    """The manager saw the refusal: keep it in the journal's history, but not to replay."""
    try:
        journal.close_refused(op_id, _error_record(exc))
    except OpStateError:  # the sync worker settled it first
        log.info("refused operation %s was already settled", op_id)
    except Exception:
        log.exception("closing refused operation %s failed; see the review list", op_id)


def submit_claim(
    journal: Journal, client: BackendClient, body: Mapping[str, Any], account: str | None = None
) -> Outcome:
    """Journal the claim (durable), then send it; pending when the backend is away."""
    op_id = str(body["op_id"])
    journal.append("claim", account or str(body["customer_id"]), dict(body), op_id=op_id)
    return _send(journal, op_id, lambda: client.send_journaled("claim", body))


def submit_correction(
    journal: Journal,
    client: BackendClient,
    wrong_customer_id: str,
    reverse: Mapping[str, Any],
    claim: Mapping[str, Any],
) -> Correction:
    """Reverse the wrong allocation and claim the receipt for the right customer, linked.

    Both operations are journaled before anything is sent. The claim is only sent once the
    reversal went through; if the reversal is refused the claim is cancelled with it, and if
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
    rev = _send(journal, rev_id, lambda: client.send_journaled("reverse", reverse))
    if rev.state == "pending":
        return Correction(rev, Outcome(claim_id, "pending"))
    if rev.state == "refused":
        assert rev.error is not None
        _close_refused(
            journal,
            claim_id,
            BackendError("correction_not_reversed", "The earlier allocation was not reversed."),
        )
        return Correction(rev, Outcome(claim_id, "refused", error=rev.error))
    return Correction(rev, _send(journal, claim_id, lambda: client.send_journaled("claim", claim)))
