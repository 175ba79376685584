"""A new QR code for a table: the waiter starts a new seating from the till (issue 18).

Why from the till: the table's QR carries a signed token for store + table + a few hours; a
new seating must not be able to order on the previous guests' code. ``POST
/v1/tables/{table}/rotate`` invalidates the table's earlier codes and answers the new URL,
shown here as a QR code (ISO/IEC 18004, drawn from the ``qrcode`` package's module matrix)
for the guests to scan from the screen or for the waiter to print.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from till.backend_client import BackendError
from till.receipt import store_zone
from till.style import touch
from till.translate import translate
from till.wire import TableQr

if TYPE_CHECKING:
    from till.context import AppContext

log = logging.getLogger(__name__)

QR_PX = 240


def qr_pixmap(text: str, size_px: int = QR_PX) -> QPixmap:
    """``text`` as a QR code (error correction M, a 4-module quiet zone)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    n = len(matrix)
    scale = max(1, size_px // n)
    image = QImage(n * scale, n * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


class TableQrDialog(QDialog):
    """Table number, Enter: the new seating's QR. ``qr`` holds the answer once it came."""

    def __init__(self, ctx: AppContext, table: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.qr: TableQr | None = None
        self.setWindowTitle(translate("TableOrders", "New table QR code"))
        form = QFormLayout(self)
        intro = QLabel(
            translate("TableOrders", "A new seating: the table's earlier QR codes stop working.")
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.table_edit = QLineEdit(table)
        self.table_edit.setAccessibleName("Table")
        self.table_edit.setMaxLength(20)
        form.addRow(translate("TableOrders", "Table:"), touch(self.table_edit))
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addRow(self.image_label)
        self.message_label = QLabel("")
        self.message_label.setWordWrap(True)
        form.addRow(self.message_label)
        self.rotate_button = QPushButton(translate("TableOrders", "New QR code (Enter)"))
        self.rotate_button.setDefault(True)
        self.close_button = QPushButton(translate("TableOrders", "Close (Esc)"))
        form.addRow(touch(self.rotate_button), touch(self.close_button))
        self.rotate_button.clicked.connect(self.rotate)
        self.table_edit.returnPressed.connect(self.rotate)
        self.close_button.clicked.connect(self.reject)
        self.table_edit.setFocus()
        self.table_edit.selectAll()

    def rotate(self) -> None:
        table = self.table_edit.text().strip()
        if not table:
            self.message_label.setText(translate("TableOrders", "Type the table's number."))
            return
        self.message_label.setText(
            translate("TableOrders", "Asking for a new code for table {table}…").format(table=table)
        )
        self.rotate_button.setEnabled(False)
        client = self.ctx.client
        self.ctx.runner.run(lambda: client.rotate_table(table), self._done, self._failed)

    def _done(self, qr: TableQr) -> None:
        self.qr = qr
        self.rotate_button.setEnabled(True)
        self.image_label.setPixmap(qr_pixmap(qr.url))
        table = qr.table or self.table_edit.text().strip()
        text = translate("TableOrders", "Table {table}: scan this code.").format(table=table)
        if qr.expires_at is not None:
            session = self.ctx.session
            zone = store_zone(session.raw if session else None)
            text = translate("TableOrders", "Table {table}: scan this code, valid until {time}.")
            text = text.format(table=table, time=qr.expires_at.astimezone(zone).strftime("%H:%M"))
        self.message_label.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.rotate_button.setEnabled(True)
        if isinstance(exc, BackendError):
            self.message_label.setText(str(exc))
        else:
            log.error("table QR rotation failed", exc_info=exc)
            self.message_label.setText(
                translate("TableOrders", "The new code could not be made. Call a manager.")
            )
