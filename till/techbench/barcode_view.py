"""Barcode backup tab: print the card's Code 128 + QR, then scan it against the stripe.

The images are written by :mod:`till.cardtest.card_image` on the task runner (file I/O off
the GUI thread); the comparison is :func:`till.cardtest.barcode_backup.compare`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devices.events import Identified
from till.cardtest.barcode_backup import BackupVerdict, compare
from till.style import BAD, OK, WARN, touch
from till.translate import translate


class BarcodeBackupPanel(QWidget):
    def __init__(self, runner: Any, out_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(
            translate("TechBench", "swipe the card, or type its number")
        )
        self.reference_edit.setAccessibleName("Card number from the magstripe")
        self.dir_edit = QLineEdit(str(out_dir))
        self.dir_edit.setAccessibleName("Folder for the card images")
        self.generate_button = QPushButton(
            translate("TechBench", "&Generate Code 128 + QR (SVG and PNG)")
        )
        touch(self.generate_button)
        self.files_label = QLabel("")
        self.files_label.setWordWrap(True)
        self.files_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QLabel()
        self.preview.setMinimumHeight(200)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_label = QLabel(
            translate(
                "TechBench", "Then scan the printed card with the scanner or the camera to compare."
            )
        )
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-weight: bold;")
        self.last_verdict: BackupVerdict | None = None
        form = QFormLayout()
        form.addRow(translate("TechBench", "Card number"), self.reference_edit)
        form.addRow(translate("TechBench", "Write images to"), self.dir_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.files_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.result_label)
        self.generate_button.clicked.connect(self.generate)
        # Keyboard only: Enter in the number goes to the folder, Enter there generates.
        self.reference_edit.returnPressed.connect(self.dir_edit.setFocus)
        self.dir_edit.returnPressed.connect(self.generate)
        self.setFocusProxy(self.reference_edit)

    def set_reference(self, number: str) -> None:
        self.reference_edit.setText(number)

    def generate(self) -> None:
        number = self.reference_edit.text().strip()
        if not number:
            self.files_label.setText(
                translate("TechBench", "Swipe the card or type its number first.")
            )
            return
        directory = Path(self.dir_edit.text().strip()).expanduser()
        self.generate_button.setEnabled(False)
        self.files_label.setText(translate("TechBench", "Writing…"))

        def work() -> tuple[list[Path], bytes]:
            from till.cardtest.card_image import write_card

            paths = write_card(number, directory)
            png = next(p for p in paths if p.suffix == ".png").read_bytes()
            return paths, png

        self._runner.run(work, self._written, self._failed)

    def _written(self, result: tuple[list[Path], bytes]) -> None:
        paths, png = result
        self.generate_button.setEnabled(True)
        self.files_label.setText(
            translate("TechBench", "Print at 100 % (ID-1 card, 85.60 x 53.98 mm): {files}").format(
                files=", ".join(str(p) for p in paths)
            )
        )
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.preview.setPixmap(
            pixmap.scaledToHeight(200, Qt.TransformationMode.SmoothTransformation)
        )

    def _failed(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        self.files_label.setText(
            translate("TechBench", "The images could not be written: {problem}").format(problem=exc)
        )

    def compare_scan(self, event: Identified, fmt: str | None = None) -> BackupVerdict:
        """``fmt``: the decoder's format name (Code128, QRCode) when the raw read is known."""
        scanned = event.value or event.raw
        verdict = compare(
            self.reference_edit.text().strip() or None, scanned, event.kind.value, fmt
        )
        colour = {True: OK, False: BAD, None: WARN}[verdict.same]
        self.result_label.setText(verdict.sentence)
        self.result_label.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.last_verdict = verdict
        return verdict
