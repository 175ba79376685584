"""Sample-card session tab: swipe the manufacturer's sample N times, read the verdict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from till.cardtest.sample_session import SampleSession
from till.manager.widgets import EnterChain
from till.style import BAD, OK, touch
from till.translate import translate

_VERDICT_STYLE = {"pass": f"color: {OK};", "fail": f"color: {BAD};", "incomplete": ""}


class SampleSessionPanel(QWidget):
    """Counts swipes into a :class:`SampleSession`; ``add_swipe(analysis_json)``."""

    def __init__(self, target: int = 10, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = SampleSession(target)
        self.target_spin = QSpinBox()
        self.target_spin.setRange(1, 200)
        self.target_spin.setValue(target)
        self.target_spin.setAccessibleName("Swipes in the session")
        self.start_button = QPushButton(translate("TechBench", "Start a &new session"))
        touch(self.start_button)
        self.progress_label = QLabel()
        self.verdict_label = QLabel()
        self.verdict_label.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(3, 3)
        self.table.setHorizontalHeaderLabels(
            [
                translate("TechBench", "Track"),
                translate("TechBench", "Read"),
                translate("TechBench", "Failed"),
            ]
        )
        self.table.verticalHeader().hide()
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setReadOnly(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("TechBench", "Swipe the same sample card")))
        top.addWidget(self.target_spin)
        top.addWidget(QLabel(translate("TechBench", "times.")))
        top.addStretch(1)
        top.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.table)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.summary_edit, 1)
        self.start_button.clicked.connect(self.restart)
        # Keyboard only: Enter in the count starts the session (not leaving the field).
        self._enter = EnterChain([self.target_spin], self.restart)
        self.setFocusProxy(self.target_spin)
        self._refresh()

    def restart(self) -> None:
        self.session.reset(self.target_spin.value())
        self._refresh()

    def add_swipe(self, analysis: Mapping[str, Any]) -> None:
        if self.session.complete:
            self.session.reset()  # the next card starts a fresh session
        self.session.add(analysis)
        self._refresh()

    def _refresh(self) -> None:
        summary = self.session.summary()
        self.progress_label.setText(
            translate("TechBench", "{swipes} of {target} swipes").format(
                swipes=summary.swipes, target=summary.target
            )
        )
        for row, tally in enumerate(summary.tallies):
            self.table.setItem(row, 0, QTableWidgetItem(str(tally.track)))
            encoded = tally.encoded
            self.table.setItem(row, 1, QTableWidgetItem(str(tally.ok) if encoded else "—"))
            self.table.setItem(row, 2, QTableWidgetItem(str(tally.failed) if encoded else "—"))
        words = {
            "pass": "The sample reads reliably.",
            "fail": "The sample does NOT read reliably.",
            "incomplete": "Keep swiping." if summary.swipes else "Swipe the sample card.",
        }
        self.verdict_label.setText(words[summary.verdict])
        self.verdict_label.setStyleSheet(
            "font-weight: bold;" + _VERDICT_STYLE.get(summary.verdict, "")
        )
        self.summary_edit.setPlainText("\n".join(summary.lines) if summary.swipes else "")
