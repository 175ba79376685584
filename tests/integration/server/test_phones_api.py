"""Phone numbers over HTTP: the store's region in the session, national forms found and
refused as duplicates, bad numbers refused in plain words (issue 12, findings 5 and 6)."""

from __future__ import annotations

import uuid

import pytest

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, Api, code_of


@pytest.fixture(scope="module")
def api(module_backend_factory: BackendFactory) -> Api:
    srv: EmbeddedBackend = module_backend_factory()
    return Api.of(srv)


def test_the_session_names_the_stores_phone_region(api: Api) -> None:
    assert api.get("/session").json()["store"]["phone_region"] == "GB"


@pytest.mark.parametrize("typed", ["07700900123", "07700 900123", "+44 7700 900123"])
def test_a_national_number_finds_the_member(api: Api, typed: str) -> None:
    r = api.get("/customers/lookup", phone=typed)
    assert r.status_code == 200, r.text
    assert r.json()["phone"] == ALICE


def test_registering_a_national_form_again_is_a_duplicate(api: Api) -> None:
    r = api.post("/customers", {"phone": "07700900123", "name": "Alice again"})
    assert (r.status_code, code_of(r)) == (409, "customer_exists")
    assert r.json()["error"]["field"] == "phone"


def test_a_new_member_is_stored_in_e164(api: Api) -> None:
    digits = f"{uuid.uuid4().int % 10**5:05d}"
    r = api.post("/customers", {"phone": f"07700 1{digits}", "name": "New"})
    assert r.status_code == 201, r.text
    assert r.json()["phone"] == f"+4477001{digits}"
    again = api.post("/customers", {"phone": f"+4477001{digits}", "name": "Twice"})
    assert code_of(again) == "customer_exists"


@pytest.mark.parametrize("typed", ["12", "0770090012345678", "abc"])
def test_a_bad_number_is_refused_in_plain_words(api: Api, typed: str) -> None:
    for r in (
        api.get("/customers/lookup", phone=typed),
        api.post("/customers", {"phone": typed, "name": "Nobody"}),
    ):
        assert (r.status_code, code_of(r)) == (422, "invalid_phone"), r.text
        error = r.json()["error"]
        assert error["message"] == "That is not a phone number for United Kingdom"
        assert (error["field"], error["region"]) == ("phone", "GB")
