"""Balances stay exact under concurrent requests (threads against the real server)."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api, code_of, op


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


def customer(srv: EmbeddedBackend, points: int) -> dict[str, Any]:
    api = Api.of(srv)
    c: dict[str, Any] = api.post(
        "/customers", {"phone": f"+4477005{uuid.uuid4().int % 10**5:05d}"}
    ).json()
    if points:
        assert api.earn(c["id"], f"{points}.00").status_code == 201
    return c


def test_fifty_concurrent_earns_add_up_exactly(srv: EmbeddedBackend) -> None:
    c = customer(srv, 0)
    amounts = [f"{k}.{k % 100:02d}" for k in range(1, 51)]

    def one(amount: str) -> int:
        r = Api.of(srv).earn(c["id"], amount)
        assert r.status_code == 201, r.text
        return int(r.json()["points"])

    with ThreadPoolExecutor(max_workers=50) as pool:
        points = list(pool.map(one, amounts))
    assert points == list(range(1, 51))
    api = Api.of(srv)
    assert api.balance(c["phone"]) == sum(range(1, 51))
    history = api.get(f"/customers/{c['id']}/transactions", limit=500).json()["transactions"]
    assert len(history) == 50
    # Each response's balance is distinct: no two earns saw the same starting balance.
    assert len({h["id"] for h in history}) == 50


def test_ten_concurrent_whole_balance_redemptions_one_wins(srv: EmbeddedBackend) -> None:
    c = customer(srv, 400)  # 4.00 < 5.00: no OTP needed

    def one(_: int) -> Any:
        return Api.of(srv).post(
            "/redeem",
            {"op_id": op(), "customer_id": c["id"], "points": 400, "receipt_no": "WHOLE"},
        )

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(one, range(10)))
    statuses = sorted(r.status_code for r in results)
    assert statuses == [201] + [409] * 9
    assert {code_of(r) for r in results if r.status_code == 409} == {"insufficient_points"}
    assert Api.of(srv).balance(c["phone"]) == 0


def test_concurrent_retries_of_one_op_have_one_effect(srv: EmbeddedBackend) -> None:
    c = customer(srv, 0)
    body = {"op_id": op(), "customer_id": c["id"], "amount": "77.00", "receipt_no": "SAME"}

    def one(_: int) -> Any:
        return Api.of(srv).post("/earn", body)

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(one, range(10)))
    assert {r.status_code for r in results} == {201}
    assert len({r.text for r in results}) == 1
    assert Api.of(srv).balance(c["phone"]) == 77
