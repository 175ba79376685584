"""``POST /v1/ops`` over HTTP: a batch is one transaction with a savepoint per operation, so
one refusal undoes nothing else, a repeated ``op_id`` has one effect, a retried batch has no
second effect, and single requests running at the same time serialise against the batch."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api, code_of, op


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


def new_customer(api: Api) -> dict[str, Any]:
    r = api.post("/customers", {"phone": f"+4477006{uuid.uuid4().int % 10**5:05d}"})
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def earn(customer_id: int, amount: str, op_id: str | None = None) -> dict[str, Any]:
    body = {"customer_id": customer_id, "amount": amount, "receipt_no": uuid.uuid4().hex[:12]}
    return {"op_id": op_id or op(), "kind": "earn", "body": body}


def redeem(customer_id: int, points: int) -> dict[str, Any]:
    body = {"customer_id": customer_id, "points": points, "receipt_no": "R-B"}
    return {"op_id": op(), "kind": "redeem", "body": body}


def send(api: Api, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    r = api.post("/ops", {"ops": ops})
    assert r.status_code == 200, r.text
    results: list[dict[str, Any]] = r.json()["results"]
    assert [x["op_id"] for x in results] == [o["op_id"] for o in ops]
    return results


def history(api: Api, customer_id: int) -> list[dict[str, Any]]:
    r = api.get(f"/customers/{customer_id}/transactions", limit=500)
    assert r.status_code == 200, r.text
    entries: list[dict[str, Any]] = r.json()["transactions"]
    return entries


def test_refusal_mid_batch_undoes_nothing_else_and_retry_has_no_second_effect(
    srv: EmbeddedBackend,
) -> None:
    api = Api.of(srv)
    c = new_customer(api)
    first = earn(c["id"], "20.00")
    batch = [first, redeem(c["id"], 1000), earn(c["id"], "7.00"), first, redeem(c["id"], 27)]
    results = send(api, batch)
    assert [x["status"] for x in results] == [201, 409, 201, 201, 201]
    assert results[1]["body"]["error"]["code"] == "insufficient_points"
    assert results[3] == results[0]
    assert results[4]["body"]["balance"] == 0
    assert api.balance(c["phone"]) == 0
    assert len(history(api, c["id"])) == 3

    again = send(api, batch)
    assert [x["status"] for x in again] == [201, 409, 201, 201, 201]
    assert [again[i] for i in (0, 2, 3, 4)] == [results[i] for i in (0, 2, 3, 4)]
    assert api.balance(c["phone"]) == 0
    assert len(history(api, c["id"])) == 3
    # The single endpoint shares the record: no second effect there either.
    single = api.post("/earn", {"op_id": first["op_id"], **first["body"]})
    assert (single.status_code, single.json()) == (201, results[0]["body"])
    assert len(history(api, c["id"])) == 3


def test_single_redeems_racing_a_batch_never_overspend(srv: EmbeddedBackend) -> None:
    api = Api.of(srv)
    c = new_customer(api)
    assert api.earn(c["id"], "300.00").status_code == 201  # 300 points: 30 redemptions of 10
    batch = [redeem(c["id"], 10) for _ in range(25)]

    def batch_call(_: int) -> list[int]:
        return [x["status"] for x in send(Api.of(srv), batch)]

    def single_call(_: int) -> requests.Response:
        body = {"op_id": op(), "customer_id": c["id"], "points": 10, "receipt_no": "R-S"}
        return Api.of(srv).post("/redeem", body)

    with ThreadPoolExecutor(max_workers=12) as pool:
        batch_future = pool.submit(batch_call, 0)
        singles = list(pool.map(single_call, range(20)))
        batch_statuses = batch_future.result()
    won = batch_statuses.count(201) + sum(r.status_code == 201 for r in singles)
    refused = [r for r in singles if r.status_code != 201]
    assert {code_of(r) for r in refused} <= {"insufficient_points"}
    assert set(batch_statuses) <= {201, 409}
    assert won == 30  # 300 points, 10 each: exactly thirty redemptions, whoever went first
    assert api.balance(c["phone"]) == 0
    entries = history(api, c["id"])
    assert sum(e["points"] for e in entries) == 0
