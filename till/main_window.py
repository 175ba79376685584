"""The till's main window: the shell the cashier flows live in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QStatusBar, QVBoxLayout, QWidget

from till import __version__


class MainWindow(QMainWindow):
    def __init__(self, store_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = "Loyalty Till"
        if store_label:
            title += f" — {store_label}"
        self.setWindowTitle(title)
        self.resize(1024, 700)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.greeting = QLabel("Swipe or scan a loyalty card, or type the member's phone number.")
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.greeting)
        self.setCentralWidget(central)
        status = QStatusBar(self)
        self.backend_label = QLabel("Backend: checking…")
        self.pending_label = QLabel("Pending operations: 0")
        status.addWidget(self.backend_label)
        status.addPermanentWidget(self.pending_label)
        status.addPermanentWidget(QLabel(f"v{__version__}"))
        self.setStatusBar(status)
