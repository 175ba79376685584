"""Voiding a sale: a reason, and a manager's approval when points must be given back.

Why the approval: reversing a committed redemption is a manager-only write on the backend
(it gives points back); without a redemption a void only needs the cashier's reason.

Enter (issue 12: "Enter in every field of every dialog") does the next safe thing from the
field it is pressed in, never a void with something missing: in the reason it voids when
no manager is needed, else it moves on to the manager's name; in the name it moves on to
the PIN (a PIN typed there would be shown in clear); in the PIN it voids once all is given.
Enter on a button presses that button ("Keep the sale" keeps it); Esc keeps the sale.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from till.style import touch
from till.translate import translate


class VoidDialog(QDialog):
    def __init__(self, needs_approval: bool, points: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("MainWindow", "Void the sale"))
        self.setModal(True)
        self.needs_approval = needs_approval
        form = QFormLayout(self)
        text = "Void this sale?"
        if needs_approval:
            text += f" The {points} points paid will be given back: a manager must approve."
        intro = QLabel(text)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.reason_edit = QLineEdit("Customer cancelled")
        form.addRow(translate("MainWindow", "Reason:"), touch(self.reason_edit))
        self.manager_edit = QLineEdit()
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        if needs_approval:
            form.addRow(translate("MainWindow", "Manager:"), touch(self.manager_edit))
            form.addRow(translate("MainWindow", "PIN:"), touch(self.pin_edit))
        self.message_label = QLabel()
        form.addRow(self.message_label)
        self.void_button = QPushButton(translate("MainWindow", "Void sale (Enter)"))
        self.void_button.setDefault(True)
        self.cancel_button = QPushButton(translate("MainWindow", "Keep the sale (Esc)"))
        form.addRow(touch(self.void_button), touch(self.cancel_button))
        self.void_button.clicked.connect(self._check)
        self.cancel_button.clicked.connect(self.reject)
        (self.manager_edit if needs_approval else self.reason_edit).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field: that field's next step (see the module's docstring). A line
        edit passes Enter on to its dialog, where the default button would take it."""
        field = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(field, QLineEdit):
            event.accept()
            self._enter_in(field)
            return
        super().keyPressEvent(event)

    def _enter_in(self, field: QLineEdit) -> None:
        if field is self.manager_edit and self.manager_edit.text().strip():
            self.message_label.clear()
            self.pin_edit.setFocus()
            return
        if field is self.reason_edit and self.needs_approval and self.reason:
            self.message_label.clear()
            (self.pin_edit if self.manager_edit.text().strip() else self.manager_edit).setFocus()
            return
        self._check()

    def _check(self) -> None:
        if not self.reason_edit.text().strip():
            self.message_label.setText(translate("MainWindow", "Give a reason."))
            self.reason_edit.setFocus()
            return
        if self.needs_approval and not self.manager_edit.text().strip():
            self.message_label.setText(translate("MainWindow", "Enter the manager's name and PIN."))
            self.manager_edit.setFocus()
            return
        if self.needs_approval and not self.pin_edit.text():
            self.message_label.setText(translate("MainWindow", "Enter the manager's PIN."))
            self.pin_edit.setFocus()
            return
        self.accept()

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def approval(self) -> dict[str, str] | None:
        """The approval, read once: the PIN field is cleared as it is read."""
        if not self.needs_approval:
            return None
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        return {"staff": self.manager_edit.text().strip(), "pin": pin}
