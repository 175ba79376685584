"""Register a new member at the till (seed 002): phone, name, optional email, card attached.

Why here: an unknown card or phone is the moment a customer joins; the card just swiped
(or the phone just typed) is carried into the form so the new account is usable at once.
The phone number is the main identifier, so it is required.

Enter (issue 12: "Enter in every field of every dialog") moves on from a field that is
filled to the next one still empty, and registers once the phone and the name are given;
so "phone, Enter, name, Enter" registers, and an Enter never says "needed" about a field
the cashier was about to reach.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from till.backend_client import BackendClient, BackendError, Customer
from till.style import touch
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)


class RegistrationDialog(QDialog):
    def __init__(
        self,
        client: BackendClient,
        runner: TaskRunner,
        card: str | None = None,
        phone: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MainWindow", "Register a new member"))
        self.setModal(True)
        self.client = client
        self.runner = runner
        self.card = card
        self.customer: Customer | None = None
        form = QFormLayout(self)
        intro = QLabel(
            translate("MainWindow", "No member has this card or phone. Register the customer:")
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.phone_edit = QLineEdit(phone or "")
        self.phone_edit.setPlaceholderText("+44 7700 900123")
        self.name_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(translate("MainWindow", "optional"))
        form.addRow(translate("MainWindow", "Phone:"), touch(self.phone_edit))
        form.addRow(translate("MainWindow", "Name:"), touch(self.name_edit))
        form.addRow(translate("MainWindow", "Email:"), touch(self.email_edit))
        self.card_label = QLabel(card or "none")
        form.addRow(translate("MainWindow", "Card:"), self.card_label)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        form.addRow(self.message_label)
        self.register_button = QPushButton(translate("MainWindow", "Register (Enter)"))
        self.register_button.setDefault(True)
        self.cancel_button = QPushButton(translate("MainWindow", "Cancel (Esc)"))
        form.addRow(touch(self.register_button), touch(self.cancel_button))
        self.register_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        (self.name_edit if phone else self.phone_edit).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field: the next empty required field, else register (see above)."""
        field = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(field, QLineEdit):
            event.accept()
            missing = [e for e in (self.phone_edit, self.name_edit) if not e.text().strip()]
            if field.text().strip() and missing and field is not self.email_edit:
                self.message_label.clear()
                missing[0].setFocus()
            elif self.register_button.isEnabled():
                self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        phone = self.phone_edit.text().strip()
        name = self.name_edit.text().strip()
        email = self.email_edit.text().strip() or None
        if not phone or not name:
            self.message_label.setText(
                translate("MainWindow", "The phone number and the name are needed.")
            )
            return
        self.register_button.setEnabled(False)
        self.message_label.setText(translate("MainWindow", "Registering…"))
        cards = [self.card] if self.card else []

        def done(customer: Customer) -> None:
            if not shiboken6.isValid(self):
                return  # closed (Esc) meanwhile
            self.customer = customer
            self.accept()

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.register_button.setEnabled(True)
            if isinstance(exc, BackendError):
                detail = exc.details.get("field")
                text = str(exc)
                if exc.status == 422 and detail:
                    text = f"Please check the {str(detail).split('.')[-1]}: {exc}"
                self.message_label.setText(text)
            else:
                log.error("registration failed", exc_info=exc)
                self.message_label.setText(
                    translate("MainWindow", "The member could not be registered. Try again.")
                )

        self.runner.run(
            lambda: self.client.create_customer(phone, name, email, cards), done, failed
        )
