"""The bar that offers a sale a power cut interrupted, or a parked sale that came back.

Why a queue of its own: after a restart several sales may be unfinished, and parked sales
come back whenever their points payment settles. The cashier is offered one at a time,
oldest first, and none replaces a sale being rung up: the others wait until the one on
screen is finished or voided. Apart from the main window so that it stays small.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from till.core.sale import Sale, SaleState
from till.sale_flow import SaleFlow
from till.style import touch
from till.translate import translate


class RecoveryBar(QWidget):
    """``said(text, level)``: what the banner should say about the sale offered."""

    said = Signal(str, str)

    def __init__(
        self, flow: SaleFlow, money: Callable[[Decimal], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.flow = flow
        self.money = money
        self.open_id: str | None = None  # the interrupted sale on screen
        self.waiting: list[Sale] = []  # further interrupted sales, oldest first
        bar = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.resume_button = QPushButton(translate("MainWindow", "Resume sale"))
        self.void_button = QPushButton(translate("MainWindow", "Void sale (F8)"))
        bar.addWidget(self.label, 1)
        bar.addWidget(touch(self.resume_button))
        bar.addWidget(touch(self.void_button))
        self.resume_button.clicked.connect(self.hide)
        self.hide()

    def offer(self, sale: Sale) -> None:
        """One interrupted (or parked) sale at a time: the others wait until it is finished
        or voided, and none replaces a sale the cashier is ringing up."""
        current = self.flow.sale
        busy = not current.finished and bool(current.lines or current.member)
        if self.open_id is not None or (busy and current.sale_id != sale.sale_id):
            if all(w.sale_id != sale.sale_id for w in self.waiting):
                self.waiting.append(sale)
            if self.open_id is not None:
                self._show_text(self.flow.sale)
            else:
                self.said.emit(
                    "A parked sale is ready: it is offered once this sale is finished.", "info"
                )
            return
        self.open_id = sale.sale_id
        parked = sale.state == SaleState.PARKED
        self.flow.load(sale)
        self._show_text(sale, parked)
        self.show()
        self.said.emit("Parked sale back." if parked else "Unfinished sale restored.", "warn")

    def finished(self, sale: Sale) -> None:
        """``sale`` is finished or voided: offer the next one waiting, if any."""
        if sale.sale_id == self.open_id:
            self.open_id = None
        if self.open_id is None and self.waiting:
            self.offer(self.waiting.pop(0))

    def _show_text(self, sale: Sale, parked: bool = False) -> None:
        if parked or sale.parked_at:
            text = (
                f"A parked sale is back (receipt {sale.receipt_no}, total "
                f"{self.money(sale.total)}): its points payment is settled. "
                "Complete it, pay another way, or void it."
            )
        else:
            text = (
                f"A sale interrupted by a power cut was restored (receipt {sale.receipt_no}, "
                f"total {self.money(sale.total)}). Resume it, or void it."
            )
        waiting = len(self.waiting)
        if waiting:
            text += f" {waiting} more interrupted sale{'s' if waiting > 1 else ''} will follow."
        self.label.setText(text)
