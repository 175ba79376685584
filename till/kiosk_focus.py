"""Keyboard focus on a kiosk: the till takes it back itself (issue 12, finding 11).

Why: without a window manager nobody activates windows. When a dialog or a staff window
closes, the X input focus is left on a window that is gone, and the cashier's F-keys go
nowhere until someone clicks the till; a new staff window is not activated either, so a
manager's PIN typed after Ctrl+M lands in the till's phone field. Qt's ``activateWindow``
sets the X input focus directly when no window manager is running, so the till does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


class KioskFocus(QObject):
    """Gives the keyboard back to ``main`` after its dialogs and staff windows close."""

    def __init__(self, main: QWidget) -> None:
        super().__init__(main)
        self.main = main
        self._watched: set[QObject] = set()

    def take_back(self, widget: QWidget | None = None) -> None:
        """Make ``main`` the active window again, the focus where it was (``widget``)."""
        self.main.raise_()
        self.main.activateWindow()
        alive = widget is not None and isValid(widget) and self.main.isAncestorOf(widget)
        if alive and widget is not None and widget.isVisible():
            widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def show_apart(self, window: QWidget) -> None:
        """Show a staff window in front, with the keyboard; the till gets it back on close."""
        self._watched.add(window)
        window.installEventFilter(self)
        window.destroyed.connect(lambda: self._watched.discard(window))
        window.show()
        window.raise_()
        window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and watched in self._watched:
            self.take_back()
        return super().eventFilter(watched, event)
