"""A manager's PIN again, for a review item whose approval the backend lost (issue 11).

Why: a manager-approved operation (a reversal, a missed-points claim, an override) keeps no
PIN once the backend acknowledged it (``offline_queue/redaction.py``). When the backend is
then restored from an older backup and the operation has to be sent again, the approval
proof the backend answered normally takes the PIN's place (``server/approval_proof.py``);
where it cannot (an operation acknowledged before proofs existed, the manager removed since,
the server's key replaced), the operation lands in the review list as ``approval_lost``:
"Needs a manager's PIN again: the backend lost it in a restore". The manager's way out is
then to approve it again, here, with a name and PIN; the journal puts it back in the queue
with that approval (``Journal.reapprove``), and the PIN is scrubbed again once the backend
answers, like the first one.

Keys (issue 12): Enter in the name moves to the PIN (a PIN typed in the name field would be
shown in clear); Enter in the PIN approves once both are given; Esc closes without a change.
The dialog is opened non-blocking, so the till keeps serving while it is open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from offline_queue.op import Op
from till.style import touch
from till.translate import QT_TRANSLATE_NOOP, translate

#: The review record's code for an op that needs a manager's PIN again.
APPROVAL_LOST = "approval_lost"
#: What the review list says for it (``offline_queue.sync_replies.APPROVAL_LOST``'s words).
LOST_WORDS = QT_TRANSLATE_NOOP(
    "Manager", "Needs a manager's PIN again: the backend lost it in a restore."
)


#: The journal's own review codes (``offline_queue.sync_replies._OWN_MESSAGES``), worded
#: here: they are not the backend's, so :mod:`till.backend_words` does not know them.
OWN_CODES = {
    APPROVAL_LOST: LOST_WORDS,
    "points_spent_after_restore": QT_TRANSLATE_NOOP(
        "Manager", "The member's points were spent again after the backup."
    ),
}


def lost_words() -> str:
    """Why the op is in the review list, in the till's language."""
    return translate("Manager", LOST_WORDS)


def own_words(code: str) -> str | None:
    """The review list's sentence for one of the journal's own codes, else None."""
    text = OWN_CODES.get(code)
    return translate("Manager", text) if text is not None else None


def needs_reapproval(op: Op) -> bool:
    """Whether a review item is waiting for a manager's PIN (its approval was lost)."""
    return bool(op.last_error) and (op.last_error or {}).get("code") == APPROVAL_LOST


class ReapproveDialog(QDialog):
    """Name and PIN of the manager approving ``what`` again; ``on_approved(staff, pin)``."""

    def __init__(
        self,
        what: str,
        on_approved: Callable[[str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Manager", "Approve again"))
        self._on_approved = on_approved
        form = QFormLayout(self)
        intro = QLabel(
            translate(
                "Manager",
                "{what} needs a manager's PIN again: the backend lost it in a restore. "
                "Approving sends it again, once.",
            ).format(what=what)
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.manager_edit = QLineEdit()
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        form.addRow(translate("Manager", "Manager:"), touch(self.manager_edit))
        form.addRow(translate("Manager", "PIN:"), touch(self.pin_edit))
        self.message_label = QLabel()
        form.addRow(self.message_label)
        self.approve_button = QPushButton(translate("Manager", "Approve and send (Enter)"))
        self.approve_button.setDefault(True)
        self.cancel_button = QPushButton(translate("Manager", "Not now (Esc)"))
        form.addRow(touch(self.approve_button), touch(self.cancel_button))
        self.approve_button.clicked.connect(self._check)
        self.cancel_button.clicked.connect(self.reject)
        self.manager_edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        field = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(field, QLineEdit):
            event.accept()
            if field is self.manager_edit and self.manager_edit.text().strip():
                self.message_label.clear()
                self.pin_edit.setFocus()
            else:
                self._check()
            return
        super().keyPressEvent(event)

    def _check(self) -> None:
        staff = self.manager_edit.text().strip()
        if not staff:
            self.message_label.setText(translate("Manager", "Enter the manager's name and PIN."))
            self.manager_edit.setFocus()
            return
        pin = self.pin_edit.text()
        if not pin.isdigit() or not 4 <= len(pin) <= 8:
            self.message_label.setText(
                translate("Manager", "Enter the manager's PIN (4-8 digits).")
            )
            self.pin_edit.setFocus()
            return
        self.pin_edit.clear()  # read once: not left in the widget
        self.accept()
        self._on_approved(staff, pin)
