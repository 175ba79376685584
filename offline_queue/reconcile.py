"""Reconciliation: are the operations the backend acknowledged still in its ledger?

Why (issue 11, finding 4): when the backend's database is restored from an older backup,
the operations it had acknowledged since are gone from its ledger, while the till shows
"online, 0 pending" and nobody notices. So the journal keeps acknowledged operations (their
secrets already replaced at acknowledgement, see ``redaction.py``) for a retention period
(``[journal] retention_days``, default 30) and asks the backend about them at start and
every hour (``POST /v1/ops/status``, at most 500 op_ids a request). An op the backend
answers ``unknown`` goes back to pending at its original place in the journal and the sync
worker sends it again; the backend's op_id idempotency ("for ever") makes that one effect.
``applied`` is what we expect; ``cancelled`` for an op we hold as acknowledged should not
happen and is logged for a technician, never re-sent. An op missing from the answer is left
alone: only an explicit ``unknown`` moves anything.

A re-sent operation carries the scrubbed body: an earn without a secret is whole. A
redemption's one-time code is gone (scrubbed at acknowledgement, and the member has left);
in its place goes the proof the backend answered when the code approved it (the same
scheme as below, with the member's code as the approving factor), so it is applied again,
once. The balance rule still holds: if the restored balance no longer covers it (the points
were spent again after the backup), it goes to the review list saying so in plain words
(``sync_replies.POINTS_SPENT``). One acknowledged without a proof (an older backend) is
refused and goes to review too: it cannot be completed silently. A manager-approved
op (a reversal, a claim, an override) lost its PIN at acknowledgement, and a PIN on disk for
30 days is not an option; instead it is re-sent with the *approval proof* the backend
answered when it applied it (``server/approval_proof.py``: an HMAC over that exact op under
a key kept outside the database, so the restored backend still verifies it), and is applied
again, once. Only when no proof can be honoured (an op acknowledged before proofs existed,
the manager removed since, the server's pepper replaced) does it go to review, saying that it
needs a manager's PIN again, and the manager can approve it there with a PIN.

Cancellations are forgotten by a restore too (issue 11): the till told the cashier "not
charged" once ``POST /v1/ops/{op_id}/cancel`` answered ``cancelled``, and the backend then
refuses that op_id for ever, but a restored backend no longer has that record, so a late
copy of the op (a proxy's retry, another till holding it) could be applied. So the journal
keeps cancelled ops for the retention period too (then they are pruned with the acknowledged
ones) and each check also asks about those resolved within the retention period: one the backend answers ``unknown`` is cancelled again (idempotent), so the
backend refuses it for ever once more. One it answers ``applied`` contradicts what the
cashier was told: logged as an error for a technician (``cancel_contradicted``), never hidden.

Plain Python: the transport and the clock are injected; :meth:`Reconciler.run_once` is the
unit the tests drive, :meth:`Reconciler.start` runs it on a thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from offline_queue.errors import JournalError
from offline_queue.journal import Journal

__all__ = ["MAX_IDS", "CancelTransport", "ReconcileReport", "Reconciler", "StatusTransport"]

log = logging.getLogger(__name__)

#: The backend's limit on op_ids in one ``POST /v1/ops/status``.
MAX_IDS = 500
DAY_S = 86_400.0

#: ``op_ids -> [{"op_id", "state": "applied"|"cancelled"|"unknown", "result"}]``.
StatusTransport = Callable[[list[str]], Sequence[Mapping[str, Any]]]
#: ``POST /v1/ops/{op_id}/cancel``: ``op_id -> "cancelled" | "applied"``.
CancelTransport = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class ReconcileReport:
    checked: int = 0
    applied: int = 0
    requeued: int = 0
    cancelled: int = 0
    pruned: int = 0
    error: str | None = None  # the check could not finish (backend unreachable...)
    recancelled: int = 0  # cancelled ops the backend had forgotten, cancelled again
    cancel_contradicted: int = 0  # cancelled at the till, yet applied on the backend


class Reconciler:
    def __init__(
        self,
        journal: Journal,
        status: StatusTransport,
        *,
        retention_days: float = 30,
        interval_s: float = 3600.0,
        retry_s: float = 60.0,
        clock: Callable[[], float] = time.time,
        on_requeued: Callable[[int], None] | None = None,
        page_size: int = MAX_IDS,
        cancel: CancelTransport | None = None,
    ) -> None:
        """``cancel``: re-cancels cancelled ops a restored backend forgot (without it they
        are not checked)."""
        if not 1 <= page_size <= MAX_IDS:
            raise ValueError(f"page_size must be 1..{MAX_IDS}")
        self._journal = journal
        self._status = status
        self._cancel = cancel
        self.retention_s = retention_days * DAY_S
        self.interval_s = interval_s
        self.retry_s = retry_s
        self._clock = clock
        self._on_requeued = on_requeued
        self._page = page_size
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_report: ReconcileReport | None = None

    def run_once(self) -> ReconcileReport:
        """Prune settled ops past retention, then check every acknowledged op still kept."""
        since = self._clock() - self.retention_s
        counts = dict.fromkeys(
            ("checked", "applied", "requeued", "cancelled", "pruned", "recancelled"), 0
        )
        counts["cancel_contradicted"] = 0
        error: str | None = None
        try:
            counts["pruned"] = self._journal.prune_acknowledged(since)
            after = 0
            while True:
                ops = self._journal.acknowledged_since(since, after, self._page)
                if not ops:
                    break
                after = ops[-1].seq
                self._check_page([op.op_id for op in ops], counts)
            after = 0
            while self._cancel is not None:
                ops = self._journal.cancelled_since(since, after, self._page)
                if not ops:
                    break
                after = ops[-1].seq
                self._check_cancelled([op.op_id for op in ops], counts)
        except JournalError as exc:
            error = f"The journal cannot be read: {exc}"
            log.error("reconciliation stopped: %s", exc)
        except Exception as exc:  # the transport's failure: offline, refused... try later
            error = f"The backend could not be asked: {type(exc).__name__}: {exc}"
            log.warning("reconciliation stopped: %s", error)
        report = ReconcileReport(**counts, error=error)
        self.last_report = report
        if report.requeued and self._on_requeued is not None:
            self._on_requeued(report.requeued)
        return report

    def _states(self, op_ids: list[str]) -> dict[str, str]:
        answer = self._status(op_ids)
        states: dict[str, str] = {}
        for item in answer if isinstance(answer, Sequence) else ():
            if isinstance(item, Mapping) and isinstance(item.get("op_id"), str):
                states[item["op_id"]] = str(item.get("state"))
        return states

    def _check_cancelled(self, op_ids: list[str], counts: dict[str, int]) -> None:
        """Cancel again what the backend forgot; say so loudly if it applied one instead."""
        assert self._cancel is not None
        states = self._states(op_ids)
        counts["checked"] += len(op_ids)
        for op_id in op_ids:
            state = states.get(op_id)
            if state == "unknown":
                state = self._cancel(op_id)
                if state == "cancelled":
                    counts["recancelled"] += 1
                    log.warning(
                        "cancelled op %s was unknown to the backend: cancelled again", op_id
                    )
            if state == "applied":
                counts["cancel_contradicted"] += 1
                log.error(
                    "op %s was cancelled at the till (the cashier was told: not charged) but "
                    "the backend applied it: a manager must settle it with the customer",
                    op_id,
                )

    def _check_page(self, op_ids: list[str], counts: dict[str, int]) -> None:
        states = self._states(op_ids)
        counts["checked"] += len(op_ids)
        unknown = [op_id for op_id in op_ids if states.get(op_id) == "unknown"]
        counts["applied"] += sum(1 for op_id in op_ids if states.get(op_id) == "applied")
        cancelled = [op_id for op_id in op_ids if states.get(op_id) == "cancelled"]
        if cancelled:
            counts["cancelled"] += len(cancelled)
            log.error(
                "the backend says %d acknowledged operation(s) were cancelled: %s",
                len(cancelled),
                ", ".join(cancelled[:20]),
            )
        if unknown:
            moved = self._journal.requeue_acknowledged(
                unknown, "The backend no longer knew this operation (restored from a backup?)"
            )
            counts["requeued"] += moved
            log.warning("%d acknowledged operation(s) unknown to the backend: sent again", moved)

    # -- thread ------------------------------------------------------------------------------

    def start(self) -> None:
        """Check now, then every ``interval_s`` (``retry_s`` after a check that failed)."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="journal-reconcile", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            report = self.run_once()
            self._stop.wait(self.retry_s if report.error else self.interval_s)

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout_s)
