"""The cashier's dialogs talk to the window only through :class:`till.cashier_dialogs.Screen`.

Why test it on a screen of its own: a dialog that reached into the window's widgets (the
banner, the recovery bar, the sale panel) would break as soon as another panel or hook
changed the window. Here the dialogs run against the real till's context and sale, but on
a plain widget that records what they ask of the screen.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

import till.cashier_dialogs as module
from tests.fixtures.till import TillFactory
from till.cashier_dialogs import CashierDialogs, Screen
from till.core.sale import SaleState
from till.void_dialog import VoidDialog


@dataclass
class Recorder:
    host: QWidget
    said: list[tuple[str, str]] = field(default_factory=list)
    opened: list[QDialog] = field(default_factory=list)
    voids: list[bool] = field(default_factory=list)

    def screen(self) -> Screen:
        def open_dialog(dialog: QDialog) -> None:
            self.opened.append(dialog)
            dialog.open()

        return Screen(
            parent=self.host,
            say=lambda text, level: self.said.append((text, level)),
            banner_text=lambda: self.said[-1][0] if self.said else "",
            open_dialog=open_dialog,
            money=lambda value: f"EUR {value:.2f}",
            void_confirmed=lambda: self.voids.append(True),
        )


def test_the_dialogs_module_does_not_know_the_window() -> None:
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module is not None
    }
    assert "till.main_window" not in imported
    assert "window" not in {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}


def test_the_dialogs_run_on_a_screen_of_their_own(
    till_factory: TillFactory, backend: Any, qtbot: Any
) -> None:
    till = till_factory(backend)
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    rec = Recorder(host)
    dialogs = CashierDialogs(till.ctx, till.window.flow, rec.screen())
    dialogs.void()
    assert rec.said == [("There is no open sale to void.", "warn")]
    assert rec.opened == []

    till.window.flow.add_line("Tea", Decimal("3.00"))
    dialogs.void()
    assert len(rec.opened) == 1 and isinstance(rec.opened[0], VoidDialog)
    dialog = rec.opened[0]
    assert dialog.parent() is host  # modal to the screen it was given
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason_edit)
    QTest.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    till.wait_state(SaleState.VOIDED)
    assert rec.voids == [True]

    dialogs.redeem()  # a voided sale: said on the screen given, not on the window's banner
    assert rec.said[-1] == ("Start a sale first.", "warn")
    assert till.window.banner.text() != "Start a sale first."
