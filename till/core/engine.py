"""The sale engine: performs a sale's effects in order and feeds the answers back.

Why one engine: every step of every sale — the one on screen, the ones parked, the ones
finishing in the background after the cashier moved on, the ones found after a power cut —
goes through :meth:`SaleEngine.apply`: the sale's transition decides, the engine performs
(save, submit, cancel) on one ordered worker and hands the answer to the same sale's
:meth:`~till.core.sale.Sale.settle`. Nothing here knows Qt: the worker is an
:class:`Executor` (the till passes its single-threaded task runner; tests pass
:class:`Inline`), and what the cashier should see leaves through a :class:`Display`.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from till.core.effects import Cancel, Effect, Finished, Offer, Save, Show, Submit
from till.core.outcome import OpOutcome, OpStatus
from till.core.sale import Sale, SaleState, utc_now_iso
from till.core.submission import Submitter
from till.translate import translate

log = logging.getLogger(__name__)
T = TypeVar("T")
OutcomeCallback = Callable[[OpOutcome], None]


class Executor(Protocol):
    """Runs jobs one after another, in submission order; ``done`` back on the caller's side."""

    def run(
        self,
        job: Callable[[], T],
        done: Callable[[T], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        /,
    ) -> None: ...


class Inline:
    """Runs each job at once (tests, tools): the same order, no threads."""

    def run(
        self,
        job: Callable[[], T],
        done: Callable[[T], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        try:
            value = job()
        except Exception as exc:
            if failed is None:
                raise
            failed(exc)
            return
        if done is not None:
            done(value)


class Store(Protocol):
    def save(self, sale: Sale) -> None: ...


class Display(Protocol):
    """What the cashier sees; all called on the engine's caller side (the GUI thread)."""

    def changed(self) -> None: ...

    def show(self, text: str, level: str) -> None: ...

    def finished(self, sale: Sale) -> None: ...

    def offer(self, sale: Sale) -> None: ...


class SaleEngine:
    def __init__(
        self,
        store: Store,
        submitter: Submitter,
        executor: Executor,
        display: Display,
        till_code: Callable[[], str] = lambda: "",
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
        clock: Callable[[], str] = utc_now_iso,
    ) -> None:
        self._store = store
        self._submitter = submitter
        self._executor = executor
        self._display = display
        self._till_code = till_code
        self._new_id = new_id
        self._clock = clock
        self.sale = Sale()
        # Every unfinished sale the engine may still get an answer for, by sale_id.
        self._live: dict[str, Sale] = {}
        self._callbacks: dict[str, OutcomeCallback] = {}

    # -- the loop -------------------------------------------------------------------------

    def apply(self, sale: Sale, effects: Iterable[Effect]) -> None:
        """Perform ``effects`` of ``sale``'s last transition, in order."""
        if not sale.finished:
            self._live[sale.sale_id] = sale
        for effect in effects:
            self._perform(sale, effect)
        if sale.finished:
            self._live.pop(sale.sale_id, None)
        self._display.changed()

    def _perform(self, sale: Sale, effect: Effect) -> None:
        if isinstance(effect, Save):
            snapshot = effect.sale
            self._executor.run(lambda: self._store.save(snapshot), None, self._save_failed)
        elif isinstance(effect, Submit):
            req, first = effect.request, effect.save_first
            save = (lambda: self._store.save(first)) if first is not None else None
            self._executor.run(
                lambda: self._submitter.submit(req, save),
                lambda outcome: self.settle(outcome),
                lambda exc: self._job_failed(req.op_id, req.kind, exc),
            )
        elif isinstance(effect, Cancel):
            c = effect
            self._executor.run(
                lambda: self._submitter.cancel(c.op_id, c.kind, c.account),
                lambda outcome: self.settle(outcome),
                lambda exc: self._job_failed(c.op_id, c.kind, exc),
            )
        elif isinstance(effect, Show):
            self._display.show(effect.text, effect.level)
        elif isinstance(effect, Finished):
            self._display.finished(effect.sale)
        elif isinstance(effect, Offer):
            self._display.offer(effect.sale)

    def _save_failed(self, exc: BaseException) -> None:
        log.error("saving a sale failed", exc_info=exc)
        self._display.show(
            translate("Sale", "The sale could not be saved on this till. Call a manager."), "bad"
        )

    def _job_failed(self, op_id: str, kind: str, exc: BaseException) -> None:
        log.error("%s %s failed unexpectedly", kind, op_id, exc_info=exc)
        self.settle(OpOutcome(op_id, kind, OpStatus.PENDING, error=exc))

    def settle(self, outcome: OpOutcome) -> None:
        """An operation's answer, from any source (first send, cancel, sync worker)."""
        for sale in list(self._live.values()):
            if outcome.op_id in (sale.open_op_id, sale.earn_op_id) or (
                sale.redemption is not None
                and outcome.op_id in (sale.redemption.op_id, sale.redemption.reverse_op_id)
            ):
                self.apply(sale, sale.settle(outcome))
                break
        callback = self._callbacks.pop(outcome.op_id, None)
        if callback is not None:
            if outcome.status in (OpStatus.PENDING, OpStatus.KEY, OpStatus.REVIEW):
                self._callbacks[outcome.op_id] = callback  # a later answer still counts
            callback(outcome)

    def watching(self, op_id: str) -> bool:
        return any(op_id and op_id == s.open_op_id for s in self._live.values())

    # -- the cashier's steps on the current sale ------------------------------------------

    def _step(self, effects: list[Effect]) -> bool:
        """Apply a step of the current sale; True when it did not only complain."""
        self.apply(self.sale, effects)
        return not (effects and all(isinstance(e, Show) for e in effects))

    def add_line(
        self, description: str, amount: Decimal, code: str = "", category: str = ""
    ) -> bool:
        return self._step(self.sale.add_line(description, amount, code, category))

    def set_member(self, member: Any) -> bool:
        return self._step(self.sale.set_member(member))

    def remove_member(self) -> bool:
        return self._step(self.sale.remove_member())

    def add_tender(self, kind: str, amount: Decimal) -> bool:
        unconfirmed = self.sale.unconfirmed
        done = self._step(self.sale.add_tender(kind, amount))
        return done and not unconfirmed

    def redeem(
        self,
        points: int,
        value: Decimal,
        on_outcome: OutcomeCallback | None = None,
        *,
        challenge_id: str | None = None,
        otp: str | None = None,
        approval: Mapping[str, str] | None = None,
        reason: str | None = None,
    ) -> None:
        op_id = self._new_id()
        if on_outcome is not None:
            self._callbacks[op_id] = on_outcome
        effects = self.sale.redeem(
            op_id,
            points,
            value,
            self._till_code(),
            challenge_id=challenge_id,
            otp=otp,
            approval=approval,
            reason=reason,
        )
        if not any(isinstance(e, Submit) for e in effects):
            self._callbacks.pop(op_id, None)
        self._step(effects)

    def retry_redemption(self, on_outcome: OutcomeCallback | None = None) -> None:
        r = self.sale.redemption
        if r is not None and on_outcome is not None:
            self._callbacks[r.op_id] = on_outcome
        self._step(self.sale.retry_redemption())

    def pay_another_way(self) -> None:
        self._step(self.sale.pay_another_way())

    def complete(self) -> bool:
        return self._step(self.sale.complete(self._new_id(), self._till_code(), self._clock()))

    def void(
        self,
        reason: str,
        on_outcome: OutcomeCallback | None = None,
        approval: Mapping[str, str] | None = None,
    ) -> bool:
        op_id = self._new_id()
        if on_outcome is not None:
            self._callbacks[op_id] = on_outcome
        effects = self.sale.void(op_id, reason, self._till_code(), approval)
        return self._step(effects)

    def park(self) -> bool:
        """Set the current sale aside (its redemption settles meanwhile); a new sale starts."""
        sale = self.sale
        effects = sale.park(self._clock())
        if sale.state != SaleState.PARKED:
            return self._step(effects)
        self.apply(sale, effects)
        self.sale = Sale()
        self._display.changed()
        return True

    def parked(self) -> list[Sale]:
        return [s for s in self._live.values() if s.state == SaleState.PARKED]

    def new_sale(self) -> None:
        self.sale = Sale()
        self._display.changed()

    def load(self, sale: Sale) -> None:
        """Make ``sale`` (recovered or parked) the current one; a parked one is reopened."""
        sale = self._live.get(sale.sale_id, sale)
        self.sale = sale
        if sale.state == SaleState.PARKED:
            self.apply(sale, sale.unpark())
        else:
            self._live.setdefault(sale.sale_id, sale)
            self._display.changed()

    # -- after a restart ------------------------------------------------------------------

    def resume(self, sales: Iterable[Sale], on_open: Callable[[Sale], None]) -> None:
        """Settle each unfinished sale's open operation through the same transitions; the
        ones still open afterwards go to ``on_open`` (the cashier resumes or voids them)."""
        for sale in sales:
            log.info("unfinished sale %s found (%s)", sale.sale_id, sale.state)
            self._live[sale.sale_id] = sale
            effects = sale.resume()
            if sale.state == SaleState.PARKED and not sale.unconfirmed:
                on_open(sale)
                continue
            if not effects:
                if sale.state == SaleState.OPEN:
                    on_open(sale)
                continue
            if sale.state != SaleState.PARKED:
                self._callbacks[sale.open_op_id] = self._resumer(sale, on_open)
            self.apply(sale, effects)

    def _resumer(self, sale: Sale, on_open: Callable[[Sale], None]) -> OutcomeCallback:
        return lambda outcome: self._resumed(sale, outcome, on_open)

    def _resumed(self, sale: Sale, outcome: OpOutcome, on_open: Callable[[Sale], None]) -> None:
        """Hand the sale over once its open op is answered (a review'd redemption first
        waits for its cancel)."""
        if sale.unconfirmed and outcome.status == OpStatus.REVIEW:
            return
        self._callbacks.pop(outcome.op_id, None)
        if sale.state == SaleState.OPEN:
            on_open(sale)
