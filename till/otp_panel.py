"""The one-time-code step of a points redemption (seed 003): what the cashier sees and types.

Why its own widget: the OTP rules are many (time left, attempts left, expiry, lockout,
resend with a cool-down, manager override) and each must be said in plain words; the
panel only displays state and emits intents — the redeem dialog talks to the backend.
The code typed is never logged or kept after it is sent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from till.style import add_shortcut, touch
from till.translate import translate

RESEND_COOLDOWN_S = 30


def _left(until: datetime, now: datetime) -> int:
    return max(0, int((until - now).total_seconds() + 0.999))


def _mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class OtpPanel(QWidget):
    confirm_requested = Signal(str)  # the 6 digits
    resend_requested = Signal()
    override_requested = Signal()

    def __init__(self, cooldown_s: int = RESEND_COOLDOWN_S, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cooldown_s = cooldown_s
        self.expires_at: datetime | None = None
        self.resend_at: datetime | None = None
        self.locked = False
        layout = QVBoxLayout(self)
        self.sent_label = QLabel()
        self.sent_label.setWordWrap(True)
        self.time_label = QLabel()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(translate("MainWindow", "6-digit code"))
        self.code_edit.setMaxLength(6)
        self.code_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d{0,6}$"), self)
        )
        self.code_edit.setAccessibleName("Code from the customer's SMS")
        self.code_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setObjectName("otpFeedback")
        self.confirm_button = QPushButton(translate("MainWindow", "Confirm code (Enter)"))
        self.resend_button = QPushButton(translate("MainWindow", "Send again"))
        self.override_button = QPushButton(translate("MainWindow", "Manager override (Ctrl+O)"))
        layout.addWidget(self.sent_label)
        layout.addWidget(self.time_label)
        layout.addWidget(touch(self.code_edit))
        layout.addWidget(self.feedback_label)
        row = QHBoxLayout()
        for button in (self.confirm_button, self.resend_button):
            row.addWidget(touch(button))
        layout.addLayout(row)
        layout.addWidget(touch(self.override_button))
        self.code_edit.returnPressed.connect(self._confirm)
        self.code_edit.textChanged.connect(self._update_buttons)
        self.confirm_button.clicked.connect(self._confirm)
        self.resend_button.clicked.connect(self.resend_requested)
        self.override_button.clicked.connect(self.override_requested)
        # Alt+A: "send again" from the keyboard, only when the button itself allows it.
        self.resend_button.setToolTip(
            QKeySequence("Alt+A").toString(QKeySequence.SequenceFormat.NativeText)
        )
        add_shortcut("Alt+A", self, self._resend_key)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.tick)

    def start(self, masked_phone: str, expires_at: datetime, resent: bool = False) -> None:
        """A code was sent (or sent again: same challenge, same expiry)."""
        self.expires_at = expires_at
        self.resend_at = datetime.now(UTC) + timedelta(seconds=self.cooldown_s)
        if not resent:
            self.locked = False
        self.sent_label.setText(
            (
                translate(
                    "MainWindow",
                    "A new code was sent by SMS to {phone}. Ask the customer for the 6 digits.",
                )
                if resent
                else translate(
                    "MainWindow",
                    "A code was sent by SMS to {phone}. Ask the customer for the 6 digits.",
                )
            ).format(phone=masked_phone)
        )
        self.code_edit.clear()
        self.code_edit.setFocus()
        self.timer.start()
        self.tick()

    def say(self, text: str) -> None:
        self.feedback_label.setText(text)

    def wait_before_resend(self, seconds: int) -> None:
        """The backend said when the next code may be sent."""
        self.resend_at = datetime.now(UTC) + timedelta(seconds=max(1, seconds))
        self.tick()

    def lock(self, text: str) -> None:
        """Too many wrong codes: only a manager override (or waiting for expiry) helps."""
        self.locked = True
        self.say(text)
        self.tick()

    def _resend_key(self) -> None:
        if self.isVisible() and self.resend_button.isEnabled():
            self.resend_button.click()

    def _confirm(self) -> None:
        code = self.code_edit.text()
        if len(code) != 6 or not self.confirm_button.isEnabled():
            self.say(translate("MainWindow", "The code has 6 digits."))
            return
        self.code_edit.clear()
        self.confirm_requested.emit(code)

    def expired(self) -> bool:
        return self.expires_at is not None and _left(self.expires_at, datetime.now(UTC)) == 0

    def tick(self) -> None:
        now = datetime.now(UTC)
        if self.expires_at is not None:
            left = _left(self.expires_at, now)
            if left:
                self.time_label.setText(
                    translate("MainWindow", "Time left: {value}").format(value=_mmss(left))
                )
            else:
                self.time_label.setText(
                    translate("MainWindow", "The code has expired. Send a new code.")
                )
        self._update_buttons()

    def _update_buttons(self) -> None:
        now = datetime.now(UTC)
        expired = self.expired()
        self.confirm_button.setEnabled(not expired and not self.locked)
        self.code_edit.setEnabled(not expired and not self.locked)
        wait = _left(self.resend_at, now) if self.resend_at and not expired else 0
        if wait:
            self.resend_button.setText(
                translate("MainWindow", "Send again in {wait} s").format(wait=wait)
            )
            self.resend_button.setEnabled(False)
        else:
            self.resend_button.setText(
                translate("MainWindow", "Send a new code")
                if expired
                else translate("MainWindow", "Send again")
            )
            self.resend_button.setEnabled(not self.locked or expired)

    def stop(self) -> None:
        self.timer.stop()
