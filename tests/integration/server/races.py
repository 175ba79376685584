"""Concurrent-request scenarios of issue 14, run against one or several server processes.

Each takes a list of ``Api`` clients (one per server process, all on one database) and
spreads its requests over them round-robin, so the same checks cover one process (threads
racing inside it) and several (``serve --workers N``: processes racing in the database).
A ``threading.Barrier`` lines the requests up so they really arrive together.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from tests.integration.server.client import Api, code_of, op


def new_customer(api: Api, points: int = 0) -> dict[str, Any]:
    r = api.post("/customers", {"phone": f"+4477009{uuid.uuid4().int % 10**5:05d}"})
    assert r.status_code == 201, r.text
    c: dict[str, Any] = r.json()
    if points:
        api.earn_points(c["id"], points)
    return c


def together(apis: list[Api], n: int, call: Callable[[Api, int], requests.Response]) -> list[Any]:
    """``n`` calls at once, the i-th through ``apis[i % len(apis)]`` on a session of its own."""
    barrier = threading.Barrier(n)

    def one(i: int) -> requests.Response:
        base = apis[i % len(apis)]
        key = str(base.session.headers["Authorization"]).split()[1]
        own = Api(base.base[: -len("/v1")], key)
        barrier.wait(timeout=30)
        return call(own, i)

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(one, range(n)))


def same_op_ten_times(apis: list[Api]) -> None:
    """10 sends of one op_id at once: one effect, and every answer is that effect's replay."""
    c = new_customer(apis[0])
    body = {"op_id": op(), "customer_id": c["id"], "amount": "77.00", "receipt_no": op()[:12]}
    results = together(apis, 10, lambda api, _i: api.post("/earn", body))
    assert [r.status_code for r in results] == [201] * 10, [r.text for r in results]
    assert len({r.text for r in results}) == 1
    assert apis[0].balance(c["phone"]) == 77


def same_batched_op_ten_times(apis: list[Api]) -> None:
    """The same through ``/v1/ops``: a batch retried while the first send is still running."""
    c = new_customer(apis[0])
    item = {
        "op_id": op(),
        "kind": "earn",
        "body": {"customer_id": c["id"], "amount": "12.00", "receipt_no": op()[:12]},
    }
    results = together(apis, 10, lambda api, _i: api.post("/ops", {"ops": [item]}))
    assert [r.status_code for r in results] == [200] * 10, [r.text for r in results]
    inner = [r.json()["results"][0] for r in results]
    assert {x["status"] for x in inner} == {201}, inner
    assert len({str(x["body"]) for x in inner}) == 1
    assert apis[0].balance(c["phone"]) == 12


def whole_balance_redeemed_once(apis: list[Api]) -> None:
    c = new_customer(apis[0], 400)  # 4.00 < 5.00: no OTP needed
    results = together(
        apis,
        10,
        lambda api, _i: api.post(
            "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 400, "receipt_no": "W"}
        ),
    )
    assert sorted(r.status_code for r in results) == [201] + [409] * 9
    assert {code_of(r) for r in results if r.status_code == 409} == {"insufficient_points"}
    assert apis[0].balance(c["phone"]) == 0


def wrong_pins_counted_exactly(apis: list[Api], name: str) -> None:
    """10 wrong PINs at once for ``name``: 4, 3, 2, 1 attempts left once each, then locked."""
    results = together(
        apis, 10, lambda api, _i: api.post("/staff/verify", {"staff": name, "pin": "0009"})
    )
    lefts = sorted(r.json()["error"]["attempts_left"] for r in results if r.status_code == 403)
    locked = [r for r in results if r.status_code == 429]
    assert lefts == [1, 2, 3, 4], [r.text for r in results]
    assert len(locked) == 6 and {code_of(r) for r in locked} == {"approval_locked"}


def crossed_batches_never_fail(apis: list[Api], pairs: int = 10) -> None:
    """Batches earning for A then B, and for B then A, at once: all booked, none a 500."""
    a, b = new_customer(apis[0]), new_customer(apis[0])

    def earn(c: dict[str, Any]) -> dict[str, Any]:
        body = {"customer_id": c["id"], "amount": "1.00", "receipt_no": op()[:12]}
        return {"op_id": op(), "kind": "earn", "body": body}

    def batch(api: Api, i: int) -> requests.Response:
        first, second = (a, b) if i % 2 == 0 else (b, a)
        return api.post("/ops", {"ops": [earn(first), earn(second), earn(first)]})

    results = together(apis, 2 * pairs, batch)
    assert [r.status_code for r in results] == [200] * (2 * pairs), [r.text for r in results]
    assert all(x["status"] == 201 for r in results for x in r.json()["results"])
    total = apis[0].balance(a["phone"]) + apis[0].balance(b["phone"])
    assert total == 3 * 2 * pairs
