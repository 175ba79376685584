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
from typing import Any, Literal, Protocol

from offline_queue.backoff import Backoff
from offline_queue.errors import JournalError, OpStateError, TransientSendError
from offline_queue.journal import Journal
from offline_queue.op import Op
from offline_queue.outcome_policy import Decision, Reply, Verdict, decide, reply_of

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


@dataclass(frozen=True, slots=True)
class OpOutcome:
    """What happened to one operation in a round (``retry``: transient, it stays pending)."""

    op_id: str
    kind: str
    account: str
    outcome: Literal["acknowledged", "review", "retry", "cancelled"]
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


def _batch_decision(exc: Exception) -> Decision | None:
    """How the policy judges an exception that refused a whole batch (None: no reply)."""
    reply = reply_of(exc)
    return decide(reply) if reply is not None else None


def _isolating(decision: Decision | None) -> bool:
    """The backend refused the batch for its content: find the culprit op by op."""
    if decision is None:
        return False
    if decision.verdict in (Verdict.REVIEW, Verdict.REFUSED, Verdict.CANCELLED):
        return True
    return decision.reply.status == 413


def _wire(op: Op) -> dict[str, Any]:
    return {"op_id": op.op_id, "kind": op.kind, "body": op.payload}


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
            results = self._transport.send_ops([_wire(op) for op in batch])
        except TransientSendError as exc:
            decision = _batch_decision(exc)
            if decision is not None and decision.verdict == Verdict.KEY:
                return self._key_failed(batch, decision)
            return self._batch_failed(batch, f"The backend cannot be reached: {exc}")
        except Exception as exc:
            decision = _batch_decision(exc)
            log.warning(
                "batch of %d refused: %s (%s)",
                len(batch),
                type(exc).__name__,
                decision.rule if decision else "no reply",
            )
            if decision is not None and decision.verdict == Verdict.KEY:
                return self._key_failed(batch, decision)
            if _isolating(decision):
                return self._settle(batch, self._isolate(batch, exc), now)
            return self._batch_failed(batch, f"The backend refused the sync: {exc}")
        if not isinstance(results, Sequence) or isinstance(results, str | bytes):
            return self._batch_failed(batch, "The backend's answer was not a list of results.")
        return self._settle(batch, results, now)

    def _isolate(self, batch: Sequence[Op], exc: Exception) -> list[dict[str, Any]]:
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
                answer = self._transport.send_ops([_wire(op)])
            except Exception as single:
                got = reply_of(single)
                if got is not None and _isolating(decide(got)):
                    results.append({"op_id": op.op_id, "status": got.status, "body": got.body})
                continue
            if isinstance(answer, Sequence):
                results.extend(r for r in answer if isinstance(r, Mapping))
        return results

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

    @staticmethod
    def _match(batch: Sequence[Op], results: Sequence[Any]) -> list[Mapping[str, Any] | None]:
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

    def _settle(self, batch: Sequence[Op], results: Sequence[Any], now: float) -> RoundReport:
        acks: list[tuple[str, Mapping[str, Any]]] = []
        reviews: list[tuple[str, Mapping[str, Any]]] = []
        retries: list[tuple[str, Mapping[str, Any]]] = []
        cancels: list[tuple[str, Mapping[str, Any]]] = []
        outcomes: list[OpOutcome] = []
        last_error: str | None = None
        key_refused = False
        for op, r in zip(batch, self._match(batch, results), strict=True):
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
            error: dict[str, Any] = (
                decision.error_record() if r is not None else {"code": "no_result"}
            )
            if verdict == Verdict.DONE:
                acks.append((op.op_id, body if isinstance(body, Mapping) else {"body": body}))
                outcome: Literal["acknowledged", "review", "retry", "cancelled"] = "acknowledged"
            elif verdict in (Verdict.REFUSED, Verdict.REVIEW):
                reviews.append((op.op_id, error))
                outcome = "review"
                log.warning("op %s (%s) to review: %s %s", op.op_id, op.kind, status, error["code"])
                message = (self._error_message(body) or "").strip()
                last_error = f"A {op.kind} was refused ({error['code']}): {message}"
            elif verdict == Verdict.CANCELLED:
                cancels.append((op.op_id, error))
                outcome = "cancelled"
                log.info("op %s (%s) was cancelled on the backend", op.op_id, op.kind)
            else:
                key_refused = key_refused or verdict == Verdict.KEY
                retries.append((op.op_id, error))
                outcome = "retry"
                log.info("op %s (%s) will be retried: %s", op.op_id, op.kind, error["code"])
                last_error = f"A {op.kind} will be retried ({error['code']})."
            outcomes.append(
                OpOutcome(op.op_id, op.kind, op.account, outcome, status, body, verdict)
            )
        try:
            self._journal.settle(acknowledged=acks, review=reviews, attempts=retries)
            for op_id, cancel in cancels:
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
            self._key_refused = key_refused
            self._failures = 0
            self._retry_at = float("-inf")
            self._last_error = last_error
            for op_id, _ in (*acks, *reviews, *cancels):
                self._account_failures.pop(account_of[op_id], None)
                self._account_retry_at.pop(account_of[op_id], None)
            for op_id, _ in retries:
                account = account_of[op_id]
                n = self._account_failures.get(account, 0) + 1
                self._account_failures[account] = n
                self._account_retry_at[account] = now + self._backoff.delay(n, self._rng)
        self._emit_outcomes(outcomes)
        self.publish()
        return RoundReport(
            sent=len(batch),
            acknowledged=len(acks),
            review=len(reviews) + len(cancels),
            retry=len(retries),
        )

    @staticmethod
    def _error_message(body: Any) -> str | None:
        error = Reply(400, body).error
        return str(error["message"]) if error is not None else None

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
