"""Return (F12): scan or type the receipt, pick the lines (or an amount), confirm (issue 16).

Why a dialog and a desk: the dialog asks — receipt number (a scan fills it too), the lines
of the sale (Space picks one, Up/Down move, Enter confirms) or the amount returned — and
says the answer in the cashier's words ("points taken back", "points given back", and what
to deduct from the refund when the customer has already spent them). The desk puts the key
on the cashier window (button, menu, F12), routes reads to an open dialog, and says on the
banner when a return kept offline has reached the loyalty server. The operation itself is
built and judged in :mod:`till.returns`, journaled and sent through the one path
(:class:`till.core.submission.Submitter`) on the sale's ordered runner.
"""

from __future__ import annotations

import logging
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
)

from devices.events import Identified, ReadKind
from till.core.outcome import OpOutcome, OpStatus, from_sync
from till.returns import Receipt, find_receipt, outcome_words, receipt_number, return_request
from till.rules_wire import ReturnResult
from till.sale_panel import parse_amount
from till.style import add_shortcut, touch
from till.translate import translate

if TYPE_CHECKING:
    from till.main_window import MainWindow

log = logging.getLogger(__name__)

KEY = "F12"
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ReturnDialog(QDialog):
    """``answered(text, level)`` once the return's outcome is known (or kept offline)."""

    answered = Signal(str, str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(translate("ReturnDialog", "Return"))
        self.receipt: Receipt | None = None
        self.outcome: OpOutcome | None = None
        self.busy = False
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "ReturnDialog", "Scan the receipt's barcode or type its number, then Enter."
                )
            )
        )
        self.receipt_edit = QLineEdit()
        self.receipt_edit.setPlaceholderText(translate("ReturnDialog", "Receipt number"))
        self.receipt_edit.setAccessibleName("Receipt number")
        layout.addWidget(touch(self.receipt_edit))
        self.lines_label = QLabel()
        self.lines_label.setWordWrap(True)
        layout.addWidget(self.lines_label)
        self.lines_list = QListWidget()
        self.lines_list.setAccessibleName("Lines returned")
        layout.addWidget(self.lines_list, 1)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(
            translate("ReturnDialog", "…or the amount returned (Enter)")
        )
        self.amount_edit.setAccessibleName("Amount returned")
        layout.addWidget(touch(self.amount_edit))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("returnMessage")
        layout.addWidget(self.message_label)
        self.confirm_button = QPushButton(translate("ReturnDialog", "Take the points back (Enter)"))
        self.close_button = QPushButton(translate("ReturnDialog", "Close (Esc)"))
        layout.addWidget(touch(self.confirm_button))
        layout.addWidget(touch(self.close_button))
        for button in (self.confirm_button, self.close_button):
            button.setAutoDefault(False)  # Enter is handled per field, never twice
            button.setDefault(False)
        self.lines_list.hide()
        self.lines_list.installEventFilter(self)  # Space picks a line: see eventFilter
        self.amount_edit.hide()
        self.confirm_button.setEnabled(False)
        self.receipt_edit.returnPressed.connect(self.look_up)
        self.amount_edit.returnPressed.connect(self.confirm)
        self.confirm_button.clicked.connect(self.confirm)
        self.close_button.clicked.connect(self.reject)
        self.resize(520, 520)
        self.receipt_edit.setFocus()

    # -- the receipt ----------------------------------------------------------------------

    def take_read(self, event: Identified) -> bool:
        """A scan while the dialog is open fills the receipt number (never a member)."""
        if event.kind == ReadKind.MAGSTRIPE:
            self.say(
                translate(
                    "ReturnDialog",
                    "That is a card: scan the receipt's barcode, or type its number.",
                ),
                "warn",
            )
            return True
        if self.outcome is not None or self.busy:
            return True
        number = receipt_number(event.raw)
        if number is None:
            # Also a receipt number whose digits look like a card number: the router hides
            # those before anything leaves the devices package (PCI DSS 3.4), so it is typed.
            self.say(
                translate(
                    "ReturnDialog",
                    "That scan can't be read as a receipt number: type the number printed on "
                    "the receipt, then Enter.",
                ),
                "warn",
            )
            self.receipt_edit.setFocus()
            return True
        self.receipt_edit.setText(number)
        self.look_up()
        return True

    def look_up(self) -> None:
        number = receipt_number(self.receipt_edit.text())
        if number is None:
            self.say(
                translate("ReturnDialog", "Type the receipt number as printed on the receipt."),
                "warn",
            )
            return
        if self.busy or self.outcome is not None:
            return
        sales = self.window_.ctx.sale_store
        self.busy = True
        self.window_.ctx.runner.run(
            lambda: find_receipt(sales, number), self._found, self._find_failed
        )

    def _find_failed(self, exc: BaseException) -> None:
        self.busy = False
        log.error("looking up a receipt failed", exc_info=exc)
        self.say(
            translate(
                "ReturnDialog", "The till's sales could not be read: type the amount returned."
            ),
            "bad",
        )
        self._show(Receipt(self.receipt_edit.text().strip()))

    def _found(self, receipt: Receipt) -> None:
        self.busy = False
        self._show(receipt)

    def _show(self, receipt: Receipt) -> None:
        self.receipt = receipt
        self.lines_list.clear()
        money = self.window_.sale_panel.money
        if receipt.rung_here and not receipt.account:
            self.lines_label.setText(
                translate(
                    "ReturnDialog", "This sale had no loyalty member: no points to take back."
                )
            )
            self.lines_list.hide()
            self.amount_edit.hide()
            self.confirm_button.setEnabled(False)
            self.close_button.setFocus()
            return
        if receipt.known:
            for line in receipt.lines:
                item = QListWidgetItem(
                    f"{line.line_no}. {line.line.description}  {money(line.amount)}"
                )
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.UserRole, line.line_no)
                self.lines_list.addItem(item)
            self.lines_label.setText(
                translate(
                    "ReturnDialog",
                    "Receipt {receipt_no}, {value}: Space picks each line returned, then Enter. Or Tab to type an amount.",
                ).format(receipt_no=receipt.receipt_no, value=money(receipt.total))
            )
            self.lines_list.show()
            self.lines_list.setCurrentRow(0)
            self.lines_list.setFocus()
        else:
            self.lines_label.setText(
                translate(
                    "ReturnDialog",
                    "Receipt {receipt_no} was not rung at this till: type the amount returned, then Enter.",
                ).format(receipt_no=receipt.receipt_no)
            )
            self.lines_list.hide()
        self.amount_edit.show()
        if not receipt.known:
            self.amount_edit.setFocus()
        self.confirm_button.setEnabled(True)

    # -- confirming -----------------------------------------------------------------------

    def chosen_lines(self) -> tuple[int, ...]:
        chosen = []
        for row in range(self.lines_list.count()):
            item = self.lines_list.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                chosen.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(chosen)

    def confirm(self) -> None:
        receipt = self.receipt
        if receipt is None or self.busy:
            return
        if self.outcome is not None:
            self.accept()
            return
        lines = self.chosen_lines()
        amount: Decimal | None = None
        if not lines:
            amount = parse_amount(self.amount_edit.text())
            if amount is None or amount <= 0:
                self.say(
                    translate(
                        "ReturnDialog",
                        "Pick the lines returned (Space), or type the amount returned.",
                    ),
                    "warn",
                )
                return
        w = self.window_
        try:
            # No ``store``: the backend takes the key's own store, where the return is made.
            request = return_request(
                str(uuid.uuid4()), receipt, line_nos=lines, amount=amount, occurred_at=w.ctx.clock()
            )
        except ValueError:
            self.say(
                translate(
                    "ReturnDialog",
                    "These lines were paid with points: they earned none to take back.",
                ),
                "warn",
            )
            return
        submitter = w.ctx.submitter
        self.busy = True
        self.confirm_button.setEnabled(False)
        self.say(translate("ReturnDialog", "Recording the return…"))
        w.sale_runner.run(lambda: submitter.submit(request), self._answered, self._failed)

    def _failed(self, exc: BaseException) -> None:
        log.error("the return could not be submitted", exc_info=exc)
        self.busy = False
        self.confirm_button.setEnabled(True)
        self.say(
            translate(
                "ReturnDialog", "The return could not be recorded on this till. Call a manager."
            ),
            "bad",
        )

    def _answered(self, outcome: OpOutcome) -> None:
        self.busy = False
        text, level = outcome_words(outcome, self.window_.currency)
        if outcome.status.not_charged:
            self.confirm_button.setEnabled(True)
            self.say(text, level)
            self.answered.emit(text, level)
            return
        self.outcome = outcome
        self.confirm_button.setText(translate("ReturnDialog", "Done (Enter)"))
        self.confirm_button.setEnabled(True)
        self.lines_list.setEnabled(False)
        self.amount_edit.setEnabled(False)
        self.receipt_edit.setEnabled(False)
        self.say(text, level)
        self.confirm_button.setFocus()
        self.answered.emit(text, level)

    def say(self, text: str, level: str = "info") -> None:
        self.message_label.setText(text)
        self.message_label.setProperty("level", level)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space on a line picks or unpicks it, always (the view's own Space may go to its
        keyboard search instead, depending on timing)."""
        if (
            watched is self.lines_list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
        ):
            item = self.lines_list.currentItem()
            if item is not None and self.lines_list.isEnabled():
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on the lines (or on Done) confirms; fields handle their own Enter."""
        if event.key() in ENTER_KEYS and not isinstance(self.focusWidget(), QLineEdit):
            self.confirm()
            return
        super().keyPressEvent(event)


