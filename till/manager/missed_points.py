"""Missed points (seed 004): give a customer the points of a receipt after the fact.

The manager finds the customer (phone, email, app id or card), enters the receipt number,
date and time, store and amount — or picks one of this till's own sales — sees the points it
will earn, and creates the claim. The claim goes through the journal (see
:mod:`till.manager.claims`), so it is never lost and never given twice; a receipt the backend
already credited is refused in plain words. Correcting a wrong allocation lives below the
form (:class:`till.manager.correction.CorrectionPanel`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offline_queue.journal import Journal
from till.backend_client import BackendClient, BackendError, Customer, Session
from till.core.submission import Guard
from till.manager.claims import Outcome, claim_body, preview_points, submit_claim
from till.manager.correction import CorrectionPanel
from till.manager.customer_finder import CustomerFinder
from till.manager.login import ManagerSession
from till.manager.store_time import local_time, parse_utc, zone_of
from till.manager.widgets import (
    EnterChain,
    StatusLine,
    parse_money,
    plain_error,
    run_for,
    touch,
    utc_iso,
)
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)


# What the backend accepts (API v1 request models); checked here so the manager gets a
# precise sentence instead of a generic "invalid request".
RECEIPT_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/#:\-]{0,63}")
STORE_RE = re.compile(r"[A-Za-z0-9_\-]{1,32}")
MAX_AMOUNT = Decimal("1000000000")


@dataclass(frozen=True)
class SaleRecord:
    """One of the till's own sales a manager can pick instead of typing the receipt."""

    receipt_no: str
    occurred_at: str  # UTC ISO
    amount: Decimal
    store: str = ""

    def label(self, zone: tzinfo | None = None) -> str:
        """Receipt, time in ``zone`` (the store's), total."""
        return f"{self.receipt_no} — {local_time(self.occurred_at, zone)} — {self.amount:.2f}"


SaleSource = Callable[[], Sequence[SaleRecord]]


def qdatetime_to_utc_iso(value: QDateTime) -> str:
    return utc_iso(datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC))


def utc_iso_to_qdatetime(text: str) -> QDateTime | None:
    parsed = parse_utc(text)
    if parsed is None:
        return None
    return QDateTime.fromSecsSinceEpoch(int(parsed.timestamp()))


def outcome_message(outcome: Outcome, customer: str, points: int | None = None) -> str:
    if outcome.state == "sent":
        result = outcome.result
        got = result.points if result is not None and result.points is not None else points
        balance = result.balance if result is not None else None
        if balance is not None:
            return translate(
                "Manager", "Done: {points} points given to {customer}. New balance {balance}."
            ).format(points=got, customer=customer, balance=balance)
        return translate("Manager", "Done: {points} points given to {customer}.").format(
            points=got, customer=customer
        )
    if outcome.state == "pending":
        return translate(
            "Manager",
            "Saved on this till: the loyalty server cannot be reached now. The points will be "
            "given when it is back (see pending operations).",
        )
    assert outcome.error is not None
    return translate("Manager", "Not done: {problem}").format(problem=outcome.error)


