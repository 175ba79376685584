"""The member page's defences against the real server (issue 18): table tokens that are
forged, expired or another store's give a plain page and no form; password guessing is
limited; a form without its CSRF token is refused; nothing about a member before login.
"""

from __future__ import annotations

import re
import time

import pytest
import requests

from server import demo_data
from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, CAROL, DAN, FRANK, Api
from tests.integration.server.test_orders import (
    COOKIE,
    PASSWORD,
    MemberHttp,
    cli,
    enable_ordering,
    key_for,
    log_in,
    place_order,
    set_password,
    table_url,
)

NORTH = demo_data.SECOND_MERCHANT
NORTH_MANAGER = {"staff": NORTH.staff[0][0], "pin": NORTH.staff[0][2]}


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture(scope="module")
def demo(srv: EmbeddedBackend) -> Api:
    api = Api.of(srv)
    enable_ordering(api)
    return api


def assert_plain(r: requests.Response, status: int) -> None:
    assert r.status_code == status, r.text
    assert "<form" not in r.text and 'name="csrf"' not in r.text
    assert COOKIE not in r.headers.get("set-cookie", "")


def test_forged_tokens_get_a_plain_page(demo: Api) -> None:
    url = table_url(demo, "3")
    base, token = url.split("/t/")
    store, table, gen, exp, mac = token.split(".")
    flipped = mac[:-1] + ("A" if mac[-1] != "A" else "B")
    for forged in (
        f"{store}.{table}.{gen}.{exp}.{flipped}",
        f"{store}.4.{gen}.{exp}.{mac}",  # another table
        f"{store}.{table}.{gen}.{int(exp) + 3600}.{mac}",  # valid for longer
        f"{store}.{table}.{int(gen) + 1}.{exp}.{mac}",  # a seating to come
        "DEMO.3",
        "nothing-like-a-token",
    ):
        assert_plain(requests.get(f"{base}/t/{forged}", timeout=30), 404)
        posted = requests.post(
            f"{base}/t/{forged}/confirm", data={"csrf": "x"}, allow_redirects=False, timeout=30
        )
        assert_plain(posted, 404)
    assert requests.get(url, timeout=30).status_code == 200


def test_another_stores_token_gets_a_plain_page(srv: EmbeddedBackend, demo: Api) -> None:
    north = Api(srv.url, key_for(srv, NORTH.store, NORTH.till))
    enable_ordering(north, NORTH_MANAGER)
    north_url = table_url(north, "3")
    base, token = north_url.split("/t/")
    # NORTH's token relabelled for DEMO's store: signed with the other merchant's key.
    relabelled = "DEMO" + token[len(NORTH.store) :]
    assert_plain(requests.get(f"{base}/t/{relabelled}", timeout=30), 404)
    # A store of DEMO's own merchant that has not switched ordering on.
    other = Api(srv.url, key_for(srv, "DEMO3", "T1", "--merchant", "DEMO"))
    assert_plain(requests.get(table_url(other, "3"), timeout=30), 404)
    # A DEMO member's session does not log anyone in at NORTH's table.
    alice = MemberHttp(table_url(demo, "3"))
    set_password(srv, alice, CAROL)
    assert log_in(alice, CAROL).status_code == 303
    there = MemberHttp(north_url)
    there.cookie = alice.cookie
    page = there.get("")
    assert (
        page.status_code == 200 and 'id="login-form"' in page.text and "Logged in" not in page.text
    )


def test_an_expired_token_gets_a_plain_page(srv: EmbeddedBackend, demo: Api) -> None:
    made = cli(
        srv,
        "table-qr",
        "--store",
        "DEMO",
        "--table",
        "5",
        "--hours",
        "0.0006",
        "--base-url",
        srv.url,
    )
    assert made.returncode == 0, made.stderr
    url = next(line for line in made.stdout.splitlines() if "/t/" in line)
    deadline = time.monotonic() + 30
    status = requests.get(url, timeout=30).status_code
    while status == 200 and time.monotonic() < deadline:
        status = requests.get(url, timeout=30).status_code  # until its 2 seconds are over
    assert_plain(requests.get(url, timeout=30), 410)


def test_password_guessing_is_limited(srv: EmbeddedBackend, demo: Api) -> None:
    m = MemberHttp(table_url(demo, "6"))
    set_password(srv, m, DAN)
    statuses = [log_in(m, DAN, f"wrong guess {i}").status_code for i in range(5)]
    assert statuses == [401] * 5
    locked = log_in(m, DAN)  # the right password, but it has to wait now
    assert locked.status_code == 429 and "Too many tries" in locked.text
    assert "Logged in" not in locked.text
    # A number that is no member's is answered and limited exactly alike.
    stranger = "+447700900999"
    assert [log_in(m, stranger, "x" * 8).status_code for _ in range(5)] == [401] * 5
    assert log_in(m, stranger, "x" * 8).status_code == 429


