"""The store's OTP policy (seed 003), shown and edited by a manager; enforced by the backend.

"OTP is mandatory to redeem loyalty" and "Minimum value of OTP based loyalty redeem": when the
first is on, a redemption worth at least the minimum needs the code sent to the customer's
phone (0 = always). The till only shows and sends the setting; the server decides every
redemption, so a till with a stale view cannot let one through.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from till.backend_client import BackendClient, BackendError, Session
from till.manager.login import ManagerSession
from till.manager.widgets import (
    EnterChain,
    StatusLine,
    parse_money,
    plain_error,
    run_for,
    touch,
)
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)


class PolicyPanel(QWidget):
    """Loads the policy from ``GET /v1/session``; saves with ``PUT /v1/policy`` + approval."""

    saved = Signal(object)  # the Session read back after a save
    loaded = Signal(object)  # the Session shown

    def __init__(
        self,
        client: BackendClient,
        runner: TaskRunner,
        manager: ManagerSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._manager = manager
        self.session: Session | None = None

        intro = QLabel(
            translate(
                "Manager",
                "When the first box is ticked, redeeming points worth at least the minimum value "
                "needs the code sent to the customer's phone. A minimum of 0.00 means always.",
            )
        )
        intro.setWordWrap(True)
        self.required_check = QCheckBox(translate("Manager", "&OTP is mandatory to redeem loyalty"))
        self.min_edit = QLineEdit()
        self.min_edit.setPlaceholderText("0.00")
        self.min_edit.setAccessibleName("Minimum value of OTP based loyalty redeem")
        self.reload_button = QPushButton(translate("Manager", "&Reload"))
        self.save_button = QPushButton(translate("Manager", "S&ave policy"))
        self.status = StatusLine()
        touch(self.required_check, self.min_edit, self.reload_button, self.save_button)

        form = QFormLayout()
        form.addRow(self.required_check)
        form.addRow(translate("Manager", "M&inimum value of OTP based redeem"), self.min_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.required_check.toggled.connect(self._update_enabled)
        self.reload_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        EnterChain([self.required_check, self.min_edit], self.save)
        self.setFocusProxy(self.required_check)
        self._set_busy(True)

    def load(self) -> None:
        self._set_busy(True)
        self.status.info(translate("Manager", "Loading the store's policy…"))
        run_for(self, self._runner, self._client.session, self._show, self._failed)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        value = parse_money(self.min_edit.text())
        if value is None:
            self.status.error(
                translate(
                    "Manager", "The minimum value must be an amount of 0.00 or more, like 5.00."
                )
            )
            self.min_edit.setFocus()
            return
        required = self.required_check.isChecked()
        try:
            approval = self._manager.approval()
        except BackendError as exc:
            self.status.error(str(exc))
            return
        self._set_busy(True)
        self.status.info(translate("Manager", "Saving…"))
        client = self._client

        def work() -> Session:
            client.set_policy(required, value, approval)
            return client.session()

        def done(session: Session) -> None:
            log.info(
                "OTP policy set by %s: required=%s min=%s",
                self._manager.staff,
                session.otp_required,
                session.otp_min_value,
            )
            self._show(session)
            self.status.ok(translate("Manager", "Saved. {value}").format(value=describe(session)))
            self.saved.emit(session)

        run_for(self, self._runner, work, done, self._failed)

    def _show(self, session: Any) -> None:
        self.session = session
        self.required_check.setChecked(session.otp_required)
        self.min_edit.setText(f"{Decimal(session.otp_min_value):.2f}")
        self._set_busy(False)
        self.status.info(describe(session))
        self.loaded.emit(session)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, BackendError):
            log.error("policy request failed", exc_info=exc)
        self._set_busy(False)
        self.save_button.setEnabled(self.session is not None)
        self.status.error(plain_error(exc))

    def _set_busy(self, busy: bool) -> None:
        for w in (self.required_check, self.min_edit, self.save_button, self.reload_button):
            w.setEnabled(not busy)
        if not busy:
            self._update_enabled()

    def _update_enabled(self) -> None:
        self.min_edit.setEnabled(self.required_check.isChecked() and self.reload_button.isEnabled())


def describe(session: Session) -> str:
    if not session.otp_required:
        return translate("Manager", "Now: no code is asked when points are redeemed.")
    if session.otp_min_value <= 0:
        return translate("Manager", "Now: every redemption needs the customer's code.")
    return translate(
        "Manager", "Now: redemptions worth {amount} or more need the customer's code."
    ).format(amount=f"{session.otp_min_value:.2f}")
