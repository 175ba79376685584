"""The manager PIN gate: name + PIN checked by the backend, only role ``manager`` gets in.

Why the backend checks it: PINs live hashed on the server, which also counts wrong PINs and
locks a manager after five; the till never decides on its own who is a manager.

The verified name and PIN stay in a :class:`ManagerSession` (memory only) while the manager
area is open, because the backend wants them again in every manager-only write (``approval``);
:meth:`ManagerSession.clear` forgets them when the area closes. The PIN is never logged and
never put in a message.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from till.backend_client import BackendClient, BackendError, StaffCheck, approval
from till.manager.widgets import StatusLine, plain_error, run_for, touch
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)

NOT_A_MANAGER = "Only a manager can open the manager area. {name} is signed up as {role}."
WRONG_PIN = "The name or PIN is not right."
LOCKED = "Too many wrong PINs: this manager is locked for 15 minutes."


class ManagerSession:
    """Who unlocked the manager area, and what to send as ``approval`` while it is open."""

    def __init__(self, staff: str, pin: str, role: str = "manager") -> None:
        self._staff = staff
        self._pin: str | None = pin
        self.role = role

    @property
    def staff(self) -> str:
        return self._staff

    @property
    def active(self) -> bool:
        return self._pin is not None

    def approval(self) -> dict[str, str]:
        """The ``approval`` object for a manager-only write; refused once cleared."""
        if self._pin is None:
            raise BackendError(
                "approval_required",
                translate("Manager", "The manager area is closed: sign in again."),
            )
        return approval(self._staff, self._pin)

    def clear(self) -> None:
        self._pin = None

    def __repr__(self) -> str:  # never the PIN
        return f"ManagerSession(staff={self._staff!r}, active={self.active})"


def login_message(exc: BaseException) -> str:
    """Plain words for a refused sign-in, whatever code the backend chose for it."""
    if isinstance(exc, BackendError):
        if exc.code in {"approval_locked", "staff_locked", "locked"} or (
            exc.status == 429 and "lock" in exc.code
        ):
            return translate(
                "Manager", "Too many wrong PINs: this manager is locked for 15 minutes."
            )
        if exc.code in {"approval_invalid", "staff_invalid", "invalid_pin", "not_found"} or (
            exc.status in {401, 403} and exc.code not in {"unauthorized", "key_revoked"}
        ):
            return translate("Manager", "The name or PIN is not right.")
    return plain_error(exc)


class ManagerLogin(QWidget):
    """Name + PIN form. Emits ``unlocked(ManagerSession)`` for a verified manager."""

    unlocked = Signal(object)

    def __init__(
        self, client: BackendClient, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self.busy = False

        title = QLabel(translate("Manager", "<b>Manager sign-in</b>"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("Manager", "Manager name"))
        self.name_edit.setAccessibleName("Manager name")
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(translate("Manager", "PIN"))
        self.pin_edit.setAccessibleName("Manager PIN")
        self.pin_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.unlock_button = QPushButton(translate("Manager", "&Unlock"))
        self.unlock_button.setDefault(True)
        self.status = StatusLine()
        touch(self.name_edit, self.pin_edit, self.unlock_button)

        form = QFormLayout()
        form.addRow(translate("Manager", "&Name"), self.name_edit)
        form.addRow(translate("Manager", "&PIN"), self.pin_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.unlock_button)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.unlock_button.clicked.connect(self.submit)
        self.name_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.submit)
        self.setFocusProxy(self.name_edit)

    def submit(self) -> None:
        if self.busy:
            return
        name = self.name_edit.text().strip()
        pin = self.pin_edit.text()
        if not name or not pin:
            self.status.error(translate("Manager", "Enter the manager's name and PIN."))
            (self.name_edit if not name else self.pin_edit).setFocus()
            return
        if not (pin.isdigit() and 4 <= len(pin) <= 8):
            self.pin_edit.clear()
            self.status.error(translate("Manager", "A PIN is 4 to 8 digits."))
            self.pin_edit.setFocus()
            return
        self.busy = True
        self.unlock_button.setEnabled(False)
        self.status.info(translate("Manager", "Checking…"))
        client = self._client

        def work() -> StaffCheck:
            return client.verify_staff(name, pin)

        def done(result: StaffCheck) -> None:
            self._finish()
            role = result.role
            staff = result.staff or name
            if not result.is_manager:
                log.info("manager area refused to %s (role %s)", staff, role or "unknown")
                self.status.error(
                    translate(
                        "Manager",
                        "Only a manager can open the manager area. {name} is signed up as {role}.",
                    ).format(name=staff, role=role or "unknown")
                )
                self.pin_edit.setFocus()
                return
            log.info("manager area opened by %s", staff)
            self.status.ok(translate("Manager", "Signed in as {staff}.").format(staff=staff))
            self.unlocked.emit(ManagerSession(staff, pin, role))

        def failed(exc: BaseException) -> None:
            self._finish()
            if not isinstance(exc, BackendError):
                log.error("manager sign-in failed", exc_info=exc)
            self.status.error(login_message(exc))
            self.pin_edit.setFocus()

        run_for(self, self._runner, work, done, failed)

    def _finish(self) -> None:
        self.busy = False
        self.unlock_button.setEnabled(True)
        self.pin_edit.clear()  # the PIN lives on only in the ManagerSession, if at all
