"""The sync worker: replays the journal's pending operations to the backend, exactly once.

Exactly once comes from the backend, not from us: every operation carries its ``op_id`` as
the idempotency key (issue 3), so when a response is lost (dropped connection, timeout,
power cut after sending) we simply send the same body again and the backend answers the
original response without a second effect. The journal only marks an operation
acknowledged after such an answer, in the same durable way it was written.

Order: only the *first* pending operation of an account is ever in flight (at most one per
account per batch), so an account's operations are applied in journal order: an earn before
the redemption that spends it. When an operation fails, the account's later operations wait
(backoff for a transient failure, the manager's review for a permanent one) while other
accounts go on.

Failures are judged by the one policy table, :mod:`offline_queue.outcome_policy`:

- the whole request fails (no reply, 5xx, 408/423/425/429, or a 4xx that is not the backend's
  own JSON error body: a proxy's page, an older backend's unknown route) -> capped
  exponential backoff with jitter for the whole worker; ``kick()`` tries again at once;
- the whole request is refused with 401/403 -> the API key is refused: the state says so
  (``key_refused``), distinct from offline; the operations stay pending, backoff as above;
- the whole request is refused by the backend for its content (its JSON error, or 413) ->
  its operations are sent one by one, so that only the culprit goes to review instead of
  blocking everything behind it;
- one operation answers RETRY -> that account backs off, the others go on;
- one operation is refused before effect -> review list with the backend's error, for a
  manager to retry or cancel; never dropped; ``409 op_cancelled`` -> closed as cancelled
  (the backend will never apply that op_id);
- 2xx (also a replayed original response) -> acknowledged with the response body.

How a batch's replies are read (matched to their ops, judged by the table, a lost manager
approval named in plain words) is :mod:`offline_queue.sync_replies`; this module decides when
to send and records what was judged.

Plain Python: the UI learns the state through ``on_state(SyncState)`` (called from the
worker's thread whenever the state changes) and per-operation ``on_outcome(OpOutcome)``.
Nothing here logs a payload: bodies may hold an OTP or a manager PIN.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from offline_queue.backoff import Backoff
from offline_queue.errors import JournalError, OpStateError, TransientSendError
from offline_queue.journal import Journal
from offline_queue.op import Op
from offline_queue.outcome_policy import Decision, Verdict
from offline_queue.sync_replies import (
    OpOutcome,
    RoundReport,
    batch_decision,
    isolate,
    isolating,
    judge,
    wire,
)

__all__ = ["BatchTransport", "OpOutcome", "RoundReport", "SyncState", "SyncWorker"]

log = logging.getLogger(__name__)


class BatchTransport(Protocol):
    """``POST /v1/ops``: ``[{op_id, kind, body}]`` -> ``[{op_id, status, body}]`` in order.

    Raises :class:`offline_queue.errors.TransientSendError` when the backend cannot be
    reached or answers the whole request with 5xx/429.
    """

    def send_ops(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]: ...


@dataclass(frozen=True, slots=True)
class SyncState:
    """What the till shows: ``online`` is None until the backend was first contacted."""

    online: bool | None
    pending: int
    oldest_pending_age_s: float | None
    review: int
    last_error: str | None
    key_refused: bool = False  # 401/403: the API key is refused; not the same as offline


class SyncWorker:
    def __init__(
        self,
        journal: Journal,
        transport: BatchTransport,
        on_state: Callable[[SyncState], None] | None = None,
        *,
        on_outcome: Callable[[OpOutcome], None] | None = None,
        batch_size: int = 100,
        backoff: Backoff | None = None,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        idle_poll_s: float = 30.0,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._journal = journal
        self._transport = transport
        self._on_state = on_state
        self._on_outcome = on_outcome
        self._batch_size = batch_size
        self._backoff = backoff or Backoff()
        self._rng = rng or random.Random()  # jitter, not a secret
        self._clock = clock
        self._wall_clock = wall_clock
        self._idle_poll_s = idle_poll_s
        self._lock = threading.Lock()
        self._online: bool | None = None
        self._last_error: str | None = None
        self._key_refused = False
        self._failures = 0
        self._retry_at = float("-inf")
        self._account_failures: dict[str, int] = {}
        self._account_retry_at: dict[str, float] = {}
        self._sending: dict[str, int] = {}  # accounts the till is sending to itself, right now
        self._published: tuple[Any, ...] | None = None
        self._kicked = False
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the thread --------------------------------------------------------------------------

    def start(self) -> None:
        """Start replaying on a daemon thread (idempotent)."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stopping.clear()
            self._kicked = True  # first round at once, whatever the backoff says
            self._thread = threading.Thread(target=self._run, name="journal-sync", daemon=True)
            self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop after the current round (a round in flight finishes; nothing is lost either way)."""
        self._stopping.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout_s)

    def kick(self) -> None:
        """Sync now (e.g. right after an append, or from a "sync now" button): skips backoff."""
        with self._lock:
            self._kicked = True
        self._wake.set()

    @contextmanager
    def sending(self, account: str) -> Iterator[None]:
        """Hold ``account`` back while the till appends and sends one of its operations itself.

        Why: the till sends a new operation at once (the customer is waiting). Without the
        hold, the worker could replay the same op_id concurrently; idempotency keeps the
        effect single, but a wrong OTP would be counted twice against the customer's five
        attempts. The worker skips held accounts, and their later operations wait with them.
        """
        with self._lock:
            self._sending[account] = self._sending.get(account, 0) + 1
        try:
            yield
        finally:
            with self._lock:
                left = self._sending.get(account, 0) - 1
                if left > 0:
                    self._sending[account] = left
                else:
                    self._sending.pop(account, None)

    def _take_kick(self) -> bool:
        with self._lock:
            kicked, self._kicked = self._kicked, False
            self._wake.clear()
            return kicked

    def _run(self) -> None:
        while not self._stopping.is_set():
            force = self._take_kick()
            more = False
            try:
                report = self.run_once(force=force)
                more = report.sent > 0 and not report.transport_failed
            except Exception:  # never let the thread die: the till depends on it
                log.exception("sync round failed")
                self._failed("The till could not sync its journal (see the log).", offline=None)
            if self._stopping.is_set():
                break
            if not more:
                self._wake.wait(self.next_delay_s())

    def next_delay_s(self) -> float:
        """Seconds until a round could do something (backoff ends, or the idle poll)."""
        now = self._clock()
        with self._lock:
            candidates = [self._idle_poll_s]
            if self._retry_at > now:
                candidates.append(self._retry_at - now)
            candidates.extend(t - now for t in self._account_retry_at.values() if t > now)
        return max(0.0, min(candidates))

    # -- one round ---------------------------------------------------------------------------

    def run_once(self, force: bool = False) -> RoundReport:
        """Send one batch and record its outcomes. Call directly only when not ``start()``ed."""
        now = self._clock()
        with self._lock:
            if not force and now < self._retry_at:
                return RoundReport(skipped=True)
            held = [a for a, t in self._account_retry_at.items() if t > now]
            held.extend(self._sending)
        try:
            batch = self._journal.next_batch(self._batch_size, held)
        except JournalError as exc:
            self._failed(f"The journal cannot be read: {exc}", offline=None)
            return RoundReport(transport_failed=True)
        if not batch:
            self.publish()
            return RoundReport()
        try:
            results = self._transport.send_ops([wire(op) for op in batch])
        except TransientSendError as exc:
            decision = batch_decision(exc)
            if decision is not None and decision.verdict == Verdict.KEY:
                return self._key_failed(batch, decision)
            return self._batch_failed(batch, f"The backend cannot be reached: {exc}")
        except Exception as exc:
            decision = batch_decision(exc)
            log.warning(
                "batch of %d refused: %s (%s)",
                len(batch),
                type(exc).__name__,
                decision.rule if decision else "no reply",
            )
            if decision is not None and decision.verdict == Verdict.KEY:
                return self._key_failed(batch, decision)
            if isolating(decision):
                return self._settle(batch, isolate(self._transport, batch, exc), now)
            return self._batch_failed(batch, f"The backend refused the sync: {exc}")
        if not isinstance(results, Sequence) or isinstance(results, str | bytes):
            return self._batch_failed(batch, "The backend's answer was not a list of results.")
        return self._settle(batch, results, now)

    def _key_failed(self, batch: Sequence[Op], decision: Decision) -> RoundReport:
        """401/403: the key, not the operations. They stay pending; the state says so."""
        with self._lock:
            self._key_refused = True
        said = (decision.reply.error or {}).get("message") or decision.code
        self._failed(
            f"The till's API key was refused ({said}): call a technician. "
            "Operations are kept and sent once it is fixed.",
            offline=False,
        )
        try:
            self._journal.settle(attempts=[(op.op_id, decision.error_record()) for op in batch])
        except JournalError as exc:
            log.error("could not record the attempt: %s", exc)
        self.publish()
        return RoundReport(sent=len(batch), retry=len(batch), transport_failed=True)

    def _batch_failed(self, batch: Sequence[Op], message: str) -> RoundReport:
        self._failed(message, offline=True)
        try:
            self._journal.settle(attempts=[(op.op_id, message) for op in batch])
        except JournalError as exc:
            log.error("could not record the attempt: %s", exc)
        self.publish()
        return RoundReport(sent=len(batch), retry=len(batch), transport_failed=True)

    def _failed(self, message: str, offline: bool | None) -> None:
        """Back off the whole worker; ``offline`` True/False sets ``online``, None leaves it."""
        now = self._clock()
        with self._lock:
            if offline is not None:
                self._online = not offline
            self._last_error = message
            self._failures += 1
            self._retry_at = now + self._backoff.delay(self._failures, self._rng)

    def _settle(self, batch: Sequence[Op], results: Sequence[Any], now: float) -> RoundReport:
        judged = judge(batch, results)
        try:
            self._journal.settle(
                acknowledged=judged.acks, review=judged.reviews, attempts=judged.retries
            )
            for op_id, cancel in judged.cancels:
                self._close_cancelled(op_id, cancel)
        except JournalError as exc:
            # Not recorded: the next round sends the same ops again and the backend answers
            # their original responses (op_id idempotency), so nothing is lost or doubled.
            self._failed(f"The journal cannot record the sync: {exc}", offline=False)
            self.publish()
            return RoundReport(sent=len(batch), transport_failed=True)
        account_of = {op.op_id: op.account for op in batch}
        with self._lock:
            self._online = True
            self._key_refused = judged.key_refused
            self._failures = 0
            self._retry_at = float("-inf")
            self._last_error = judged.last_error
            for op_id, _ in (*judged.acks, *judged.reviews, *judged.cancels):
                self._account_failures.pop(account_of[op_id], None)
                self._account_retry_at.pop(account_of[op_id], None)
            for op_id, _ in judged.retries:
                account = account_of[op_id]
                n = self._account_failures.get(account, 0) + 1
                self._account_failures[account] = n
                self._account_retry_at[account] = now + self._backoff.delay(n, self._rng)
        self._emit_outcomes(judged.outcomes)
        self.publish()
        return RoundReport(
            sent=len(batch),
            acknowledged=len(judged.acks),
            review=len(judged.reviews) + len(judged.cancels),
            retry=len(judged.retries),
        )

    def _close_cancelled(self, op_id: str, error: Mapping[str, Any]) -> None:
        try:
            self._journal.close_refused(op_id, error)
        except OpStateError:
            log.info("cancelled op %s was already settled", op_id)

    # -- state for the UI --------------------------------------------------------------------

    def state(self) -> SyncState:
        """The current state, read fresh from the journal (cheap: indexed counts)."""
        stats = self._journal.stats()
        age = None
        if stats.oldest_pending_created_at is not None:
            age = max(0.0, self._wall_clock() - stats.oldest_pending_created_at)
        with self._lock:
            online, last_error, key = self._online, self._last_error, self._key_refused
        return SyncState(online, stats.pending, age, stats.review, last_error, key)

    def publish(self) -> None:
        """Call ``on_state`` if the state changed since last time (age compared in whole seconds)."""
        if self._on_state is None:
            return
        try:
            state = self.state()
        except JournalError as exc:
            log.error("cannot read the journal's state: %s", exc)
            return
        age = state.oldest_pending_age_s
        key = (state.online, state.pending, None if age is None else int(age), state.review,
               state.last_error, state.key_refused)  # fmt: skip
        with self._lock:
            if key == self._published:
                return
            self._published = key
        try:
            self._on_state(state)
        except Exception:
            log.exception("on_state callback failed")

    def _emit_outcomes(self, outcomes: Sequence[OpOutcome]) -> None:
        if self._on_outcome is None:
            return
        for outcome in outcomes:
            try:
                self._on_outcome(outcome)
            except Exception:
                log.exception("on_outcome callback failed")
