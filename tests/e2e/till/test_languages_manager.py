"""Issue 17: the manager window in German shows no English left (every tab, signed in).

The English window is walked first, then a German one; a text the English window shows
that the German one shows unchanged is English left over. Words that are the same in
German (``PIN``) are listed in ``SAME_IN_GERMAN``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.fixtures.manager import sign_in
from till import i18n

SAME_IN_GERMAN = {"PIN", "&PIN", "&Name"}
_WORD = re.compile(r"[^\W\d_]{3,}")


@pytest.fixture
def manager_backend(manager_module_backend: Any) -> Any:
    return manager_module_backend  # nothing is written: one backend for the module


@pytest.fixture
def language() -> Iterator[Any]:
    yield i18n.install
    i18n.install("en")


def texts(window: QWidget) -> set[str]:
    found: list[str] = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        if isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            found.append(w.title())
        if isinstance(w, QTabWidget):
            found.extend(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                item = w.horizontalHeaderItem(c)
                if item is not None:
                    found.append(item.text())
        found.extend(a.text() for a in w.actions() if isinstance(a, QAction))
    return {t for t in found if _WORD.search(t) and t not in SAME_IN_GERMAN}


def signed_in(new_manager_window: Any, qtbot: QtBot) -> set[str]:
    window = new_manager_window()
    locked = texts(window)
    sign_in(qtbot, window, "manager", "2468")
    qtbot.waitUntil(lambda: window.tabs is not None)
    both = locked | texts(window)
    window.close()
    return both


def test_the_manager_window_in_german_shows_no_english(
    new_manager_window: Any, qtbot: QtBot, language: Any
) -> None:
    english = signed_in(new_manager_window, qtbot)
    assert len(english) > 40  # the walk found the window's texts
    language("de")
    german = signed_in(new_manager_window, qtbot)
    left = sorted(english & german)
    assert left == [], "\n".join(left)
