"""Issue 17: the cashier's dialogs and the manager's tabs fit a 1024x768 till screen in German
and Ukrainian (German words are long): no dialog larger than the screen, no text cut
(:func:`till.screenshots.dialog_misfits` / :func:`till.screenshots.cut_texts` name each).

Opened as the cashier does, with keys: F4 (pay with points: the amount, the SMS code and the
manager-override pages), F8 (void), F7 (register), F12 (return); the manager window signed
in, every tab.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.exceptions import TimeoutError

from tests.e2e.manager.test_screen_fit import TABS
from tests.fixtures.manager import wait_idle
from tests.fixtures.till import Till, TillFactory, demo_card
from till import i18n
from till.redeem_dialog import RedeemDialog
from till.registration_dialog import RegistrationDialog
from till.return_dialog import ReturnDialog
from till.screenshots import cut_texts, dialog_misfits
from till.void_dialog import VoidDialog

SCREEN = (1024, 768)


@pytest.fixture
def language() -> Iterator[Callable[[str], bool]]:
    yield i18n.install
    i18n.install("en")


def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget: QWidget | None = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, k, mod)


def type_text(text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClicks(widget, text)


def open_with(till: Till, k: Qt.Key, kind: type[QDialog]) -> QDialog:
    till.qtbot.waitUntil(lambda: QApplication.activeWindow() is till.window)
    QTest.keyClick(till.window, k)
    till.qtbot.waitUntil(lambda: isinstance(till.window.dialog, kind))
    dialog = till.window.dialog
    assert isinstance(dialog, kind)
    till.qtbot.waitExposed(dialog)
    return dialog


def settled(qtbot: Any, found: Callable[[], list[str]], what: str) -> None:
    """``found()`` empty once the layout has settled; else the texts it names, in the failure."""
    with contextlib.suppress(TimeoutError):
        qtbot.waitUntil(lambda: found() == [], timeout=3_000)
    assert found() == [], what


def fits(till: Till, dialog: QWidget, what: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settled(till.qtbot, lambda: dialog_misfits(app, dialog, *SCREEN), what)


def close(till: Till) -> None:
    key(Qt.Key.Key_Escape)
    till.qtbot.waitUntil(lambda: till.window.dialog is None)


@pytest.mark.parametrize("lang", ["de", "uk"])
def test_the_cashiers_dialogs_fit_in_each_language(
    till_factory: TillFactory, backend: Any, language: Callable[[str], bool], lang: str
) -> None:
    assert language(lang)
    till = till_factory(backend)
    till.window.resize(*SCREEN)
    till.window.activateWindow()
    till.swipe(demo_card("Carol")["swipe"])
    till.wait_member("Carol Test")
    till.window.sale_panel.description_edit.setFocus()
    type_text("Lebensmittel")
    key(Qt.Key.Key_Return)
    type_text("80.00")
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: bool(till.sale.lines))

    redeem = open_with(till, Qt.Key.Key_F4, RedeemDialog)
    assert isinstance(redeem, RedeemDialog)
    fits(till, redeem, "points: amount page")
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is redeem.points_edit)
    type_text("1500")
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: redeem.stack.currentWidget() is redeem.otp, timeout=10_000)
    fits(till, redeem, "points: SMS code page")
    key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    till.qtbot.waitUntil(lambda: redeem.stack.currentIndex() == 2)
    fits(till, redeem, "points: manager override page")
    close(till)

    fits(till, open_with(till, Qt.Key.Key_F8, VoidDialog), "void")
    close(till)
    fits(till, open_with(till, Qt.Key.Key_F7, RegistrationDialog), "registration")
    close(till)
    fits(till, open_with(till, Qt.Key.Key_F12, ReturnDialog), "return")
    close(till)


@pytest.fixture
def manager_backend(manager_module_backend: Any) -> Any:
    return manager_module_backend  # nothing is written: one backend for the module


@pytest.mark.parametrize("lang", ["de", "uk"])
def test_every_manager_tab_fits_in_each_language(
    new_manager_window: Any, manager_ctx: Any, qtbot: Any, language: Any, lang: str
) -> None:
    assert language(lang)
    window = new_manager_window()
    window.resize(*SCREEN)
    settled(qtbot, lambda: cut_texts(window), "the sign-in page")
    name, pin = manager_ctx.backend.manager
    window.login.name_edit.setText(name)
    window.login.pin_edit.setText(pin)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        window.login.unlock_button.click()
    wait_idle(qtbot, manager_ctx.runner)
    for tab in TABS:
        window.select_tab(tab)
        wait_idle(qtbot, manager_ctx.runner)
        assert (window.width(), window.height()) == SCREEN, tab
        settled(qtbot, lambda: cut_texts(window), tab)
