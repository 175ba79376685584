"""The sale panel: amount lines, the total, and how it is being paid.

Why no catalogue: the till only needs the amounts to earn and redeem against; a line is a
description and an amount. The figures (total, points tender and its value, other
tenders, what is still due or the change) are always visible so the cashier never has to
work out what is left.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from till.core.sale import TENDER_NAMES, RedemptionState, Sale, SaleState
from till.style import touch

AMOUNT_RE = QRegularExpression(r"^\d{0,7}([.,]\d{0,2})?$")


def parse_amount(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class SalePanel(QGroupBox):
    line_entered = Signal(str, object)  # description, Decimal amount

    def __init__(self, currency: str = "", parent: QWidget | None = None) -> None:
        super().__init__("Sale", parent)
        self.currency = currency
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Description", "Amount"])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.table, 1)
        entry = QHBoxLayout()
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText("Description")
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("Amount (Enter adds)")
        self.amount_edit.setValidator(QRegularExpressionValidator(AMOUNT_RE, self))
        self.amount_edit.setAccessibleName("Line amount")
        self.add_button = QPushButton("Add line")
        entry.addWidget(touch(self.description_edit), 2)
        entry.addWidget(touch(self.amount_edit), 1)
        entry.addWidget(touch(self.add_button))
        layout.addLayout(entry)
        grid = QGridLayout()
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        self.points_label = QLabel()
        self.tenders_label = QLabel()
        self.due_label = QLabel()
        self.due_label.setObjectName("due")
        for row, (title, label) in enumerate(
            (
                ("Total", self.total_label),
                ("Loyalty Redemption", self.points_label),
                ("Paid", self.tenders_label),
                ("Due", self.due_label),
            )
        ):
            grid.addWidget(QLabel(title + ":"), row, 0)
            grid.addWidget(label, row, 1, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addLayout(grid)
        self.amount_edit.returnPressed.connect(self._submit)
        self.description_edit.returnPressed.connect(self.amount_edit.setFocus)
        self.add_button.clicked.connect(self._submit)

    def _submit(self) -> None:
        amount = parse_amount(self.amount_edit.text())
        if amount is None or amount <= 0:
            self.amount_edit.setFocus()
            return
        self.line_entered.emit(self.description_edit.text(), amount)

    def clear_entry(self) -> None:
        self.description_edit.clear()
        self.amount_edit.clear()
        # Back to Description: the next item's name is typed straight away (issue 12, #9).
        self.description_edit.setFocus()

    def money(self, value: Decimal) -> str:
        return f"{self.currency} {value:,.2f}".strip()

    def show_sale(self, sale: Sale) -> None:
        self.table.setRowCount(len(sale.lines))
        for row, line in enumerate(sale.lines):
            self.table.setItem(row, 0, QTableWidgetItem(line.description))
            amount = QTableWidgetItem(self.money(line.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, amount)
        self.total_label.setText(self.money(sale.total))
        r = sale.redemption
        if r is None or r.state == RedemptionState.REVERSED:
            self.points_label.setText("—")
        else:
            note = {
                RedemptionState.SENDING: " (not confirmed yet)",
                RedemptionState.REVERSING: " (being reversed)",
            }.get(r.state, "")
            self.points_label.setText(f"{r.points:,} points = {self.money(r.value)}{note}")
        paid = ", ".join(
            f"{TENDER_NAMES.get(t.kind, t.kind)} {self.money(t.amount)}" for t in sale.tenders
        )
        self.tenders_label.setText(paid or "—")
        if sale.state == SaleState.COMPLETED:
            self.due_label.setText(
                f"Completed — change {self.money(sale.change)}" if sale.change else "Completed"
            )
        elif sale.state == SaleState.VOIDED:
            self.due_label.setText("Voided")
        elif sale.due < 0:
            self.due_label.setText(f"Change {self.money(sale.change)}")
        else:
            self.due_label.setText(self.money(sale.due))
