"""``POST /v1/ops`` kind ``registration`` (issue 11): a member registered while the till was
offline is replayed exactly once, and the replay of a registration whose first answer was
lost finds that first attempt (``POST /v1/customers`` with the same op_id) — never a
duplicate of itself. Runs on SQLite and PostgreSQL (the server suite's conftest)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api, op


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


def new_phone() -> str:
    return f"+4477009{uuid.uuid4().int % 10**5:05d}"


def registration(op_id: str, phone: str, name: str = "Ivy New") -> dict[str, Any]:
    body = {"op_id": op_id, "phone": phone, "name": name, "cards": []}
    return {"op_id": op_id, "kind": "registration", "body": body}


def send(api: Api, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    r = api.post("/ops", {"ops": ops})
    assert r.status_code == 200, r.text
    results: list[dict[str, Any]] = r.json()["results"]
    return results


def test_a_replayed_registration_registers_once(srv: EmbeddedBackend) -> None:
    api = Api.of(srv)
    phone, op_id = new_phone(), op()
    first = send(api, [registration(op_id, phone)])[0]
    assert first["status"] == 201, first
    assert first["body"]["phone"] == phone and first["body"]["name"] == "Ivy New"
    again = send(api, [registration(op_id, phone), registration(op_id, phone)])
    assert [x["status"] for x in again] == [201, 201]
    assert {x["body"]["id"] for x in again} == {first["body"]["id"]}
    assert api.customer(phone)["id"] == first["body"]["id"]


def test_the_replay_after_a_lost_answer_finds_the_first_attempt(srv: EmbeddedBackend) -> None:
    """The till's first send went to ``POST /v1/customers`` and was applied, its answer lost;
    the sync worker replays the journaled body through ``/v1/ops``: the same member."""
    api = Api.of(srv)
    phone, op_id = new_phone(), op()
    direct = api.post("/customers", registration(op_id, phone)["body"])
    assert direct.status_code == 201, direct.text
    replay = send(api, [registration(op_id, phone)])[0]
    assert replay["status"] == 201, replay
    assert replay["body"]["id"] == direct.json()["id"]
    # And the other way round: a replayed op answers a late first attempt the same.
    phone2, op2 = new_phone(), op()
    replayed = send(api, [registration(op2, phone2)])[0]
    late = api.post("/customers", registration(op2, phone2)["body"])
    assert late.status_code == 201 and late.json()["id"] == replayed["body"]["id"]


def test_another_registration_of_the_same_phone_is_refused_in_the_batch(
    srv: EmbeddedBackend,
) -> None:
    api = Api.of(srv)
    phone = new_phone()
    results = send(api, [registration(op(), phone), registration(op(), phone, "Ivy Twice")])
    assert results[0]["status"] == 201
    assert results[1]["status"] == 409
    error = results[1]["body"]["error"]
    assert error["code"] == "customer_exists" and error["field"] == "phone"
    assert api.customer(phone)["name"] == "Ivy New"


def test_an_invalid_registration_is_refused_and_the_op_id_stays_free(srv: EmbeddedBackend) -> None:
    api = Api.of(srv)
    op_id = op()
    bad = send(api, [registration(op_id, "not a phone")])[0]
    assert bad["status"] == 422, bad
    error = bad["body"]["error"]
    assert error["code"] == "invalid_phone" and error["field"] == "phone"
    assert "not a phone number" in error["message"]
    phone = new_phone()
    fixed = send(api, [registration(op_id, phone)])[0]  # nothing was recorded for it
    assert fixed["status"] == 201 and fixed["body"]["phone"] == phone
