"""Text fields over HTTP (issue 13, finding 7): control characters are refused with a 422
naming the field, and text is stored in Unicode NFC."""

from __future__ import annotations

import pytest

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api, code_of


@pytest.fixture(scope="module")
def api(module_backend_factory: BackendFactory) -> Api:
    srv: EmbeddedBackend = module_backend_factory()
    return Api.of(srv)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"phone": "+447700900501", "name": "Eve\x00Evil"}, "name"),
        ({"phone": "+447700900502", "name": "Tab\there"}, "name"),
        ({"phone": "+447700900503", "name": "abc\u202edcba"}, "name"),  # right-to-left override
        ({"phone": "+447700900504", "email": "eve\x07@example.com"}, "email"),
        ({"phone": "+447700900505\x00"}, "phone"),
        ({"phone": "+447700900506", "cards": ["12345678\x1b"]}, "cards"),
        ({"phone": "+447700900507", "app_id": "APP\x85X"}, "app_id"),
    ],
)
def test_control_characters_are_refused_naming_the_field(
    api: Api, body: dict[str, object], field: str
) -> None:
    r = api.post("/customers", body)
    assert (r.status_code, code_of(r)) == (422, "invalid_request"), r.text
    assert r.json()["error"]["field"] == field
    assert "control characters" in r.json()["error"]["message"]


def test_staff_names_and_reasons_refuse_them_too(api: Api) -> None:
    r = api.post("/staff/verify", {"staff": "manager\x00", "pin": "2468"})
    assert (r.status_code, r.json()["error"]["field"]) == (422, "staff")
    r = api.post("/transactions/1/reverse", {"op_id": "x1", "reason": "why\nnot"})
    assert (r.status_code, r.json()["error"]["field"]) == (422, "reason")


def test_text_is_stored_in_nfc(api: Api) -> None:
    decomposed = "Zoe\u0301 Ame\u0301lie"  # e + combining acute accent
    r = api.post("/customers", {"phone": "+447700900511", "name": decomposed})
    assert r.status_code == 201, r.text
    assert r.json()["name"] == "Zoé Amélie"
    assert api.customer("+447700900511")["name"] == "Zoé Amélie"
