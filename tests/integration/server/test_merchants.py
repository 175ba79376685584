"""Merchants kept apart on one backend (issue 13), against the real server process.

``seed-demo`` makes two merchants: DEMO (store DEMO, the till's demo data) and NORTH (store
NW1), whose Alice has the same phone as DEMO's Alice. A key of one merchant never sees or
touches the other's customers, cards, programs, staff, transactions or op ids (404, or
another operation); stores of one merchant share members.
"""

from __future__ import annotations

import subprocess
import sys
import uuid

import pytest

from server import demo_data
from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, BOB, Api, code_of, op

NORTH = demo_data.SECOND_MERCHANT
NORTH_MANAGER = {"staff": NORTH.staff[0][0], "pin": NORTH.staff[0][2]}
DEMO_MANAGER = {"staff": demo_data.MANAGER[0], "pin": demo_data.MANAGER[1]}


def cli(srv: EmbeddedBackend, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args, "--db", srv.db_url],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def key_for(srv: EmbeddedBackend, store: str, till: str, *extra: str) -> str:
    made = cli(srv, "create-key", "--store", store, "--till", till, *extra)
    assert made.returncode == 0, made.stderr
    return made.stdout.strip()


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture(scope="module")
def demo(srv: EmbeddedBackend) -> Api:
    return Api.of(srv)


@pytest.fixture(scope="module")
def north(srv: EmbeddedBackend) -> Api:
    return Api(srv.url, key_for(srv, NORTH.store, NORTH.till))


def receipt() -> str:
    return f"R-{uuid.uuid4().hex[:12]}"


def test_each_merchant_has_its_own_member_with_the_same_phone(demo: Api, north: Api) -> None:
    assert north.get("/session").json()["store"]["code"] == NORTH.store
    mine, theirs = north.customer(ALICE), demo.customer(ALICE)
    assert mine["name"] == "Alice Northwind" and theirs["name"] == "Alice Demo"
    assert mine["id"] != theirs["id"]
    assert mine["balance"] == demo_data.expected_balance(NORTH.customers[0])
    assert theirs["balance"] == demo_data.expected_balance(demo_data.CUSTOMERS[0])
    assert north.get("/customers/lookup", card=NORTH.customers[0].card).json()["id"] == mine["id"]


@pytest.mark.parametrize(
    "params",
    [{"phone": BOB}, {"card": "40023817"}, {"email": "bob@example.com"}, {"app_id": "APP-1002"}],
)
def test_another_merchants_member_is_not_found(north: Api, params: dict[str, str]) -> None:
    r = north.get("/customers/lookup", **params)
    assert (r.status_code, code_of(r)) == (404, "not_found")


def test_another_merchants_card_is_not_even_unassigned(north: Api, demo: Api) -> None:
    r = north.get("/customers/lookup", card=demo_data.UNASSIGNED_CARD)
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = demo.get("/customers/lookup", card=NORTH.customers[0].card)
    assert (r.status_code, code_of(r)) == (404, "not_found")


def test_another_merchants_customer_id_cannot_be_read_or_touched(demo: Api, north: Api) -> None:
    theirs = demo.customer(ALICE)
    before = theirs["balance"]
    r = north.get(f"/customers/{theirs['id']}/transactions")
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = north.earn(theirs["id"], "10.00")
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = north.post("/otp", {"customer_id": theirs["id"], "points": 10})
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = north.post(
        "/redeem",
        {"op_id": op(), "customer_id": theirs["id"], "points": 10, "receipt_no": receipt()},
    )
    assert (r.status_code, code_of(r)) == (404, "not_found")
    batch = north.post(
        "/ops",
        {
            "ops": [
                {
                    "op_id": op(),
                    "kind": "earn",
                    "body": {"customer_id": theirs["id"], "amount": "5.00", "receipt_no": "X1"},
                }
            ]
        },
    )
    assert batch.status_code == 200
    assert batch.json()["results"][0]["status"] == 404
    assert demo.customer(ALICE)["balance"] == before


def test_another_merchants_transaction_cannot_be_reversed_or_corrected(
    demo: Api, north: Api
) -> None:
    theirs = demo.customer(ALICE)
    earned = demo.earn(theirs["id"], "7.00")
    assert earned.status_code == 201, earned.text
    tx = earned.json()["transaction_id"]
    body = {"op_id": op(), "reason": "not ours", "approval": NORTH_MANAGER}
    r = north.post(f"/transactions/{tx}/reverse", body)
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = demo.post(
        f"/transactions/{tx}/reverse",
        {"op_id": op(), "reason": "wrong customer", "approval": DEMO_MANAGER},
    )
    assert r.status_code == 201, r.text
    mine = north.customer(ALICE)
    claim = {
        "op_id": op(),
        "customer_id": mine["id"],
        "receipt_no": receipt(),
        "occurred_at": "2026-11-20T12:00:00Z",
        "amount": "7.00",
        "approval": NORTH_MANAGER,
        "corrects": tx,
    }
    r = north.post("/claims", claim)
    assert (r.status_code, code_of(r)) == (409, "not_correctable")
    r = north.post("/claims", {**claim, "op_id": op(), "corrects": None, "store": "DEMO"})
    assert (r.status_code, code_of(r)) == (404, "not_found")


