"""Returns over HTTP (issue 16): points of the returned part come back out with the sale's
own rules, redeemed points go back in, in several parts but never beyond the sale, the
balance never below zero (shortfall), exactly once per op_id; and expiry (lazy and by the
``till-server expire`` job) on the same server."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from server import demo_data
from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api, code_of, op

MILK = "2000000000015"  # demo: fresh, doubled by the running demo campaign
COFFEE = "2000000000039"  # demo: grocery
CIGARETTES = "2000000000060"  # demo: tobacco, earns nothing


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture
def api(srv: EmbeddedBackend) -> Api:
    return Api.of(srv)


def new_customer(api: Api) -> dict[str, Any]:
    r = api.post("/customers", {"phone": f"+4477006{uuid.uuid4().int % 10**5:05d}"})
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def sale(api: Api, customer_id: int, receipt: str, **kw: Any) -> dict[str, Any]:
    lines = [
        {"line_no": 1, "amount": "12.00", "code": MILK},  # 12 x2 = 24 points
        {"line_no": 2, "amount": "9.99", "code": COFFEE},  # 9 points
        {"line_no": 3, "amount": "15.00", "code": CIGARETTES},  # 0 points
    ]
    r = api.earn(customer_id, "36.99", receipt, lines=lines, **kw)
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def give_back(api: Api, receipt: str, **kw: Any) -> Any:
    return api.post("/returns", {"op_id": op(), "receipt_no": receipt, **kw})


def test_a_sale_earns_by_line_and_names_the_campaign(api: Api) -> None:
    c = new_customer(api)
    earned = sale(api, c["id"], "RT-1-" + uuid.uuid4().hex[:6])
    assert earned["points"] == 33
    assert earned["lines"] == [
        {"line_no": 1, "points": 24},
        {"line_no": 2, "points": 9},
        {"line_no": 3, "points": 0},
    ]
    assert [(x["name"], x["points"]) for x in earned["campaigns"]] == [
        ("Double points on fresh food", 12)
    ]
    assert earned["next_expiry"]["points"] == 33


def test_returns_in_parts_never_beyond_the_sale(api: Api) -> None:
    c = new_customer(api)
    receipt = "RT-2-" + uuid.uuid4().hex[:6]
    sale(api, c["id"], receipt)
    half_milk = give_back(api, receipt, lines=[{"line_no": 1, "amount": "6.00"}])
    assert half_milk.status_code == 201, half_milk.text
    assert half_milk.json()["points_reversed"] == 12  # the doubled rate of the sale
    assert half_milk.json()["balance"] == 21
    too_much = give_back(api, receipt, lines=[{"line_no": 1, "amount": "6.01"}])
    assert too_much.status_code == 409 and code_of(too_much) == "return_exceeds_sale"
    rest = give_back(api, receipt)  # everything left
    assert rest.status_code == 201, rest.text
    assert rest.json()["points_reversed"] == 21
    assert api.balance(c["phone"]) == 0
    again = give_back(api, receipt, amount="0.01")
    assert again.status_code == 409 and code_of(again) == "return_exceeds_sale"


def test_unknown_receipt(api: Api) -> None:
    r = give_back(api, "NO-SUCH-RECEIPT")
    assert r.status_code == 404 and code_of(r) == "receipt_not_found"


def test_redeemed_points_come_back_and_the_balance_never_goes_negative(api: Api) -> None:
    c = new_customer(api)
    receipt = "RT-3-" + uuid.uuid4().hex[:6]
    sale(api, c["id"], receipt)  # 33 points
    r = api.post(
        "/redeem",
        {"op_id": op(), "customer_id": c["id"], "points": 30, "receipt_no": "RT-other"},
    )
    assert r.status_code == 201, r.text
    back = give_back(api, receipt)
    assert back.status_code == 201, back.text
    body = back.json()
    assert body["points_reversed"] == 33 and body["points_restored"] == 0
    assert body["balance"] == 0
    assert body["shortfall"] == {"points": 30, "value": "0.30"}


def test_points_redeemed_on_the_sale_are_given_back_in_proportion(api: Api) -> None:
    c = new_customer(api)
    api.earn_points(c["id"], 100)
    receipt = "RT-4-" + uuid.uuid4().hex[:6]
    sale(api, c["id"], receipt)  # balance 133
    r = api.post(
        "/redeem", {"op_id": op(), "customer_id": c["id"], "points": 20, "receipt_no": receipt}
    )
    assert r.status_code == 201, r.text
    # Returning the cigarettes (15.00 of 36.99) gives back floor(20 x 15 / 36.99) = 8 points.
    back = give_back(api, receipt, lines=[{"line_no": 3, "amount": "15.00"}])
    assert back.status_code == 201, back.text
    assert back.json()["points_reversed"] == 0
    assert back.json()["points_restored"] == 8
    assert back.json()["balance"] == 133 - 20 + 8


def test_a_return_in_a_batch_is_applied_once(api: Api) -> None:
    c = new_customer(api)
    receipt = "RT-5-" + uuid.uuid4().hex[:6]
    sale(api, c["id"], receipt)
    item = {"op_id": op(), "kind": "return", "body": {"receipt_no": receipt, "amount": "10.00"}}
    first = api.post("/ops", {"ops": [item, item]})
    assert first.status_code == 200, first.text
    results = first.json()["results"]
    assert results[0]["status"] == results[1]["status"] == 201
    assert results[0]["body"] == results[1]["body"]
    retried = api.post("/ops", {"ops": [item]}).json()["results"][0]
    assert retried["body"] == results[0]["body"]
    returned = results[0]["body"]["points_reversed"]
    assert api.balance(c["phone"]) == 33 - returned
    assert returned > 0


def test_a_returned_sale_cannot_also_be_reversed(api: Api, srv: EmbeddedBackend) -> None:
    c = new_customer(api)
    receipt = "RT-6-" + uuid.uuid4().hex[:6]
    earned = sale(api, c["id"], receipt)
    assert give_back(api, receipt, amount="1.00").status_code == 201
    staff, pin = srv.manager
    r = api.post(
        f"/transactions/{earned['transaction_id']}/reverse",
        {"op_id": op(), "reason": "test", "approval": {"staff": staff, "pin": pin}},
    )
    assert r.status_code == 409 and code_of(r) == "already_returned"


def test_points_past_their_validity_leave_the_balance_and_the_job_books_them(
    api: Api, srv: EmbeddedBackend
) -> None:
    c = new_customer(api)
    old = datetime.now(UTC) - timedelta(days=400)
    r = api.earn(c["id"], "50.00", occurred_at=old.strftime("%Y-%m-%dT%H:%M:%SZ"))
    assert r.status_code == 201, r.text
    api.earn(c["id"], "7.00")
    shown = api.customer(c["phone"])
    assert shown["balance"] == 7  # lazily: no expiry entry yet, the 50 are already gone
    assert shown["next_expiry"]["points"] == 7
    today = datetime.now(UTC).date()  # the earn's day, or the next if midnight just passed
    assert shown["next_expiry"]["on"] in {
        (today + timedelta(days=d)).isoformat() for d in (364, 365)
    }
    run = subprocess.run(
        [sys.executable, "-m", "server", "expire", "--db", srv.db_url],
        env=srv.child_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    kinds = [
        t["kind"] for t in api.get(f"/customers/{c['id']}/transactions").json()["transactions"]
    ]
    assert "expiry" in kinds
    assert api.balance(c["phone"]) == 7


# -- whose points come back: the sale's own lot first (issue 16) ---------------------------


def _days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_reversal_takes_back_the_sales_own_points_not_the_oldest(
    api: Api, srv: EmbeddedBackend
) -> None:
    c = new_customer(api)
    old = api.earn(c["id"], "50.00", occurred_at=_days_ago(30))
    assert old.status_code == 201, old.text
    before = api.customer(c["phone"])["next_expiry"]  # the 50 of 30 days ago go first
    new = api.earn(c["id"], "20.00")
    assert new.status_code == 201, new.text
    staff, pin = srv.manager
    r = api.post(
        f"/transactions/{new.json()['transaction_id']}/reverse",
        {"op_id": op(), "reason": "test", "approval": {"staff": staff, "pin": pin}},
    )
    assert r.status_code == 201, r.text
    shown = api.customer(c["phone"])
    assert shown["balance"] == 50
    # Taken from the oldest lot, 30 of those 50 would be left to expire first (and the
    # reversed sale's 20 would live on for a year).
    assert shown["next_expiry"] == before == {"points": 50, "on": before["on"]}


def test_a_return_takes_back_the_sales_own_points_not_the_oldest(api: Api) -> None:
    c = new_customer(api)
    assert api.earn(c["id"], "50.00", occurred_at=_days_ago(30)).status_code == 201
    before = api.customer(c["phone"])["next_expiry"]
    receipt = "RT-7-" + uuid.uuid4().hex[:6]
    sale(api, c["id"], receipt)  # 33 points
    back = give_back(api, receipt, lines=[{"line_no": 1, "amount": "12.00"}])  # 24 back
    assert back.status_code == 201, back.text
    assert back.json()["balance"] == 50 + 33 - 24
    assert back.json()["next_expiry"] == before == {"points": 50, "on": before["on"]}


# -- a return at another store of the merchant, never another merchant's -----------------


def _key_for(srv: EmbeddedBackend, store: str, till: str, *extra: str) -> str:
    args = ["create-key", "--db", srv.db_url, "--store", store, "--till", till, *extra]
    made = subprocess.run(
        [sys.executable, "-m", "server", *args],
        env=srv.child_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    return made.stdout.strip()


def test_a_return_at_another_store_of_the_merchant(api: Api, srv: EmbeddedBackend) -> None:
    sold_at = api.get("/session").json()["store"]["code"]
    elsewhere = Api(srv.url, _key_for(srv, "RT-OTHER", "T1", "--merchant", "DEMO"))
    c = new_customer(api)
    receipt = "RT-8-" + uuid.uuid4().hex[:6]
    sale(api, c["id"], receipt)  # 33 points at the key's store
    # Without ``store`` the receipt is looked for in the returning till's own store.
    here = give_back(elsewhere, receipt, amount="1.00")
    assert here.status_code == 404 and code_of(here) == "receipt_not_found"
    back = give_back(elsewhere, receipt, store=sold_at, lines=[{"line_no": 1, "amount": "6.00"}])
    assert back.status_code == 201, back.text
    assert back.json()["points_reversed"] == 12 and back.json()["balance"] == 21
    # Returned in parts at either store, never beyond the sale.
    rest = give_back(api, receipt)
    assert rest.status_code == 201 and rest.json()["points_reversed"] == 21
    again = give_back(elsewhere, receipt, store=sold_at, amount="0.01")
    assert again.status_code == 409 and code_of(again) == "return_exceeds_sale"


def test_a_return_never_crosses_merchants(api: Api, srv: EmbeddedBackend) -> None:
    sold_at = api.get("/session").json()["store"]["code"]
    north = demo_data.SECOND_MERCHANT
    other = Api(srv.url, _key_for(srv, north.store, north.till))
    c = new_customer(api)
    receipt = "RT-9-" + uuid.uuid4().hex[:6]
    sale(api, c["id"], receipt)
    r = give_back(other, receipt, store=sold_at)
    assert r.status_code == 404, r.text
    assert api.balance(c["phone"]) == 33
