"""The cashier's window: member, sale, receipt, and the keys that drive them.

Why it holds little logic: identification is in :mod:`till.identify` and
:mod:`till.member_lookup`, the widgets' places in :mod:`till.cashier_layout`, the sale's rules and
its journal-first writes in :mod:`till.sale_flow`, recovery after a power cut in
:mod:`till.recovery`. The window connects them to widgets, gives every action a key
(F2-F10, Ctrl+...), and says what happened in plain words on the banner. Reads from any
device arrive through ``ctx.device_signals`` whatever widget has the focus.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from devices.events import Identified
from till.backend_monitor import BackendMonitor
from till.cashier_dialogs import CashierDialogs, Screen
from till.cashier_layout import CashierLayout
from till.context import AppContext
from till.core.outcome import from_sync
from till.core.sale import RedemptionState, Sale, SaleState
from till.identify import Identifier
from till.kiosk_focus import KioskFocus
from till.member_lookup import MemberLookup
from till.printing.window_hook import ReceiptsHook
from till.receipt import store_locale, store_zone
from till.sale_notices import finished_notice
from till.staff_windows import StaffWindows
from till.status_line import StatusLine
from till.style import add_shortcut, banner_style, stylesheet
from till.translate import translate

log = logging.getLogger(__name__)

#: What F9 takes for the amount still due when nothing else pays it (``complete``).
DEFAULT_TENDER = "cash"


class MainWindow(QMainWindow):
    """``ctx``-driven cashier window; ``dialog_opened`` lets tests reach modal dialogs."""

    dialog_opened = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = "Loyalty Till"
        if ctx.demo is not None:
            title += " — demo"
        self.setWindowTitle(title)
        self.resize(1280, 800)
        self.setStyleSheet(stylesheet(ctx.config.ui.touch_target_px))
        self.currency = ctx.config.ui.currency
        # Handed over, not built here (till.wiring composes the sale subsystem).
        self.sale_runner = ctx.sale_runner
        self.flow = ctx.sale_flow
        self.identifier = Identifier(ctx.client, ctx.account_cache, ctx.runner)
        self.monitor = BackendMonitor(ctx, parent=self)
        self.recovery = ctx.recovery
        self.dialog: QDialog | None = None
        self.dialogs = CashierDialogs(
            ctx,
            self.flow,
            Screen(
                parent=self,
                say=self.say,
                banner_text=lambda: self.banner.text(),
                open_dialog=self.open_dialog,
                money=lambda value: self.sale_panel.money(value),
                void_confirmed=lambda: self.recovery_bar.hide(),
            ),
        )
        self.demo_panel: QWidget | None = None  # set by till.app in demo mode
        self.wedge_fallback: object = None  # set by till.app when installed
        self.kiosk_focus = KioskFocus(self)
        self.members = MemberLookup(self)
        self.staff = StaffWindows(
            self, ctx, self.kiosk_focus.show_apart, self.say, self.dialog_opened.emit
        )
        self._build()
        self._connect()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = CashierLayout(self.flow, self.currency, self)  # the widgets: cashier_layout
        slots = {
            "redeem": self.redeem,
            "cash": lambda: self.tender("cash"),
            "card": lambda: self.tender("card"),
            "complete": self.complete,
            "void": self.void,
            "park": self.park,
            "new": self.new_sale,
        }
        for key, button in layout.buttons.items():
            button.clicked.connect(slots[key])
        self.buttons = layout.buttons
        self.banner = layout.banner
        self.recovery_bar = layout.recovery_bar
        self.recovery_label = self.recovery_bar.label
        self.resume_button = self.recovery_bar.resume_button
        self.void_recovered_button = self.recovery_bar.void_button
        self.manager_button, self.tech_button = layout.manager_button, layout.tech_button
        self.member_panel = layout.member_panel
        self.sale_panel = layout.sale_panel
        self.receipt_panel = layout.receipt_panel
        self.setCentralWidget(layout)
        self.status_line = StatusLine(self.ctx.sync_signals, self)
        self.backend_label = self.status_line.backend_label
        self.pending_label = self.status_line.pending_label
        self.device_label = self.status_line.device_label
        self.setStatusBar(self.status_line)
        self._menus()

    def _menus(self) -> None:
        menu = self.menuBar().addMenu(translate("MainWindow", "&Till"))
        for text, key, slot in (
            (translate("MainWindow", "Phone number"), "F2", self.member_panel.focus_phone),
            (translate("MainWindow", "Remove member"), "F3", self.remove_member),
            (translate("MainWindow", "Pay with points"), "F4", self.redeem),
            (translate("MainWindow", "Cash"), "F5", lambda: self.tender("cash")),
            (translate("MainWindow", "Card terminal"), "F6", lambda: self.tender("card")),
            (translate("MainWindow", "Register member"), "F7", lambda: self.register(None, None)),
            (translate("MainWindow", "Void sale"), "F8", self.void),
            (translate("MainWindow", "Complete sale"), "F9", self.complete),
            (translate("MainWindow", "New sale"), "F10", self.new_sale),
            (translate("MainWindow", "Park sale"), "F11", self.park),
            (
                translate("MainWindow", "Print receipt"),
                "Ctrl+P",
                lambda: self.receipts.print_receipt(),
            ),
            (
                translate("MainWindow", "Reprint last receipt"),
                "Ctrl+Shift+P",
                lambda: self.receipts.reprint(),
            ),
        ):
            action = QAction(f"{text}\t{key}", self)
            action.triggered.connect(slot)
            menu.addAction(action)
            add_shortcut(key, self, slot)
        self.staff.add_menu([self.manager_button, self.tech_button])
        self.manager_action, self.tech_action = self.staff.actions

    def _connect(self) -> None:
        ctx = self.ctx
        ctx.device_signals.identified.connect(self.on_identified)
        ctx.device_signals.status.connect(self.device_label.setText)
        ctx.sync_signals.op_outcome.connect(self._sync_outcome)
        self.monitor.pending_changed.connect(self.status_line.pending_changed)
        self.flow.changed.connect(self.refresh)
        self.flow.notice.connect(self.say)
        self.flow.finished.connect(self._finished)
        self.flow.offered.connect(self.recovery_bar.offer)
        self.recovery_bar.said.connect(self.say)
        self.member_panel.phone_entered.connect(self.lookup_phone)
        self.member_panel.remove_requested.connect(self.remove_member)
        self.member_panel.register_requested.connect(lambda: self.register(None, None))
        self.sale_panel.line_entered.connect(self.add_line)
        # Issue 12 #6/#7: a stale warning goes once the cashier types on; the member panel
        # and the banner catch up once the backend is back and nothing is pending.
        for edit in (
            self.sale_panel.description_edit,
            self.sale_panel.amount_edit,
            self.member_panel.phone_edit,
        ):
            edit.textEdited.connect(self.dialogs.cashier_went_on)
        ctx.sync_signals.online_changed.connect(self.dialogs.backend_back)
        self.monitor.pending_changed.connect(self.dialogs.pending_changed)
        self.receipt_panel.printed.connect(self.say)
        self.receipt_panel.pdf_dir = self.ctx.data_dir / "receipts"  # kept, and PDFs
        self.receipts = ReceiptsHook(self)  # issue 17: ESC/POS, claim QR, customer display
        self.void_recovered_button.clicked.connect(self.void)

    def start(self) -> None:
        """Health polling, and the search for a sale a power cut interrupted. The session
        is fetched by the monitor each time the backend is seen online, the first included."""
        self.monitor.start()
        self.recovery.run(self.recovery_bar.offer)

    def _till_code(self) -> str:
        return self.ctx.session.till if self.ctx.session else ""

    # -- feedback -------------------------------------------------------------------------

    def say(self, text: str, level: str = "info") -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(banner_style(level) if level != "info" else "")

    def refresh(self) -> None:
        sale = self.flow.sale
        raw = self.ctx.session.raw if self.ctx.session else None
        self.sale_panel.figures = store_locale(raw)  # issue 17: figures as the store writes
        self.sale_panel.show_sale(sale)
        session = self.ctx.session
        self.member_panel.zone = store_zone(session.raw if session else None)
        self.member_panel.figures = self.sale_panel.figures  # the store's points grouping
        self.member_panel.show_member(sale.member)
        self.member_panel.remove_button.setEnabled(
            sale.member is not None and sale.can_change_member()
        )
        self.buttons["complete"].setText(
            translate("MainWindow", "Cash and complete (F9)")
            if self._completes_in_cash(sale)
            else translate("MainWindow", "Complete sale (F9)")
        )
        r = sale.redemption
        self.buttons["redeem"].setText(
            translate("MainWindow", "Retry points payment (F4)")
            if r is not None and r.state == RedemptionState.SENDING
            else translate("MainWindow", "Pay with points (F4)")
        )

    def _sync_outcome(self, outcome: object) -> None:
        settled = from_sync(outcome)  # type: ignore[arg-type]
        if settled is not None:
            self.flow.op_settled(settled)

    # -- identification (till.member_lookup) --------------------------------------------

    def _ensure_open_sale(self) -> None:
        self.members.ensure_open_sale()

    def on_identified(self, event: Identified) -> None:
        self.members.on_identified(event)

    def lookup_phone(self, phone: str) -> None:
        self.members.lookup_phone(phone)

    def register(self, card: str | None, phone: str | None) -> None:
        self.dialogs.register(card, phone)

    def remove_member(self) -> None:
        self.members.remove_member()

    # -- sale -----------------------------------------------------------------------------

    def add_line(self, description: str, amount: Any) -> None:
        self._ensure_open_sale()
        if self.flow.add_line(description, amount):
            self.sale_panel.clear_entry()

    def tender(self, kind: str) -> None:
        """Cash or card for what is due; while the points payment is unconfirmed this asks
        the backend to cancel it first (the cashier is told once it is settled)."""
        sale = self.flow.sale
        if self.flow.add_tender(kind, sale.due):
            name = "Cash" if kind == "cash" else "Card terminal"
            self.say(
                translate("MainWindow", "{name}: {value} recorded.").format(
                    name=name, value=self.sale_panel.money(sale.tenders[-1].amount)
                )
            )

    def redeem(self) -> None:
        self.dialogs.redeem()

    def complete(self) -> None:
        """F9 finishes the sale in one key (issue 12's key budget): what is still due is
        taken in the default tender, cash, as the button then says ("Cash and complete").
        A card payment is keyed first (F6); an unconfirmed points payment is never paid
        over silently: the sale says what to do instead."""
        sale = self.flow.sale
        if self._completes_in_cash(sale):
            due = sale.due
            if not self.flow.add_tender(DEFAULT_TENDER, due):
                return
            self.say(
                translate("MainWindow", "Cash: {value} recorded.").format(
                    value=self.sale_panel.money(due)
                )
            )
        if self.flow.complete() and self.flow.sale.state == SaleState.COMPLETING:
            self.say(translate("MainWindow", "Recording the points…"))

    @staticmethod
    def _completes_in_cash(sale: Sale) -> bool:
        r = sale.redemption
        settled = r is None or r.state in (RedemptionState.COMMITTED, RedemptionState.REVERSED)
        return sale.state == SaleState.OPEN and bool(sale.lines) and settled and sale.due > 0

    def void(self) -> None:
        self.dialogs.void()

    def park(self) -> None:
        """Set the sale aside (its points payment settles meanwhile); serve the next one."""
        if self.flow.park():
            self.receipt_panel.clear()
            self.recovery_bar.hide()
            self.say(
                translate(
                    "MainWindow",
                    "Sale parked: it comes back once its points payment is settled. "
                    "Next customer, please.",
                ),
                "warn",
            )

    def new_sale(self) -> None:
        sale = self.flow.sale
        if sale.state == SaleState.OPEN and sale.has_payment:
            self.say(
                translate(
                    "MainWindow",
                    "Payment has started: complete (F9), void (F8) or park (F11) this sale first.",
                ),
                "warn",
            )
            return
        if sale.state in (SaleState.COMPLETING, SaleState.VOIDING):
            self.say(translate("MainWindow", "Wait: this sale is being finished."), "warn")
            return
        self.flow.new_sale()
        self.receipt_panel.clear()
        self.recovery_bar.hide()
        self.say(
            translate(
                "MainWindow",
                "New sale. Swipe or scan a loyalty card, or type the member's phone (F2).",
            )
        )
        self.sale_panel.clear_entry()

    def remember_balance(self, member_id: str, balance: int | None) -> None:
        """Keep the offline cache's balance as the backend last answered it."""
        self.dialogs.remember_balance(member_id, balance)

    def _finished(self, sale: Sale) -> None:
        if sale.member is not None:
            self.remember_balance(sale.member.id, sale.balance_after)
        session = self.ctx.session
        body = session.raw if session else None
        self.receipt_panel.show_receipt(
            sale,
            session.store if session else "",
            self.currency,
            store_zone(body),
            store_locale(body),
        )
        self.receipt_panel.keep(self.ctx.runner)  # receipts/<no>.txt, off the GUI thread
        self.say(*finished_notice(sale))
        self.recovery_bar.finished(sale)

    # -- dialogs and other windows --------------------------------------------------------

    def open_dialog(self, dialog: QDialog) -> None:
        """Modal to this window, non-blocking (no nested event loop); the focus comes back
        when it closes, window manager or not (:mod:`till.kiosk_focus`)."""
        self.dialog = dialog
        back_to = self.focusWidget()
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def closed() -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()
            self.kiosk_focus.take_back(back_to)

        dialog.finished.connect(closed)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def open_staff_window(self, module: str, cls: str) -> QWidget | None:
        return self.staff.open(module, cls)

    @property
    def technician_window(self) -> QWidget | None:
        return self.staff.technician_window

    def bench_is_open(self) -> bool:
        return self.staff.bench_is_open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.monitor.stop()
        timer = getattr(self.demo_panel, "timer", None)
        if timer is not None:
            timer.stop()
        self.sale_runner.wait_for_done(10_000)
        self.receipts.close()
        super().closeEvent(event)
