"""The manager's and the technician's windows, opened from the till (Ctrl+M, Ctrl+T).

Why apart from the cashier's window: they are other people's tools with their own sign-in;
the till only offers them (a menu, a button, a key each, greyed out when that part of the
till is not installed) and shows them apart from its own window, window manager or not
(:mod:`till.kiosk_focus`). The bench keeps the card reads while it is open and in front.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

from till.context import AppContext
from till.style import add_shortcut
from till.translate import translate

log = logging.getLogger(__name__)

STAFF = (
    ("Manager…", "till.manager", "ManagerWindow", "Ctrl+M"),
    ("Technician…", "till.techbench", "TechnicianWindow", "Ctrl+T"),
)
# The menu texts above, for pyside6-lupdate (translated where the menu is built).
_MENU_TEXTS = (translate("MainWindow", "Manager…"), translate("MainWindow", "Technician…"))


class StaffWindows:
    def __init__(
        self,
        host: QMainWindow,
        ctx: AppContext,
        show_apart: Callable[[QWidget], None],
        say: Callable[[str, str], None],
        opened: Callable[[QWidget], None],
    ) -> None:
        self.host = host
        self.ctx = ctx
        self.show_apart = show_apart
        self.say = say
        self.opened = opened
        self.technician_window: QWidget | None = None
        self.actions: list[QAction] = []

    def add_menu(self, buttons: list[QPushButton]) -> None:
        """The Staff menu; ``buttons`` (manager, technician) open the same windows."""
        staff = self.host.menuBar().addMenu(translate("MainWindow", "&Staff"))
        for (text, module, cls, key), button in zip(STAFF, buttons, strict=True):
            action = QAction(f"{translate('MainWindow', text)}\t{key}", self.host)
            staff.addAction(action)
            self.actions.append(action)
            available = importlib.util.find_spec(module) is not None

            def open_it(_: bool = False, module: str = module, cls: str = cls) -> None:
                self.open(module, cls)

            action.setEnabled(available)
            button.setEnabled(available)
            action.triggered.connect(open_it)
            button.clicked.connect(open_it)
            if available:
                add_shortcut(key, self.host, open_it)

    def open(self, module: str, cls: str) -> QWidget | None:
        try:
            window_cls = getattr(importlib.import_module(module), cls)
        except (ImportError, AttributeError):
            log.exception("%s.%s can't be opened", module, cls)
            self.say(
                translate("MainWindow", "That function is not available on this till yet."), "warn"
            )
            return None
        window: QWidget = window_cls(self.ctx, self.host)
        if cls == "TechnicianWindow":
            self.technician_window = window
            window.destroyed.connect(self._bench_closed)
        self.show_apart(window)
        self.opened(window)
        return window

    def bench_is_open(self) -> bool:
        """The bench takes this read (signed in and in front): a sample card, not a member.

        A bench left open behind the till window leaves the cashier's reads to the till."""
        bench = self.technician_window
        return bench is not None and bool(getattr(bench, "taking_reads", False))

    def _bench_closed(self) -> None:
        self.technician_window = None