def test_wrong_codes_kill_the_code(srv: EmbeddedBackend, demo: Api) -> None:
    m = MemberHttp(table_url(demo, "6"))
    m.get("")
    assert m.post("/password/code", {"phone": FRANK}).status_code == 200
    code = srv.last_otp_for(FRANK)
    assert code is not None
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(4):
        r = m.post(
            "/password",
            {"phone": FRANK, "code": wrong, "password": PASSWORD, "password2": PASSWORD},
        )
        assert r.status_code == 422
    r = m.post(
        "/password", {"phone": FRANK, "code": wrong, "password": PASSWORD, "password2": PASSWORD}
    )
    assert r.status_code == 422
    r = m.post(
        "/password", {"phone": FRANK, "code": code, "password": PASSWORD, "password2": PASSWORD}
    )
    assert r.status_code in (422, 429) and "Logged in" not in r.text
    assert log_in(m, FRANK).status_code == 401


def test_forms_without_their_csrf_token_are_refused(srv: EmbeddedBackend, demo: Api) -> None:
    m = MemberHttp(table_url(demo, "8"))
    set_password(srv, m, ALICE)
    m.get("")
    no_token = m.post("/login", {"phone": ALICE, "password": PASSWORD}, csrf=False)
    assert no_token.status_code == 403 and "Logged in" not in no_token.text
    m.csrf = "x" * 43
    assert m.post("/login", {"phone": ALICE, "password": PASSWORD}).status_code == 403
    assert log_in(m, ALICE).status_code == 303  # with the page's own token it works
    page = m.get("")
    before = demo.get("/orders").json()["cursor"]
    for path in ("/cart", "/confirm", "/logout"):
        r = m.post(path, {"qty_LATTE": "1"}, csrf=False)
        assert r.status_code == 403, path
    assert demo.get("/orders").json()["cursor"] == before
    assert "Logged in as" in m.get("").text and page.status_code == 200
    # A cookie-less cross-site POST (another site's form) has no session: refused too.
    bare = requests.post(
        m.url + "/confirm", data={"csrf": m.csrf}, allow_redirects=False, timeout=30
    )
    assert bare.status_code == 403


def test_nothing_about_a_member_before_login(srv: EmbeddedBackend, demo: Api) -> None:
    alice = MemberHttp(table_url(demo, "11"))
    set_password(srv, alice, ALICE)
    assert log_in(alice, ALICE).status_code == 303
    order_id = place_order(alice, {"LATTE": 1})
    balance = str(demo.balance(ALICE))
    stranger = MemberHttp(alice.url)
    for path in ("", "/rewards", "/cart", f"/orders/{order_id}"):
        r = stranger.get(path)
        assert r.status_code in (200, 401), path
        assert 'id="login-form"' in r.text and "Alice" not in r.text, path
        assert f'data-points="{balance}"' not in r.text and 'id="balance"' not in r.text, path
    mine = alice.get("/rewards")
    assert mine.status_code == 200 and f'data-points="{balance}" id="balance">' in mine.text


def test_pages_carry_the_security_headers(demo: Api) -> None:
    r = requests.get(table_url(demo, "12"), timeout=30)
    csp = r.headers["content-security-policy"]
    assert (
        "script-src 'self'" in csp
        and "frame-ancestors 'none'" in csp
        and "default-src 'none'" in csp
    )
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-content-type-options"] == "nosniff"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(COOKIE + "=")
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"secure", "httponly", "samesite=lax", "path=/"} <= flags
    assert not re.search(r"<script>|onclick=|style=", r.text)  # nothing inline for the CSP to allow


def test_my_rewards_goes_to_the_configured_portal(srv: EmbeddedBackend, demo: Api) -> None:
    enable_ordering(
        demo, portal_url="https://rewards.example/portal", reset_url="https://crm.example/reset"
    )
    try:
        m = MemberHttp(table_url(demo, "14"))
        page = m.get("")
        assert 'href="https://crm.example/reset"' in page.text
        set_password(srv, m, ALICE)
        assert log_in(m, ALICE).status_code == 303
        r = m._send("GET", "/rewards")
        assert r.status_code == 303 and r.headers["location"] == "https://rewards.example/portal"
    finally:
        enable_ordering(demo)
