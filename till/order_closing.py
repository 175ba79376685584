"""A table order closed from the till: paid with the sale's receipt, or cancelled.

Why through the journal, both: the till's promise covers orders too — what the cashier was
told ("paid", "cancelled") must reach the backend even offline or across a power cut. Each
close is an operation of the one submission path (:mod:`till.core.submission`): journaled
first (kind ``order_paid`` or ``order_cancel``), sent once, replayed by the sync worker; the
backend applies it once by ``op_id`` (docs/ordering.md). Both go under the account
``order:<id>``, so a cancel never overtakes a payment of the same order still queued.

A cancel happens when a sale that served an order is voided (the backend has no way to hand
a taken order back to the queue, so the guest's order is not left "taken" by this till for
ever), and when the cashier cancels an order in the Orders panel.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import replace

from till.core.effects import OpRequest
from till.core.outcome import OpOutcome, OpStatus
from till.core.submission import Submitter
from till.tasks import TaskRunner
from till.translate import translate
from till.wire import Order, order_cancel_body, order_paid_body

log = logging.getLogger(__name__)


def account_of(order: Order) -> str:
    return f"order:{order.id}"


class OrderClosing:
    """``say(text)`` tells the cashier; ``note(order)`` shows an order's new state at once."""

    def __init__(
        self,
        submitter: Submitter,
        runner: TaskRunner,
        say: Callable[[str], None],
        note: Callable[[Order], None],
    ) -> None:
        self._submitter = submitter
        self._runner = runner
        self._say = say
        self._note = note

    def _submit(self, request: OpRequest, done: Callable[[OpOutcome], None]) -> None:
        submitter = self._submitter
        self._runner.run(
            lambda: submitter.submit(request),
            done,
            lambda exc: log.error("%s %s failed", request.kind, request.op_id, exc_info=exc),
        )

    def _noted(self, outcome: OpOutcome) -> None:
        if outcome.result is not None and outcome.result.raw.get("id") is not None:
            self._note(Order.from_json(outcome.result.raw))

    # -- paid -----------------------------------------------------------------------------

    def paid(self, order: Order, receipt_no: str) -> None:
        op_id = str(uuid.uuid4())
        body = order_paid_body(op_id, order.id, receipt_no)
        request = OpRequest("order_paid", account_of(order), op_id, body, close_refusals=False)
        self._submit(request, lambda outcome: self._paid(order, outcome))

    def _paid(self, order: Order, outcome: OpOutcome) -> None:
        table = order.table
        if outcome.status == OpStatus.DONE:
            self._say(
                translate("TableOrders", "Table {table}: the order is paid.").format(table=table)
            )
            self._noted(outcome)
        elif outcome.status.unsettled and outcome.status != OpStatus.REVIEW:
            self._say(
                translate(
                    "TableOrders",
                    "Table {table}: the order is marked paid when the server is back.",
                ).format(table=table)
            )
        else:
            self._say(
                translate(
                    "TableOrders",
                    "Table {table}: the order could not be marked paid ({message}). A manager can see it in the review list.",
                ).format(table=table, message=outcome.message)
            )

    # -- cancelled ------------------------------------------------------------------------

    def cancel(self, order: Order) -> None:
        """Journaled, then sent; the order leaves the list at once (also offline)."""
        op_id = str(uuid.uuid4())
        body = order_cancel_body(op_id, order.id)
        request = OpRequest("order_cancel", account_of(order), op_id, body, close_refusals=False)
        self._note(replace(order, state="cancelled"))
        self._submit(request, lambda outcome: self._cancelled(order, outcome))

    def _cancelled(self, order: Order, outcome: OpOutcome) -> None:
        table = order.table
        if outcome.status == OpStatus.DONE:
            self._say(
                translate("TableOrders", "Table {table}: the order is cancelled.").format(
                    table=table
                )
            )
            self._noted(outcome)
        elif outcome.status.unsettled and outcome.status != OpStatus.REVIEW:
            self._say(
                translate(
                    "TableOrders",
                    "Table {table}: the order is cancelled here; the server hears it when it is back.",
                ).format(table=table)
            )
        else:
            self._say(
                translate(
                    "TableOrders",
                    "Table {table}: the order could not be cancelled ({message}). A manager can see it in the review list.",
                ).format(table=table, message=outcome.message)
            )
