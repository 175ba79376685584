"""The orders waiting at the tables, kept current by long polling the backend (issue 18).

Why a thread of its own and long polling: a member's order must reach the till within
seconds, and the till must not ask the backend every second either. ``GET /v1/orders/feed``
answers as soon as something changed after the cursor (or after ``wait`` seconds with
nothing), so one request is open at a time and a new order arrives in one round trip. The
thread blocks on HTTP; it never touches Qt: what it knows leaves through ``on_change`` (the
till's Qt adapter queues it to the GUI thread, :mod:`till.orders_panel`).

The feed survives the backend going away: a failed poll keeps the cursor, says "offline",
and tries again with a capped exponential backoff (``wake()`` skips the wait, e.g. when the
health poll sees the backend back). The first poll, and any poll after the backend refused
the cursor, starts from a snapshot (``GET /v1/orders``) so nothing is missed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

from till.backend_client import BackendError, BackendUnavailable, KeyRefused
from till.translate import QT_TRANSLATE_NOOP, translate
from till.wire import Order, OrderPage

log = logging.getLogger(__name__)

OFFLINE = QT_TRANSLATE_NOOP(
    "TableOrders",
    "The loyalty server cannot be reached: new table orders appear when it is back.",
)
NOT_HERE = QT_TRANSLATE_NOOP(
    "TableOrders", "Table orders are not available from this loyalty server."
)


class OrdersClient(Protocol):
    def orders(self, state: str | None = "open") -> OrderPage: ...

    def orders_feed(self, after: str, wait_s: int = 25) -> OrderPage: ...


@dataclass(frozen=True)
class FeedState:
    """What the till shows: the orders still to serve (open or taken), oldest first.

    ``online`` is None until the first answer; ``problem`` is plain words ("" when fine).
    ``version`` grows with every change, so a receiver can tell a new state from an old one.
    """

    online: bool | None
    orders: tuple[Order, ...] = ()
    problem: str = ""
    version: int = 0

    def get(self, order_id: int) -> Order | None:
        return next((o for o in self.orders if o.id == order_id), None)


def _sorted(orders: dict[int, Order]) -> tuple[Order, ...]:
    return tuple(sorted(orders.values(), key=lambda o: (o.created_at is None, o.created_at, o.id)))


class OrderFeed:
    """Long-polls ``client`` on a daemon thread; ``on_change(FeedState)`` from that thread.

    ``wait_s`` is the long poll's wait (the contract allows 0-25 s); ``retry_s`` the first
    and the longest pause after a failure.
    """

    def __init__(
        self,
        client: OrdersClient,
        on_change: Callable[[FeedState], None],
        *,
        wait_s: int = 25,
        retry_s: tuple[float, float] = (0.5, 10.0),
    ) -> None:
        self._client = client
        self._on_change = on_change
        self._wait_s = wait_s
        self._retry_first, self._retry_max = retry_s
        self._lock = threading.Lock()
        self._orders: dict[int, Order] = {}
        self._state = FeedState(online=None)
        self._cursor: str | None = None
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def state(self) -> FeedState:
        with self._lock:
            return self._state

    # -- the thread -----------------------------------------------------------------------

    def start(self) -> None:
        """Start polling (idempotent)."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stopping.clear()
            self._thread = threading.Thread(target=self._run, name="order-feed", daemon=True)
            self._thread.start()

    def stop(self, timeout_s: float = 0.05) -> None:
        """Stop polling. A long poll in flight is not waited for beyond ``timeout_s``: the
        thread is a daemon and publishes nothing once stopped."""
        self._stopping.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout_s)

    def wake(self) -> None:
        """Poll again now instead of after the backoff (the backend is back)."""
        self._wake.set()

    def note(self, order: Order) -> None:
        """An order as another answer had it (take, paid): shown at once, not after a poll."""
        self._merge((order,), online=None)

    def _run(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                self._poll()
            except Exception as exc:  # never let the thread die: the till keeps selling
                failures += 1
                self._failed(exc)
                pause = min(self._retry_max, self._retry_first * 2 ** (failures - 1))
                if isinstance(exc, BackendError) and not isinstance(exc, BackendUnavailable):
                    pause = self._retry_max  # a refusal (old backend, key): don't hammer it
                self._wake.wait(pause)
                self._wake.clear()
            else:
                failures = 0

    def _poll(self) -> None:
        cursor = self._cursor
        if cursor is None:
            # Open and taken apart: without a state the backend lists only the newest 200.
            # The first cursor is the older one: a change seen twice is merged once.
            page = self._client.orders("open")
            taken = self._client.orders("taken")
            self._replace(OrderPage(page.orders + taken.orders, page.cursor))
        else:
            page = self._client.orders_feed(cursor, self._wait_s)
            self._merge(page.orders, online=True)
        if page.cursor:
            self._cursor = page.cursor

    def _failed(self, exc: BaseException) -> None:
        if self._stopping.is_set():
            return
        if isinstance(exc, KeyRefused):
            problem, online = str(exc), True
        elif isinstance(exc, BackendUnavailable):
            problem, online = translate("TableOrders", OFFLINE), False
        elif isinstance(exc, BackendError):
            log.warning("order feed refused: %s %s", exc.status, exc.code)
            problem = translate("TableOrders", NOT_HERE) if exc.status in (404, 405) else str(exc)
            self._cursor = None  # the cursor may be what was refused: start from a snapshot
            online = True
        else:
            log.error("order feed failed", exc_info=exc)
            problem = translate(
                "TableOrders", "Table orders could not be read: see the till's log."
            )
            online = True
        with self._lock:
            state = self._state
            if state.online == online and state.problem == problem:
                return
            self._state = replace(state, online=online, problem=problem, version=state.version + 1)
            new = self._state
        self._publish(new)

    # -- state ----------------------------------------------------------------------------

    def _replace(self, page: OrderPage) -> None:
        with self._lock:
            self._orders = {o.id: o for o in page.orders if not o.closed}
            state = self._state
            self._state = FeedState(True, _sorted(self._orders), "", state.version + 1)
            new = self._state
        self._publish(new)

    def _merge(self, orders: tuple[Order, ...], online: bool | None) -> None:
        with self._lock:
            for order in orders:
                if order.closed:
                    self._orders.pop(order.id, None)
                else:
                    self._orders[order.id] = order
            state = self._state
            listed = _sorted(self._orders)
            online_now = state.online if online is None else online
            problem = state.problem if online is None else ""
            if listed == state.orders and online_now == state.online and problem == state.problem:
                return
            self._state = FeedState(online_now, listed, problem, state.version + 1)
            new = self._state
        self._publish(new)

    def _publish(self, state: FeedState) -> None:
        if self._stopping.is_set():
            return
        try:
            self._on_change(state)
        except Exception:  # a receiver gone at shutdown must not kill the thread
            log.exception("order feed receiver failed")
