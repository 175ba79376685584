"""Register a new member at the till (seed 002): phone, name, optional email, card attached.

Why here: an unknown card or phone is the moment a customer joins; the card just swiped
(or the phone just typed) is carried into the form so the new account is usable at once.
The phone number is the main identifier, so it is required.

Enter (issue 12: "Enter in every field of every dialog") moves on from a field that is
filled to the next one still empty, and registers once the phone and the name are given;
so "phone, Enter, name, Enter" registers, and an Enter never says "needed" about a field
the cashier was about to reach.

Issue 11: the registration leaves by the till's one submission path (journal first, then
send; :mod:`till.registration`), so it works offline too: the dialog then closes with
``outcome.state == SAVED`` and the window says "Saved: the member will be registered when
the till is back online". A refusal (already registered, a field to correct) keeps the
dialog open with the reason, and the field it names focused.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from till.backend_client import Customer
from till.phone_numbers import NotAPhoneNumber
from till.registration import Registered, RegistrationOutcome, Submits, new_member, register
from till.style import touch
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)


class RegistrationDialog(QDialog):
    def __init__(
        self,
        submitter: Submits,
        runner: TaskRunner,
        card: str | None = None,
        phone: str | None = None,
        parent: QWidget | None = None,
        region: str | None = None,
    ) -> None:
        """``region``: the store's phone region (None: not known yet; the backend reads the
        number for it)."""
        super().__init__(parent)
        self.setWindowTitle(translate("MainWindow", "Register a new member"))
        self.setModal(True)
        self.submitter = submitter
        self.runner = runner
        self.card = card
        self.region = region
        self.customer: Customer | None = None
        #: Set when the dialog is accepted: registered (``customer`` set) or saved.
        self.outcome: RegistrationOutcome | None = None
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
        self.card_label = QLabel(card or translate("MainWindow", "none"))
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
        if not phone or not name:
            self.message_label.setText(
                translate("MainWindow", "The phone number and the name are needed.")
            )
            return
        try:
            member = new_member(phone, name, self.email_edit.text(), self.card, self.region)
        except NotAPhoneNumber as exc:
            self.message_label.setText(str(exc))
            self.phone_edit.setFocus()
            return
        self.register_button.setEnabled(False)
        self.message_label.setText(translate("MainWindow", "Registering…"))
        submitter = self.submitter

        def done(outcome: RegistrationOutcome) -> None:
            if not shiboken6.isValid(self):
                return  # closed (Esc) meanwhile; the journal has it if it was saved
            if outcome.state in (Registered.REGISTERED, Registered.SAVED):
                self.outcome = outcome
                self.customer = outcome.customer
                self.accept()
                return
            self.register_button.setEnabled(True)
            self.message_label.setText(outcome.message)
            field = {"phone": self.phone_edit, "name": self.name_edit, "email": self.email_edit}
            if outcome.field in field:
                field[outcome.field].setFocus()

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.register_button.setEnabled(True)
            log.error("registration failed", exc_info=exc)
            self.message_label.setText(
                translate("MainWindow", "The member could not be registered. Try again.")
            )

        self.runner.run(lambda: register(submitter, member), done, failed)
