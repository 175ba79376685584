"""The Qt side of the sale: renders the engine's state and forwards the cashier's input.

Why so thin: every rule of the sale lives in the Qt-free core (:mod:`till.core.sale` decides,
:mod:`till.core.engine` performs, :mod:`till.core.submission` is the one journal-first path).
This adapter only turns the engine's display calls into Qt signals and runs its jobs on the
till's single-threaded sale runner, so the sale's writes reach the disk in the cashier's order
and the GUI thread never blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from till.core.engine import OutcomeCallback, SaleEngine, Store
from till.core.outcome import OpOutcome, OpStatus
from till.core.parts import utc_now_iso
from till.core.sale import Member, Sale, SaleState
from till.core.submission import Submitter
from till.tasks import TaskRunner


class _Display:
    def __init__(self, flow: SaleFlow) -> None:
        self._flow = flow

    def changed(self) -> None:
        self._flow.changed.emit()

    def show(self, text: str, level: str) -> None:
        self._flow.notice.emit(text, level)
        if level in ("warn", "bad"):
            self._flow.message.emit(text)

    def finished(self, sale: Sale) -> None:
        self._flow.finished.emit(sale)

    def offer(self, sale: Sale) -> None:
        self._flow.offered.emit(sale)


class SaleFlow(QObject):
    """``changed`` after every step; ``notice(text, level)`` plain words (``message`` carries
    the warnings alone); ``finished(Sale)`` for the receipt; ``offered(Sale)`` when a parked
    sale's points payment has settled."""

    changed = Signal()
    message = Signal(str)
    notice = Signal(str, str)
    finished = Signal(object)
    offered = Signal(object)

    def __init__(
        self,
        store: Store,
        submitter: Submitter,
        runner: TaskRunner,
        till_code: Callable[[], str] = lambda: "",
        parent: QObject | None = None,
        clock: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = SaleEngine(
            store, submitter, runner, _Display(self), till_code, clock=clock or utc_now_iso
        )

    @property
    def sale(self) -> Sale:
        return self.engine.sale

    def editable(self) -> bool:
        return self.sale.state == SaleState.OPEN

    def load(self, sale: Sale) -> None:
        self.engine.load(sale)

    def new_sale(self) -> None:
        self.engine.new_sale()

    def add_line(
        self, description: str, amount: Decimal, code: str = "", category: str = ""
    ) -> bool:
        return self.engine.add_line(description, amount, code, category)

    def set_member(self, member: Member) -> bool:
        return self.engine.set_member(member)

    def remove_member(self) -> bool:
        return self.engine.remove_member()

    def add_tender(self, kind: str, amount: Decimal) -> bool:
        return self.engine.add_tender(kind, amount)

    def redeem(
        self,
        points: int,
        value: Decimal,
        on_outcome: OutcomeCallback,
        *,
        challenge_id: str | None = None,
        otp: str | None = None,
        approval: Mapping[str, str] | None = None,
        reason: str | None = None,
    ) -> None:
        self.engine.redeem(
            points,
            value,
            on_outcome,
            challenge_id=challenge_id,
            otp=otp,
            approval=approval,
            reason=reason,
        )

    def retry_redemption(self, on_outcome: OutcomeCallback) -> None:
        self.engine.retry_redemption(on_outcome)

    def pay_another_way(self) -> None:
        self.engine.pay_another_way()

    def park(self) -> bool:
        return self.engine.park()

    def parked(self) -> list[Sale]:
        return self.engine.parked()

    def can_complete(self) -> str:
        return self.sale.why_not_complete()

    def complete(self) -> bool:
        return self.engine.complete()

    def needs_approval_to_void(self) -> bool:
        return self.sale.needs_approval_to_void()

    def void(
        self,
        reason: str,
        on_outcome: OutcomeCallback | None = None,
        approval: Mapping[str, str] | None = None,
    ) -> bool:
        return self.engine.void(reason, on_outcome, approval)

    def resume(self, sales: Iterable[Sale], on_open: Callable[[Sale], None]) -> None:
        """After a restart (see :meth:`till.core.engine.SaleEngine.resume`)."""
        self.engine.resume(sales, on_open)

    def op_settled(self, outcome: OpOutcome) -> None:
        """An answer the sync worker got for one of the sales' operations (GUI thread)."""
        if outcome.status in (OpStatus.DONE, OpStatus.REVIEW, OpStatus.CANCELLED):
            self.engine.settle(outcome)