class ReturnDesk(QObject):
    """The Return key on the cashier window, and what a later sync of a return says."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ReturnDialog | None = None
        self._waiting: dict[str, str] = {}  # op_id -> receipt_no, kept offline
        self.button = QPushButton(translate("ReturnDialog", "Return ({KEY})").format(KEY=KEY))
        self.button.clicked.connect(self.open)
        anchor = window.buttons.get("new")
        column = anchor.parentWidget() if anchor is not None else None
        layout = column.layout() if column is not None else None
        if anchor is not None and isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(anchor) + 1, touch(self.button))
        menus = [a.menu() for a in window.menuBar().actions()]
        till_menu = next((m for m in menus if isinstance(m, QMenu)), None)
        if till_menu is not None:
            action = QAction(translate("ReturnDialog", "Return	{KEY}").format(KEY=KEY), window)
            action.triggered.connect(self.open)
            till_menu.addAction(action)
        add_shortcut(KEY, window, self.open)
        window.ctx.sync_signals.op_outcome.connect(self._synced)

    def open(self) -> ReturnDialog | None:
        w = self.window
        if w.dialog is not None:
            w.say(translate("ReturnDialog", "Finish or close the open dialog first (Esc)."), "warn")
            return None
        dialog = ReturnDialog(w)
        self.dialog = dialog
        hook = dialog.take_read
        w.identifier.read_hooks.append(hook)
        dialog.answered.connect(self._answered)

        def closed() -> None:
            if hook in w.identifier.read_hooks:
                w.identifier.read_hooks.remove(hook)
            if self.dialog is dialog:
                self.dialog = None

        dialog.finished.connect(closed)
        w.open_dialog(dialog)
        return dialog

    def _answered(self, text: str, level: str) -> None:
        dialog = self.dialog
        self.window.say(text, level)
        outcome = dialog.outcome if dialog is not None else None
        receipt = dialog.receipt if dialog is not None else None
        if outcome is None or receipt is None:
            return
        if outcome.status == OpStatus.PENDING:
            self._waiting[outcome.op_id] = receipt.receipt_no
        elif outcome.status == OpStatus.DONE and receipt.account:
            self._remember_balance(receipt.account, outcome)

    def _remember_balance(self, account: str, outcome: OpOutcome) -> None:
        result = ReturnResult.from_json(outcome.result.raw if outcome.result else None)
        if result.balance is not None:
            self.window.remember_balance(account, result.balance)

    def _synced(self, sync_outcome: object) -> None:
        outcome = from_sync(sync_outcome)  # type: ignore[arg-type]
        if outcome is None or outcome.op_id not in self._waiting:
            return
        receipt_no = self._waiting.pop(outcome.op_id)
        text, level = outcome_words(outcome, self.window.currency)
        if outcome.status == OpStatus.REVIEW:
            text, level = "a manager must look at it (review list).", "bad"
        self.window.say(
            translate("ReturnDialog", "Return of receipt {receipt_no}: {text}").format(
                receipt_no=receipt_no, text=text
            ),
            level,
        )


def install(window: MainWindow) -> ReturnDesk:
    return ReturnDesk(window)


__all__ = ["KEY", "ReturnDesk", "ReturnDialog", "install"]
