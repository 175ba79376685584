"""Table orders at the till: open one as the sale, mark it paid when the sale completes.

Why here and not in the cashier window: the window stays about the sale; this module adds
the Orders panel to it (one call from :mod:`till.app`), runs the feed, and turns an order
into the sale through the window's own steps — lines with their codes, the member
identified — so tenders, points payment with its OTP and the earn are the usual ones.

- Opening takes the order (``POST /v1/orders/{id}/take``) so no other till serves it. While
  the backend can't be reached the order is opened from the list as last seen (paying an
  untaken order is allowed by the contract), and the member as far as the order names it.
- The order is marked paid with the sale's receipt number, or cancelled when its sale is
  voided or the cashier cancels it in the list (Delete, then Enter), through the one
  submission path (:mod:`till.order_closing`): journaled first, sent once, replayed by the
  sync worker when the till was offline — the backend applies it once by ``op_id``.
- Which sale serves which order is kept in ``table_orders.json`` beside the sales, so a sale
  restored after a power cut still marks its order paid.
"""

from __future__ import annotations

import json
import logging
import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QWidget

from till.backend_client import BackendClient, BackendError, BackendUnavailable
from till.core.order_feed import OrderFeed
from till.core.sale import Member, Sale, SaleState
from till.identify import member_from
from till.order_closing import OrderClosing
from till.orders_panel import FOCUS_KEY, OPEN_KEY, ROTATE_KEY, OrderSignals, OrdersPanel
from till.phone_numbers import region_of
from till.receipt import store_zone
from till.style import add_shortcut
from till.translate import translate
from till.wire import Order

if TYPE_CHECKING:
    from till.context import AppContext
    from till.main_window import MainWindow

log = logging.getLogger(__name__)

BUSY = "Finish, park (F11) or void this sale first, then open the table's order."
#: The feed's long-poll wait (the backend's longest): a new order still arrives at once, and a
#: stopping backend answers waiting polls first (server/closing_server.py).
FEED_WAIT_S = 25


