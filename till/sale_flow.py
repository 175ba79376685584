"""The sale's steps and their side effects: save, journal, send — in one strict order.

Why a controller apart from the window: the rules "save the sale before its operation is
journaled", "create the op_id before the journal write and reuse it", "a redemption that
is not confirmed blocks completion and void" are the till's guarantees of nothing lost and
nothing charged twice; they are easier to see (and to test) here than spread over widgets.

All writes for the sale (sale store saves, journal appends, first sends) go through one
single-threaded runner, so they reach the disk in the order the cashier made them.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from till.backend_client import earn_body, redeem_body, wire_id
from till.op_sender import OperationSender, OpOutcome, OpStatus
from till.sale import (
    Line,
    Member,
    Redemption,
    RedemptionState,
    Sale,
    SaleState,
    Tender,
    money,
    new_receipt_no,
    utc_now_iso,
)
from till.sale_resume import ResumeSteps, _Journal
from till.tasks import TaskRunner

log = logging.getLogger(__name__)


class _Store(Protocol):
    def save(self, sale: Sale) -> None: ...


OutcomeCallback = Callable[[OpOutcome], None]


def _snapshot(sale: Sale) -> Sale:
    return Sale.from_json(sale.to_json())


class SaleFlow(ResumeSteps, QObject):
    """Owns the current :class:`Sale`; ``changed`` after every step, ``message`` plain words."""

    changed = Signal()
    message = Signal(str)
    finished = Signal(object)  # the completed or voided Sale (for the receipt)

    def __init__(
        self,
        store: _Store,
        sender: OperationSender,
        runner: TaskRunner,
        till_code: Callable[[], str] = lambda: "",
        parent: QObject | None = None,
        journal: _Journal | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._store = store
        self._sender = sender
        self._runner = runner
        self._till_code = till_code
        # The last redeem body, secrets included, for an identical retry (memory only).
        self._redeem_body: dict[str, Any] | None = None
        self.sale = self._fresh()

    # -- plumbing -------------------------------------------------------------------------

    def _fresh(self) -> Sale:
        return Sale()

    def _number(self, sale: Sale) -> None:
        """Give the sale its receipt number at its first operation (the till's code is
        known by then; the number is then fixed, as journaled operations carry it)."""
        if not sale.receipt_no:
            sale.receipt_no = new_receipt_no(self._till_code(), sale)

    def save(self) -> None:
        snapshot = _snapshot(self.sale)

        def failed(exc: BaseException) -> None:
            log.error("saving sale %s failed", snapshot.sale_id, exc_info=exc)
            self.message.emit("The sale could not be saved on this till. Call a manager.")

        self._runner.run(lambda: self._store.save(snapshot), None, failed)
        self.changed.emit()

    def _saver(self, sale: Sale | None = None) -> Callable[[], None]:
        """A job saving ``sale`` (default: the current one) as it is now."""
        snapshot = _snapshot(sale or self.sale)
        return lambda: self._store.save(snapshot)

    def load(self, sale: Sale) -> None:
        """Make ``sale`` (e.g. one recovered after a power cut) the current sale."""
        self.sale = sale
        self._redeem_body = None
        self.changed.emit()

    def new_sale(self) -> None:
        self.sale = self._fresh()
        self._redeem_body = None
        self.changed.emit()

    def _say(self, text: str) -> None:
        self.message.emit(text)

    def editable(self) -> bool:
        return self.sale.state == SaleState.OPEN

    # -- ringing up -----------------------------------------------------------------------

    def add_line(self, description: str, amount: Decimal) -> bool:
        if not self.editable() or self.sale.has_payment:
            self.message.emit("Payment has started: lines can no longer change. Void the sale.")
            return False
        if amount <= 0:
            self.message.emit("Enter an amount greater than zero.")
            return False
        self.sale.lines.append(Line(description.strip() or "Item", money(amount)))
        self.save()
        return True

    def set_member(self, member: Member) -> bool:
        current = self.sale.member
        if current is not None and current.id == member.id:
            self.sale.member = member  # fresher data for the same member
            self.save()
            return True
        if not self.sale.can_change_member():
            self.message.emit(
                "Payment has started: the member can no longer be changed on this sale."
            )
            return False
        self.sale.member = member
        self.save()
        return True

    def remove_member(self) -> bool:
        if self.sale.member is None:
            return True
        if not self.sale.can_change_member():
            self.message.emit("Payment has started: the member can no longer be removed.")
            return False
        self.sale.member = None
        self.save()
        return True

    def add_tender(self, kind: str, amount: Decimal) -> bool:
        if not self.editable():
            return False
        if not self.sale.lines:
            self.message.emit("Ring up the sale first.")
            return False
        if amount <= 0:
            self.message.emit("Nothing is left to pay.")
            return False
        if kind == "card" and amount > self.sale.due:
            self.message.emit("The card terminal can't take more than what is due.")
            return False
        self.sale.tenders.append(Tender(kind, money(amount)))
        self.save()
        return True

    # -- points tender --------------------------------------------------------------------

    def redeem(
        self,
        points: int,
        value: Decimal,
        on_outcome: OutcomeCallback,
        *,
        challenge_id: str | None = None,
        otp: str | None = None,
        approval: dict[str, str] | None = None,
        reason: str | None = None,
    ) -> None:
        """Commit the points tender: save the sale naming the op_id, journal, send."""
        sale, member = self.sale, self.sale.member
        if member is None or not self.editable():
            return
        if sale.redemption is not None:
            self.message.emit("Points were already used on this sale.")
            return
        self._number(sale)
        op_id = str(uuid.uuid4())
        body = redeem_body(
            op_id, member.id, points, sale.receipt_no, challenge_id, otp, approval, reason
        )
        sale.redemption = Redemption(
            op_id=op_id,
            points=points,
            value=money(value),
            with_otp=otp is not None,
            override_by=approval["staff"] if approval else "",
        )
        self._redeem_body = body
        self.changed.emit()
        self._sender.submit(
            "redeem",
            member.id,
            body,
            lambda outcome: self._redeemed(outcome, on_outcome),
            before=self._saver(),
        )

    def retry_redemption(self, on_outcome: OutcomeCallback) -> None:
        """Send the unconfirmed redemption again: same op_id, same body (no double charge)."""
        r, member = self.sale.redemption, self.sale.member
        if r is None or r.state != RedemptionState.SENDING or member is None:
            return
        if self._redeem_body is None:
            self._settle_from_journal(r.op_id, member.id, on_outcome)
            return
        self._sender.submit(
            "redeem",
            member.id,
            self._redeem_body,
            lambda outcome: self._redeemed(outcome, on_outcome),
            journaled=True,
        )

    def _redeemed(self, outcome: OpOutcome, on_outcome: OutcomeCallback) -> None:
        r = self.sale.redemption
        if r is None or r.op_id != outcome.op_id:
            return
        if outcome.status == OpStatus.DONE and outcome.result is not None:
            result = outcome.result
            r.state = RedemptionState.COMMITTED
            r.transaction_id = str(result.get("transaction_id", ""))
            if result.get("value") is not None:
                r.value = money(result["value"])
            if result.get("balance") is not None:
                r.balance_after = int(result["balance"])
                if self.sale.member is not None:
                    self.sale.member.balance = r.balance_after
            self._redeem_body = None
            self.save()
        elif outcome.status in (OpStatus.REFUSED, OpStatus.NOT_RECORDED):
            self.sale.redemption = None
            self._redeem_body = None
            self.save()
        else:
            self.changed.emit()
        on_outcome(outcome)

    # -- completion -----------------------------------------------------------------------

    def can_complete(self) -> str:
        """Empty when the sale may complete, else why not (plain words)."""
        sale = self.sale
        if sale.state != SaleState.OPEN:
            return "This sale is already being finished."
        if not sale.lines:
            return "Ring up the sale first."
        r = sale.redemption
        if r is not None and r.state == RedemptionState.SENDING:
            return "The points payment is not confirmed yet: retry it (F4) first."
        if sale.due > 0:
            return f"{sale.due} is still to pay: take cash (F5) or card (F6)."
        return ""

    def complete(self, on_outcome: OutcomeCallback | None = None) -> bool:
        why = self.can_complete()
        if why:
            self.message.emit(why)
            return False
        sale = self.sale
        self._number(sale)
        sale.completed_at = utc_now_iso()
        member = sale.member
        if member is None or sale.earnable_amount <= 0 or not member.active:
            sale.state = SaleState.COMPLETED
            self.save()
            self.finished.emit(sale)
            return True
        sale.earn_op_id = str(uuid.uuid4())
        sale.earn_amount = sale.earnable_amount
        sale.state = SaleState.COMPLETING
        self.changed.emit()
        self._submit_earn(sale, on_outcome, journaled=False)
        return True

    def earn_payload(self, sale: Sale) -> dict[str, Any]:
        assert sale.member is not None and sale.earn_amount is not None
        return earn_body(
            sale.earn_op_id,
            sale.member.id,
            sale.earn_amount,
            sale.receipt_no,
            sale.completed_at,
        )

    def _submit_earn(
        self, sale: Sale, on_outcome: OutcomeCallback | None, *, journaled: bool
    ) -> None:
        assert sale.member is not None

        def earned(outcome: OpOutcome) -> None:
            if outcome.status == OpStatus.NOT_RECORDED:
                sale.state = SaleState.OPEN
                sale.earn_op_id = ""
                sale.earn_amount = None
                self.message.emit(outcome.message)
            else:
                if outcome.status == OpStatus.DONE and outcome.result is not None:
                    sale.earned_points = int(outcome.result.get("points", 0))
                    if outcome.result.get("balance") is not None:
                        sale.balance_after = int(outcome.result["balance"])
                        if sale.member is not None:
                            sale.member.balance = sale.balance_after
                elif outcome.status == OpStatus.REFUSED:
                    self.message.emit(f"No points for this sale: {outcome.message}")
                sale.state = SaleState.COMPLETED
            if sale is self.sale:
                self.save()
            else:
                self._runner.run(self._saver(sale))
            if sale.state == SaleState.COMPLETED:
                self.finished.emit(sale)
            if on_outcome is not None:
                on_outcome(outcome)

        self._sender.submit(
            "earn",
            sale.member.id,
            self.earn_payload(sale),
            earned,
            journaled=journaled,
            before=self._saver(sale),
        )

    # -- void -----------------------------------------------------------------------------

    def needs_approval_to_void(self) -> bool:
        r = self.sale.redemption
        return r is not None and r.state == RedemptionState.COMMITTED

    def void(
        self,
        reason: str,
        on_outcome: OutcomeCallback | None = None,
        approval: dict[str, str] | None = None,
    ) -> bool:
        """Cancel the sale; a committed redemption is reversed (journaled, manager-approved)."""
        sale = self.sale
        if sale.state != SaleState.OPEN:
            self.message.emit("This sale can't be voided now.")
            return False
        r = sale.redemption
        if r is not None and r.state == RedemptionState.SENDING:
            self.message.emit(
                "The points payment is not confirmed yet: retry it (F4) before voiding."
            )
            return False
        sale.void_reason = reason
        self._number(sale)
        if r is None or r.state != RedemptionState.COMMITTED:
            sale.state = SaleState.VOIDED
            self.save()
            self.finished.emit(sale)
            return True
        r.reverse_op_id = str(uuid.uuid4())
        r.state = RedemptionState.REVERSING
        sale.state = SaleState.VOIDING
        payload: dict[str, Any] = {
            "op_id": r.reverse_op_id,
            "reason": reason,
            "transaction_id": wire_id(r.transaction_id),
        }
        if approval is not None:
            payload["approval"] = dict(approval)
        self.changed.emit()
        self._sender.submit(
            "reverse",
            sale.member.id if sale.member else "",
            payload,
            lambda outcome: self._reversed(sale, outcome, on_outcome),
            before=self._saver(),
        )
        return True

    def _reversed(self, sale: Sale, outcome: OpOutcome, on_outcome: OutcomeCallback | None) -> None:
        r = sale.redemption
        assert r is not None
        if outcome.status in (OpStatus.REFUSED, OpStatus.NOT_RECORDED):
            r.state = RedemptionState.COMMITTED
            r.reverse_op_id = ""
            sale.state = SaleState.OPEN
            self.message.emit(f"The sale was not voided: {outcome.message}")
        else:
            r.state = RedemptionState.REVERSED
            if outcome.result and outcome.result.get("balance") is not None:
                sale.balance_after = int(outcome.result["balance"])
            sale.state = SaleState.VOIDED
        if sale is self.sale:
            self.save()
        else:
            self._runner.run(self._saver(sale))
        if sale.state == SaleState.VOIDED:
            self.finished.emit(sale)
        if on_outcome is not None:
            on_outcome(outcome)
