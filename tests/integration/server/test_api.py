"""HTTP API v1 against the real server process: identity, customers, earn, idempotency,
ops batches and the error envelope. One server for the module; tests use their own
customers or receipts so that they do not depend on each other's order."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, ERIN, FRANK, Api, code_of, op


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture(scope="module")
def api(srv: EmbeddedBackend) -> Api:
    return Api.of(srv)


def new_customer(api: Api, **extra: Any) -> dict[str, Any]:
    digits = f"{uuid.uuid4().int % 10**5:05d}"  # a UK mobile has 10 national digits
    r = api.post("/customers", {"phone": f"+44 7700 1{digits}", "name": "Test", **extra})
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def cli(srv: EmbeddedBackend, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args, "--db", srv.db_url],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_health_needs_no_key(srv: EmbeddedBackend) -> None:
    r = requests.get(srv.url + "/v1/health", timeout=10)
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    assert r.json()["version"]


def test_session_describes_store_till_program_and_policy(api: Api) -> None:
    r = api.get("/session")
    assert r.status_code == 200
    s = r.json()
    assert s["store"]["code"] == "DEMO"
    assert s["till"]["code"] == "T1"
    assert s["program"] == {"currency": "GBP", "points_per_unit": "1", "point_value": "0.01"}
    assert s["otp_policy"] == {
        "otp_required": True,
        "otp_min_value": "5.00",
        "otp_sum_window_s": 86400,
        "max_earn_amount": "1000.00",
    }
    assert s["otp_ttl_s"] == 600


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer tk_wrong", "Basic abc"])
def test_missing_or_unknown_key_is_401(srv: EmbeddedBackend, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    r = requests.get(srv.url + "/v1/session", headers=headers, timeout=10)
    assert r.status_code == 401
    assert code_of(r) == "unauthorized"


def test_key_created_and_revoked_with_the_cli(srv: EmbeddedBackend) -> None:
    made = cli(srv, "create-key", "--store", "DEMO", "--till", "T7")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    other = Api(srv.url, key)
    assert other.get("/session").json()["till"]["code"] == "T7"
    revoked = cli(srv, "revoke-key", "--store", "DEMO", "--till", "T7")
    assert revoked.returncode == 0, revoked.stderr
    r = other.get("/session")
    assert r.status_code == 403
    assert code_of(r) == "key_revoked"
    assert key not in revoked.stdout + revoked.stderr
    # The till's own key is untouched.
    assert Api.of(srv).get("/session").status_code == 200


def test_unknown_route_and_wrong_method(api: Api) -> None:
    r = api.get("/nothing-here")
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = api.get("/earn")
    assert (r.status_code, code_of(r)) == (405, "method_not_allowed")


def test_lookup_by_each_identifier(api: Api) -> None:
    by_phone = api.customer("+44 (7700) 900-123")
    assert by_phone["phone"] == ALICE
    assert by_phone["balance"] >= 0
    assert by_phone["status"] == "active"
    for params in (
        {"card": "40023817"},
        {"email": "ALICE@Example.com"},
        {"app_id": "APP-1001"},
        {"app_id": "LOYALTY:APP-1001"},
    ):
        r = api.get("/customers/lookup", **params)
        assert r.status_code == 200, (params, r.text)
        assert r.json()["id"] == by_phone["id"]
    carol = api.get("/customers/lookup", card="lc7q2m9x").json()
    assert carol["cards"] == ["LC7Q2M9X"]


def test_lookup_errors(api: Api) -> None:
    r = api.get("/customers/lookup", phone="+447700999999")
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = api.get("/customers/lookup", card="90417368")
    assert (r.status_code, code_of(r)) == (404, "card_unassigned")
    r = api.get("/customers/lookup", card="4111111111111111")
    assert (r.status_code, code_of(r)) == (404, "not_found")
    for params in ({}, {"card": "40023817", "phone": ALICE}, {"card": "12"}):
        r = api.get("/customers/lookup", **params)
        assert (r.status_code, code_of(r)) == (422, "invalid_request"), params
    r = api.get("/customers/lookup", phone="abc")
    assert (r.status_code, code_of(r)) == (422, "invalid_phone")
    assert r.json()["error"]["message"] == "That is not a phone number for United Kingdom"
    inactive = api.customer(ERIN)
    assert inactive["status"] == "inactive"


def test_create_customer_and_duplicates(api: Api) -> None:
    c = new_customer(api, email="New.Person@Example.com", app_id=f"APP-{uuid.uuid4().hex[:8]}")
    assert c["balance"] == 0
    assert c["status"] == "active"
    assert c["email"] == "new.person@example.com"
    r = api.post("/customers", {"phone": c["phone"], "name": "Again"})
    assert (r.status_code, code_of(r)) == (409, "customer_exists")
    assert r.json()["error"]["field"] == "phone"
    r = api.post("/customers", {"phone": "+447700111111", "email": "new.person@example.com"})
    assert (r.status_code, code_of(r)) == (409, "customer_exists")
    r = api.post("/customers", {"phone": "+447700111112", "cards": ["40023817"]})
    assert (r.status_code, code_of(r)) == (409, "card_exists")
    r = api.post("/customers", {"name": "no phone"})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    assert r.json()["error"]["field"] == "phone"


def test_customer_creation_is_idempotent_with_op_id(api: Api) -> None:
    body = {"op_id": op(), "phone": "+447700222333", "name": "Once"}
    first = api.post("/customers", body)
    again = api.post("/customers", body)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()


def test_registering_a_customer_activates_an_unassigned_card(
    api: Api, srv: EmbeddedBackend
) -> None:
    manager = {"staff": srv.manager[0], "pin": srv.manager[1]}
    number = "90400000" + f"{uuid.uuid4().int % 1000:03d}"
    r = api.post("/cards", {"program": "DEMO", "numbers": [number], "approval": manager})
    assert r.status_code == 201, r.text
    assert code_of(api.get("/customers/lookup", card=number)) == "card_unassigned"
    c = new_customer(api, cards=[number])
    assert c["cards"] == [number]
    assert api.get("/customers/lookup", card=number).json()["id"] == c["id"]


def test_earn_rounds_down_and_updates_balance_and_history(api: Api) -> None:
    c = new_customer(api)
    r = api.earn(c["id"], "32.99", "R-ROUND-1")
    assert r.status_code == 201, r.text
    assert r.json()["points"] == 32
    assert r.json()["balance"] == 32
    assert isinstance(r.json()["transaction_id"], int)
    history = api.get(f"/customers/{c['id']}/transactions").json()["transactions"]
    assert [(t["kind"], t["points"], t["amount"], t["receipt_no"]) for t in history] == [
        ("earn", 32, "32.99", "R-ROUND-1")
    ]
    r = api.get("/customers/999999/transactions")
    assert (r.status_code, code_of(r)) == (404, "not_found")


def test_earn_sends_the_customer_an_sms(api: Api, srv: EmbeddedBackend) -> None:
    c = new_customer(api)
    assert api.earn(c["id"], "10.00").status_code == 201
    text = srv.last_sms_to(c["phone"])
    assert text is not None
    assert "10 points" in text


def test_earn_with_occurred_at_and_future_refused(api: Api) -> None:
    c = new_customer(api)
    # A recent day: points older than the program's validity would already have expired.
    day = (datetime.now(UTC) - timedelta(days=10)).date().isoformat()
    r = api.earn(c["id"], "5.00", occurred_at=f"{day}T10:00:00+01:00")
    assert r.status_code == 201, r.text
    history = api.get(f"/customers/{c['id']}/transactions").json()["transactions"]
    assert history[0]["occurred_at"] == f"{day}T09:00:00.000000Z"
    r = api.earn(c["id"], "5.00", occurred_at="2999-01-01T00:00:00Z")
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    r = api.earn(c["id"], "5.00", occurred_at="2026-01-02T10:00:00")  # no zone
    assert (r.status_code, code_of(r)) == (422, "invalid_request")


def test_idempotent_retry_returns_the_same_answer_once(api: Api) -> None:
    c = new_customer(api)
    body = {"op_id": op(), "customer_id": c["id"], "amount": "12.50", "receipt_no": "R-IDEM"}
    first = api.post("/earn", body)
    second = api.post("/earn", body)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert api.balance(c["phone"]) == 12
    history = api.get(f"/customers/{c['id']}/transactions").json()["transactions"]
    assert len(history) == 1


def test_conflicting_retry_is_refused(api: Api) -> None:
    c = new_customer(api)
    body = {"op_id": op(), "customer_id": c["id"], "amount": "12.50", "receipt_no": "R-CONF"}
    assert api.post("/earn", body).status_code == 201
    r = api.post("/earn", {**body, "amount": "99.00"})
    assert (r.status_code, code_of(r)) == (409, "idempotency_conflict")
    r = api.post(
        "/redeem",
        {"op_id": body["op_id"], "customer_id": c["id"], "points": 1, "receipt_no": "R-CONF"},
    )
    assert (r.status_code, code_of(r)) == (409, "idempotency_conflict")
    assert api.balance(c["phone"]) == 12


def test_receipt_earns_once_per_store(api: Api) -> None:
    a, b = new_customer(api), new_customer(api)
    assert api.earn(a["id"], "20.00", "R-ONCE").status_code == 201
    r = api.earn(b["id"], "20.00", "R-ONCE")
    assert (r.status_code, code_of(r)) == (409, "receipt_already_claimed")
    assert api.balance(b["phone"]) == 0


def test_inactive_customer_cannot_earn_or_redeem(api: Api) -> None:
    erin = api.customer(ERIN)
    r = api.earn(erin["id"], "10.00")
    assert (r.status_code, code_of(r)) == (409, "customer_inactive")
    r = api.post(
        "/redeem", {"op_id": op(), "customer_id": erin["id"], "points": 10, "receipt_no": "R-ERIN"}
    )
    assert (r.status_code, code_of(r)) == (409, "customer_inactive")
    assert api.customer(ERIN)["balance"] == erin["balance"]


def test_unknown_customer_is_404(api: Api) -> None:
    r = api.earn(987654321, "10.00")
    assert (r.status_code, code_of(r)) == (404, "not_found")


def test_ops_batch_runs_each_op_in_order_through_the_same_path(
    api: Api, srv: EmbeddedBackend
) -> None:
    c = new_customer(api)
    manager = {"staff": srv.manager[0], "pin": srv.manager[1]}
    earn_id = op()
    batch = {
        "ops": [
            {
                "op_id": earn_id,
                "kind": "earn",
                "body": {"customer_id": c["id"], "amount": "40.00", "receipt_no": "B-1"},
            },
            {
                "op_id": op(),
                "kind": "earn",
                "body": {"customer_id": c["id"], "amount": "1.00", "receipt_no": "B-1"},
            },
            {
                "op_id": op(),
                "kind": "redeem",
                "body": {"customer_id": c["id"], "points": 10, "receipt_no": "B-2"},
            },
            {
                "op_id": op(),
                "kind": "claim",
                "body": {
                    "customer_id": c["id"],
                    "amount": "5.00",
                    "receipt_no": "B-3",
                    "occurred_at": (datetime.now(UTC) - timedelta(days=3)).isoformat(),
                    "approval": manager,
                },
            },
            {"op_id": op(), "kind": "earn", "body": {"customer_id": c["id"], "amount": "-1"}},
            {
                "op_id": op(),
                "kind": "redeem",
                "body": {"customer_id": c["id"], "points": 10**6, "receipt_no": "B-4"},
            },
        ]
    }
    r = api.post("/ops", batch)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["op_id"] for x in results] == [o["op_id"] for o in batch["ops"]]
    assert [x["status"] for x in results] == [201, 409, 201, 201, 422, 409]
    assert results[1]["body"]["error"]["code"] == "receipt_already_claimed"
    assert results[4]["body"]["error"]["field"].startswith("body.")
    assert results[5]["body"]["error"]["code"] == "insufficient_points"
    assert api.balance(c["phone"]) == 40 - 10 + 5
    # Replaying the batch (a lost response) has no second effect and the same answers.
    again = api.post("/ops", batch).json()["results"]
    assert [x["status"] for x in again] == [201, 409, 201, 201, 422, 409]
    assert again[0] == results[0]
    assert again[2] == results[2]
    assert api.balance(c["phone"]) == 35
    # A single endpoint and the batch share the idempotency record.
    single = api.post(
        "/earn", {"op_id": earn_id, "customer_id": c["id"], "amount": "40.00", "receipt_no": "B-1"}
    )
    assert single.status_code == 201
    assert single.json() == results[0]["body"]
    reverse = api.post(
        "/ops",
        {
            "ops": [
                {
                    "op_id": op(),
                    "kind": "reverse",
                    "body": {
                        "transaction_id": results[2]["body"]["transaction_id"],
                        "reason": "test",
                        "approval": manager,
                    },
                }
            ]
        },
    ).json()["results"][0]
    assert reverse["status"] == 201, reverse
    assert api.balance(c["phone"]) == 45


def test_ops_batch_validation(api: Api) -> None:
    for body in (
        {"ops": []},
        {"ops": [{"op_id": "x", "kind": "teleport", "body": {}}]},
        {"ops": "no"},
        {},
    ):
        r = api.post("/ops", body)
        assert (r.status_code, code_of(r)) == (422, "invalid_request"), body
    r = api.post(
        "/ops", {"ops": [{"op_id": "a", "kind": "earn", "body": {"op_id": "b", "customer_id": 1}}]}
    )
    assert r.json()["results"][0]["status"] == 422


def test_frank_has_no_card_but_is_found_by_phone_and_qr(api: Api) -> None:
    frank = api.customer(FRANK)
    assert frank["cards"] == []
    assert api.get("/customers/lookup", app_id="LOYALTY:APP-1006").json()["id"] == frank["id"]


def _fields(model: Any) -> set[str]:
    return {f.alias or name for name, f in model.model_fields.items()}


def test_answers_have_the_documented_fields(api: Api, srv: EmbeddedBackend) -> None:
    from server import responses as R

    c = new_customer(api)
    assert set(c) == _fields(R.Customer)
    assert set(api.get("/session").json()) == _fields(R.Session)
    earned = api.earn(c["id"], "20.00").json()
    approved_only = {"approval_proof"}  # answered only when a manager approved (issue 11)
    assert set(earned) == _fields(R.EarnResult) - approved_only
    redeemed = api.post(
        "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 5, "receipt_no": "DOC"}
    ).json()
    assert set(redeemed) == _fields(R.RedeemResult) - approved_only
    tx = api.get(f"/customers/{c['id']}/transactions").json()
    assert set(tx) == _fields(R.Transactions)
    assert set(tx["transactions"][0]) == _fields(R.Transaction)
    assert set(api.get("/reports/shift").json()) == _fields(R.ShiftReport)
    report = api.get("/reports/redemptions", group="day").json()
    assert set(report) == _fields(R.RedemptionsReport)
    assert set(report["rows"][0]) == {
        "day",
        "points",
        "value",
        "count",
        "with_otp",
        "with_override",
    }
    otp = api.post("/otp", {"customer_id": c["id"], "points": 10}).json()
    assert set(otp) == _fields(R.OtpChallenge)
    served = api.session.get(srv.url + "/openapi.json", timeout=10).json()
    committed = json.loads(
        (Path(__file__).resolve().parents[3] / "resources/openapi.json").read_text(encoding="utf-8")
    )
    assert served == committed
