"""After a power cut: find the unfinished sale and finish what its journal already holds.

Why: a sale saved mid-way may name operations whose fate the till never learnt — an earn
journaled but not answered, a redemption sent when the power went, a reversal half done.
Each is settled with the same op_id (the backend answers the original result, nothing is
charged twice); only then is the cashier asked to resume or void what is left.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from till.op_sender import OpOutcome, OpStatus
from till.sale import RedemptionState, Sale, SaleState
from till.sale_flow import SaleFlow
from till.tasks import TaskRunner

log = logging.getLogger(__name__)


class _Op(Protocol):
    state: Any
    payload: dict[str, Any]
    result: dict[str, Any] | None


class _Journal(Protocol):
    def get(self, op_id: str) -> Any: ...


class _Store(Protocol):
    def unfinished(self) -> list[Sale]: ...


@dataclass
class Found:
    sale: Sale
    op: Any  # the journal's Op for the sale's unresolved operation, or None


def _op_of(sale: Sale) -> str:
    r = sale.redemption
    if sale.state == SaleState.COMPLETING:
        return sale.earn_op_id
    if sale.state == SaleState.VOIDING and r is not None:
        return r.reverse_op_id
    if r is not None and r.state == RedemptionState.SENDING:
        return r.op_id
    return ""


def find_unfinished(store: _Store, journal: _Journal) -> list[Found]:
    """Blocking (runner): the unfinished sales and the journal's record of their open op."""
    found = []
    for sale in store.unfinished():
        op_id = _op_of(sale)
        found.append(Found(sale, journal.get(op_id) if op_id else None))
    return found


def _state(op: Any) -> str:
    return str(getattr(op, "state", "")) if op is not None else ""


class Recovery:
    """Settles each unfinished sale's operations, then hands the open one to the cashier."""

    def __init__(
        self, store: _Store, journal: _Journal, flow: SaleFlow, runner: TaskRunner
    ) -> None:
        self._store = store
        self._journal = journal
        self._flow = flow
        self._runner = runner

    def run(self, on_open_sale: Callable[[Sale], None]) -> None:
        """``on_open_sale`` gets each sale the cashier must resume or void (GUI thread)."""

        def done(found: list[Found]) -> None:
            for item in found:
                self._settle(item, on_open_sale)

        def failed(exc: BaseException) -> None:
            log.error("could not look for unfinished sales", exc_info=exc)

        self._runner.run(lambda: find_unfinished(self._store, self._journal), done, failed)

    def _settle(self, item: Found, on_open_sale: Callable[[Sale], None]) -> None:
        sale, op = item.sale, item.op
        log.info("unfinished sale %s found (%s)", sale.sale_id, sale.state)
        if sale.state == SaleState.COMPLETING:
            # The earn body is rebuilt exactly from the sale: appending it again is a
            # no-op if it is already journaled, and the backend answers the original.
            self._flow.resume_earn(sale)
            return
        if sale.state == SaleState.VOIDING:
            r = sale.redemption
            assert r is not None
            if _state(op) == "pending":
                self._flow.resume_op(sale, "reverse", op.payload, on_open_sale)
            elif _state(op) == "acknowledged":
                self._flow.apply_recovered(
                    sale, OpOutcome(r.reverse_op_id, "reverse", OpStatus.DONE, op.result)
                )
            else:  # never journaled, or refused: the redemption stands, the sale is open
                r.state = RedemptionState.COMMITTED
                r.reverse_op_id = ""
                sale.state = SaleState.OPEN
                on_open_sale(sale)
            return
        r = sale.redemption
        if r is not None and r.state == RedemptionState.SENDING:
            if _state(op) == "pending":
                self._flow.resume_op(sale, "redeem", op.payload, on_open_sale)
                return
            if _state(op) == "acknowledged":
                self._flow.apply_recovered(
                    sale, OpOutcome(r.op_id, "redeem", OpStatus.DONE, op.result)
                )
            else:  # never journaled, or refused: nothing was charged
                sale.redemption = None
        on_open_sale(sale)
