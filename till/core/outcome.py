"""One outcome type for every operation the till submits (earn, redeem, reverse, claim).

Why one type: the sale, the manager's claims and the review list all need the same answer to
"what happened to this operation?", judged by the one policy table
(:mod:`offline_queue.outcome_policy`). The statuses are chosen for what the till may *say*:
only ``REFUSED``, ``CANCELLED`` and ``NOT_RECORDED`` allow "nothing was charged", because
only then can the operation never be applied later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from offline_queue.errors import JournalError
from offline_queue.sync import OpOutcome as SyncOutcome
from till import journal_words
from till.backend_client import BackendError, OpResult
from till.translate import QT_TRANSLATE_NOOP, translate

KEY_MESSAGE = QT_TRANSLATE_NOOP(
    "Sale",
    "The till's API key was refused: call a technician. The operation is kept and sent "
    "once the key is fixed.",
)


class OpStatus(StrEnum):
    DONE = "done"  # applied (now or before: same op_id)
    PENDING = "pending"  # journaled, not settled: the sync worker sends it again
    KEY = "key"  # journaled, not settled: the API key was refused (technician)
    REFUSED = "refused"  # refused before effect and closed in the journal: never applied
    REVIEW = "review"  # refused before effect, in the manager's review list: may be retried
    CANCELLED = "cancelled"  # the backend confirmed the cancel: never applied
    NOT_RECORDED = "not_recorded"  # the journal could not write it: nothing happened

    @property
    def not_charged(self) -> bool:
        """The operation can never be applied: the till may say so."""
        return self in (OpStatus.REFUSED, OpStatus.CANCELLED, OpStatus.NOT_RECORDED)

    @property
    def unsettled(self) -> bool:
        """Its fate is not known yet (or may still change, for review)."""
        return self in (OpStatus.PENDING, OpStatus.KEY, OpStatus.REVIEW)


@dataclass(frozen=True)
class OpOutcome:
    op_id: str
    kind: str
    status: OpStatus
    result: OpResult | None = None
    error: BaseException | None = None

    @property
    def code(self) -> str:
        return self.error.code if isinstance(self.error, BackendError) else ""

    @property
    def message(self) -> str:
        """Plain words for the cashier (empty when done)."""
        if self.status == OpStatus.DONE:
            return ""
        if self.status == OpStatus.KEY:
            return translate("Sale", KEY_MESSAGE)
        if self.status == OpStatus.NOT_RECORDED:
            if isinstance(self.error, JournalError):
                return journal_words.sentence(self.error)
            return translate("Sale", "Sale not recorded, call a manager.")
        if self.status == OpStatus.CANCELLED and self.error is None:
            return translate("Sale", "Cancelled: nothing was charged.")
        if self.status == OpStatus.PENDING and self.error is None:
            return translate(
                "Sale", "Waiting for the loyalty server: it is sent as soon as it can be."
            )
        return str(self.error) if self.error is not None else self.status.value


def from_sync(outcome: SyncOutcome) -> OpOutcome | None:
    """The sync worker's answer for one op, as the sale reads it (None: nothing new)."""
    body: Any = outcome.body
    if outcome.outcome == "acknowledged":
        result = OpResult.from_json(body if isinstance(body, Mapping) else {})
        return OpOutcome(outcome.op_id, outcome.kind, OpStatus.DONE, result)
    if outcome.outcome == "cancelled":
        return OpOutcome(outcome.op_id, outcome.kind, OpStatus.CANCELLED)
    if outcome.outcome == "review":
        return OpOutcome(outcome.op_id, outcome.kind, OpStatus.REVIEW)
    return None
