"""The Orders panel: members' orders from the tables, waiting to be paid at the counter.

Why a list the keyboard drives: the cashier picks the table's order with Up/Down (Alt+O
brings the focus here) and opens it as the sale with one key (Ctrl+O, or Enter in the list),
or cancels it (Delete in the list, then Enter to confirm);
the selection stays on the oldest order when new ones arrive, so Ctrl+O alone serves the queue
in order. Each row says table, member and total; the selected order's lines are spelled out
under the list. The panel hides itself while no order waits (the till's screen is small).

:class:`OrderSignals` is the feed's Qt adapter: :class:`till.core.order_feed.OrderFeed`
calls back from its own thread; the state reaches the GUI thread as a queued signal.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from till.core.order_feed import FeedState
from till.receipt import store_zone
from till.style import touch
from till.translate import translate
from till.wire import Order

OPEN_KEY = "Ctrl+O"  # F12 is Return (issue 16); Ctrl+O in the points dialog is its own window
FOCUS_KEY = "Alt+O"
ROTATE_KEY = "Ctrl+R"
#: In the list only (Alt+O there first): Delete is an editing key everywhere else.
CANCEL_KEY = "Del"


class OrderSignals(QObject):
    """``changed`` carries the feed's newest :class:`FeedState` (GUI thread)."""

    changed = Signal(object)
    _any_thread = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last: FeedState = FeedState(online=None)
        self._any_thread.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def publish(self, state: FeedState) -> None:
        """``OrderFeed(on_change=...)`` callback: safe from any thread."""
        self._any_thread.emit(state)

    def _deliver(self, state: FeedState) -> None:
        if state.version < self.last.version:
            return  # an older state queued behind a newer one
        self.last = state
        self.changed.emit(state)


def describe(order: Order, currency: str = "", zone: tzinfo | None = None) -> str:
    """One row: "Table 12 · Ana · 3 items · EUR 11.50 · 19:31" (time in the store's zone)."""
    items = sum(line.quantity for line in order.lines)
    member = order.member_name or "no member"
    money = f"{currency} {order.total:.2f}".strip()
    parts = [f"Table {order.table}", member, f"{items} item{'s' if items != 1 else ''}", money]
    if order.created_at is not None:
        parts.append(order.created_at.astimezone(zone or store_zone(None)).strftime("%H:%M"))
    if order.state == "taken":
        parts.append("taken")
    return " · ".join(parts)


def line_text(order: Order, currency: str = "") -> str:
    rows = []
    for line in order.lines:
        code = f" [{line.code}]" if line.code else ""
        rows.append(f"{line.quantity} x {line.name}{code}  {currency} {line.amount:.2f}".rstrip())
    return "\n".join(rows) or "(no lines)"


class _OrderList(QListWidget):
    """Enter opens the selected order (as Ctrl+O does); Delete asks to cancel it; Esc goes
    back to the sale."""

    open_requested = Signal()
    cancel_requested = Signal()
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.cancel_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class OrdersPanel(QGroupBox):
    """``open_requested(Order)``: the cashier asked for the selected order as the sale;
    ``cancel_requested(Order)``: to cancel the selected order (the controller confirms);
    ``rotate_requested(str)``: a new QR for the selected order's table ("" when none)."""

    open_requested = Signal(object)
    cancel_requested = Signal(object)
    rotate_requested = Signal(str)

    def __init__(self, currency: str = "", parent: QWidget | None = None) -> None:
        super().__init__(f"Orders from tables ({FOCUS_KEY})", parent)
        self.setObjectName("ordersPanel")
        self.currency = currency
        self.zone: tzinfo | None = None  # the store's (from the session), once known
        self.orders: tuple[Order, ...] = ()
        # One row, about 100 px high: the cashier window must still fit 1024x768 (issue 12).
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        self.list = _OrderList()
        self.list.setAccessibleName("Orders from tables")
        self.list.setMinimumHeight(60)  # two and a half rows: more scroll
        self.list.setMaximumHeight(88)
        layout.addWidget(self.list, 2)
        middle = QVBoxLayout()
        self.lines_label = QLabel("")
        self.lines_label.setWordWrap(True)
        self.lines_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        middle.addWidget(self.lines_label, 1)
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        middle.addWidget(self.status_label)
        layout.addLayout(middle, 1)
        self.open_button = QPushButton(
            translate("TableOrders", "Open order ({OPEN_KEY})").format(OPEN_KEY=OPEN_KEY)
        )
        self.rotate_button = QPushButton(
            translate("TableOrders", "New table QR ({ROTATE_KEY})").format(ROTATE_KEY=ROTATE_KEY)
        )
        self.cancel_button = QPushButton(
            translate("TableOrders", "Cancel order ({CANCEL_KEY})").format(CANCEL_KEY=CANCEL_KEY)
        )
        layout.addWidget(touch(self.open_button), 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(touch(self.cancel_button), 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(touch(self.rotate_button), 0, Qt.AlignmentFlag.AlignTop)
        self.list.currentRowChanged.connect(self._show_lines)
        self.list.open_requested.connect(self.request_open)
        self.open_button.clicked.connect(self.request_open)
        self.list.cancel_requested.connect(self.request_cancel)
        self.cancel_button.clicked.connect(self.request_cancel)
        self.rotate_button.clicked.connect(self.request_rotate)
        self.show_orders(FeedState(online=None))

    # -- what is shown --------------------------------------------------------------------

    def selected(self) -> Order | None:
        row = self.list.currentRow()
        return self.orders[row] if 0 <= row < len(self.orders) else None

    def show_orders(self, state: FeedState) -> None:
        """The feed's list; the selection follows its order (or the oldest one)."""
        keep = self.selected()
        self.orders = state.orders
        self.list.blockSignals(True)
        self.list.clear()
        for order in self.orders:
            item = QListWidgetItem(describe(order, self.currency, self.zone))
            item.setData(Qt.ItemDataRole.UserRole, order.id)
            self.list.addItem(item)
        ids = [o.id for o in self.orders]
        row = ids.index(keep.id) if keep is not None and keep.id in ids else (0 if ids else -1)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._show_lines(row)
        self.open_button.setEnabled(bool(self.orders))
        self.cancel_button.setEnabled(bool(self.orders))
        if state.problem:
            self.status_label.setText(state.problem)
        elif self.orders:
            n = len(self.orders)
            self.status_label.setText(
                translate(
                    "TableOrders", "Orders waiting: {n}. {key} opens the selected one."
                ).format(n=n, key=OPEN_KEY)
            )
        else:
            self.status_label.setText(translate("TableOrders", "No orders from the tables."))

    def say(self, text: str) -> None:
        self.status_label.setText(text)

    def _show_lines(self, row: int) -> None:
        order = self.orders[row] if 0 <= row < len(self.orders) else None
        self.lines_label.setText(line_text(order, self.currency) if order is not None else "")

    # -- keys -----------------------------------------------------------------------------

    def request_open(self) -> None:
        order = self.selected()
        if order is not None:
            self.open_requested.emit(order)

    def request_cancel(self) -> None:
        order = self.selected()
        if order is not None:
            self.cancel_requested.emit(order)

    def request_rotate(self) -> None:
        order = self.selected()
        self.rotate_requested.emit(order.table if order is not None else "")
