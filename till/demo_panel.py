"""The demo panel: the SMS outbox, sample cards and codes, and a backend switch.

A window of its own beside the till (issue 12): docked, it widened the cashier's window
past a 1024x768 till screen; apart, the till keeps the size of a real till.

Why: in the demo there is no phone and no card reader. The customer's SMS (with the
one-time code) is shown from the backend's outbox file; the sample buttons push reads
through ``hub.feed`` — the same router and signals as real hardware; the switch stops and
restarts the backend so offline selling, pending points and the replay can be shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devices.events import RawRead
from till.context import AppContext
from till.demo import DemoRead, demo_reads, sms_lines
from till.style import touch
from till.translate import translate

log = logging.getLogger(__name__)


class DemoPanel(QWidget):
    backend_switched = Signal(bool)  # True: running again

    def __init__(
        self,
        ctx: AppContext,
        on_backend_change: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # A top-level tool window owned by the till (closed with it, never inside it).
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("DemoPanel", "Loyalty Till — demo panel"))
        self.setObjectName("demoPanel")
        self.ctx = ctx
        self._on_backend_change = on_backend_change
        self._busy = False
        self._reading = False  # one outbox read at a time, however slow the pool is
        layout = QVBoxLayout(self)
        sms_box = QGroupBox(translate("DemoPanel", "Customer's phone (SMS outbox)"))
        sms_layout = QVBoxLayout(sms_box)
        self.sms_view = QPlainTextEdit()
        self.sms_view.setReadOnly(True)
        self.sms_view.setPlaceholderText(translate("DemoPanel", "No SMS sent yet."))
        sms_layout.addWidget(self.sms_view)
        layout.addWidget(sms_box, 2)
        cards_box = QGroupBox(
            translate("DemoPanel", "Sample cards and codes (through the device pipeline)")
        )
        grid = QGridLayout(cards_box)
        self.read_buttons: list[QPushButton] = []
        for i, read in enumerate(demo_reads()):
            button = QPushButton(f"{_verb(read)} {read.label}")
            button.setToolTip(read.kind)
            button.clicked.connect(lambda _=False, r=read: self.feed(r))
            grid.addWidget(touch(button), i // 2, i % 2)
            self.read_buttons.append(button)
        layout.addWidget(cards_box, 3)
        self.backend_button = QPushButton(translate("DemoPanel", "Stop the backend (go offline)"))
        self.backend_button.setCheckable(True)
        self.backend_button.clicked.connect(self.toggle_backend)
        self.backend_state = QLabel(translate("DemoPanel", "Backend running"))
        layout.addWidget(touch(self.backend_button))
        layout.addWidget(self.backend_state)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh_sms)
        self.timer.start()
        self._last_sms: list[str] = []
        self.refresh_sms()

    def feed(self, read: DemoRead) -> None:
        self.ctx.hub.feed(
            RawRead(read.text, source="demo", symbology_id=read.symbology_id, format=read.format)
        )

    def refresh_sms(self) -> None:
        demo = self.ctx.demo
        if demo is None or self._busy or self._reading:
            return
        self._reading = True
        outbox = demo.sms_outbox

        def show(lines: list[str]) -> None:
            self._reading = False
            if lines != self._last_sms:
                self._last_sms = lines
                self.sms_view.setPlainText("\n".join(lines))

        def failed(exc: BaseException) -> None:
            self._reading = False
            log.error("reading the SMS outbox failed", exc_info=exc)

        self.ctx.runner.run(lambda: sms_lines(outbox), show, failed)

    def toggle_backend(self) -> None:
        demo = self.ctx.demo
        if demo is None or self._busy:
            return
        self._busy = True
        self.backend_button.setEnabled(False)
        stopping = demo.running
        self.backend_state.setText(
            translate("DemoPanel", "Stopping the backend…")
            if stopping
            else translate("DemoPanel", "Starting the backend…")
        )

        def work() -> bool:
            if stopping:
                demo.stop()
                return False
            demo.start()
            return True

        def done(running: bool) -> None:
            self._busy = False
            if running:
                # The embedded backend creates a fresh API key on every start.
                self.ctx.client.set_api_key(demo.api_key)
            self.backend_button.setEnabled(True)
            self.backend_button.setChecked(not running)
            self.backend_button.setText(
                translate("DemoPanel", "Stop the backend (go offline)")
                if running
                else translate("DemoPanel", "Start the backend (back online)")
            )
            self.backend_state.setText(
                translate("DemoPanel", "Backend running")
                if running
                else translate("DemoPanel", "Backend stopped")
            )
            self.backend_switched.emit(running)
            if self._on_backend_change is not None:
                self._on_backend_change()

        def failed(exc: BaseException) -> None:
            self._busy = False
            log.error("demo backend switch failed", exc_info=exc)
            self.backend_button.setEnabled(True)
            self.backend_state.setText(
                translate("DemoPanel", "The backend could not be switched: {exc}").format(exc=exc)
            )

        self.ctx.runner.run(work, done, failed)


def _verb(read: DemoRead) -> str:
    return {"swipe": "Swipe", "barcode": "Scan", "qr": "Scan QR"}.get(read.kind, "Read")
