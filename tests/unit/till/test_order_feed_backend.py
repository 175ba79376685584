"""The order feed and the till's order calls against the reference backend over loopback.

The backend is a real server process (tests/fixtures/backend.py) with ordering enabled; a
guest orders through the member page's forms (tests/fixtures/table_guest.py). The backend is
stopped and started again on the same port to show the feed carries on. Waits are on the
feed's own callbacks, never on time.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from offline_queue.outcome_policy import Verdict
from tests.fixtures.table_guest import Guest, api, enable_ordering, guest_at
from till.backend_client import BackendClient, BackendError
from till.core.order_feed import OFFLINE, FeedState, OrderFeed
from till.wire import order_paid_body

ALICE_PHONE = "+447700900123"
TIMEOUT_S = 30.0


class Seen:
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


def ids(state: FeedState) -> list[int]:
    return [o.id for o in state.orders]


@pytest.fixture
def shop(backend: Any) -> tuple[Any, Guest]:
    enable_ordering(backend)
    return backend, guest_at(backend, "12").sign_up(ALICE_PHONE)


@pytest.fixture
def client(backend: Any) -> BackendClient:
    return BackendClient(backend.url, backend.api_key, timeout_s=3.0)


@pytest.fixture
def feed(client: BackendClient) -> Iterator[tuple[OrderFeed, Seen]]:
    seen = Seen()
    f = OrderFeed(client, seen, wait_s=3, retry_s=(0.05, 0.3))
    f.start()
    yield f, seen
    f.stop()


def test_orders_arrive_are_taken_and_leave_when_paid(
    shop: tuple[Any, Guest], client: BackendClient, feed: tuple[OrderFeed, Seen]
) -> None:
    guest = shop[1]
    seen = feed[1]
    seen.wait(lambda s: s.online is True)
    order_id = guest.order({"LATTE": 2, "CAKE": 1})
    state = seen.wait(lambda s: ids(s) == [order_id])
    order = state.orders[0]
    assert (order.table, order.state, order.member_name) == ("12", "open", "Alice")
    assert order.customer_id == client.lookup(phone=ALICE_PHONE).id
    assert sorted((x.code, x.quantity, str(x.amount)) for x in order.lines) == [
        ("CAKE", 1, "4.25"),
        ("LATTE", 2, "7.00"),
    ]
    assert str(order.total) == "11.25"

    taken = client.take_order(order_id)
    assert taken.state == "taken" and taken.taken_by
    assert client.take_order(order_id) == taken  # idempotent for the same till
    seen.wait(lambda s: s.orders[0].state == "taken")

    op_id = str(uuid.uuid4())
    paid = client.send_journaled("order_paid", order_paid_body(op_id, order_id, "T-1"))
    assert paid["state"] == "paid" and paid["receipt_no"] == "T-1"
    seen.wait(lambda s: s.orders == ())
    # Replayed from a journal (POST /v1/ops), the same op answers the same and pays once.
    body = order_paid_body(op_id, order_id, "T-1")
    again = client.send_ops([{"op_id": op_id, "kind": "order_paid", "body": body}])
    assert again[0]["status"] in (200, 201), again
    assert client.orders("paid").orders[0].receipt_no == "T-1"


def test_the_feed_survives_the_backend_going_away_and_coming_back(
    shop: tuple[Any, Guest], feed: tuple[OrderFeed, Seen]
) -> None:
    backend, guest = shop
    f, seen = feed
    first = guest.order({"LATTE": 1})
    seen.wait(lambda s: ids(s) == [first])
    backend.stop()
    state = seen.wait(lambda s: s.online is False)
    assert state.problem == OFFLINE and ids(state) == [first]  # what was known stays
    backend.start()
    f.wake()
    seen.wait(lambda s: s.online is True)
    second = guest.order({"CAKE": 1})
    state = seen.wait(lambda s: ids(s) == [first, second])
    assert state.problem == ""


def test_a_paid_order_of_a_cancelled_order_goes_to_review(
    shop: tuple[Any, Guest], client: BackendClient
) -> None:
    backend, guest = shop
    order_id = guest.order({"LATTE": 1})
    api(backend, "POST", f"/v1/orders/{order_id}/cancel")
    with pytest.raises(BackendError) as caught:
        client.send_journaled("order_paid", order_paid_body("op-x1", order_id, "T-2"))
    assert caught.value.code == "order_closed"
    assert caught.value.verdict == Verdict.REVIEW  # a manager looks; never retried for ever
    with pytest.raises(BackendError) as other:
        client.take_order(999_999)
    assert other.value.code == "order_not_found" and other.value.verdict == Verdict.REVIEW
