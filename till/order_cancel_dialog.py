"""The "Cancel this table order?" question — the cashier's confirmation, keyboard first.

Why a question: cancelling gives up a guest's order for good (the backend has no undo; the
guest orders again, or the cashier rings it up by hand), so the dialog names the order —
table, member, items, total — and says so plainly. Enter cancels it (the default button, as
in the void dialog); Esc, or Enter on "Keep the order", keeps it.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from till.orders_panel import describe
from till.style import touch
from till.translate import translate
from till.wire import Order


class OrderCancelDialog(QDialog):
    """Accepted: cancel ``order``; rejected: keep it."""

    def __init__(
        self,
        order: Order,
        currency: str = "",
        zone: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.order = order
        self.setWindowTitle(translate("TableOrders", "Cancel the table order"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.question = QLabel(
            translate(
                "TableOrders",
                "Cancel the order of table {table}? ({order}) The guest's order is gone for good: they order again, or you ring it up by hand.",
            ).format(table=order.table, order=describe(order, currency, zone))
        )
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        buttons = QHBoxLayout()
        self.cancel_order_button = QPushButton(translate("TableOrders", "Cancel the order (Enter)"))
        self.cancel_order_button.setDefault(True)
        self.keep_button = QPushButton(translate("TableOrders", "Keep the order (Esc)"))
        buttons.addWidget(touch(self.cancel_order_button))
        buttons.addWidget(touch(self.keep_button))
        layout.addLayout(buttons)
        self.cancel_order_button.clicked.connect(self.accept)
        self.keep_button.clicked.connect(self.reject)
        self.cancel_order_button.setFocus()
