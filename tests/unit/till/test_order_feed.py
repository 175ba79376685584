"""The order feed over loopback HTTP: snapshot, long poll, the backend away and back.

A stub that follows docs/ordering.md (tests/unit/till/order_stub.py) stands in for the
backend so that it can be stopped and restarted on the same port at will. The waits are on
the feed's own callbacks (a condition), never on time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest

from tests.unit.till.order_stub import OrderStub
from till.backend_client import BackendClient, BackendError
from till.core.order_feed import NOT_HERE, OFFLINE, FeedState, OrderFeed
from till.wire import order_paid_body

TIMEOUT_S = 20.0


class Seen:
    """Every state the feed published, and a way to wait for one."""

    def __init__(self) -> None:
        self.states: list[FeedState] = []
        self._cond = threading.Condition()

    def __call__(self, state: FeedState) -> None:
        with self._cond:
            self.states.append(state)
            self._cond.notify_all()

    def wait(self, pred: Callable[[FeedState], bool]) -> FeedState:
        with self._cond:
            ok = self._cond.wait_for(lambda: bool(self.states) and pred(self.states[-1]), TIMEOUT_S)
            assert ok, f"no such state; last: {self.states[-1] if self.states else None}"
            return self.states[-1]


@pytest.fixture
def stub() -> Iterator[OrderStub]:
    s = OrderStub()
    s.start()
    yield s
    s.stop()


def feed_for(stub: OrderStub, seen: Seen, wait_s: int = 2) -> OrderFeed:
    client = BackendClient(stub.url, "test-key", timeout_s=2.0)
    return OrderFeed(client, seen, wait_s=wait_s, retry_s=(0.05, 0.2))


@pytest.fixture
def running(stub: OrderStub) -> Iterator[tuple[OrderFeed, Seen]]:
    seen = Seen()
    feed = feed_for(stub, seen)
    feed.start()
    yield feed, seen
    feed.stop()


def tables(state: FeedState) -> list[str]:
    return [o.table for o in state.orders]


def test_the_first_poll_is_a_snapshot_without_closed_orders(stub: OrderStub) -> None:
    stub.add("1")
    paid = stub.add("2")
    stub.set_state(paid, "paid", receipt_no="R1")
    taken = stub.add("3")
    stub.set_state(taken, "taken", taken_by="T1")  # this till's, before a restart
    seen = Seen()
    feed = feed_for(stub, seen)
    feed.start()
    try:
        state = seen.wait(lambda s: s.online is True)
    finally:
        feed.stop()
    assert tables(state) == ["1", "3"]
    order = state.orders[0]
    assert order.member_name == "Ana" and order.customer_id == "7"
    assert [(x.code, x.name, x.quantity, x.amount) for x in order.lines] == [
        ("LATTE", "Latte", 2, Decimal("7.00")),
        ("", "Cake", 1, Decimal("4.50")),
    ]
    assert order.total == Decimal("11.50")
    assert stub.requests[0] == "GET /v1/orders"


def test_a_new_order_arrives_through_the_long_poll(
    stub: OrderStub, running: tuple[OrderFeed, Seen]
) -> None:
    feed, seen = running
    seen.wait(lambda s: s.online is True)
    stub.add("12")
    state = seen.wait(lambda s: tables(s) == ["12"])
    assert feed.state == state
    assert "GET /v1/orders/feed" in stub.requests


def test_paid_and_cancelled_orders_leave_the_list(
    stub: OrderStub, running: tuple[OrderFeed, Seen]
) -> None:
    _, seen = running
    first, second = stub.add("1"), stub.add("2")
    seen.wait(lambda s: tables(s) == ["1", "2"])
    stub.set_state(first, "taken", taken_by="T1")
    state = seen.wait(lambda s: s.orders[0].state == "taken")
    assert state.orders[0].taken_by == "T1"
    stub.set_state(first, "paid", receipt_no="R1")
    stub.set_state(second, "cancelled")
    seen.wait(lambda s: s.orders == ())


def test_the_feed_survives_the_backend_going_away_and_coming_back(
    stub: OrderStub, running: tuple[OrderFeed, Seen]
) -> None:
    feed, seen = running
    stub.add("1")
    seen.wait(lambda s: tables(s) == ["1"])
    stub.stop()
    state = seen.wait(lambda s: s.online is False)
    assert state.problem == OFFLINE
    assert tables(state) == ["1"]  # what was known stays on screen
    stub.add("2")  # ordered while the till could not see the backend
    stub.start()  # same port
    feed.wake()
    state = seen.wait(lambda s: s.online is True and tables(s) == ["1", "2"])
    assert state.problem == ""


def test_an_older_backend_without_orders_is_said_once(stub: OrderStub) -> None:
    stub.with_orders = False
    seen = Seen()
    feed = feed_for(stub, seen)
    feed.start()
    try:
        state = seen.wait(lambda s: s.problem != "")
    finally:
        feed.stop()
    assert state.problem == NOT_HERE
    assert state.orders == ()


def test_note_shows_an_answer_at_once(stub: OrderStub, running: tuple[OrderFeed, Seen]) -> None:
    feed, seen = running
    order_id = stub.add("5")
    seen.wait(lambda s: tables(s) == ["5"])
    client = BackendClient(stub.url, "test-key")
    taken = client.take_order(order_id)
    feed.note(taken)
    assert feed.state.orders[0].state == "taken"


def test_take_is_refused_for_another_tills_order(stub: OrderStub) -> None:
    order_id = stub.add("3")
    stub.set_state(order_id, "taken", taken_by="T2")
    client = BackendClient(stub.url, "test-key")
    with pytest.raises(BackendError) as caught:
        client.take_order(order_id)
    assert caught.value.code == "order_taken"
    assert caught.value.status == 409


def test_order_paid_is_sent_to_its_own_endpoint_once(stub: OrderStub) -> None:
    order_id = stub.add("4")
    client = BackendClient(stub.url, "test-key")
    body = order_paid_body("op-1", order_id, "T1-20261201-ABC")
    first = client.send_journaled("order_paid", body)
    again = client.send_journaled("order_paid", body)
    assert first == again
    assert first["state"] == "paid" and first["receipt_no"] == "T1-20261201-ABC"
    assert stub.requests.count(f"POST /v1/orders/{order_id}/paid") == 2
    assert list(stub.paid_ops) == ["op-1"]
