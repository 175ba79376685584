"""The cashier's window: member, sale, receipt, and the keys that drive them.

Why it holds little logic: identification is in :mod:`till.identify`, the sale's rules and
its journal-first writes in :mod:`till.sale_flow`, recovery after a power cut in
:mod:`till.recovery`. The window connects them to widgets, gives every action a key
(F2-F10, Ctrl+...), and says what happened in plain words on the banner. Reads from any
device arrive through ``ctx.device_signals`` whatever widget has the focus.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from devices.events import Identified
from till import __version__
from till.backend_monitor import BackendMonitor
from till.cashier_dialogs import CashierDialogs
from till.context import AppContext
from till.core.outcome import from_sync
from till.core.sale import RedemptionState, Sale, SaleState
from till.identify import Identifier, LookupKind, LookupResult
from till.kiosk_focus import KioskFocus
from till.member_panel import MemberPanel
from till.receipt import store_zone
from till.receipt_panel import ReceiptPanel
from till.redeem_dialog import RedeemDialog
from till.registration_dialog import RegistrationDialog
from till.sale_panel import SalePanel
from till.style import add_shortcut, banner_style, stylesheet, touch
from till.void_dialog import VoidDialog

log = logging.getLogger(__name__)


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
        self._recovered_open_id: str | None = None  # the interrupted sale on screen
        self._recovered_waiting: list[Sale] = []  # further interrupted sales, oldest first
        self.dialog: QDialog | None = None
        self.dialogs = CashierDialogs(self)
        self.demo_panel: QWidget | None = None  # set by till.app in demo mode
        self.wedge_fallback: object = None  # set by till.app when installed
        self.technician_window: QWidget | None = None
        self.kiosk_focus = KioskFocus(self)
        self._build()
        self._connect()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        self.banner = QLabel("Swipe or scan a loyalty card, or type the member's phone (F2).")
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        outer.addWidget(self.banner)
        self.recovery_bar = QWidget()
        bar = QHBoxLayout(self.recovery_bar)
        self.recovery_label = QLabel()
        self.recovery_label.setWordWrap(True)
        self.resume_button = QPushButton("Resume sale")
        self.void_recovered_button = QPushButton("Void sale (F8)")
        bar.addWidget(self.recovery_label, 1)
        bar.addWidget(touch(self.resume_button))
        bar.addWidget(touch(self.void_recovered_button))
        self.recovery_bar.hide()
        outer.addWidget(self.recovery_bar)
        # Three columns fit a 1024x768 screen: keys | member over sale | receipt (issue 12).
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("redeem", "Pay with points (F4)", self.redeem),
            ("cash", "Cash (F5)", lambda: self.tender("cash")),
            ("card", "Card terminal (F6)", lambda: self.tender("card")),
            ("complete", "Complete sale (F9)", self.complete),
            ("void", "Void sale (F8)", self.void),
            ("park", "Park sale (F11)", self.park),
            ("new", "New sale (F10)", self.new_sale),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            left.addWidget(touch(button))
            self.buttons[key] = button
        left.addStretch(1)
        self.manager_button = QPushButton("Manager (Ctrl+M)")
        self.tech_button = QPushButton("Technician (Ctrl+T)")
        left.addWidget(touch(self.manager_button))
        left.addWidget(touch(self.tech_button))
        left_box = QWidget()
        left_box.setLayout(left)
        retry = self.buttons["redeem"].fontMetrics().horizontalAdvance("Retry points payment (F4)")
        left_box.setFixedWidth(max(200, retry + 40))  # the longest label, whole
        body.addWidget(left_box)
        middle = QVBoxLayout()
        self.member_panel = MemberPanel()
        middle.addWidget(self.member_panel)
        self.sale_panel = SalePanel(self.currency)
        self.sale_panel.setMinimumWidth(300)
        for wrapped in (self.sale_panel.tenders_label, self.sale_panel.points_label):
            wrapped.setWordWrap(True)  # "Cash EUR 5.00, Card (terminal) EUR 7.50" at 1024 px
        middle.addWidget(self.sale_panel, 1)
        body.addLayout(middle, 1)
        self.receipt_panel = ReceiptPanel()
        body.addWidget(self.receipt_panel)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        status = QStatusBar(self)
        self.backend_label = QLabel("Backend: checking…")
        self.pending_label = QLabel("Pending operations: 0")
        self.device_label = QLabel("")
        status.addWidget(self.backend_label)
        status.addWidget(self.device_label, 1)
        status.addPermanentWidget(self.pending_label)
        status.addPermanentWidget(QLabel(f"v{__version__}"))
        self.setStatusBar(status)
        self._menus()
        self.setTabOrder(self.sale_panel.description_edit, self.sale_panel.amount_edit)
        self.setTabOrder(self.sale_panel.amount_edit, self.member_panel.phone_edit)

    def _menus(self) -> None:
        menu = self.menuBar().addMenu("&Till")
        for text, key, slot in (
            ("Phone number", "F2", self.member_panel.focus_phone),
            ("Remove member", "F3", self.remove_member),
            ("Pay with points", "F4", self.redeem),
            ("Cash", "F5", lambda: self.tender("cash")),
            ("Card terminal", "F6", lambda: self.tender("card")),
            ("Register member", "F7", lambda: self.register(None, None)),
            ("Void sale", "F8", self.void),
            ("Complete sale", "F9", self.complete),
            ("New sale", "F10", self.new_sale),
            ("Park sale", "F11", self.park),
            ("Print receipt", "Ctrl+P", self.receipt_panel.print_receipt),
        ):
            action = QAction(f"{text}\t{key}", self)
            action.triggered.connect(slot)
            menu.addAction(action)
            add_shortcut(key, self, slot)
        staff = self.menuBar().addMenu("&Staff")
        self.manager_action = QAction("Manager…\tCtrl+M", self)
        self.tech_action = QAction("Technician…\tCtrl+T", self)
        staff.addAction(self.manager_action)
        staff.addAction(self.tech_action)
        for action, button, module, cls, key in (
            (self.manager_action, self.manager_button, "till.manager", "ManagerWindow", "Ctrl+M"),
            (self.tech_action, self.tech_button, "till.techbench", "TechnicianWindow", "Ctrl+T"),
        ):
            available = importlib.util.find_spec(module) is not None

            def open_it(_: bool = False, module: str = module, cls: str = cls) -> None:
                self.open_staff_window(module, cls)

            action.setEnabled(available)
            button.setEnabled(available)
            action.triggered.connect(open_it)
            button.clicked.connect(open_it)
            if available:
                add_shortcut(key, self, open_it)

    def _connect(self) -> None:
        ctx = self.ctx
        ctx.device_signals.identified.connect(self.on_identified)
        ctx.device_signals.status.connect(self.device_label.setText)
        ctx.sync_signals.online_changed.connect(self._online_changed)
        ctx.sync_signals.key_refused_changed.connect(self._key_refused_changed)
        ctx.sync_signals.op_outcome.connect(self._sync_outcome)
        self.monitor.pending_changed.connect(self._pending_changed)
        self.flow.changed.connect(self.refresh)
        self.flow.notice.connect(self.say)
        self.flow.finished.connect(self._finished)
        self.flow.offered.connect(self._recovered)
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
        self.resume_button.clicked.connect(self.recovery_bar.hide)
        self.void_recovered_button.clicked.connect(self.void)

    def start(self) -> None:
        """Health polling, and the search for a sale a power cut interrupted. The session
        is fetched by the monitor each time the backend is seen online, the first included."""
        self.monitor.start()
        self.recovery.run(self._recovered)

    def _till_code(self) -> str:
        return self.ctx.session.till if self.ctx.session else ""

    # -- feedback -------------------------------------------------------------------------

    def say(self, text: str, level: str = "info") -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(banner_style(level) if level != "info" else "")

    def refresh(self) -> None:
        sale = self.flow.sale
        self.sale_panel.show_sale(sale)
        self.member_panel.show_member(sale.member)
        self.member_panel.remove_button.setEnabled(
            sale.member is not None and sale.can_change_member()
        )
        r = sale.redemption
        self.buttons["redeem"].setText(
            "Retry points payment (F4)"
            if r is not None and r.state == RedemptionState.SENDING
            else "Pay with points (F4)"
        )

    def _sync_outcome(self, outcome: object) -> None:
        settled = from_sync(outcome)  # type: ignore[arg-type]
        if settled is not None:
            self.flow.op_settled(settled)

    def _key_refused_changed(self, refused: bool) -> None:
        if refused:
            self.backend_label.setText("● API key refused — call a technician")
            self.backend_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self._online_changed(bool(self.ctx.sync_signals.online))

    def _online_changed(self, online: bool) -> None:
        if self.ctx.sync_signals.key_refused:
            return
        if online:
            self.backend_label.setText("● Online")
            self.backend_label.setStyleSheet("color: #1b7f3b; font-weight: bold;")
        else:
            self.backend_label.setText("● Offline — points are kept and sent later")
            self.backend_label.setStyleSheet("color: #b00020; font-weight: bold;")

    def _pending_changed(self, pending: int) -> None:
        self.pending_label.setText(f"Pending operations: {pending}")

    # -- identification -------------------------------------------------------------------

    def _ensure_open_sale(self) -> None:
        if self.flow.sale.finished:
            self.new_sale()

    def on_identified(self, event: Identified) -> None:
        if self.bench_is_open():
            # The technician is swiping sample cards at the bench: not a customer.
            self.say("The card test bench is open: reads go to the bench.", "warn")
            return
        if isinstance(self.dialog, RegistrationDialog | RedeemDialog | VoidDialog):
            self.say("Finish or close the open dialog first (Esc).", "warn")
            return
        self._ensure_open_sale()
        self.identifier.identify(event, self._looked_up)

    def lookup_phone(self, phone: str) -> None:
        self._ensure_open_sale()
        self.say("Looking the member up…")
        self.identifier.lookup("phone", phone, self._looked_up)

    def _looked_up(self, result: LookupResult) -> None:
        if result.kind == LookupKind.MEMBER and result.member is not None:
            if self.flow.set_member(result.member):
                if result.member.offline:
                    self.say(
                        f"{result.member.name}: offline, last known data. Points earned now "
                        "are added when the loyalty server is back.",
                        "warn",
                    )
                else:
                    self.say(f"Member: {result.member.name}", "ok")
            return
        level = "bad" if result.kind == LookupKind.REFUSED else "warn"
        self.say(result.message, level)
        if result.kind == LookupKind.UNKNOWN:
            self.register(result.card, result.phone)
        if result.kind == LookupKind.UNAVAILABLE:
            self.monitor.poll()

    def register(self, card: str | None, phone: str | None) -> None:
        self.dialogs.register(card, phone)

    def remove_member(self) -> None:
        if self.flow.remove_member():
            self.say("Member removed from the sale.")

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
            self.say(f"{name}: {self.sale_panel.money(sale.tenders[-1].amount)} recorded.")

    def redeem(self) -> None:
        self.dialogs.redeem()

    def complete(self) -> None:
        if self.flow.complete() and self.flow.sale.state == SaleState.COMPLETING:
            self.say("Recording the points…")

    def void(self) -> None:
        self.dialogs.void()

    def park(self) -> None:
        """Set the sale aside (its points payment settles meanwhile); serve the next one."""
        if self.flow.park():
            self.receipt_panel.clear()
            self.recovery_bar.hide()
            self.say(
                "Sale parked: it comes back once its points payment is settled. "
                "Next customer, please.",
                "warn",
            )

    def new_sale(self) -> None:
        sale = self.flow.sale
        if sale.state == SaleState.OPEN and sale.has_payment:
            self.say(
                "Payment has started: complete (F9), void (F8) or park (F11) this sale first.",
                "warn",
            )
            return
        if sale.state in (SaleState.COMPLETING, SaleState.VOIDING):
            self.say("Wait: this sale is being finished.", "warn")
            return
        self.flow.new_sale()
        self.receipt_panel.clear()
        self.recovery_bar.hide()
        self.say("New sale. Swipe or scan a loyalty card, or type the member's phone (F2).")
        self.sale_panel.clear_entry()

    def remember_balance(self, member_id: str, balance: int | None) -> None:
        """Keep the offline cache's balance as the backend last answered it."""
        if balance is not None:
            cache = self.ctx.account_cache
            self.ctx.runner.run(lambda: cache.adjust_balance(member_id, balance))

    def _finished(self, sale: Sale) -> None:
        if sale.member is not None:
            self.remember_balance(sale.member.id, sale.balance_after)
        session = self.ctx.session
        zone = store_zone(session.raw if session else None)
        self.receipt_panel.show_receipt(sale, session.store if session else "", self.currency, zone)
        self.receipt_panel.keep(self.ctx.runner)  # receipts/<no>.txt, off the GUI thread
        if sale.state == SaleState.VOIDED:
            self.say("Sale voided.", "warn")
        elif sale.earn_op_id and sale.earned_points is None:
            self.say("Sale completed. Points pending: added when the server is back.", "warn")
        elif sale.earned_points is not None:
            self.say(f"Sale completed. {sale.earned_points} points earned.", "ok")
        else:
            self.say("Sale completed.", "ok")
        self._next_recovered(sale)

    def _recovered(self, sale: Sale) -> None:
        """One interrupted (or parked) sale at a time: the others wait until it is finished
        or voided, and none replaces a sale the cashier is ringing up."""
        current = self.flow.sale
        busy = not current.finished and bool(current.lines or current.member)
        if self._recovered_open_id is not None or (busy and current.sale_id != sale.sale_id):
            if all(w.sale_id != sale.sale_id for w in self._recovered_waiting):
                self._recovered_waiting.append(sale)
            if self._recovered_open_id is not None:
                self._show_recovery_text(self.flow.sale)
            else:
                self.say("A parked sale is ready: it is offered once this sale is finished.")
            return
        self._recovered_open_id = sale.sale_id
        parked = sale.state == SaleState.PARKED
        self.flow.load(sale)
        self._show_recovery_text(sale, parked)
        self.recovery_bar.show()
        self.say("Parked sale back." if parked else "Unfinished sale restored.", "warn")

    def _show_recovery_text(self, sale: Sale, parked: bool = False) -> None:
        if parked or sale.parked_at:
            text = (
                f"A parked sale is back (receipt {sale.receipt_no}, total "
                f"{self.sale_panel.money(sale.total)}): its points payment is settled. "
                "Complete it, pay another way, or void it."
            )
        else:
            text = (
                f"A sale interrupted by a power cut was restored (receipt {sale.receipt_no}, "
                f"total {self.sale_panel.money(sale.total)}). Resume it, or void it."
            )
        waiting = len(self._recovered_waiting)
        if waiting:
            text += f" {waiting} more interrupted sale{'s' if waiting > 1 else ''} will follow."
        self.recovery_label.setText(text)

    def _next_recovered(self, finished: Sale) -> None:
        if finished.sale_id == self._recovered_open_id:
            self._recovered_open_id = None
        if self._recovered_open_id is None and self._recovered_waiting:
            self._recovered(self._recovered_waiting.pop(0))

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
        try:
            window_cls = getattr(importlib.import_module(module), cls)
        except (ImportError, AttributeError):
            log.exception("%s.%s can't be opened", module, cls)
            self.say("That function is not available on this till yet.", "warn")
            return None
        window: QWidget = window_cls(self.ctx, self)
        if cls == "TechnicianWindow":
            self.technician_window = window
            window.destroyed.connect(self._bench_closed)
        self.kiosk_focus.show_apart(window)
        self.dialog_opened.emit(window)
        return window

    def bench_is_open(self) -> bool:
        """The bench takes this read (signed in and in front): a sample card, not a member.

        A bench left open behind the till window leaves the cashier's reads to the till."""
        bench = self.technician_window
        return bench is not None and bool(getattr(bench, "taking_reads", False))

    def _bench_closed(self) -> None:
        self.technician_window = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.monitor.stop()
        timer = getattr(self.demo_panel, "timer", None)
        if timer is not None:
            timer.stop()
        self.sale_runner.wait_for_done(10_000)
        super().closeEvent(event)
