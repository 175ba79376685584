"""Points as a tender ("Loyalty Redemption", seed 003): amount, OTP or override, commit.

Why a dialog with three steps on one stack: the cashier enters points or an amount (capped
by the balance and by what is due, value shown), then — only when the store policy asks for
it at this value — the one-time code step, or a manager override when the customer's phone
is not at hand. Every backend call runs on the TaskRunner; the commit goes through the
sale flow (journal first). Esc closes the dialog at any step without taking points.

``otp_awaited(bool)`` says when the customer has to read out the SMS code (the code page is
shown) and when that wait is over (committed, override, locked, closed): the customer
display follows it instead of reading this dialog's widgets.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from decimal import Decimal

import shiboken6
from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from till import formatting
from till.backend_client import BackendClient, BackendError, OtpChallenge, Session
from till.core.outcome import OpOutcome, OpStatus
from till.core.sale import points_for_amount, value_of_points
from till.otp_panel import OtpPanel
from till.receipt import store_locale
from till.sale_flow import SaleFlow
from till.sale_panel import AMOUNT_RE, parse_amount
from till.style import add_shortcut, touch
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)


class RedeemDialog(QDialog):
    otp_awaited = Signal(bool)  # True: the customer must tell the code; False: not any more

    def __init__(
        self,
        flow: SaleFlow,
        client: BackendClient,
        runner: TaskRunner,
        session: Session,
        currency: str = "",
        parent: QWidget | None = None,
        resend_cooldown_s: int = 30,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MainWindow", "Pay with points"))
        self.setModal(True)
        self.flow = flow
        self.client = client
        self.runner = runner
        self.session = session
        self.currency = currency
        self.figures = store_locale(session.raw)  # the store's figures (till.formatting)
        self.awaiting_otp = False
        self.challenge: OtpChallenge | None = None
        self.points = 0
        self.value = Decimal("0.00")
        self.busy = False
        member = flow.sale.member
        assert member is not None
        self.customer_id = member.id
        self.cap = flow.sale.max_redeemable_points(session.point_value)

        layout = QVBoxLayout(self)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("redeemMessage")
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        layout.addWidget(self.message_label)
        self.stack.addWidget(self._amount_page(member.balance))
        self.otp = OtpPanel(resend_cooldown_s)
        self.stack.addWidget(self.otp)
        self.stack.addWidget(self._override_page())
        self.stack.currentChanged.connect(lambda _i: self._set_awaiting(self._on_code_page()))
        self.cancel_button = QPushButton(translate("MainWindow", "Cancel (Esc)"))
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(touch(self.cancel_button))
        self.otp.confirm_requested.connect(self._confirm_otp)
        self.otp.resend_requested.connect(self._resend)
        self.otp.override_requested.connect(self._show_override)
        add_shortcut("Ctrl+O", self, self._show_override)
        # Enter means "Redeem" only once the button is inside this dialog: set earlier (while
        # the page had no parent) Qt ignored it and made the first auto-default button,
        # "Use the most", the default, so Enter redeemed the whole balance (issue 12, #1).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.redeem_button.setDefault(True)
        self.resize(640, 380)
        self.points_edit.setFocus()

    # -- pages ----------------------------------------------------------------------------

    def _money(self, value: Decimal) -> str:
        return formatting.money(value, self.currency, self.figures)

    def _points(self, value: int) -> str:
        return formatting.points(value, self.figures)

    def _on_code_page(self) -> bool:
        return self.stack.currentWidget() is self.otp and not self.otp.locked

    def _set_awaiting(self, waiting: bool) -> None:
        if waiting != self.awaiting_otp:
            self.awaiting_otp = waiting
            self.otp_awaited.emit(waiting)

    def _amount_page(self, balance: int) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        worth = value_of_points(balance, self.session.point_value)
        cap_value = value_of_points(self.cap, self.session.point_value)
        self.info_label = QLabel(
            translate(
                "MainWindow",
                "The customer has {balance} points (worth {value}). Up to {cap} points "
                "({value2}) can pay for this sale.",
            ).format(
                balance=self._points(balance),
                value=self._money(worth),
                cap=self._points(self.cap),
                value2=self._money(cap_value),
            )
        )
        self.info_label.setWordWrap(True)
        form.addRow(self.info_label)
        self.points_edit = QLineEdit()
        self.points_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d{0,9}$"), self)
        )
        self.points_edit.setAccessibleName("Points to redeem")
        self.amount_edit = QLineEdit()
        self.amount_edit.setValidator(QRegularExpressionValidator(AMOUNT_RE, self))
        self.amount_edit.setAccessibleName("Amount to pay with points")
        form.addRow(translate("MainWindow", "Points:"), touch(self.points_edit))
        form.addRow(translate("MainWindow", "or amount:"), touch(self.amount_edit))
        self.value_label = QLabel()
        form.addRow(translate("MainWindow", "Value:"), self.value_label)
        self.policy_label = QLabel()
        self.policy_label.setWordWrap(True)
        form.addRow(self.policy_label)
        buttons = QHBoxLayout()
        self.max_button = QPushButton(translate("MainWindow", "Use the most (Alt+M)"))
        self.redeem_button = QPushButton(translate("MainWindow", "Redeem (Enter)"))
        buttons.addWidget(touch(self.max_button))
        buttons.addWidget(touch(self.redeem_button))
        form.addRow(buttons)
        self.points_edit.textEdited.connect(self._points_typed)
        self.amount_edit.textEdited.connect(self._amount_typed)
        self.points_edit.returnPressed.connect(self._redeem)
        self.amount_edit.returnPressed.connect(self._redeem)
        self.max_button.clicked.connect(self._use_max)
        self.redeem_button.clicked.connect(self._redeem)
        add_shortcut("Alt+M", self, self._use_max)
        self._set_points(0)
        return page

    def _override_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        note = QLabel(
            translate(
                "MainWindow",
                "The customer's phone is not available: a manager can approve this redemption. "
                "It is recorded with the manager's name and the reason.",
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.manager_edit = QLineEdit()
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            translate("MainWindow", "e.g. customer's phone is broken")
        )
        form.addRow(translate("MainWindow", "Manager:"), touch(self.manager_edit))
        form.addRow(translate("MainWindow", "PIN:"), touch(self.pin_edit))
        form.addRow(translate("MainWindow", "Reason:"), touch(self.reason_edit))
        self.approve_button = QPushButton(translate("MainWindow", "Approve redemption"))
        form.addRow(touch(self.approve_button))
        self.approve_button.clicked.connect(self._override)
        self.reason_edit.returnPressed.connect(self._override)
        return page

    # -- amount ---------------------------------------------------------------------------

    def _set_points(self, points: int, *, from_amount: bool = False) -> None:
        if self.challenge is not None or self.busy:
            return  # a code was asked for these points: they stay until the dialog closes
        self.points = max(0, min(points, self.cap))
        self.value = value_of_points(self.points, self.session.point_value)
        if not from_amount:
            self.amount_edit.setText(f"{self.value:.2f}" if self.points else "")
        if from_amount or self.points_edit.text() != str(self.points):
            self.points_edit.setText(str(self.points) if self.points else "")
        if points > self.cap:
            text = translate("MainWindow", "{points} points = {value} (the most this sale allows)")
        else:
            text = translate("MainWindow", "{points} points = {value}")
        self.value_label.setText(
            text.format(points=self._points(self.points), value=self._money(self.value))
        )
        if not self.session.otp_required:
            self.policy_label.setText(translate("MainWindow", "No code is needed for this store."))
        elif self.session.otp_needed_for(self.value) and self.points:
            self.policy_label.setText(
                translate(
                    "MainWindow",
                    "A code will be sent to the customer's phone (needed from {value}).",
                ).format(value=self._money(self.session.otp_min_value))
            )
        else:
            self.policy_label.setText(
                translate("MainWindow", "No code needed below {value}.").format(
                    value=self._money(self.session.otp_min_value)
                )
            )

    def _points_typed(self, text: str) -> None:
        self._set_points(int(text) if text.isdigit() else 0)

    def _amount_typed(self, text: str) -> None:
        amount = parse_amount(text)
        points = points_for_amount(amount, self.session.point_value) if amount else 0
        self._set_points(points, from_amount=True)

    def _use_max(self) -> None:
        self._set_points(self.cap)

    def say(self, text: str) -> None:
        self.message_label.setText(text)

    def _redeem(self) -> None:
        if self.busy:
            return
        if self.points <= 0:
            self.say(
                translate("MainWindow", "Enter the points (or the amount) to pay with points.")
            )
            return
        if self.session.otp_needed_for(self.value):
            self._request_otp(resend=False)
        else:
            self._commit()

    # -- OTP ------------------------------------------------------------------------------

    def _request_otp(self, resend: bool) -> None:
        self.busy = True
        self.say(translate("MainWindow", "Sending the code…"))
        # "Send again" asks for the same points: other points would be a new challenge with a
        # new expiry, and the code the customer holds would no longer match (issue 12, #2).
        points, customer = self.points, self.customer_id

        def done(challenge: OtpChallenge) -> None:
            if not shiboken6.isValid(self):
                return  # closed (Esc) while the code was being sent
            self.busy = False
            # A resend is the same challenge with a new code (the backend says "resent").
            resent = challenge.resent or (
                self.challenge is not None and challenge.challenge_id == self.challenge.challenge_id
            )
            self.challenge = challenge
            self.stack.setCurrentWidget(self.otp)
            self.otp.start(challenge.masked_phone, challenge.expires_at, resent=resend and resent)
            self._set_awaiting(self._on_code_page())  # a new code after a lock: waiting again
            self.say("")

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.busy = False
            self._failed(exc)

        self.runner.run(lambda: self.client.request_otp(customer, points), done, failed)

    def _resend(self) -> None:
        if not self.busy:
            self._request_otp(resend=True)

    def _confirm_otp(self, code: str) -> None:
        if self.busy or self.challenge is None:
            return
        self._commit(challenge_id=self.challenge.challenge_id, otp=code)

    def _show_override(self) -> None:
        if self.points <= 0:
            self.say(translate("MainWindow", "Enter the points first."))
            return
        self.stack.setCurrentIndex(2)
        self.manager_edit.setFocus()

    def _override(self) -> None:
        staff, pin, reason = (
            self.manager_edit.text().strip(),
            self.pin_edit.text(),
            self.reason_edit.text().strip(),
        )
        self.pin_edit.clear()
        if not staff or not pin or not reason:
            self.say(translate("MainWindow", "Enter the manager's name, PIN and a reason."))
            return
        self._commit(approval={"staff": staff, "pin": pin}, reason=reason)

    # -- commit ---------------------------------------------------------------------------

    def _commit(
        self,
        *,
        challenge_id: str | None = None,
        otp: str | None = None,
        approval: dict[str, str] | None = None,
        reason: str | None = None,
    ) -> None:
        self.busy = True
        self.say(translate("MainWindow", "Redeeming…"))
        self.flow.redeem(
            self.points,
            self.value,
            self._committed,
            challenge_id=challenge_id,
            otp=otp,
            approval=approval,
            reason=reason,
        )

    def _committed(self, outcome: OpOutcome) -> None:
        if not shiboken6.isValid(self):
            return  # closed meanwhile: the sale itself already holds the outcome
        self.busy = False
        if outcome.status == OpStatus.DONE:
            self.otp.stop()
            self.accept()
            return
        if outcome.status in (OpStatus.PENDING, OpStatus.KEY, OpStatus.REVIEW):
            # Not refused: its fate is not known. Never "not charged" here (issue 11).
            why = (
                outcome.message
                if outcome.status == OpStatus.KEY
                else translate(
                    "MainWindow",
                    "The loyalty server did not answer, so the points payment is not confirmed.",
                )
            )
            self.say(
                translate(
                    "MainWindow",
                    "{why} Close this and press F4 to try again (it is never charged twice), park the sale (F11), or pay another way (F5/F6).",
                ).format(why=why)
            )
            return
        self._failed(outcome.error)

    def _failed(self, exc: BaseException | None) -> None:
        if not isinstance(exc, BackendError):
            log.error("redemption step failed", exc_info=exc)
            self.say(
                translate(
                    "MainWindow", "Something went wrong; the points were not used. Try again."
                )
            )
            return
        code = exc.code
        if code == "otp_locked" or (
            code == "otp_invalid" and exc.details.get("attempts_left") == 0
        ):
            self.otp.lock(
                translate(
                    "MainWindow",
                    "Too many wrong codes: this code is locked. A manager can override "
                    "(Ctrl+O), or send a new code once it has expired.",
                )
            )
            self._set_awaiting(False)
            self.say("")
            return
        if code == "otp_expired":
            self.otp.say(str(exc))
            self.otp.expires_at = datetime.now(UTC)
            self.otp.tick()
            self.say("")
            return
        if code == "otp_invalid":
            self.otp.say(str(exc))
            self.say("")
            return
        if code == "otp_resend_limited":
            retry = exc.details.get("retry_after_s", exc.details.get("retry_after"))
            if retry:
                self.otp.wait_before_resend(int(float(retry)))
        if self.stack.currentWidget() is self.otp:
            self.otp.say(str(exc))
            self.say("")
        else:
            self.say(str(exc))

    def done(self, result: int) -> None:
        self.otp.stop()
        self._set_awaiting(False)
        super().done(result)
