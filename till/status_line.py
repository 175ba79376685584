"""The till's status bar: is the loyalty server there, is the key accepted, what is pending.

Why always visible: the cashier must know before taking points whether the server can be
asked (Online), whether points are being kept to send later (Offline, the pending count),
or whether a technician is needed (the API key refused). Apart from the main window so the
window stays small.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from till import __version__
from till.style import BAD, OK
from till.sync_signals import SyncSignals
from till.translate import translate


class StatusLine(QStatusBar):
    def __init__(self, signals: SyncSignals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signals = signals
        self.backend_label = QLabel(translate("MainWindow", "Backend: checking…"))
        self.pending_label = QLabel(translate("MainWindow", "Pending operations: 0"))
        self.device_label = QLabel("")
        self.addWidget(self.backend_label)
        self.addWidget(self.device_label, 1)
        self.addPermanentWidget(self.pending_label)
        self.addPermanentWidget(QLabel(f"v{__version__}"))
        signals.online_changed.connect(self.online_changed)
        signals.key_refused_changed.connect(self.key_refused_changed)

    def key_refused_changed(self, refused: bool) -> None:
        if refused:
            self._backend(translate("MainWindow", "● API key refused — call a technician"), BAD)
        else:
            self.online_changed(bool(self.signals.online))

    def online_changed(self, online: bool) -> None:
        if self.signals.key_refused:
            return
        if online:
            self._backend(translate("MainWindow", "● Online"), OK)
        else:
            self._backend(
                translate("MainWindow", "● Offline — points are kept and sent later"), BAD
            )

    def pending_changed(self, pending: int) -> None:
        self.pending_label.setText(
            translate("MainWindow", "Pending operations: {pending}").format(pending=pending)
        )

    def _backend(self, text: str, colour: str) -> None:
        self.backend_label.setText(text)
        self.backend_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
