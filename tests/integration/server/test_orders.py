"""Table orders against the real server (issue 18): the tills' side of the contract.

A member orders through the real member pages over HTTP (``MemberHttp``); the store's
tills list, follow, take, pay and cancel it through ``/v1``. Orders never cross stores or
merchants; take is idempotent for one till and refused for another; paid is exactly once
per op_id, live or replayed through ``/v1/ops``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests

from server import demo_data
from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, BOB, Api, code_of, op

COOKIE = "__Host-order_session"
MANAGER = {"staff": demo_data.MANAGER[0], "pin": demo_data.MANAGER[1]}
NORTH = demo_data.SECOND_MERCHANT
MENU = [
    {"code": "LATTE", "name": "Latte", "price": "3.50"},
    {"code": "SCONE", "name": "Scone with jam", "price": "2.75"},
    {"code": "TEA", "name": "Pot of tea", "price": "2.10"},
]
PASSWORD = "correct horse battery"


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


def enable_ordering(api: Api, approval: dict[str, str] = MANAGER, **over: Any) -> dict[str, Any]:
    body = {
        "enabled": True,
        "program_name": "Demo Rewards",
        "menu": MENU,
        "approval": approval,
        **over,
    }
    r = api.put("/ordering", body)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def table_url(api: Api, table: str) -> str:
    r = api.post(f"/tables/{table}/rotate", {})
    assert r.status_code == 200, r.text
    return str(r.json()["url"])


class MemberHttp:
    """A phone's browser, by hand: the session cookie is ``Secure`` (so ``requests`` would
    not send it over plain http to loopback); this client keeps and sends it itself, and
    picks the CSRF token out of each page, as a browser submits it with the form."""

    def __init__(self, url: str) -> None:
        self.url = url  # https://host/t/{token}
        self.cookie: str | None = None
        self.csrf: str | None = None

    def _send(
        self, method: str, path: str, data: dict[str, str] | None = None
    ) -> requests.Response:
        headers = {"Cookie": f"{COOKIE}={self.cookie}"} if self.cookie else {}
        r = requests.request(
            method, self.url + path, data=data, headers=headers, allow_redirects=False, timeout=30
        )
        jar = r.headers.get("set-cookie", "")
        found = re.search(rf"{COOKIE}=([^;]*)", jar)
        if found:
            self.cookie = found.group(1) or None
        token = re.search(r'name="csrf" value="([^"]+)"', r.text)
        if token:
            self.csrf = token.group(1)
        return r

    def get(self, path: str = "") -> requests.Response:
        r = self._send("GET", path)
        if r.status_code == 303:
            return self.get(r.headers["location"].split(self.url.split("/t/")[1], 1)[1])
        return r

    def post(self, path: str, data: dict[str, str], csrf: bool = True) -> requests.Response:
        body = {"csrf": self.csrf or "", **data} if csrf else dict(data)
        return self._send("POST", path, body)


def set_password(srv: EmbeddedBackend, m: MemberHttp, phone: str, password: str = PASSWORD) -> None:
    m.get("")
    r = m.post("/password/code", {"phone": phone})
    assert r.status_code == 200, r.text
    code = srv.last_otp_for(phone)
    assert code is not None
    r = m.post(
        "/password", {"phone": phone, "code": code, "password": password, "password2": password}
    )
    assert r.status_code == 303, r.text


def log_in(m: MemberHttp, phone: str, password: str = PASSWORD) -> requests.Response:
    m.get("")
    return m.post("/login", {"phone": phone, "password": password})


def place_order(m: MemberHttp, items: dict[str, int]) -> int:
    page = m.get("")
    assert 'id="menu-form"' in page.text, page.text
    r = m.post("/cart", {f"qty_{code}": str(q) for code, q in items.items()})
    assert r.status_code == 303, r.text
    r = m.post("/confirm", {})
    assert r.status_code == 303, r.text
    found = re.search(r"/orders/([0-9]+)$", r.headers["location"])
    assert found, r.headers["location"]
    return int(found.group(1))


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture(scope="module")
def demo(srv: EmbeddedBackend) -> Api:
    api = Api.of(srv)
    enable_ordering(api)
    return api


@pytest.fixture(scope="module")
def alice(srv: EmbeddedBackend, demo: Api) -> MemberHttp:
    """Alice, logged in at table 7 of DEMO."""
    m = MemberHttp(table_url(demo, "7"))
    set_password(srv, m, ALICE)
    assert log_in(m, "07700 900123").status_code == 303  # the national form: same member
    return m


def test_the_order_reaches_its_store_with_the_member(demo: Api, alice: MemberHttp) -> None:
    order_id = place_order(alice, {"LATTE": 2, "SCONE": 1})
    r = demo.get("/orders", state="open")
    assert r.status_code == 200, r.text
    found = [o for o in r.json()["orders"] if o["id"] == order_id]
    assert len(found) == 1
    order = found[0]
    assert order["store"] == "DEMO" and order["table"] == "7" and order["state"] == "open"
    assert order["customer_id"] == demo.customer(ALICE)["id"]
    assert order["member_name"] == "Alice"
    assert [(ln["code"], ln["quantity"], ln["amount"]) for ln in order["lines"]] == [
        ("LATTE", 2, "7.00"),
        ("SCONE", 1, "2.75"),
    ]
    assert order["total"] == "9.75" and order["taken_by"] is None and order["receipt_no"] is None
    assert r.json()["cursor"].isdigit()


def test_another_merchants_or_stores_tills_never_see_it(
    srv: EmbeddedBackend, demo: Api, alice: MemberHttp
) -> None:
    order_id = place_order(alice, {"TEA": 1})
    north = Api(srv.url, key_for(srv, NORTH.store, NORTH.till))
    other_store = Api(srv.url, key_for(srv, "DEMO2", "T1", "--merchant", "DEMO"))
    for till in (north, other_store):
        listed = till.get("/orders")
        assert listed.status_code == 200
        assert order_id not in [o["id"] for o in listed.json()["orders"]]
        fed = till.get("/orders/feed", after="", wait=0)
        assert order_id not in [o["id"] for o in fed.json()["orders"]]
        for action in ("take", "cancel"):
            r = till.post(f"/orders/{order_id}/{action}", {})
            assert (r.status_code, code_of(r)) == (404, "order_not_found")
        r = till.post(f"/orders/{order_id}/paid", {"receipt_no": "X-1", "op_id": op()})
        assert (r.status_code, code_of(r)) == (404, "order_not_found")
    assert demo.get("/orders", state="open").json()["orders"][-1]["id"] == order_id


def test_take_is_idempotent_for_one_till_and_refused_for_another(
    srv: EmbeddedBackend, demo: Api, alice: MemberHttp
) -> None:
    order_id = place_order(alice, {"LATTE": 1})
    first = demo.post(f"/orders/{order_id}/take", {})
    assert first.status_code == 200, first.text
    assert first.json()["state"] == "taken" and first.json()["taken_by"] == "T1"
    again = demo.post(f"/orders/{order_id}/take", {})
    assert again.status_code == 200 and again.json() == first.json()
    t2 = Api(srv.url, key_for(srv, "DEMO", "T2"))
    r = t2.post(f"/orders/{order_id}/take", {})
    assert (r.status_code, code_of(r)) == (409, "order_taken")
    assert r.json()["error"]["taken_by"] == "T1"
    r = t2.post(f"/orders/{order_id}/cancel", {})
    assert (r.status_code, code_of(r)) == (409, "order_taken")
    done = demo.post(f"/orders/{order_id}/cancel", {})
    assert done.status_code == 200 and done.json()["state"] == "cancelled"
    r = demo.post(f"/orders/{order_id}/take", {})
    assert (r.status_code, code_of(r)) == (409, "order_closed")


def test_paid_is_applied_once_per_op_live_or_replayed(demo: Api, alice: MemberHttp) -> None:
    order_id = place_order(alice, {"SCONE": 2})
    assert demo.post(f"/orders/{order_id}/take", {}).status_code == 200
    op_id = f"order-paid-{uuid.uuid4()}"
    replayed = demo.post(
        "/ops",
        {
            "ops": [
                {
                    "op_id": op_id,
                    "kind": "order_paid",
                    "body": {"order_id": order_id, "receipt_no": "R-18-1"},
                }
            ]
        },
    )
    assert replayed.status_code == 200, replayed.text
    (result,) = replayed.json()["results"]
    assert result["status"] == 201, result
    paid = result["body"]
    assert paid["state"] == "paid" and paid["receipt_no"] == "R-18-1" and paid["id"] == order_id
    cursor = demo.get("/orders").json()["cursor"]
    # The same op again, live and replayed: the recorded answer, no second change.
    live = demo.post(f"/orders/{order_id}/paid", {"receipt_no": "R-18-1", "op_id": op_id})
    assert live.status_code == 200 and live.json() == paid
    again = demo.post(
        "/ops",
        {
            "ops": [
                {
                    "op_id": op_id,
                    "kind": "order_paid",
                    "body": {"order_id": order_id, "receipt_no": "R-18-1"},
                }
            ]
        },
    )
    assert again.json()["results"][0]["body"] == paid
    assert demo.get("/orders").json()["cursor"] == cursor
    assert demo.get("/orders/feed", after=cursor, wait=0).json()["orders"] == []
    # Another op for a paid order is refused; the op_id with another receipt too.
    other = demo.post(f"/orders/{order_id}/paid", {"receipt_no": "R-18-2", "op_id": op()})
    assert (other.status_code, code_of(other)) == (409, "order_closed")
    reused = demo.post(f"/orders/{order_id}/paid", {"receipt_no": "R-18-2", "op_id": op_id})
    assert (reused.status_code, code_of(reused)) == (409, "idempotency_conflict")


def test_the_feed_answers_when_an_order_arrives(demo: Api, alice: MemberHttp) -> None:
    cursor = demo.get("/orders").json()["cursor"]
    empty = demo.get("/orders/feed", after=cursor, wait=0)
    assert empty.status_code == 200 and empty.json() == {"orders": [], "cursor": cursor}
    answers: list[requests.Response] = []
    waiting = threading.Thread(
        target=lambda: answers.append(demo.get("/orders/feed", after=cursor, wait=25))
    )
    waiting.start()
    order_id = place_order(alice, {"TEA": 2})
    waiting.join(timeout=60)
    assert not waiting.is_alive() and answers
    fed = answers[0].json()
    assert order_id in [o["id"] for o in fed["orders"]]
    assert int(fed["cursor"]) > int(cursor)
    r = demo.get("/orders/feed", after="not-a-cursor", wait=0)
    assert r.status_code == 422


def test_rotating_a_table_retires_its_earlier_codes(srv: EmbeddedBackend, demo: Api) -> None:
    old = MemberHttp(table_url(demo, "9"))
    assert old.get("").status_code == 200
    new = MemberHttp(table_url(demo, "9"))
    assert new.get("").status_code == 200
    refused = old.get("")
    assert refused.status_code == 410 and 'name="csrf"' not in refused.text
    assert MemberHttp(table_url(demo, "10")).get("").status_code == 200  # other tables live on


def test_ordering_settings_need_a_manager(demo: Api) -> None:
    r = demo.put("/ordering", {"enabled": True, "program_name": "X", "menu": MENU})
    assert (r.status_code, code_of(r)) == (403, "approval_required")
    cashier = {"staff": demo_data.CASHIER[0], "pin": demo_data.CASHIER[1]}
    r = demo.put("/ordering", {"enabled": True, "program_name": "X", "approval": cashier})
    assert (r.status_code, code_of(r)) == (403, "approval_invalid")
    r = demo.put(
        "/ordering",
        {
            "enabled": True,
            "program_name": "X",
            "portal_url": "http://portal.example",
            "approval": MANAGER,
        },
    )
    assert r.status_code == 422 and "https" in r.json()["error"]["message"]
    shown = demo.get("/ordering").json()
    assert shown["program_name"] == "Demo Rewards" and [m["code"] for m in shown["menu"]] == [
        "LATTE",
        "SCONE",
        "TEA",
    ]


def test_bob_cannot_see_alices_order_page(
    srv: EmbeddedBackend, demo: Api, alice: MemberHttp
) -> None:
    order_id = place_order(alice, {"LATTE": 1})
    mine = alice.get(f"/orders/{order_id}")
    assert mine.status_code == 200 and f"Order {order_id} sent" in mine.text
    bob = MemberHttp(alice.url)
    set_password(srv, bob, BOB)
    assert log_in(bob, BOB).status_code == 303
    theirs = bob.get(f"/orders/{order_id}")
    assert theirs.status_code == 404 and "Scone" not in theirs.text and "Alice" not in theirs.text


def test_the_cli_configures_a_store_and_prints_its_table_code(
    srv: EmbeddedBackend, tmp_path: Path
) -> None:
    api = Api(srv.url, key_for(srv, "DEMO4", "T1", "--merchant", "DEMO"))
    menu = tmp_path / "menu.csv"
    menu.write_text("code,name,price\nLATTE,Latte,3.40\nTEA,Pot of tea,2.00\n", encoding="utf-8")
    no_url = cli(srv, "table-qr", "--store", "DEMO4", "--table", "1")
    assert no_url.returncode == 1 and "--public-url" in no_url.stderr
    empty = cli(srv, "set-ordering", "--store", "DEMO4", "--enabled", "yes")
    assert empty.returncode == 1 and "menu" in empty.stderr
    bad = cli(srv, "set-ordering", "--store", "DEMO4", "--portal-url", "http://rewards.example")
    assert bad.returncode == 1
    made = cli(
        srv, "set-ordering", "--store", "DEMO4", "--enabled", "yes", "--program-name", "Cafe Club",
        "--public-url", srv.url, "--menu", str(menu),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "ordering on" in made.stdout and "2 menu items" in made.stdout
    shown = api.get("/ordering").json()
    assert shown["program_name"] == "Cafe Club" and shown["public_url"] == srv.url
    assert [(m["code"], m["price"]) for m in shown["menu"]] == [("LATTE", "3.40"), ("TEA", "2.00")]
    qr = cli(srv, "table-qr", "--store", "DEMO4", "--table", "1")
    assert qr.returncode == 0, qr.stderr
    url = next(line for line in qr.stdout.splitlines() if line.startswith(srv.url + "/t/DEMO4.1."))
    page = requests.get(url, timeout=30)
    assert page.status_code == 200 and "Cafe Club" in page.text


def test_an_orders_member_is_found_by_id_within_the_merchant(
    srv: EmbeddedBackend, demo: Api, alice: MemberHttp
) -> None:
    order_id = place_order(alice, {"TEA": 1})
    (order,) = [o for o in demo.get("/orders").json()["orders"] if o["id"] == order_id]
    r = demo.get(f"/customers/{order['customer_id']}")
    assert r.status_code == 200, r.text
    assert r.json() == demo.customer(ALICE)
    north = Api(srv.url, key_for(srv, NORTH.store, NORTH.till))
    r = north.get(f"/customers/{order['customer_id']}")
    assert r.status_code == 404
    assert demo.get("/customers/lookup", phone=ALICE).status_code == 200  # still the lookup
