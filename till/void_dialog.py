"""Voiding a sale: a reason, and a manager's approval when points must be given back.

Why the approval: reversing a committed redemption is a manager-only write on the backend
(it gives points back); without a redemption a void only needs the cashier's reason.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from till.style import touch


class VoidDialog(QDialog):
    def __init__(self, needs_approval: bool, points: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Void the sale")
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
        form.addRow("Reason:", touch(self.reason_edit))
        self.manager_edit = QLineEdit()
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        if needs_approval:
            form.addRow("Manager:", touch(self.manager_edit))
            form.addRow("PIN:", touch(self.pin_edit))
        self.message_label = QLabel()
        form.addRow(self.message_label)
        self.void_button = QPushButton("Void sale (Enter)")
        self.void_button.setDefault(True)
        self.cancel_button = QPushButton("Keep the sale (Esc)")
        form.addRow(touch(self.void_button), touch(self.cancel_button))
        self.void_button.clicked.connect(self._check)
        self.cancel_button.clicked.connect(self.reject)
        (self.manager_edit if needs_approval else self.reason_edit).setFocus()

    def _check(self) -> None:
        if not self.reason_edit.text().strip():
            self.message_label.setText("Give a reason.")
            return
        if self.needs_approval and (
            not self.manager_edit.text().strip() or not self.pin_edit.text()
        ):
            self.message_label.setText("Enter the manager's name and PIN.")
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