def test_staff_belong_to_their_merchants_store(demo: Api, north: Api) -> None:
    r = north.post("/staff/verify", DEMO_MANAGER)
    assert (r.status_code, code_of(r)) == (403, "approval_invalid")
    r = north.post("/staff/verify", NORTH_MANAGER)
    assert r.status_code == 200 and r.json()["role"] == "manager"
    r = demo.post("/staff/verify", NORTH_MANAGER)
    assert (r.status_code, code_of(r)) == (403, "approval_invalid")


def test_programs_and_cards_are_the_merchants_own(demo: Api, north: Api) -> None:
    assert [p["name"] for p in north.get("/programs").json()["programs"]] == [NORTH.program[0]]
    assert "NORTH" not in [p["name"] for p in demo.get("/programs").json()["programs"]]
    # DEMO's program spans 10000000-999999999999: another brand may use numbers inside it.
    r = north.put(
        "/programs/GIFT",
        {"range_start": "80000000", "range_end": "80009999", "approval": NORTH_MANAGER},
    )
    assert r.status_code == 201, r.text
    # The same card number in both brands: two cards, each merchant sees its own.
    r = north.post(
        "/cards", {"program": "GIFT", "numbers": ["80001234"], "approval": NORTH_MANAGER}
    )
    assert r.status_code == 201, r.text
    r = north.get("/customers/lookup", card="80001234")
    assert (r.status_code, code_of(r)) == (404, "card_unassigned")
    r = demo.get("/customers/lookup", card="80001234")
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = demo.post("/cards", {"program": "GIFT", "numbers": ["80001234"], "approval": DEMO_MANAGER})
    assert (r.status_code, code_of(r)) == (404, "not_found")


def test_the_same_phone_registers_in_each_merchant(demo: Api, north: Api) -> None:
    phone = f"+4477001{uuid.uuid4().int % 10**5:05d}"
    first = demo.post("/customers", {"phone": phone, "name": "One"})
    assert first.status_code == 201, first.text
    again = demo.post("/customers", {"phone": phone, "name": "One"})
    assert (again.status_code, code_of(again)) == (409, "customer_exists")
    assert "customer_id" in again.json()["error"]
    other = north.post("/customers", {"phone": phone, "name": "Two"})
    assert other.status_code == 201, other.text
    assert other.json()["id"] != first.json()["id"]
    assert north.customer(phone)["name"] == "Two" and demo.customer(phone)["name"] == "One"


# -- finding 9: op_ids are the merchant's -----------------------------------------------------


def test_a_customer_create_op_id_of_another_merchant_is_another_operation(
    demo: Api, north: Api
) -> None:
    op_id = op()
    phone = f"+4477002{uuid.uuid4().int % 10**5:05d}"
    body = {"phone": phone, "name": "Replay", "op_id": op_id}
    mine = demo.post("/customers", body)
    assert mine.status_code == 201, mine.text
    assert demo.post("/customers", body).json() == mine.json()  # a replay within the merchant
    theirs = north.post("/customers", body)
    assert theirs.status_code == 201, theirs.text
    assert theirs.json()["id"] != mine.json()["id"]
    assert north.customer(phone)["id"] == theirs.json()["id"]


def test_an_earn_op_id_of_another_merchant_is_applied_on_its_own(demo: Api, north: Api) -> None:
    op_id = op()
    d_alice, n_alice = demo.customer(ALICE), north.customer(ALICE)
    body = {"op_id": op_id, "amount": "3.00", "receipt_no": receipt()}
    first = demo.post("/earn", {**body, "customer_id": d_alice["id"]})
    assert first.status_code == 201, first.text
    # Same op_id and body from the other merchant: never the first merchant's answer.
    r = north.post("/earn", {**body, "customer_id": d_alice["id"]})
    assert (r.status_code, code_of(r)) == (404, "not_found")
    second = north.post("/earn", {**body, "customer_id": n_alice["id"]})
    assert second.status_code == 201, second.text
    assert second.json()["transaction_id"] != first.json()["transaction_id"]
    assert north.balance(ALICE) == n_alice["balance"] + 3
    assert demo.balance(ALICE) == d_alice["balance"] + 3
    # Each merchant's replay is its own first answer.
    assert north.post("/earn", {**body, "customer_id": n_alice["id"]}).json() == second.json()
    assert demo.post("/earn", {**body, "customer_id": d_alice["id"]}).json() == first.json()


# -- stores of one merchant share members; new stores need their merchant -------------------


def test_stores_of_one_merchant_share_members(srv: EmbeddedBackend, demo: Api) -> None:
    other_store = Api(srv.url, key_for(srv, "DEMO2", "T1", "--merchant", "DEMO"))
    assert other_store.get("/session").json()["store"]["code"] == "DEMO2"
    assert other_store.customer(ALICE)["id"] == demo.customer(ALICE)["id"]


def test_a_new_store_on_a_backend_of_several_merchants_needs_its_merchant(
    srv: EmbeddedBackend,
) -> None:
    made = cli(srv, "create-key", "--store", "LOST", "--till", "T1")
    assert made.returncode != 0
    assert "--merchant" in made.stderr
    moved = cli(srv, "create-key", "--store", NORTH.store, "--till", "T9", "--merchant", "DEMO")
    assert moved.returncode != 0
    assert "belongs to merchant" in moved.stderr


def test_seed_demo_names_both_merchants(srv: EmbeddedBackend) -> None:
    done = cli(srv, "seed-demo")
    assert done.returncode == 0, done.stderr
    assert "DEMO" in done.stdout and NORTH.code in done.stdout
