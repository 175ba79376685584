"""After a power cut: find the unfinished sales and hand them to the engine to settle.

Why so little: settling a sale's journaled operation is the sale's own transition
(:meth:`till.core.sale.Sale.resume`, then :meth:`~till.core.sale.Sale.settle` with the
journal's or the backend's answer) — the same code as when the cashier is watching. This
module only reads the sale store off the GUI thread and passes the sales on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from till.core.sale import Sale
from till.sale_flow import SaleFlow
from till.tasks import TaskRunner

log = logging.getLogger(__name__)


class _Store(Protocol):
    def unfinished(self) -> list[Sale]: ...


class Recovery:
    """Settles each unfinished sale's operations, then hands the open one to the cashier."""

    def __init__(self, store: _Store, flow: SaleFlow, runner: TaskRunner) -> None:
        self._store = store
        self._flow = flow
        self._runner = runner

    def run(self, on_open_sale: Callable[[Sale], None]) -> None:
        """``on_open_sale`` gets each sale the cashier must resume or void (GUI thread)."""

        def failed(exc: BaseException) -> None:
            log.error("could not look for unfinished sales", exc_info=exc)

        self._runner.run(
            self._store.unfinished, lambda sales: self._flow.resume(sales, on_open_sale), failed
        )
