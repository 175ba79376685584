"""The receipt printer on the manager's Settings page: choose it, save it, print a test.

A group box of its own, added to :class:`till.manager.settings.SettingsPanel` by one line;
saving writes ``[printer]`` (:mod:`till.printing.printer_settings`) and takes effect at the
till's next start, like the other settings. "Print test receipt" sends the sample receipt to
the printer as typed, off the GUI thread, and says in words what happened.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from till.config import Config, PrinterConfig
from till.errors import TillError
from till.manager.widgets import StatusLine, run_for
from till.printing import printers
from till.printing.printer_settings import save_printer
from till.printing.sample import sample_bytes
from till.style import touch
from till.tasks import TaskRunner
from till.translate import QT_TRANSLATE_NOOP, translate

KINDS = ("none", "usb", "serial", "network", "file")
TEXT_FIELDS = (
    ("host", QT_TRANSLATE_NOOP("Printing", "Printer host (network)")),
    ("port", QT_TRANSLATE_NOOP("Printing", "Printer port (network, 9100)")),
    ("serial_port", QT_TRANSLATE_NOOP("Printing", "Printer serial port")),
    ("serial_baud", QT_TRANSLATE_NOOP("Printing", "Printer baud rate")),
    ("usb_vendor_id", QT_TRANSLATE_NOOP("Printing", "USB vendor id (hex)")),
    ("usb_product_id", QT_TRANSLATE_NOOP("Printing", "USB product id (hex)")),
    ("path", QT_TRANSLATE_NOOP("Printing", "Printer device file")),
    ("profile", QT_TRANSLATE_NOOP("Printing", "python-escpos profile")),
)


class PrinterSettings(QGroupBox):
    def __init__(
        self, config: Config, config_path: Path, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(translate("Printing", "Receipt printer"), parent)
        self._config = config.printer
        self.config_path = config_path
        self._runner = runner
        form = QFormLayout(self)
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(list(KINDS))
        self.kind_combo.setCurrentText(self._config.kind)
        self.paper_combo = QComboBox()
        self.paper_combo.addItems(["80", "58"])
        self.paper_combo.setCurrentText(str(self._config.paper_mm))
        form.addRow(translate("Printing", "Printer kind"), touch(self.kind_combo))
        form.addRow(translate("Printing", "Paper width (mm)"), touch(self.paper_combo))
        self.edits: dict[str, QLineEdit] = {}
        for name, label in TEXT_FIELDS:
            edit = QLineEdit(str(getattr(self._config, name)))
            edit.setAccessibleName(label.replace("&", ""))
            self.edits[name] = edit
            form.addRow(translate("Printing", label), touch(edit))
        self.save_button = QPushButton(translate("Printing", "Save printer"))
        self.test_button = QPushButton(translate("Printing", "Print test receipt"))
        buttons = QHBoxLayout()
        buttons.addWidget(touch(self.save_button))
        buttons.addWidget(touch(self.test_button))
        form.addRow(buttons)
        self.status = StatusLine()
        form.addRow(self.status)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.print_test)

    def from_form(self) -> PrinterConfig:
        values: dict[str, object] = {
            "kind": self.kind_combo.currentText(),
            "paper_mm": int(self.paper_combo.currentText()),
        }
        for name, edit in self.edits.items():
            text = edit.text().strip()
            if name in ("port", "serial_baud"):
                if not text.isdigit():
                    raise TillError(
                        translate("Printing", "The printer's {value} must be a number.").format(
                            value=name.replace("_", " ")
                        )
                    )
                values[name] = int(text)
            else:
                values[name] = text
        return dataclasses.replace(self._config, **values)  # type: ignore[arg-type]

    def save(self) -> None:
        try:
            cfg = self.from_form()
        except TillError as exc:
            self.status.error(str(exc))
            return
        path = self.config_path

        def done(config: Config) -> None:
            self._config = config.printer
            self.status.ok(
                translate(
                    "Printing", "Printer saved to {path}: used from the till's next start."
                ).format(path=path)
            )

        def failed(exc: BaseException) -> None:
            self.status.error(
                str(exc)
                if isinstance(exc, TillError)
                else translate("Printing", "Not saved: {problem}").format(problem=exc)
            )

        run_for(self, self._runner, lambda: save_printer(path, cfg), done, failed)

    def print_test(self) -> None:
        try:
            cfg = self.from_form()
        except TillError as exc:
            self.status.error(str(exc))
            return
        self.status.info(
            translate("Printing", "Printing a test receipt on the {value}…").format(
                value=printers.describe(cfg)
            )
        )

        def failed(exc: BaseException) -> None:
            self.status.error(
                str(exc)
                if isinstance(exc, TillError)
                else translate("Printing", "Not printed: {problem}").format(problem=exc)
            )

        run_for(
            self,
            self._runner,
            lambda: printers.send(cfg, sample_bytes(cfg.paper_mm, profile=cfg.profile)),
            lambda _r: self.status.ok(translate("Printing", "Test receipt printed.")),
            failed,
        )
