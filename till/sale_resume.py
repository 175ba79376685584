"""The sale flow's steps after a power cut or a lost answer (see :mod:`till.recovery`).

Why apart: these steps only ever resend what is already journaled — same op_id, same body —
or take the answer the sync worker already got; keeping them beside, not inside, the
cashier's everyday steps makes that rule easy to check. Mixed into
:class:`till.sale_flow.SaleFlow`, whose sender, runner and store they use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from till.errors import TillError
from till.op_sender import OpOutcome, OpStatus
from till.sale import RedemptionState, Sale, SaleState

if TYPE_CHECKING:
    from till.op_sender import OperationSender
    from till.tasks import TaskRunner

OutcomeCallback = Callable[[OpOutcome], None]


class _Journal(Protocol):
    def get(self, op_id: str) -> Any: ...


class ResumeSteps:
    """Needs from the host class: ``_journal``, ``_sender``, ``_runner``, ``_saver``,
    ``_submit_earn``, ``_redeemed``, ``_reversed``, ``_say``."""

    _journal: _Journal | None
    _sender: OperationSender
    _runner: TaskRunner

    if TYPE_CHECKING:  # provided by SaleFlow

        def _saver(self, sale: Sale | None = None) -> Callable[[], None]: ...

        def _submit_earn(
            self, sale: Sale, on_outcome: OutcomeCallback | None, *, journaled: bool
        ) -> None: ...

        def _redeemed(self, outcome: OpOutcome, on_outcome: OutcomeCallback) -> None: ...

        def _reversed(
            self, sale: Sale, outcome: OpOutcome, on_outcome: OutcomeCallback | None
        ) -> None: ...

        def _say(self, text: str) -> None: ...

    def resume_earn(self, sale: Sale) -> None:
        """Finish a sale whose earn was journaled (or about to be) when the power went."""
        self._submit_earn(sale, None, journaled=False)

    def resume_op(
        self,
        sale: Sale,
        kind: str,
        payload: dict[str, Any],
        on_open_sale: Callable[[Sale], None],
    ) -> None:
        """Resend a pending redemption or reversal of ``sale`` exactly as journaled."""
        account = sale.member.id if sale.member else ""

        def outcome(result: OpOutcome) -> None:
            self.apply_recovered(sale, result)
            if sale.state == SaleState.OPEN:
                on_open_sale(sale)

        self._sender.submit(kind, account, payload, outcome, journaled=True)

    def apply_recovered(self, sale: Sale, outcome: OpOutcome) -> None:
        """Apply a recovered redemption or reversal outcome to ``sale`` and save it."""
        r = sale.redemption
        if r is None:
            return
        if outcome.kind == "reverse":
            self._reversed(sale, outcome, None)
            return
        if outcome.status == OpStatus.DONE and outcome.result is not None:
            r.state = RedemptionState.COMMITTED
            r.transaction_id = str(outcome.result.get("transaction_id", ""))
            if outcome.result.get("balance") is not None:
                r.balance_after = int(outcome.result["balance"])
                if sale.member is not None:
                    sale.member.balance = r.balance_after
        elif outcome.status in (OpStatus.REFUSED, OpStatus.NOT_RECORDED):
            sale.redemption = None
        self._runner.run(self._saver(sale))

    def _settle_from_journal(self, op_id: str, account: str, on_outcome: OutcomeCallback) -> None:
        """After a restart the body (with its OTP) is only in the journal: resend it from
        there, or take the answer the sync worker already got."""
        journal = self._journal
        if journal is None:
            self._say("Restart the till to finish the unconfirmed redemption.")
            return

        def found(op: Any) -> None:
            state = str(getattr(op, "state", "")) if op is not None else ""
            if state == "pending":
                self._sender.submit(
                    "redeem",
                    account,
                    op.payload,
                    lambda outcome: self._redeemed(outcome, on_outcome),
                    journaled=True,
                )
            elif state == "acknowledged":
                self._redeemed(OpOutcome(op_id, "redeem", OpStatus.DONE, op.result), on_outcome)
            else:
                error = TillError("The points payment did not go through; nothing was taken.")
                self._redeemed(
                    OpOutcome(op_id, "redeem", OpStatus.REFUSED, error=error), on_outcome
                )

        self._runner.run(lambda: journal.get(op_id), found)
