"""The receipt on screen, and printing it.

Why the same text as the printer's: the cashier can read out exactly what the customer's
receipt says about the points (earned, redeemed, new balance, or "points pending").
"""

from __future__ import annotations

import logging
from datetime import tzinfo
from pathlib import Path

from babel import Locale
from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from till.core.sale import Sale
from till.receipt import render_receipt
from till.receipt_columns import SCREEN
from till.style import touch
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)

RECEIPT_PX = 16


class ReceiptPanel(QGroupBox):
    """``printed`` says, in a cashier's words, where Ctrl+P sent the receipt."""

    printed = Signal(str, str)  # message, level ("ok" or "bad")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("MainWindow", "Receipt"), parent)
        self.pdf_dir: Path | None = None  # where receipts go when no printer is set up
        self.receipt_no = ""
        layout = QVBoxLayout(self)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setReadOnly(True)
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        # A widget-level sheet wins over the window's "font-size" for this one widget. The
        # size is that of the rest of the screen or more: the cashier reads the points out
        # from arm's length (issue 12), and a 40-column line still fits a 1024 px screen.
        self.text_edit.setStyleSheet(f'font-family: "{family}"; font-size: {RECEIPT_PX}px;')
        self.text_edit.ensurePolished()
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # Wide enough for a receipt line (till.receipt_columns.SCREEN columns: the text is
        # wrapped there, never by the widget) without wrapping or scrolling.
        width = self.text_edit.fontMetrics().horizontalAdvance("M" * (SCREEN + 1))
        self.text_edit.setMinimumWidth(width + 30)
        self.text_edit.setPlaceholderText(
            translate("MainWindow", "The receipt appears here when the sale is finished.")
        )
        layout.addWidget(self.text_edit, 1)
        self.print_button = QPushButton(translate("MainWindow", "Print (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_receipt)
        layout.addWidget(touch(self.print_button))
        self.print_button.setEnabled(False)

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText()

    def show_receipt(
        self,
        sale: Sale,
        store: str = "",
        currency: str = "",
        zone: tzinfo | None = None,
        locale: Locale | None = None,
    ) -> str:
        text = render_receipt(sale, store, currency, zone, locale)
        self.receipt_no = sale.receipt_no
        self.text_edit.setPlainText(text)
        self.print_button.setEnabled(True)
        return text

    def keep(self, runner: TaskRunner) -> None:
        """Write the receipt shown to ``pdf_dir``/<receipt no>.txt on ``runner``'s thread."""
        text, folder = self.text, self.pdf_dir
        if not text or folder is None:
            return
        path = folder / f"{self.receipt_no or 'receipt'}.txt"

        def write() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

        runner.run(write)

    def clear(self) -> None:
        self.text_edit.clear()
        self.print_button.setEnabled(False)

    def print_receipt(self) -> None:
        """Ctrl+P prints straight away, never through a print dialog (a queue of customers
        waits): to the system's default printer when there is one, else to a PDF file in
        ``pdf_dir``. The receipt printer itself (ESC/POS) is issue 17's."""
        if not self.text:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        printer = QPrinter()
        default = QPrinterInfo.defaultPrinter()
        where: str
        if not default.isNull():
            printer.setPrinterName(default.printerName())
            where = f"printer {default.printerName()}"
        elif self.pdf_dir is not None:
            path = self.pdf_dir / f"{self.receipt_no or 'receipt'}.pdf"
            path.parent.mkdir(parents=True, exist_ok=True)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(path))
            where = f"{path}"
        else:
            self.printed.emit("No printer is set up on this till.", "bad")
            return
        doc = QTextDocument(self.text)
        doc.setDefaultFont(self.text_edit.font())
        doc.print_(printer)
        log.info("receipt %s printed to %s", self.receipt_no, where)
        if where.startswith("printer "):
            self.printed.emit(f"Receipt sent to the {where}.", "ok")
        else:
            self.printed.emit(f"No printer set up: the receipt was saved as {where}.", "ok")
