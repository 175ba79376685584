"""Campaigns over HTTP (issue 16): listed for the till, created by a manager, applied at earn
and named in the result; a manager claims a campaign's missed points (seed 004, case 4);
lookup shows the customer's type and next expiry."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from babel.dates import format_date

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api, code_of, op


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture
def api(srv: EmbeddedBackend) -> Api:
    return Api.of(srv)


def stamp(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def manager(srv: EmbeddedBackend) -> dict[str, str]:
    staff, pin = srv.manager
    return {"staff": staff, "pin": pin}


def new_customer(api: Api) -> dict[str, Any]:
    r = api.post("/customers", {"phone": f"+4477006{uuid.uuid4().int % 10**5:05d}"})
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def test_the_running_demo_campaign_is_listed(api: Api) -> None:
    r = api.get("/campaigns")
    assert r.status_code == 200, r.text
    demo = [c for c in r.json()["campaigns"] if c["name"] == "Double points on fresh food"]
    assert demo and demo[0]["multiplier"] == "2" and demo[0]["categories"] == ["fresh"]
    assert demo[0]["bonus"] is None and demo[0]["weekdays"] is None


def test_lookup_shows_type_and_next_expiry(api: Api) -> None:
    c = api.customer("+447700900456")  # Bob, 350 points earned at seeding
    assert c["customer_type"] == "standard"
    assert c["next_expiry"]["points"] == 350


def test_a_bonus_campaign_applies_and_a_missed_one_is_claimed(
    api: Api, srv: EmbeddedBackend
) -> None:
    c = new_customer(api)
    now = datetime.now(UTC)
    receipt = "CP-" + uuid.uuid4().hex[:8]
    earned = api.earn(c["id"], "10.00", receipt, occurred_at=stamp(now - timedelta(minutes=30)))
    assert earned.status_code == 201 and earned.json()["points"] == 10
    name = "Test bonus " + uuid.uuid4().hex[:6]
    body = {
        "name": name,
        "from": stamp(now - timedelta(hours=1)),
        "to": stamp(now + timedelta(hours=1)),
        "customer_types": ["standard"],
        "bonus": 25,
    }
    assert api.post("/campaigns", body).status_code == 403
    r = api.post("/campaigns", {**body, "approval": manager(srv)})
    assert r.status_code == 201, r.text
    campaign = r.json()
    assert campaign["bonus"] == 25 and campaign["customer_types"] == ["standard"]
    assert any(x["id"] == campaign["id"] for x in api.get("/campaigns").json()["campaigns"])

    later = api.earn(c["id"], "4.00")
    assert later.status_code == 201, later.text
    assert {x["id"]: x["points"] for x in later.json()["campaigns"]} == {campaign["id"]: 25}
    assert later.json()["points"] == 29

    claim = {
        "op_id": op(),
        "customer_id": c["id"],
        "receipt_no": receipt,
        "occurred_at": stamp(now - timedelta(minutes=30)),
        "amount": "10.00",
        "campaign_id": campaign["id"],
        "approval": manager(srv),
    }
    got = api.post("/claims", claim)
    assert got.status_code == 201, got.text
    assert got.json()["points"] == 25
    assert got.json()["campaigns"] == [{"id": campaign["id"], "name": name, "points": 25}]
    twice = api.post("/claims", {**claim, "op_id": op()})
    assert twice.status_code == 409 and code_of(twice) == "campaign_already_claimed"
    too_early = api.post(
        "/claims",
        {
            **claim,
            "op_id": op(),
            "receipt_no": receipt + "-2",
            "occurred_at": stamp(now - timedelta(hours=3)),
        },
    )
    assert too_early.status_code == 409 and code_of(too_early) == "campaign_not_applicable"
    assert api.balance(c["phone"]) == 10 + 29 + 25


def test_a_campaign_must_say_multiplier_or_bonus(api: Api, srv: EmbeddedBackend) -> None:
    now = datetime.now(UTC)
    r = api.post(
        "/campaigns",
        {
            "name": "Nothing",
            "from": stamp(now),
            "to": stamp(now + timedelta(days=1)),
            "approval": manager(srv),
        },
    )
    assert r.status_code == 422, r.text


def test_the_shift_report_names_what_campaigns_gave(api: Api) -> None:
    c = new_customer(api)
    lines = [{"line_no": 1, "amount": "5.00", "code": "2000000000022"}]  # bread: fresh
    assert api.earn(c["id"], "5.00", lines=lines).status_code == 201
    report = api.get("/reports/campaigns")
    assert report.status_code == 200, report.text
    fresh = [x for x in report.json()["campaigns"] if x["name"] == "Double points on fresh food"]
    assert fresh and fresh[0]["points"] >= 5 and fresh[0]["sales"] >= 1


def test_a_plain_claim_earns_by_the_rules_of_its_sale(api: Api, srv: EmbeddedBackend) -> None:
    """No flat rate: the claimed sale's lines, their categories and the campaign running at
    its time give the points, kept with the entry so that a return takes the right ones."""
    c = new_customer(api)
    receipt = "CP-plain-" + uuid.uuid4().hex[:8]
    claim = {
        "op_id": op(),
        "customer_id": c["id"],
        "receipt_no": receipt,
        "occurred_at": stamp(datetime.now(UTC) - timedelta(hours=2)),
        "amount": "27.00",
        "lines": [
            {"line_no": 1, "amount": "12.00", "code": "2000000000015"},  # fresh: x2
            {"line_no": 2, "amount": "15.00", "code": "2000000000060"},  # tobacco: nothing
        ],
        "approval": manager(srv),
    }
    got = api.post("/claims", claim)
    assert got.status_code == 201, got.text
    assert got.json()["points"] == 24
    assert got.json()["lines"] == [{"line_no": 1, "points": 24}, {"line_no": 2, "points": 0}]
    assert [(x["name"], x["points"]) for x in got.json()["campaigns"]] == [
        ("Double points on fresh food", 12)
    ]
    back = api.post(
        "/returns",
        {"op_id": op(), "receipt_no": receipt, "lines": [{"line_no": 2, "amount": "15.00"}]},
    )
    assert back.status_code == 201 and back.json()["points_reversed"] == 0  # the tobacco
    assert api.balance(c["phone"]) == 24
    both = api.post("/claims", {**claim, "op_id": op(), "campaign_id": 1, "receipt_no": "x"})
    assert both.status_code == 422, both.text


def test_the_earn_sms_names_the_next_expiry(api: Api, srv: EmbeddedBackend) -> None:
    """The demo store writes English (en_GB): "10 points expire on 1 December 2027"."""
    c = new_customer(api)
    r = api.earn(c["id"], "10.00")
    assert r.status_code == 201, r.text
    nxt = r.json()["next_expiry"]
    on = format_date(date.fromisoformat(nxt["on"]), "long", locale="en_GB")
    text = srv.last_sms_to(c["phone"]) or ""
    assert text.endswith(f" {nxt['points']} points expire on {on}."), text
