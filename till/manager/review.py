"""The review list: journaled operations the backend refused for good, for a manager to decide.

Why a person decides: a refused earn or claim is a customer's points; the sync worker never
drops it silently (issue 5). The manager sees what it was, for whom, why the server refused
it (in plain words) and how old it is, then either sends it again (after fixing the cause,
e.g. reactivating the account) or cancels it (kept in the journal as cancelled, secrets
scrubbed). Cancelling asks for confirmation: it gives up on someone's points.

A redemption is different (issue 11, findings 1 and 3): Retry is offered only while its sale
still waits for that points tender (:mod:`till.core.review_rule`), checked again right before
it is put back in the queue; otherwise the only choice is "Cancel on the backend", settled
through the one submission path (``POST /v1/ops/{op_id}/cancel``), so a receipt paid another
way is never charged later.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from offline_queue.journal import Journal, Op
from till.backend_client import BackendClient
from till.core.outcome import OpOutcome, OpStatus
from till.core.review_rule import retry_refusal
from till.core.sale import Sale
from till.core.submission import Submitter
from till.errors import TillError
from till.manager.op_words import amount_words, customer_words, kind_words
from till.manager.reapproval import ReapproveDialog, needs_reapproval, own_words
from till.manager.widgets import StatusLine, age_text, pick_table, plain_error, run_for, touch
from till.tasks import TaskRunner
from till.translate import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

COLUMNS = (
    QT_TRANSLATE_NOOP("Manager", "Kind"),
    QT_TRANSLATE_NOOP("Manager", "Customer"),
    QT_TRANSLATE_NOOP("Manager", "Amount / points"),
    QT_TRANSLATE_NOOP("Manager", "Why it was refused"),
    QT_TRANSLATE_NOOP("Manager", "Age"),
)


def error_words(error: Mapping[str, Any] | None) -> str:
    """The server's refusal as the manager reads it (plain message of its code)."""
    if not error:
        return translate("Manager", "No reason was recorded.")
    code = str(error.get("code") or "")
    status = int(error.get("status") or 0) if str(error.get("status") or "").isdigit() else 0
    own = own_words(code)  # the journal's own codes after a restore (issue 11)
    if own is not None:
        return own
    if code:
        return BackendClient.plain_message(code, error, status)
    return str(error.get("message") or translate("Manager", "No reason was recorded."))


class RetryRefused(TillError):
    """Retry is not allowed for this item now (``str()`` says why, for the manager)."""


def cancel_words(outcome: OpOutcome) -> tuple[bool, str]:
    """(ok, plain words) for a redemption cancelled on the backend."""
    if outcome.status == OpStatus.CANCELLED:
        return True, "Cancelled on the backend: it can never be charged."
    if outcome.status == OpStatus.DONE:
        points = outcome.result.points if outcome.result is not None else None
        taken = f"{abs(points)} points were" if points else "the points were"
        return False, (
            f"The backend had already applied it: {taken} taken. If the sale was paid "
            "another way, reverse that redemption."
        )
    return False, f"Not cancelled yet: {outcome.message} Try again."