class TableOrders(QObject):
    """The Orders panel's controller (a child of the cashier window)."""

    def __init__(self, ctx: AppContext, window: MainWindow, wait_s: int = FEED_WAIT_S) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.signals = OrderSignals(self)
        self.feed = OrderFeed(ctx.client, self.signals.publish, wait_s=wait_s)
        self.panel = OrdersPanel(ctx.config.ui.currency)
        self.dock = QDockWidget("Orders", window)
        self.dock.setObjectName("ordersDock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.dock.setTitleBarWidget(QWidget())  # the panel's own title says it all
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.dock)
        self.count_label = QLabel("")  # on the status bar: orders waiting while the panel hides
        window.statusBar().addPermanentWidget(self.count_label)
        self._links_path = ctx.data_dir / "table_orders.json"
        self.links: dict[str, Order] = {}  # sale_id -> the order it serves
        self.closing = OrderClosing(ctx.submitter, ctx.sale_runner, self.panel.say, self.feed.note)
        self._opening = False
        self._load_links()
        self.signals.changed.connect(self._feed_changed)
        self.panel.open_requested.connect(self.open_order)
        self.panel.cancel_requested.connect(self.ask_cancel)
        self.panel.rotate_requested.connect(self.rotate)
        self.panel.list.escaped.connect(self.back_to_sale)
        window.flow.finished.connect(self._sale_finished)
        window.flow.changed.connect(self._fit)
        ctx.sync_signals.online_changed.connect(self._online_changed)
        keys = (
            (translate("TableOrders", "Open table order"), OPEN_KEY, self.panel.request_open),
            (translate("TableOrders", "Table orders list"), FOCUS_KEY, self.focus_list),
            (translate("TableOrders", "New table QR code"), ROTATE_KEY, self.panel.request_rotate),
        )
        menu = next(
            (
                a.menu()
                for a in window.menuBar().actions()
                if a.text() == translate("MainWindow", "&Till") and a.menu()
            ),
            None,
        )
        if isinstance(menu, QMenu):  # the keys are listed where the cashier finds the others
            menu.addSeparator()
        for text, key, slot in keys:
            if isinstance(menu, QMenu):
                action = QAction(f"{text}\t{key}", self)
                action.triggered.connect(slot)
                menu.addAction(action)
            add_shortcut(key, window, slot)
        self._feed_changed(self.signals.last)

    def start(self) -> None:
        self.feed.start()
        self.ctx.add_closer(self.feed.stop)

    # -- the list -------------------------------------------------------------------------

    def _feed_changed(self, state: object) -> None:
        session = self.ctx.session
        self.panel.zone = store_zone(session.raw if session else None)
        self.panel.show_orders(self.signals.last)
        self._fit()

    def _fit(self) -> None:
        """The panel shows while orders wait and no sale is being rung up (a 768 px screen
        has no room for both); the status bar counts the waiting orders meanwhile."""
        sale = self.window.flow.sale
        idle = sale.finished or (not sale.lines and sale.member is None)
        waiting = len(self.panel.orders)
        self.dock.setVisible((waiting > 0 and idle) or self.panel.list.hasFocus())
        self.count_label.setText(
            translate("TableOrders", "Table orders: {waiting} ({key})").format(
                waiting=waiting, key=FOCUS_KEY
            )
            if waiting
            else ""
        )

    def _online_changed(self, online: bool) -> None:
        if online:
            self.feed.wake()  # the backend is back: poll now, not after the backoff

    def focus_list(self) -> None:
        self.dock.show()
        self.panel.list.setFocus()

    def back_to_sale(self) -> None:
        self.window.sale_panel.description_edit.setFocus()
        self._fit()

    # -- opening an order as the sale -----------------------------------------------------

    def open_order(self, order: Order) -> None:
        window = self.window
        sale = window.flow.sale
        if self._opening:
            return
        if not sale.finished and (sale.lines or sale.member is not None):
            window.say(BUSY, "warn")
            return
        self._opening = True
        window.say(
            translate("TableOrders", "Opening the order of table {table}…").format(
                table=order.table
            )
        )
        client, region = self.ctx.client, region_of(self.ctx.session)
        known_offline = self.ctx.sync_signals.online is False  # don't wait for a timeout

        def work() -> tuple[Order, Member | None, bool]:
            taken, offline = order, True
            if not known_offline:
                with suppress(BackendUnavailable):  # offline: open the list's copy
                    taken, offline = client.take_order(order.id), False
            return taken, self._member_of(taken, client, region, offline), offline

        def done(result: tuple[Order, Member | None, bool]) -> None:
            self._opening = False
            self._opened(*result)

        def failed(exc: BaseException) -> None:
            self._opening = False
            if isinstance(exc, BackendError):
                window.say(
                    translate("TableOrders", "Table {table}: {exc}").format(
                        table=order.table, exc=exc
                    ),
                    "warn",
                )
                if exc.code in ("order_taken", "order_closed", "order_not_found"):
                    self.feed.wake()
            else:
                log.error("opening order %s failed", order.id, exc_info=exc)
                window.say(
                    translate("TableOrders", "The order could not be opened. Call a manager."),
                    "bad",
                )

        self.ctx.runner.run(work, done, failed)

    @staticmethod
    def _member_of(
        order: Order, client: BackendClient, region: str | None, offline: bool
    ) -> Member | None:
        """The order's member with balance and status (``GET /v1/customers/{id}``); without
        an answer, the member as the order names it, marked as not confirmed (offline)."""
        if order.customer_id is None:
            return None
        if not offline:
            try:
                return member_from(client.customer(order.customer_id), region=region)
            except BackendError as exc:
                log.info("member of order %s not looked up: %s", order.id, exc.code)
        as_of = order.created_at.isoformat(timespec="seconds") if order.created_at else ""
        return Member(
            id=order.customer_id,
            name=order.member_name or "Member",
            phone="",
            status="active",
            balance=0,
            offline=True,  # not confirmed: balance unknown until the card or phone (F2)
            as_of=as_of,
        )

    def _opened(self, order: Order, member: Member | None, offline: bool) -> None:
        window, flow = self.window, self.window.flow
        if not flow.sale.finished and (flow.sale.lines or flow.sale.member is not None):
            window.say(BUSY, "warn")  # the cashier started another sale meanwhile
            return
        if flow.sale.finished:
            window.new_sale()
        for line in order.lines:
            flow.add_line(f"{line.quantity} x {line.name}", line.amount, line.code)
        if member is not None:
            flow.set_member(member)
        self.links[flow.sale.sale_id] = order
        self._save_links()
        self.feed.note(order)
        who = f", member {member.name}" if member is not None else ""
        if member is not None and member.offline:
            who += ": balance not known, swipe the card or type the phone (F2) to see it"
        text = (
            f"Order of table {order.table} opened ({len(order.lines)} lines{who}). "
            "Take the payment (F4 points, F5 cash, F6 card), then complete (F9)."
        )
        if offline:
            text += " Offline: the order is marked paid when the server is back."
        window.say(text, "warn" if offline else "ok")
        self.back_to_sale()

    # -- closing it: paid, or cancelled (till.order_closing) -----------------------------

    def _sale_finished(self, sale: Sale) -> None:
        """Completed: the order is paid with the receipt. Voided: the order is cancelled,
        so it is not left "taken" by this till (the backend has no hand-back)."""
        order = self.links.pop(sale.sale_id, None)
        if order is None:
            return
        if sale.state == SaleState.COMPLETED:
            self.closing.paid(order, sale.receipt_no)
        else:
            self.closing.cancel(order)
            self.window.say(
                translate(
                    "TableOrders", "Sale voided: the order of table {table} is cancelled."
                ).format(table=order.table),
                "warn",
            )
        self._save_links()  # after the close is queued on the sale runner: journal first

    def ask_cancel(self, order: Order) -> None:
        """The cashier's key in the list: confirm, then cancel (journaled)."""
        sale = self.window.flow.sale
        serving = self.links.get(sale.sale_id)
        if not sale.finished and serving is not None and serving.id == order.id:
            self.panel.say(
                translate(
                    "TableOrders",
                    "Table {table}: this order is the sale being rung up. Void the sale (F8): that cancels the order too.",
                ).format(table=order.table)
            )
            return
        here = self.ctx.session.till if self.ctx.session else ""
        if order.state == "taken" and order.taken_by and here and order.taken_by != here:
            self.panel.say(
                translate(
                    "TableOrders",
                    "Table {table}: the order is being served at till {till}; cancel it there.",
                ).format(table=order.table, till=order.taken_by)
            )
            return
        from till.order_cancel_dialog import OrderCancelDialog

        dialog = OrderCancelDialog(order, self.ctx.config.ui.currency, self.panel.zone, self.window)
        dialog.accepted.connect(lambda: self.closing.cancel(order))
        self.window.open_dialog(dialog)

    # -- links kept on disk ---------------------------------------------------------------

    def _load_links(self) -> None:
        try:
            raw = json.loads(self._links_path.read_text(encoding="utf-8"))
            self.links = {str(k): Order.from_json(v) for k, v in raw.items()}
        except FileNotFoundError:
            self.links = {}
        except (ValueError, KeyError, TypeError, OSError):
            log.exception("%s is unreadable: its order links are ignored", self._links_path)
            self.links = {}

    def _save_links(self) -> None:
        """Written on the sale runner, after the sale's own save (and its order's close)."""
        text = json.dumps({k: dict(o.raw) for k, o in self.links.items()})
        path: Path = self._links_path

        def write() -> None:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)

        self.ctx.sale_runner.run(
            write, None, lambda exc: log.error("order links not saved to %s", path, exc_info=exc)
        )

    # -- a new QR for the table -----------------------------------------------------------

    def rotate(self, table: str) -> None:
        from till.table_qr_dialog import TableQrDialog

        dialog = TableQrDialog(self.ctx, table, self.window)
        self.window.open_dialog(dialog)


def install(ctx: AppContext, window: MainWindow) -> TableOrders:
    """Add the Orders panel to the cashier window and start its feed."""
    orders = TableOrders(ctx, window)
    orders.start()
    return orders
