"""The catalogue over HTTP (issue 16): the till downloads items and categories, re-downloads
when ``version`` changes, and a manager changes them (audited); a scanned code brings its
category to the line."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api, code_of


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture
def api(srv: EmbeddedBackend) -> Api:
    return Api.of(srv)


def manager(srv: EmbeddedBackend) -> dict[str, str]:
    staff, pin = srv.manager
    return {"staff": staff, "pin": pin}


def test_the_demo_catalogue(api: Api) -> None:
    r = api.get("/catalogue")
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    cats = {c["code"]: c for c in body["categories"]}
    assert cats["giftcards"]["earn"] is False and cats["tobacco"]["earn"] is False
    assert cats["fresh"] == {"code": "fresh", "name": "Fresh food", "earn": True, "multiplier": "1"}
    items = {i["code"]: i for i in body["items"]}
    assert items["2000000000015"] == {
        "code": "2000000000015",
        "name": "Milk 1l",
        "price": "1.20",
        "category": "fresh",
    }
    assert body["version"] == api.get("/catalogue").json()["version"]
    types = {t["code"]: t for t in body["customer_types"]}
    assert types["gold"] == {
        "code": "gold",
        "name": "Gold",
        "multiplier": "1.5",
        "threshold": 10000,
    }


def test_a_manager_changes_a_category_and_the_version_moves(api: Api, srv: EmbeddedBackend) -> None:
    before = api.get("/catalogue").json()["version"]
    refused = api.put("/catalogue/categories/deposits", {"name": "Deposits", "earn": False})
    assert refused.status_code == 403 and code_of(refused) == "approval_required"
    assert api.get("/catalogue").json()["version"] == before
    r = api.put(
        "/catalogue/categories/deposits",
        {"name": "Deposits", "earn": False, "approval": manager(srv)},
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"code": "deposits", "name": "Deposits", "earn": False, "multiplier": "1"}
    item = api.put(
        "/catalogue/items/DEP25",
        {
            "name": "Bottle deposit",
            "price": "0.25",
            "category": "deposits",
            "approval": manager(srv),
        },
    )
    assert item.status_code == 200, item.text
    after = api.get("/catalogue").json()
    assert after["version"] != before
    assert any(i["code"] == "DEP25" for i in after["items"])
    actions = [e["action"] for e in api.get("/audit").json()["entries"]]
    assert "category" in actions and "catalogue_item" in actions


def test_an_item_in_an_unknown_category_is_refused(api: Api, srv: EmbeddedBackend) -> None:
    r = api.put(
        "/catalogue/items/X1",
        {"name": "Thing", "price": "1.00", "category": "nope", "approval": manager(srv)},
    )
    assert r.status_code == 404 and code_of(r) == "not_found"


def test_scanned_codes_bring_their_category(api: Api) -> None:
    phone = f"+4477006{uuid.uuid4().int % 10**5:05d}"
    c = api.post("/customers", {"phone": phone}).json()
    lines = [
        {"line_no": 1, "amount": "20.00", "code": "2000000000053"},  # gift card: nothing
        {"line_no": 2, "amount": "4.99", "code": "2000000000039", "description": "Coffee"},
        {"line_no": 3, "amount": "3.00", "code": "UNKNOWN-CODE"},  # uncategorised: base rate
    ]
    r = api.earn(c["id"], "27.99", lines=lines)
    assert r.status_code == 201, r.text
    assert [x["points"] for x in r.json()["lines"]] == [0, 4, 3]
    assert r.json()["points"] == 7


def test_line_amounts_must_add_up(api: Api) -> None:
    c = api.customer("+447700900456")
    r = api.earn(c["id"], "10.00", lines=[{"line_no": 1, "amount": "9.00"}])
    assert r.status_code == 422 and r.json()["error"]["field"] == "lines"
    dup = api.earn(
        c["id"],
        "2.00",
        lines=[{"line_no": 1, "amount": "1.00"}, {"line_no": 1, "amount": "1.00"}],
    )
    assert dup.status_code == 422