class ReviewPanel(QWidget):
    """Lists ``Journal.review()``; Retry puts an item back to pending, Cancel gives it up."""

    changed = Signal()

    def __init__(
        self,
        journal: Journal,
        runner: TaskRunner,
        kick: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
        *,
        sales: Callable[[str], Sequence[Sale]] | None = None,
        submitter: Submitter | None = None,
    ) -> None:
        """``sales(op_id)``: the till's sales naming that redemption (blocking, run on the
        runner); none means no sale waits for anything. ``submitter``: the one submission path, for "Cancel on
        the backend" (without it a redemption cannot be cancelled here)."""
        super().__init__(parent)
        self._journal = journal
        self._runner = runner
        self._kick = kick or (lambda: None)
        self._clock = clock
        self._sales: Callable[[str], Sequence[Sale]] = sales or (lambda _op_id: ())
        self._submitter = submitter
        self.items: list[Op] = []
        #: op_id -> why Retry is not allowed for it (redemptions whose sale no longer waits).
        self.no_retry: dict[str, str] = {}
        self.confirm_box: QMessageBox | None = None
        self.reapprove_box: ReapproveDialog | None = None  # a manager's PIN again (issue 11)

        intro = QLabel(
            translate(
                "Manager",
                "Operations the loyalty server refused. Retry after fixing the cause; Cancel gives "
                "the operation up (it stays in the till's journal as cancelled).",
            )
        )
        intro.setWordWrap(True)
        self.table = pick_table(COLUMNS, "Refused operations")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the reason
        self.refresh_button = QPushButton(translate("Manager", "Re&fresh"))
        self.retry_button = QPushButton(translate("Manager", "&Retry"))
        self.cancel_button = QPushButton(translate("Manager", "&Cancel operation…"))
        self.status = StatusLine()
        self.why_label = QLabel()
        self.why_label.setWordWrap(True)
        touch(self.refresh_button, self.retry_button, self.cancel_button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.why_label)
        layout.addWidget(self.status)

        self.refresh_button.clicked.connect(self.load)
        self.retry_button.clicked.connect(self.retry)
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def load(self, note: str = "", ok: bool = True) -> None:
        """Read the list again; ``note`` (what was just done) is shown with the new count."""
        journal, sales = self._journal, self._sales

        def read() -> tuple[list[Op], dict[str, str]]:
            items = journal.review()
            blocked = {
                op.op_id: retry_refusal(op.kind, op.op_id, sales(op.op_id))
                for op in items
                if op.kind == "redeem"
            }
            return items, {op_id: why for op_id, why in blocked.items() if why}

        run_for(
            self,
            self._runner,
            read,
            lambda found: self._show(found[0], found[1], note, ok),
            self._failed,
        )

    def _show(
        self, items: list[Op], no_retry: dict[str, str], note: str = "", ok: bool = True
    ) -> None:
        keep = self.selected()
        self.items = list(items)
        self.no_retry = dict(no_retry)
        now = self._clock()
        self.table.setRowCount(len(self.items))
        for row, op in enumerate(self.items):
            values = (
                kind_words(op.kind),
                customer_words(op),
                amount_words(op),
                error_words(op.last_error),
                age_text(now - op.created_at),
            )
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, op.op_id)
                self.table.setItem(row, col, item)
        for col in (0, 1, 2, 4):
            self.table.resizeColumnToContents(col)
        if self.items:
            ids = [op.op_id for op in self.items]
            self.table.selectRow(ids.index(keep.op_id) if keep and keep.op_id in ids else 0)
            summary = translate("Manager", "Refused operations to review: {n}.").format(
                n=len(self.items)
            )
        else:
            summary = translate(
                "Manager", "Nothing to review: the server accepted every operation."
            )
        if not note:
            self.status.info(summary)
        else:
            (self.status.ok if ok else self.status.error)(f"{note} {summary}")
        self._update_buttons()
        self.changed.emit()

    def selected(self) -> Op | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        index = rows[0].row()
        return self.items[index] if 0 <= index < len(self.items) else None

    def _update_buttons(self) -> None:
        op = self.selected()
        why = self.no_retry.get(op.op_id, "") if op is not None else ""
        self.retry_button.setEnabled(op is not None and not why)
        self.cancel_button.setEnabled(op is not None)
        on_backend = op is not None and op.kind == "redeem"
        self.cancel_button.setText(
            translate("Manager", "&Cancel on the backend…")
            if on_backend
            else translate("Manager", "&Cancel operation…")
        )
        self.why_label.setText(why)
        pin_again = op is not None and needs_reapproval(op)
        self.retry_button.setText(
            translate("Manager", "&Approve with PIN…")
            if pin_again
            else translate("Manager", "&Retry")
        )

    def retry(self) -> None:
        op = self.selected()
        if op is None or op.op_id in self.no_retry:
            return
        if needs_reapproval(op):  # its approval was lost in a restore: a manager's PIN again
            what = f"{kind_words(op.kind)} for {customer_words(op)} ({amount_words(op)})"
            box = ReapproveDialog(what, lambda staff, pin: self._reapprove(op, staff, pin), self)
            self.reapprove_box = box
            box.open()
            return
        journal, sales = self._journal, self._sales

        def work() -> None:
            # Again, now: the cashier may have paid the sale another way since the list loaded.
            why = retry_refusal(op.kind, op.op_id, sales(op.op_id) if op.kind == "redeem" else [])
            if why:
                raise RetryRefused(why)
            journal.retry_review(op.op_id)

        def done(_: object) -> None:
            log.info("review item %s (%s) sent for retry", op.op_id, op.kind)
            self._kick()
            self.load("Put back in the queue: it will be sent again now.")

        run_for(self, self._runner, work, done, self._action_failed)

    def _reapprove(self, op: Op, staff: str, pin: str) -> None:
        self.reapprove_box = None
        journal = self._journal

        def done(_: object) -> None:
            log.info("review item %s (%s) approved again by a manager", op.op_id, op.kind)
            self._kick()
            self.load(translate("Manager", "Approved again: it will be sent again now."))

        run_for(
            self,
            self._runner,
            lambda: journal.reapprove(op.op_id, staff, pin),
            done,
            self._action_failed,
        )

    def ask_cancel(self) -> None:
        """Ask first (non-blocking box, so the till keeps running while it is open)."""
        op = self.selected()
        if op is None:
            return
        what = f"{kind_words(op.kind)} for {customer_words(op)} ({amount_words(op)})"
        text = (
            f"{what} is cancelled on the loyalty server: it can never be charged. Cancel it?"
            if op.kind == "redeem"
            else f"{what} will not be sent again. The customer's points stay as they are now. "
            "Cancel it?"
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Cancel this operation?",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        for button in box.buttons():
            touch(button)
        box.button(QMessageBox.StandardButton.Yes).setText(translate("Manager", "&Yes, cancel it"))
        box.button(QMessageBox.StandardButton.No).setText(translate("Manager", "&No, keep it"))
        box.finished.connect(lambda result: self._cancel_answered(op, result))
        self.confirm_box = box
        box.open()

    def _cancel_answered(self, op: Op, result: int) -> None:
        self.confirm_box = None
        if result != QMessageBox.StandardButton.Yes:
            self.status.info(translate("Manager", "Kept: nothing was cancelled."))
            return
        if op.kind == "redeem":
            self._cancel_on_backend(op)
            return
        journal = self._journal

        def done(_: object) -> None:
            log.info("review item %s (%s) cancelled by a manager", op.op_id, op.kind)
            self.load("Cancelled: it will not be sent again.")

        run_for(
            self, self._runner, lambda: journal.cancel_review(op.op_id), done, self._action_failed
        )

    def _cancel_on_backend(self, op: Op) -> None:
        """Settle the redemption for good through the one submission path."""
        submitter = self._submitter
        if submitter is None:
            self.status.error(
                translate("Manager", "This till can't cancel a redemption on the backend here.")
            )
            return

        def done(outcome: OpOutcome) -> None:
            ok, text = cancel_words(outcome)
            log.info("review redemption %s cancelled on the backend: %s", op.op_id, outcome.status)
            self.load(text, ok=ok)

        self.status.info(translate("Manager", "Cancelling on the loyalty server…"))
        run_for(
            self,
            self._runner,
            lambda: submitter.cancel(op.op_id, "redeem", op.account),
            done,
            self._action_failed,
        )

    def _failed(self, exc: BaseException) -> None:
        log.error("reading the review list failed", exc_info=exc)
        self.status.error(plain_error(exc))

    def _action_failed(self, exc: BaseException) -> None:
        # E.g. the item was resolved meanwhile (OpStateError): say so and show the list as it is.
        log.warning("review list action failed: %s", type(exc).__name__)
        self.load(plain_error(exc), ok=False)
