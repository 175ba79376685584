"""The receipt on screen, and printing it.

Why the same text as the printer's: the cashier can read out exactly what the customer's
receipt says about the points (earned, redeemed, new balance, or "points pending").
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from till.core.sale import Sale
from till.receipt import render_receipt
from till.style import touch


class ReceiptPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Receipt", parent)
        layout = QVBoxLayout(self)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setReadOnly(True)
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        # A widget-level sheet wins over the window's "font-size" for this one widget.
        self.text_edit.setStyleSheet(f'font-family: "{family}"; font-size: 12px;')
        self.text_edit.ensurePolished()
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # Wide enough for a 40-column receipt line without wrapping or scrolling.
        width = self.text_edit.fontMetrics().horizontalAdvance("M" * 41)
        self.text_edit.setMinimumWidth(width + 30)
        self.text_edit.setPlaceholderText("The receipt appears here when the sale is finished.")
        layout.addWidget(self.text_edit, 1)
        self.print_button = QPushButton("Print (Ctrl+P)")
        self.print_button.clicked.connect(self.print_receipt)
        layout.addWidget(touch(self.print_button))
        self.print_button.setEnabled(False)

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText()

    def show_receipt(self, sale: Sale, store: str = "", currency: str = "") -> str:
        text = render_receipt(sale, store, currency)
        self.text_edit.setPlainText(text)
        self.print_button.setEnabled(True)
        return text

    def clear(self) -> None:
        self.text_edit.clear()
        self.print_button.setEnabled(False)

    def print_receipt(self) -> None:
        if not self.text:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            doc = QTextDocument(self.text)
            doc.setDefaultFont(self.text_edit.font())
            doc.print_(printer)
