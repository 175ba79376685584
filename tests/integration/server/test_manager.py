"""Manager approval (PIN lockout), policy, override, reversal, missed-points claims (seed
004), programs and cards, and the reports, against the real server."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api, code_of, op


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture(scope="module")
def api(srv: EmbeddedBackend) -> Api:
    return Api.of(srv)


@pytest.fixture(scope="module")
def manager(srv: EmbeddedBackend) -> dict[str, str]:
    return {"staff": srv.manager[0], "pin": srv.manager[1]}


def customer_with(api: Api, points: int) -> dict[str, Any]:
    phone = f"+4477004{uuid.uuid4().int % 10**5:05d}"
    c: dict[str, Any] = api.post("/customers", {"phone": phone}).json()
    if points:
        r = api.earn_points(c["id"], points)
        c["earn_id"] = r.json()["transaction_id"]
    return c


def test_staff_verify(api: Api, srv: EmbeddedBackend) -> None:
    r = api.post("/staff/verify", {"staff": srv.cashier[0], "pin": srv.cashier[1]})
    assert r.json() == {"staff": "cashier", "role": "cashier"}
    r = api.post("/staff/verify", {"staff": srv.manager[0], "pin": srv.manager[1]})
    assert r.json() == {"staff": "manager", "role": "manager"}
    r = api.post("/staff/verify", {"staff": "nobody", "pin": "1111"})
    assert (r.status_code, code_of(r)) == (403, "approval_invalid")
    r = api.post("/staff/verify", {"staff": "cashier", "pin": "12"})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")


def test_pin_lockout_after_five_wrong_pins(backend_factory: BackendFactory) -> None:
    srv = backend_factory()
    api = Api.of(srv)
    name, pin = srv.manager
    lefts = []
    for _ in range(4):
        r = api.post("/staff/verify", {"staff": name, "pin": "0000"})
        assert code_of(r) == "approval_invalid"
        lefts.append(r.json()["error"]["attempts_left"])
    assert lefts == [4, 3, 2, 1]
    r = api.post("/staff/verify", {"staff": name, "pin": "0000"})
    assert (r.status_code, code_of(r)) == (429, "approval_locked")
    # Locked: even the right PIN is refused, for verify and for approvals.
    r = api.post("/staff/verify", {"staff": name, "pin": pin})
    assert (r.status_code, code_of(r)) == (429, "approval_locked")
    assert r.json()["error"]["retry_after_s"] > 800
    r = api.put(
        "/policy",
        {"otp_required": False, "otp_min_value": "0.00", "approval": {"staff": name, "pin": pin}},
    )
    assert (r.status_code, code_of(r)) == (429, "approval_locked")
    # The cashier is not affected.
    assert (
        api.post("/staff/verify", {"staff": srv.cashier[0], "pin": srv.cashier[1]}).status_code
        == 200
    )


def test_policy_needs_a_manager(api: Api, srv: EmbeddedBackend, manager: dict[str, str]) -> None:
    body = {"otp_required": True, "otp_min_value": "10.00"}
    r = api.put("/policy", body)
    assert (r.status_code, code_of(r)) == (403, "approval_required")
    r = api.put("/policy", {**body, "approval": {"staff": srv.cashier[0], "pin": srv.cashier[1]}})
    assert (r.status_code, code_of(r)) == (403, "approval_invalid")
    r = api.put("/policy", {**body, "approval": {"staff": manager["staff"], "pin": "9999"}})
    assert (r.status_code, code_of(r)) == (403, "approval_invalid")
    r = api.put("/policy", {**body, "approval": manager})
    assert r.json() == {
        "otp_required": True,
        "otp_min_value": "10.00",
        "otp_sum_window_s": 86400,
        "max_earn_amount": "1000.00",
    }
    assert api.get("/session").json()["otp_policy"]["otp_min_value"] == "10.00"
    c = customer_with(api, 2000)
    ok = api.post(
        "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 900, "receipt_no": "P1"}
    )
    assert ok.status_code == 201  # 9.00 < 10.00
    r = api.put("/policy", {"otp_required": True, "otp_min_value": "0", "approval": manager})
    assert r.json()["otp_min_value"] == "0.00"
    r = api.post(
        "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 1, "receipt_no": "P2"}
    )
    assert code_of(r) == "otp_required"  # 0 = always
    r = api.put("/policy", {"otp_required": False, "otp_min_value": "5.00", "approval": manager})
    assert r.status_code == 200
    r = api.post(
        "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 1000, "receipt_no": "P3"}
    )
    assert r.status_code == 201
    r = api.put("/policy", {"otp_required": True, "otp_min_value": "5.00", "approval": manager})
    assert r.status_code == 200
    for bad in (
        {"otp_required": "yes", "otp_min_value": "5.00"},
        {"otp_required": True, "otp_min_value": "-1"},
        {"otp_required": True, "otp_min_value": 5},
    ):
        r = api.put("/policy", {**bad, "approval": manager})
        assert (r.status_code, code_of(r)) == (422, "invalid_request")


def test_override_needs_manager_and_reason(api: Api, manager: dict[str, str]) -> None:
    c = customer_with(api, 1000)
    base = {"customer_id": c["id"], "points": 600, "receipt_no": "OV"}
    r = api.post("/redeem", {"op_id": op(), **base, "approval": manager})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    assert r.json()["error"]["field"] == "reason"
    r = api.post(
        "/redeem",
        {
            "op_id": op(),
            **base,
            "reason": "phone flat",
            "approval": {"staff": "cashier", "pin": "1357"},
        },
    )
    assert code_of(r) == "approval_invalid"
    r = api.post("/redeem", {"op_id": op(), **base, "reason": "phone flat", "approval": manager})
    assert r.status_code == 201, r.text
    assert r.json()["with_override"] is True and r.json()["with_otp"] is False
    history = api.get(f"/customers/{c['id']}/transactions").json()["transactions"]
    assert history[0]["approved"] is True and history[0]["reason"] == "phone flat"


def test_reverse_earn_frees_the_receipt(api: Api, manager: dict[str, str]) -> None:
    c = customer_with(api, 0)
    e = api.earn(c["id"], "25.00", "REV-1").json()
    path = f"/transactions/{e['transaction_id']}/reverse"
    r = api.post(path, {"op_id": op(), "reason": "wrong customer"})
    assert (r.status_code, code_of(r)) == (403, "approval_required")
    body = {"op_id": op(), "reason": "wrong customer", "approval": manager}
    r = api.post(path, body)
    assert r.status_code == 201, r.text
    assert r.json()["points"] == -25 and r.json()["balance"] == 0
    assert r.json()["reverses"] == e["transaction_id"]
    assert api.post(path, body).json() == r.json()  # idempotent
    r2 = api.post(path, {**body, "op_id": op()})
    assert (r2.status_code, code_of(r2)) == (409, "already_reversed")
    reversal = r.json()["transaction_id"]
    r3 = api.post(f"/transactions/{reversal}/reverse", {**body, "op_id": op()})
    assert (r3.status_code, code_of(r3)) == (409, "not_reversible")
    # The receipt can earn again, for the right customer.
    other = customer_with(api, 0)
    assert api.earn(other["id"], "25.00", "REV-1").status_code == 201


def test_reverse_redeem_gives_points_back(api: Api, manager: dict[str, str]) -> None:
    c = customer_with(api, 300)
    red = api.post(
        "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 200, "receipt_no": "RR"}
    ).json()
    r = api.post(
        f"/transactions/{red['transaction_id']}/reverse",
        {"op_id": op(), "reason": "sale voided", "approval": manager},
    )
    assert r.status_code == 201
    assert r.json()["balance"] == 300


def test_a_reversal_names_its_redemption_by_op_id_whatever_the_id_says(
    api: Api, manager: dict[str, str]
) -> None:
    """After a restore from a backup the redemption is applied again under a new id, and the
    till's stored id may be another transaction's: the op_id decides (issue 11)."""
    c = customer_with(api, 300)
    redeem_op = op()
    red = api.post(
        "/redeem", {"op_id": redeem_op, "customer_id": c["id"], "points": 200, "receipt_no": "RO"}
    ).json()
    someone_else = customer_with(api, 0)
    other = api.earn(someone_else["id"], "5.00", "RO-OTHER").json()
    r = api.post(
        f"/transactions/{other['transaction_id']}/reverse",  # a stale id: another transaction
        {
            "op_id": op(),
            "reason": "sale voided",
            "approval": manager,
            "reverses_op_id": redeem_op,
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["reverses"] == red["transaction_id"]
    assert r.json()["balance"] == 300
    assert api.balance(someone_else["phone"]) == 5
    unknown = api.post(
        f"/transactions/{red['transaction_id']}/reverse",
        {"op_id": op(), "reason": "x", "approval": manager, "reverses_op_id": op()},
    )
    assert (unknown.status_code, code_of(unknown)) == (404, "not_found")


def test_reverse_earn_never_drives_the_balance_negative(api: Api, manager: dict[str, str]) -> None:
    c = customer_with(api, 100)
    assert (
        api.post(
            "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 90, "receipt_no": "NEG"}
        ).status_code
        == 201
    )
    r = api.post(
        f"/transactions/{c['earn_id']}/reverse", {"op_id": op(), "reason": "x", "approval": manager}
    )
    assert (r.status_code, code_of(r)) == (409, "insufficient_points")
    assert api.balance(c["phone"]) == 10


def test_reverse_unknown_transaction(api: Api, manager: dict[str, str]) -> None:
    r = api.post(
        "/transactions/99999999/reverse", {"op_id": op(), "reason": "x", "approval": manager}
    )
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = api.post("/transactions/abc/reverse", {"op_id": op(), "reason": "x"})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")


def test_missed_points_claim(api: Api, manager: dict[str, str]) -> None:
    c = customer_with(api, 0)
    claim = {
        "op_id": op(),
        "customer_id": c["id"],
        "receipt_no": "MISSED-1",
        "occurred_at": "2026-11-10T18:48:00Z",
        "amount": "32.00",
    }
    r = api.post("/claims", claim)
    assert (r.status_code, code_of(r)) == (403, "approval_required")
    r = api.post("/claims", {**claim, "approval": manager})
    assert r.status_code == 201, r.text
    assert r.json()["points"] == 32  # seed 004: $32.00 -> 32 points
    again = api.post("/claims", {**claim, "op_id": op(), "approval": manager})
    assert (again.status_code, code_of(again)) == (409, "receipt_already_claimed")
    earn = api.earn(c["id"], "32.00", "MISSED-1")
    assert code_of(earn) == "receipt_already_claimed"
    hist = api.get(f"/customers/{c['id']}/transactions").json()["transactions"]
    assert hist[0]["kind"] == "claim"
    assert hist[0]["occurred_at"] == "2026-11-10T18:48:00.000000Z"
    r = api.post(
        "/claims",
        {**claim, "op_id": op(), "receipt_no": "M2", "store": "NOPE", "approval": manager},
    )
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = api.post(
        "/claims",
        {
            **claim,
            "op_id": op(),
            "receipt_no": "M3",
            "occurred_at": "2999-01-01T00:00:00Z",
            "approval": manager,
        },
    )
    assert (r.status_code, code_of(r)) == (422, "invalid_request")


def test_wrong_allocation_is_reversed_and_reallocated(api: Api, manager: dict[str, str]) -> None:
    wrong = customer_with(api, 0)
    right = customer_with(api, 0)
    e = api.earn(wrong["id"], "40.00", "ALLOC-1").json()
    fix = {
        "op_id": op(),
        "customer_id": right["id"],
        "receipt_no": "ALLOC-1",
        "occurred_at": "2026-11-20T12:00:00Z",
        "amount": "40.00",
        "corrects": e["transaction_id"],
        "approval": manager,
    }
    r = api.post("/claims", fix)
    assert (r.status_code, code_of(r)) == (409, "receipt_already_claimed")
    assert (
        api.post(
            f"/transactions/{e['transaction_id']}/reverse",
            {"op_id": op(), "reason": "wrong member", "approval": manager},
        ).status_code
        == 201
    )
    r = api.post("/claims", fix)
    assert r.status_code == 201, r.text
    assert api.balance(wrong["phone"]) == 0 and api.balance(right["phone"]) == 40
    hist = api.get(f"/customers/{right['id']}/transactions").json()["transactions"]
    assert hist[0]["corrects"] == e["transaction_id"]
    bad = api.post(
        "/claims", {**fix, "op_id": op(), "receipt_no": "ALLOC-2", "corrects": hist[0]["id"]}
    )
    assert (bad.status_code, code_of(bad)) == (409, "not_correctable")


def test_programs_and_cards(api: Api, manager: dict[str, str]) -> None:
    name = f"P{uuid.uuid4().hex[:6]}"
    start = f"7{uuid.uuid4().int % 10**6:06d}00000000"[:13]
    end = str(int(start) + 999)
    body = {"range_start": start, "range_end": end}
    r = api.put(f"/programs/{name}", body)
    assert (r.status_code, code_of(r)) == (403, "approval_required")
    r = api.put(f"/programs/{name}", {**body, "approval": manager})
    assert r.status_code == 201, r.text
    assert r.json() == {"name": name, "range_start": start, "range_end": end, "issued": 0}
    r = api.put(f"/programs/{name}", {**body, "approval": manager})
    assert r.status_code == 200
    r = api.put(
        "/programs/OTHER" + name,
        {
            "range_start": str(int(start) + 500),
            "range_end": str(int(end) + 500),
            "approval": manager,
        },
    )
    assert (r.status_code, code_of(r)) == (409, "range_overlap")
    r = api.put("/programs/X" + name, {"range_start": end, "range_end": start, "approval": manager})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    numbers = [str(int(start) + k) for k in (17, 503, 911)]
    r = api.post("/cards", {"program": name, "numbers": numbers, "approval": manager})
    assert r.status_code == 201 and r.json() == {"registered": 3}
    r = api.post(
        "/cards",
        {"program": name, "numbers": [str(int(start) + 1), numbers[1]], "approval": manager},
    )
    assert (r.status_code, code_of(r)) == (409, "card_exists")
    assert r.json()["error"]["numbers"] == [numbers[1]]
    assert code_of(api.get("/customers/lookup", card=str(int(start) + 1))) == "not_found"
    r = api.post("/cards", {"program": name, "numbers": [str(int(end) + 1)], "approval": manager})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    r = api.post("/cards", {"program": "nope", "numbers": numbers, "approval": manager})
    assert (r.status_code, code_of(r)) == (404, "not_found")
    listed = {p["name"]: p for p in api.get("/programs").json()["programs"]}
    assert listed[name]["issued"] == 3
    assert listed["DEMO"]["range_start"] == "10000000"
    assert code_of(api.get("/customers/lookup", card=numbers[0])) == "card_unassigned"


def test_reports_split_otp_and_override(
    backend_factory: BackendFactory,
) -> None:
    srv = backend_factory()
    api = Api.of(srv)
    manager = {"staff": srv.manager[0], "pin": srv.manager[1]}
    before = api.get("/reports/shift").json()
    c = customer_with(api, 5000)
    ch = api.post("/otp", {"customer_id": c["id"], "points": 1000}).json()
    assert (
        api.post(
            "/redeem",
            {
                "op_id": op(),
                "customer_id": c["id"],
                "points": 1000,
                "receipt_no": "S1",
                "challenge_id": ch["challenge_id"],
                "otp": srv.last_otp_for(c["phone"]),
            },
        ).status_code
        == 201
    )
    assert (
        api.post(
            "/redeem",
            {
                "op_id": op(),
                "customer_id": c["id"],
                "points": 700,
                "receipt_no": "S2",
                "reason": "no phone",
                "approval": manager,
            },
        ).status_code
        == 201
    )
    small = api.post(
        "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 100, "receipt_no": "S3"}
    ).json()
    voided = api.post(
        "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 50, "receipt_no": "S4"}
    ).json()
    assert (
        api.post(
            f"/transactions/{voided['transaction_id']}/reverse",
            {"op_id": op(), "reason": "void", "approval": manager},
        ).status_code
        == 201
    )
    shift = api.get("/reports/shift").json()
    assert shift["earned_points"] - before["earned_points"] == 5000
    assert shift["redeemed_points"] - before["redeemed_points"] == 1800
    assert shift["redemptions_with_otp"] - before["redemptions_with_otp"] == 1
    assert shift["redemptions_with_override"] - before["redemptions_with_override"] == 1
    assert shift["reversals"] - before["reversals"] == 1
    assert small["value"] == "1.00"
    rows = api.get("/reports/redemptions", group="customer").json()["rows"]
    mine = next(r for r in rows if r["customer_id"] == c["id"])
    assert mine == {
        "customer_id": c["id"],
        "name": "",
        "phone": c["phone"],
        "points": 1800,
        "value": "18.00",
        "count": 3,
        "with_otp": 1,
        "with_override": 1,
    }
    days = api.get("/reports/redemptions", group="day").json()["rows"]
    assert sum(d["count"] for d in days) >= 3
    assert all(
        {"day", "points", "value", "count", "with_otp", "with_override"} <= d.keys() for d in days
    )
    empty = api.get(
        "/reports/redemptions", **{"from": "2020-01-01T00:00:00Z", "to": "2020-01-02T00:00:00Z"}
    ).json()
    assert empty["rows"] == []
    r = api.get("/reports/redemptions", group="week")
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    r = api.get("/reports/shift", **{"from": "yesterday"})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    # A period that ends before it starts is empty, not an error (the schema cannot say it).
    r = api.get("/reports/shift", **{"from": "2026-01-02T00:00:00Z", "to": "2026-01-01T00:00:00Z"})
    assert (r.status_code, r.json()["earned_points"], r.json()["reversals"]) == (200, 0, 0)


def test_rule_changes_are_audited_with_the_approving_manager(
    backend_factory: BackendFactory,
) -> None:
    srv = backend_factory()
    api = Api.of(srv)
    manager = {"staff": srv.manager[0], "pin": srv.manager[1]}
    refused = api.put("/policy", {"otp_required": False, "otp_min_value": "0.00"})
    assert code_of(refused) == "approval_required"
    r = api.put("/policy", {"otp_required": False, "otp_min_value": "0.00", "approval": manager})
    assert r.status_code == 200
    r = api.put(
        "/programs/AUDIT",
        {"range_start": "7000000000000", "range_end": "7000000009999", "approval": manager},
    )
    assert r.status_code in (200, 201)
    trail = api.get("/audit")
    assert trail.status_code == 200
    entries = trail.json()["entries"]
    assert [(e["action"], e["staff"]) for e in entries] == [
        ("policy", manager["staff"]),
        ("program", manager["staff"]),
    ]
    assert entries[0]["detail"]["otp_required"] is False
    assert entries[0]["detail"]["otp_min_value"] == "0.00"
    assert entries[1]["detail"]["program"] == "AUDIT"
    assert manager["pin"] not in trail.text  # the PIN is checked, never kept