class MissedPointsPanel(QWidget):
    """The claim form and, below it, the correction of a wrong allocation."""

    submitted = Signal(object)  # Outcome

    def __init__(
        self,
        client: BackendClient,
        runner: TaskRunner,
        journal: Journal,
        manager: ManagerSession,
        sales: SaleSource | None = None,
        kick: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        guard: Guard | None = None,
    ) -> None:
        """``guard``: the sync worker (``ctx.sync``) the one submission path holds while it
        sends to a customer, so the claim and the worker never send that account at once."""
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._journal = journal
        self._manager = manager
        self._sales_source = sales
        self._kick = kick or (lambda: None)
        self._guard = guard
        self.session: Session | None = None
        self.zone: tzinfo | None = None  # the store's, once the session is known
        self.busy = False

        self.finder = CustomerFinder(client, runner, translate("Manager", "Customer to credit"))
        self.sale_combo = QComboBox()
        self.sale_combo.setAccessibleName("Pick one of this till's sales")
        self.receipt_edit = QLineEdit()
        self.receipt_edit.setPlaceholderText(translate("Manager", "As printed on the receipt"))
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.store_edit = QLineEdit()
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("0.00")
        self.preview_label = QLabel(translate("Manager", "Points: —"))
        self.create_button = QPushButton(translate("Manager", "&Create transaction"))
        self.status = StatusLine()
        touch(
            self.sale_combo,
            self.receipt_edit,
            self.when_edit,
            self.store_edit,
            self.amount_edit,
            self.create_button,
        )

        form = QFormLayout()
        form.addRow(translate("Manager", "From this till's sal&es"), self.sale_combo)
        form.addRow(translate("Manager", "&Receipt number"), self.receipt_edit)
        form.addRow(translate("Manager", "&Date and time"), self.when_edit)
        form.addRow(translate("Manager", "S&tore"), self.store_edit)
        form.addRow(translate("Manager", "&Amount"), self.amount_edit)
        form.addRow("", self.preview_label)
        claim_box = QGroupBox(translate("Manager", "Add missed points"))
        claim_layout = QVBoxLayout(claim_box)
        claim_layout.addWidget(self.finder)
        claim_layout.addLayout(form)
        claim_layout.addWidget(self.create_button)
        claim_layout.addWidget(self.status)

        self.correction = CorrectionPanel(
            client,
            runner,
            journal,
            manager,
            target=lambda: self.finder.customer,
            store=lambda: self.store_edit.text().strip(),
            kick=self._kick,
            guard=guard,
            zone=lambda: self.zone,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(claim_box)
        layout.addWidget(self.correction)
        layout.addStretch(1)

        self.amount_edit.textChanged.connect(self._update_preview)
        self.sale_combo.activated.connect(self._pick_sale)
        self.create_button.clicked.connect(self.create_claim)
        # Keyboard only: Enter goes down the form (the customer found first), then creates.
        EnterChain(
            [self.sale_combo, self.receipt_edit, self.when_edit, self.store_edit, self.amount_edit],
            self.create_claim,
        )
        self.finder.found.connect(lambda _customer: self._next_after_finder())
        self.setFocusProxy(self.finder)

    def _next_after_finder(self) -> None:
        start = self.sale_combo if self.sale_combo.isEnabled() else self.receipt_edit
        start.setFocus()

    # -- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        """Fetch the session (points per unit, store) and the till's sales."""

        def done(session: Session) -> None:
            self.session = session
            self._use_zone(zone_of(session))
            if not self.store_edit.text():
                self.store_edit.setText(session.store)
            self._update_preview()

        def failed(exc: BaseException) -> None:
            self.status.error(plain_error(exc))

        run_for(self, self._runner, self._client.session, done, failed)
        self.reload_sales()

    def _use_zone(self, zone: tzinfo) -> None:
        """Dates and times in the store's zone: the sales picked and the time typed."""
        self.zone = zone
        if isinstance(zone, ZoneInfo):
            self.when_edit.setTimeZone(QTimeZone(zone.key.encode()))
        for index in range(self.sale_combo.count()):
            sale = self.sale_combo.itemData(index)
            if isinstance(sale, SaleRecord):
                self.sale_combo.setItemText(index, sale.label(zone))

    def reload_sales(self) -> None:
        self.sale_combo.clear()
        if self._sales_source is None:
            self.sale_combo.addItem(
                translate("Manager", "(this till's sales are not available: type the receipt)")
            )
            self.sale_combo.setEnabled(False)
            return
        source = self._sales_source

        def done(sales: Sequence[SaleRecord]) -> None:
            self.sale_combo.clear()
            self.sale_combo.addItem(translate("Manager", "(type the receipt below)"), None)
            for sale in sales:
                self.sale_combo.addItem(sale.label(self.zone), sale)
            self.sale_combo.setEnabled(bool(sales))

        def failed(exc: BaseException) -> None:
            log.error("could not read the till's sales", exc_info=exc)
            self.sale_combo.clear()
            self.sale_combo.addItem(
                translate("Manager", "(this till's sales could not be read: type the receipt)")
            )
            self.sale_combo.setEnabled(False)

        run_for(self, self._runner, lambda: list(source()), done, failed)

    def _pick_sale(self, index: int) -> None:
        sale = self.sale_combo.itemData(index)
        if not isinstance(sale, SaleRecord):
            return
        self.receipt_edit.setText(sale.receipt_no)
        when = utc_iso_to_qdatetime(sale.occurred_at)
        if when is not None:
            self.when_edit.setDateTime(when)
        if sale.store:
            self.store_edit.setText(sale.store)
        self.amount_edit.setText(f"{sale.amount:.2f}")

    def _update_preview(self) -> None:
        amount = parse_money(self.amount_edit.text())
        if amount is None or self.session is None:
            self.preview_label.setText(translate("Manager", "Points: —"))
            return
        points = preview_points(amount, self.session.points_per_unit)
        self.preview_label.setText(translate("Manager", "Points: {points}").format(points=points))

    # -- creating ---------------------------------------------------------------------------

    def create_claim(self) -> None:
        if self.busy:
            return
        customer: Customer | None = self.finder.customer
        amount = parse_money(self.amount_edit.text())
        receipt = self.receipt_edit.text().strip()
        store = self.store_edit.text().strip()
        problem = None
        if customer is None:
            problem = "Find the customer first."
        elif not customer.active:
            problem = "This customer's account is inactive: it cannot earn points."
        elif not receipt:
            problem = "Enter the receipt number."
        elif not RECEIPT_RE.fullmatch(receipt):
            problem = (
                "A receipt number is up to 64 letters, digits, spaces and . _ / # : -, "
                "starting with a letter or digit."
            )
        elif amount is None or amount <= 0 or amount >= MAX_AMOUNT:
            problem = "Enter the receipt's total, like 32.00."
        elif store and not STORE_RE.fullmatch(store):
            problem = "A store code is letters, digits, _ and - only, like DEMO."
        elif self.when_edit.dateTime() > QDateTime.currentDateTime().addSecs(60):
            problem = "The receipt's date and time cannot be in the future."
        if problem:
            self.status.error(problem)
            return
        assert customer is not None and amount is not None
        try:
            approval = self._manager.approval()
        except BackendError as exc:
            self.status.error(str(exc))
            return
        body = claim_body(
            customer.id,
            receipt,
            qdatetime_to_utc_iso(self.when_edit.dateTime()),
            amount,
            approval,
            store=store,
        )
        expected = preview_points(amount, self.session.points_per_unit) if self.session else None
        self.busy = True
        self.create_button.setEnabled(False)
        self.status.info(translate("Manager", "Creating…"))
        journal, client, guard = self._journal, self._client, self._guard

        def done(outcome: Outcome) -> None:
            self._idle()
            text = outcome_message(outcome, customer.name or f"customer {customer.id}", expected)
            if outcome.state == "refused":
                self.status.error(text)
            else:
                self.status.ok(text)
                self.receipt_edit.clear()
                self.amount_edit.clear()
            if outcome.state == "pending":
                self._kick()
            log.info(
                "missed-points claim %s by %s: %s",
                outcome.op_id,
                self._manager.staff,
                outcome.state,
            )
            self.submitted.emit(outcome)

        def failed(exc: BaseException) -> None:
            self._idle()
            if not isinstance(exc, BackendError):
                log.error("missed-points claim failed", exc_info=exc)
            self.status.error(plain_error(exc))

        run_for(
            self,
            self._runner,
            lambda: submit_claim(journal, client, body, guard=guard),
            done,
            failed,
        )

    def _idle(self) -> None:
        self.busy = False
        self.create_button.setEnabled(True)
