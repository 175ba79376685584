"""Sizes and colours shared by the till's widgets.

Why: touch screens need targets of at least 44 px (WCAG 2.5.5, Apple HIG) on every
button and field, and one stylesheet keeps the cashier's screens consistent.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

OK = "#1b7f3b"
WARN = "#b35c00"
BAD = "#b00020"


def stylesheet(target_px: int = 44) -> str:
    return f"""
    QWidget {{ font-size: 15px; }}
    QPushButton {{ min-height: {target_px}px; padding: 0 12px; }}
    QLineEdit, QSpinBox, QComboBox {{ min-height: {target_px}px; }}
    QLabel#memberName {{ font-size: 20px; font-weight: bold; }}
    QLabel#total {{ font-size: 22px; font-weight: bold; }}
    QLabel#due {{ font-size: 18px; font-weight: bold; }}
    QLabel#banner {{ padding: 8px; border-radius: 4px; }}
    QLabel#badgeOffline {{ color: white; background: {WARN}; padding: 2px 6px; }}
    """


def touch(widget: QWidget, target_px: int = 44) -> QWidget:
    """Give a button or field at least the touch target size."""
    if isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox):
        widget.setMinimumHeight(target_px)
        # Only raise a too-small minimum: a fixed minimum below the text's width would let
        # layouts squeeze the label ("emove member (F").
        if isinstance(widget, QAbstractButton) and widget.sizeHint().width() < target_px:
            widget.setMinimumWidth(target_px)
    return widget


def banner_style(level: str) -> str:
    colour = {"ok": OK, "warn": WARN, "bad": BAD}.get(level, "#333333")
    return f"QLabel#banner {{ color: white; background: {colour}; padding: 8px; }}"


def add_shortcut(
    key: str,
    parent: QWidget,
    fn: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    """A keyboard shortcut on ``parent``'s window (every action has one: keyboard-only use)."""
    shortcut = QShortcut(QKeySequence(key), parent)
    shortcut.setContext(context)
    shortcut.activated.connect(fn)
    return shortcut
