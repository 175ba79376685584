"""Diagnostics tab: the doctor (seed 001 checklist) run on the task runner, shown as a table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
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

from till.cardtest.check_result import status_word, summary
from till.cardtest.doctor import (
    DoctorInputs,
    DoctorReport,
    FoundDeviceLike,
    configured_devices,
    device_list_json,
    run_doctor,
)
from till.style import BAD, OK, WARN, touch
from till.translate import translate

if TYPE_CHECKING:
    from offline_queue.journal import Journal
    from till.backend_client import BackendClient
    from till.config import Config
    from till.tasks import TaskRunner

_COLOURS = {"pass": OK, "warn": WARN, "fail": BAD, "skip": "#666666"}


def _discover() -> Sequence[FoundDeviceLike]:
    from devices.discovery import discover

    return discover()


class DiagnosticsPanel(QWidget):
    """``run()`` checks in the background; ``finished(report)`` when shown."""

    finished = Signal(object)

    def __init__(
        self,
        config: Config,
        client: BackendClient,
        runner: TaskRunner,
        *,
        journal: Journal | None = None,
        data_dir: Path | None = None,
        config_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``journal``: the till's journal, for its counts (None: the check is skipped);
        ``data_dir``: where the support bundle is written (default: the working directory)."""
        super().__init__(parent)
        self._config = config
        self._client = client
        self._runner = runner
        self._journal = journal
        self._data_dir = data_dir or Path.cwd()
        self._config_path = config_path
        # Replaceable in tests (fake devices); the real machine otherwise.
        self.discover: Callable[[], Sequence[FoundDeviceLike]] = _discover
        self.report: DoctorReport | None = None
        self.card_edit = QLineEdit()
        self.card_edit.setPlaceholderText(
            translate("TechBench", "card number (optional): swipe or type")
        )
        self.card_edit.setAccessibleName("Card number to check")
        self.run_button = QPushButton(translate("TechBench", "&Run the checks"))
        touch(self.run_button)
        self.bundle_button = QPushButton(translate("TechBench", "Save a support b&undle"))
        touch(self.bundle_button)
        self.bundle_label = QLabel("")
        self.bundle_label.setWordWrap(True)
        self.bundle_path: Path | None = None
        self.summary_label = QLabel(
            translate(
                "TechBench",
                "Checks the till's network, the loyalty backend, the API "
                "key, a card, the readers and the journal.",
            )
        )
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                translate("TechBench", "Result"),
                translate("TechBench", "Check"),
                translate("TechBench", "Finding"),
                translate("TechBench", "What to do next"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.card_edit, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.bundle_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.bundle_label)
        self.run_button.clicked.connect(self.run)
        self.card_edit.returnPressed.connect(self.run)  # keyboard only: Enter runs the checks
        self.setFocusProxy(self.card_edit)
        self.bundle_button.clicked.connect(self.save_bundle)

    def set_card(self, number: str) -> None:
        self.card_edit.setText(number)

    def inputs(self) -> DoctorInputs:
        config = self._config
        card = self.card_edit.text().strip() or None
        journal = self._journal
        return DoctorInputs(
            backend_url=self._client.base_url,
            client=self._client,
            card=card,
            card_ranges=config.devices.card_ranges,
            require_luhn=config.devices.require_luhn,
            configured_devices=configured_devices(config.devices),
            discover=self.discover,
            journal_stats=journal.stats if journal is not None else None,
        )

    def run(self) -> None:
        inputs = self.inputs()
        self.run_button.setEnabled(False)
        self.summary_label.setText(translate("TechBench", "Checking…"))
        self._runner.run(lambda: run_doctor(inputs), self._show, self._failed)

    def _show(self, report: DoctorReport) -> None:
        self.report = report
        self.run_button.setEnabled(True)
        failed = sum(c.status == "fail" for c in report.checks)
        warned = sum(c.status == "warn" for c in report.checks)
        self.summary_label.setText(summary(failed, warned))
        self.table.setRowCount(len(report.checks))
        for row, check in enumerate(report.checks):
            status = QTableWidgetItem(status_word(check.status))
            status.setForeground(QColor(_COLOURS.get(check.status, "#000000")))
            self.table.setItem(row, 0, status)
            self.table.setItem(row, 1, QTableWidgetItem(check.title))
            self.table.setItem(row, 2, QTableWidgetItem(check.detail))
            self.table.setItem(row, 3, QTableWidgetItem(check.next_step))
        self.table.resizeRowsToContents()
        self.finished.emit(report)

    def save_bundle(self) -> None:
        """Run the checks and write ``support-<time>.zip`` into the till's data directory."""
        inputs = self.inputs()
        config = self._config
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        out = self._data_dir / f"support-{stamp}.zip"
        config_path = self._config_path
        discover = self.discover

        def work() -> Path:
            from till.cardtest.bundle import write_bundle

            found = list(discover())
            inputs.discover = lambda: found
            report = run_doctor(inputs)
            write_bundle(
                out,
                config=config,
                config_file=Path(config_path) if config_path else None,
                log_directory=config.log_directory(),
                devices=device_list_json(found),
                doctor_json=report.to_json(),
                doctor_text=report.to_text(),
            )
            return out

        def done(path: Path) -> None:
            self.bundle_button.setEnabled(True)
            self.bundle_path = path
            self.bundle_label.setText(
                translate("TechBench", "Support bundle written to {path}").format(path=path)
            )

        def failed(exc: BaseException) -> None:
            self.bundle_button.setEnabled(True)
            self.bundle_label.setText(
                translate("TechBench", "The support bundle could not be written: {problem}").format(
                    problem=exc
                )
            )

        self.bundle_button.setEnabled(False)
        self.bundle_label.setText(translate("TechBench", "Writing the support bundle…"))
        self._runner.run(work, done, failed)

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.summary_label.setText(
            translate("TechBench", "The checks could not run: {problem}").format(
                problem=f"{type(exc).__name__}: {exc}"
            )
        )
