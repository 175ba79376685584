"""Correct a wrong allocation (seed 004: "delete the previous transaction and allocate
correctly") in one step: reverse the wrong customer's transaction, claim the same receipt for
the right customer, linked (``corrects``) and with the manager's reason.

Why one step: done as two separate actions, a manager interrupted in between leaves the
receipt credited to nobody, or (in the other order) refused as already claimed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from offline_queue.journal import Journal
from till.backend_client import BackendClient, BackendError, Customer, Transaction
from till.core.submission import Guard
from till.manager.claims import Correction, claim_body, reverse_payload, submit_correction
from till.manager.customer_finder import CustomerFinder
from till.manager.login import ManagerSession
from till.manager.store_time import local_time
from till.manager.widgets import (
    EnterChain,
    StatusLine,
    pick_table,
    plain_error,
    run_for,
    touch,
)
from till.tasks import TaskRunner
from till.translate import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

COLUMNS = (
    QT_TRANSLATE_NOOP("Manager", "Date"),
    QT_TRANSLATE_NOOP("Manager", "Kind"),
    QT_TRANSLATE_NOOP("Manager", "Receipt"),
    QT_TRANSLATE_NOOP("Manager", "Amount"),
    QT_TRANSLATE_NOOP("Manager", "Points"),
)


def correctable(tx: Transaction) -> bool:
    """Earns and claims that gave points, have a receipt, and are not reversed already."""
    return (
        tx.kind in {"earn", "claim"} and tx.points > 0 and bool(tx.receipt_no) and not tx.reversed
    )


def correction_message(result: Correction, target: str) -> tuple[bool, str]:
    """(ok, plain words) for the outcome of both linked operations."""
    rev, claim = result.reverse, result.claim
    if rev.state == "refused":
        return False, translate(
            "Manager", "Nothing was changed: the earlier allocation was not reversed ({problem})."
        ).format(problem=rev.error)
    if rev.state == "pending":
        return True, translate(
            "Manager",
            "Saved on this till: the loyalty server cannot be reached now. The points will be "
            "moved to {target} when it is back.",
        ).format(target=target)
    if claim.state == "sent":
        points = claim.result.points if claim.result is not None else None
        return (
            True,
            translate(
                "Manager",
                "Done: the wrong allocation was reversed and {points} points given to {target}.",
            ).format(points=points, target=target),
        )
    if claim.state == "pending":
        return True, translate(
            "Manager",
            "The wrong allocation was reversed; giving the points to "
            "{target} is saved on this till and will be sent when the server is back.",
        ).format(target=target)
    return False, translate(
        "Manager",
        "The wrong allocation was reversed, but the points could not be given to {target}: "
        "{problem}. Add them with the form above.",
    ).format(target=target, problem=claim.error)


class CorrectionPanel(QWidget):
    """Pick the wrong customer's transaction; move its points to the customer above."""

    corrected = Signal(object)  # Correction

    def __init__(
        self,
        client: BackendClient,
        runner: TaskRunner,
        journal: Journal,
        manager: ManagerSession,
        target: Callable[[], Customer | None],
        store: Callable[[], str],
        kick: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        guard: Guard | None = None,
        zone: Callable[[], tzinfo | None] | None = None,
    ) -> None:
        """``guard``: the sync worker the one submission path holds while it sends (see
        :class:`till.core.submission.Submitter`); ``zone``: the store's time zone, for the
        transactions' times."""
        super().__init__(parent)
        self._zone = zone or (lambda: None)
        self._guard = guard
        self._client = client
        self._runner = runner
        self._journal = journal
        self._manager = manager
        self._target = target
        self._store = store
        self._kick = kick or (lambda: None)
        self.transactions: list[Transaction] = []
        self.busy = False

        self.finder = CustomerFinder(
            client, runner, translate("Manager", "Customer who got them by mistake")
        )
        # The claim form above has its own finder with "&Find": one Alt+letter each.
        self.finder.find_button.setText(translate("Manager", "F&ind"))
        self.table = pick_table(COLUMNS, "The customer's transactions that can be moved")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            translate("Manager", "Why, e.g. 'points given to the wrong phone number'")
        )
        self.reason_edit.setAccessibleName("Reason for the correction")
        self.move_button = QPushButton(translate("Manager", "M&ove points to the customer above"))
        self.status = StatusLine()
        touch(self.reason_edit, self.move_button)

        box = QGroupBox(translate("Manager", "Correct a wrong allocation"))
        inner = QVBoxLayout(box)
        inner.addWidget(self.finder)
        inner.addWidget(self.table)
        reason_row = QHBoxLayout()
        reason_label = QLabel(translate("Manager", "Reaso&n"))
        reason_label.setBuddy(self.reason_edit)
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason_edit, 1)
        inner.addLayout(reason_row)
        inner.addWidget(self.move_button)
        inner.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)

        self.finder.found.connect(self._load_transactions)
        self.finder.cleared.connect(self._clear)
        self.move_button.clicked.connect(self.move_points)
        # Keyboard only: Enter on the picked transaction goes on to the reason.
        EnterChain([self.table, self.reason_edit], self.move_points)

    # -- transactions -----------------------------------------------------------------------

    def _clear(self) -> None:
        self.transactions = []
        self.table.setRowCount(0)

    def _load_transactions(self, customer: Customer) -> None:
        client = self._client

        def done(items: list[Transaction]) -> None:
            if self.finder.customer is None or self.finder.customer.id != customer.id:
                return  # a newer search replaced this customer
            self.transactions = [t for t in items if correctable(t)]
            self.table.setRowCount(len(self.transactions))
            for row, tx in enumerate(self.transactions):
                values = (
                    local_time(tx.occurred_at, self._zone()),
                    tx.kind,
                    tx.receipt_no or "",
                    f"{tx.amount:.2f}" if tx.amount is not None else "",
                    str(tx.points),
                )
                for col, text in enumerate(values):
                    item = QTableWidgetItem(text)
                    if col >= 3:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    self.table.setItem(row, col, item)
            if self.transactions:
                self.table.selectRow(0)
                self.status.info(
                    translate(
                        "Manager", "Choose the transaction to move, give a reason, then Move."
                    )
                )
            else:
                self.status.info(
                    translate(
                        "Manager", "This customer has no transaction whose points can be moved."
                    )
                )

        def failed(exc: BaseException) -> None:
            self.status.error(plain_error(exc))

        run_for(self, self._runner, lambda: client.transactions(customer.id), done, failed)

    def selected(self) -> Transaction | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        index = rows[0].row()
        return self.transactions[index] if 0 <= index < len(self.transactions) else None

    # -- moving -----------------------------------------------------------------------------

    def move_points(self) -> None:
        if self.busy:
            return
        wrong = self.finder.customer
        target = self._target()
        tx = self.selected()
        reason = self.reason_edit.text().strip()
        problem = None
        if target is None:
            problem = translate(
                "Manager", "Find the customer who should get the points first (above)."
            )
        elif wrong is None or tx is None:
            problem = translate(
                "Manager", "Find the customer who got the points and choose the transaction."
            )
        elif wrong.id == target.id:
            problem = translate(
                "Manager",
                "The points are already with this customer: choose another customer above.",
            )
        elif not target.active:
            problem = translate(
                "Manager", "The customer above is inactive: they cannot earn points."
            )
        elif not reason:
            problem = translate("Manager", "Give a reason for the correction.")
        if problem:
            self.status.error(problem)
            return
        assert target is not None and wrong is not None and tx is not None
        if tx.amount is None:
            self.status.error(
                translate("Manager", "This transaction has no amount to re-allocate.")
            )
            return
        try:
            approval = self._manager.approval()
        except BackendError as exc:
            self.status.error(str(exc))
            return
        reverse = reverse_payload(tx.id, reason, approval)
        claim = claim_body(
            target.id,
            tx.receipt_no or "",
            tx.occurred_at,
            tx.amount,
            approval,
            store=self._store(),
            corrects=tx.id,
        )
        target_name = target.name or f"customer {target.id}"
        self.busy = True
        self.move_button.setEnabled(False)
        self.status.info(translate("Manager", "Moving…"))
        journal, client, guard = self._journal, self._client, self._guard

        def done(result: Correction) -> None:
            self._idle()
            ok, text = correction_message(result, target_name)
            (self.status.ok if ok else self.status.error)(text)
            if ok:
                self.reason_edit.clear()
            if "pending" in (result.reverse.state, result.claim.state):
                self._kick()
            log.info(
                "correction of transaction %s by %s: reverse %s, claim %s",
                tx.id,
                self._manager.staff,
                result.reverse.state,
                result.claim.state,
            )
            self._load_transactions(wrong)
            self.corrected.emit(result)

        def failed(exc: BaseException) -> None:
            self._idle()
            if not isinstance(exc, BackendError):
                log.error("correction failed", exc_info=exc)
            self.status.error(plain_error(exc))

        run_for(
            self,
            self._runner,
            lambda: submit_correction(journal, client, wrong.id, reverse, claim, guard=guard),
            done,
            failed,
        )

    def _idle(self) -> None:
        self.busy = False
        self.move_button.setEnabled(True)
