"""The member page and its SMS in the store's language, against the real server (issue 17).

A German store (``till-server set-store --locale de_DE``) gets German pages whatever the
browser asks, German money and German SMS; the guest's language link wins and is kept; a
store whose language is not shipped follows the browser. The codes the tests and the demo
read from the outbox come from the record's ``code`` field, so they work in every language
(the demo read them by their English wording before).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
import requests

from server.embedded import EmbeddedBackend
from server.ordering import i18n
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, BOB, CAROL, Api
from tests.integration.server.test_orders import (
    PASSWORD,
    MemberHttp,
    enable_ordering,
    log_in,
    place_order,
    set_password,
    table_url,
)


def set_store(srv: EmbeddedBackend, locale: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "server", "set-store", "--db", srv.db_url, "--store", "DEMO",
         "--locale", locale],
        capture_output=True, text=True, timeout=60, env=srv.child_env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture(scope="module")
def demo(srv: EmbeddedBackend) -> Iterator[Api]:
    api = Api.of(srv)
    enable_ordering(api)
    set_store(srv, "de_DE")
    yield api


def page(url: str, **headers: str) -> requests.Response:
    r = requests.get(url, headers=headers, timeout=30)
    assert r.status_code == 200, r.text
    return r


def test_a_german_store_gets_german_pages_whatever_the_browser_asks(demo: Api) -> None:
    url = table_url(demo, "3")
    for accept in ("en-GB,en;q=0.9", "uk", ""):
        r = page(url, **{"Accept-Language": accept})
        assert '<html lang="de-DE">' in r.text, accept
        assert "Tisch 3" in r.text and "Anmelden und bestellen" in r.text
        assert "Log in" not in r.text and "Phone number" not in r.text
    assert 'href="/t/' in r.text and '?lang=uk"' in r.text and ">English<" in r.text


def test_the_guests_language_link_wins_and_is_kept(demo: Api) -> None:
    url = table_url(demo, "4")
    chosen = requests.get(url + "?lang=uk", timeout=30)
    assert '<html lang="uk">' in chosen.text and "Столик 4" in chosen.text
    cookie = re.search(rf"{i18n.COOKIE}=uk;[^,]*", chosen.headers["set-cookie"])
    assert cookie is not None
    assert "Secure" in cookie.group(0) and "HttpOnly" in cookie.group(0)
    kept = page(url, Cookie=f"{i18n.COOKIE}=uk")
    assert "Столик 4" in kept.text
    assert "Tisch 4" in page(url + "?lang=xx", Cookie=f"{i18n.COOKIE}=xx").text


def test_a_store_in_another_language_follows_the_browser(srv: EmbeddedBackend, demo: Api) -> None:
    url = table_url(demo, "5")
    set_store(srv, "fr_FR")
    try:
        assert "Tisch 5" in page(url, **{"Accept-Language": "fr-FR, de;q=0.8, en;q=0.5"}).text
        assert "Столик 5" in page(url, **{"Accept-Language": "uk-UA"}).text
        assert "Table 5" in page(url).text
    finally:
        set_store(srv, "de_DE")


def test_the_password_code_sms_is_german_and_its_code_is_read_as_data(
    srv: EmbeddedBackend, demo: Api
) -> None:
    m = MemberHttp(table_url(demo, "6"))
    set_password(srv, m, BOB)  # reads the code with last_otp_for: from the record's field
    sms = [json.loads(x) for x in srv.sms_outbox.read_text(encoding="utf-8").splitlines()]
    mine = [x for x in sms if x["to"] == BOB]
    assert mine[-1]["text"].startswith("Demo Rewards: Ihr Code zum Festlegen Ihres Passworts: ")
    assert "******" in mine[-1]["text"] and "code" not in mine[-1]  # used: blanked, both
    assert srv.last_otp_for(BOB) is None
    r = log_in(m, BOB)
    assert r.status_code == 303
    home = m.get("")
    assert "Angemeldet als" in home.text and "3,50\xa0£" in home.text  # the demo store is GBP
    order_id = place_order(m, {"LATTE": 1})
    sent = m.get(f"/orders/{order_id}")
    assert f"Bestellung {order_id} gesendet" in sent.text and "Vielen Dank, Bob." in sent.text
    rewards = m.get("/rewards")
    assert "Meine Prämien" in rewards.text and "Punktestand" in rewards.text


def test_refusals_are_german(demo: Api) -> None:
    m = MemberHttp(table_url(demo, "7"))
    wrong = log_in(m, CAROL, "not her password")
    assert wrong.status_code == 401
    assert "Telefonnummer und Passwort passen zu keinem Mitglied." in wrong.text
    bad = log_in(m, "12", PASSWORD)
    assert bad.status_code == 422 and "Das ist keine Telefonnummer für " in bad.text
    m.get("")
    r = m.post("/password/code", {"phone": CAROL})
    short = m.post("/password", {"phone": CAROL, "code": "000000", "password": "x",
                                 "password2": "y"})  # fmt: skip
    assert r.status_code == 200 and "Die beiden Passwörter stimmen nicht überein." in short.text


def test_the_tills_code_sms_is_german_and_the_demo_still_reads_its_code(
    srv: EmbeddedBackend, demo: Api
) -> None:
    alice = demo.customer(ALICE)
    r = demo.post("/otp", {"customer_id": alice["id"], "points": 1000})
    assert r.status_code in (200, 201), r.text
    text = srv.last_sms_to(ALICE) or ""
    assert "Ihr Code zum Einlösen von 1.000 Punkten: " in text and " is " not in text
    code = srv.last_otp_for(ALICE)
    assert code is not None and re.fullmatch(r"[0-9]{6}", code) and code in text
