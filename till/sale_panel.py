"""The sale panel: amount lines, the total, and how it is being paid.

Why no catalogue: the till only needs the amounts to earn and redeem against; a line is a
description and an amount. The figures (total, points tender and its value, other
tenders, what is still due or the change) are always visible so the cashier never has to
work out what is left.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from babel import Locale
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

from till import formatting
from till.core.sale import RedemptionState, Sale, SaleState
from till.style import touch
from till.translate import translate
from till.words import tender_name

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
        super().__init__(translate("MainWindow", "Sale"), parent)
        self.currency = currency
        self.figures: Locale | None = None  # the store's locale (issue 17), set by the window
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [translate("MainWindow", "Description"), translate("MainWindow", "Amount")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.table, 1)
        entry = QHBoxLayout()
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(translate("MainWindow", "Description"))
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(translate("MainWindow", "Amount"))
        self.amount_edit.setValidator(QRegularExpressionValidator(AMOUNT_RE, self))
        self.amount_edit.setAccessibleName("Line amount")
        self.amount_edit.setToolTip(translate("MainWindow", "Enter adds the line"))
        # Room for the hint and the largest amount whole at 1024 px (issue 12: "Amou…").
        self.amount_edit.ensurePolished()
        widest = max(
            self.amount_edit.fontMetrics().horizontalAdvance(text)
            for text in ("Amount", "9999999.99")
        )
        self.amount_edit.setMinimumWidth(widest + 24)  # frame, Qt's margins, the cursor
        self.add_button = QPushButton(translate("MainWindow", "Add line"))
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
                (translate("MainWindow", "Total:"), self.total_label),
                (translate("MainWindow", "Loyalty Redemption:"), self.points_label),
                (translate("MainWindow", "Paid:"), self.tenders_label),
                (translate("MainWindow", "Due:"), self.due_label),
            )
        ):
            grid.addWidget(QLabel(title), row, 0)
            # The whole column, text to the right: aligned in the layout instead, a label
            # gets its narrow size hint, and a wrapped one is then cut in height.
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        for wrapped in (self.points_label, self.tenders_label):
            wrapped.setWordWrap(True)  # "Cash EUR 5.00, Card (terminal) EUR 7.50" at 1024 px
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
        """In the store's locale (:mod:`till.formatting`), once the session named it."""
        return formatting.money(value, self.currency, self.figures)

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
            text = {
                RedemptionState.SENDING: translate(
                    "MainWindow", "{points} points = {value} (not confirmed yet)"
                ),
                RedemptionState.REVERSING: translate(
                    "MainWindow", "{points} points = {value} (being reversed)"
                ),
            }.get(r.state, translate("MainWindow", "{points} points = {value}"))
            self.points_label.setText(
                text.format(points=f"{r.points:,}", value=self.money(r.value))
            )
        paid = ", ".join(f"{tender_name(t.kind)} {self.money(t.amount)}" for t in sale.tenders)
        self.tenders_label.setText(paid or "—")
        if sale.state == SaleState.COMPLETED:
            self.due_label.setText(
                translate("MainWindow", "Completed — change {value}").format(
                    value=self.money(sale.change)
                )
                if sale.change
                else translate("MainWindow", "Completed")
            )
        elif sale.state == SaleState.VOIDED:
            self.due_label.setText(translate("MainWindow", "Voided"))
        elif sale.due < 0:
            self.due_label.setText(
                translate("MainWindow", "Change {value}").format(value=self.money(sale.change))
            )
        else:
            self.due_label.setText(self.money(sale.due))
