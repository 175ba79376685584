"""Bad input over HTTP: every malformed, out-of-range or mistyped request is a 4xx in the
error envelope, naming the field; never a 500."""

from __future__ import annotations

from typing import Any

import pytest

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api, code_of, op


@pytest.fixture(scope="module")
def api(module_backend_factory: BackendFactory) -> Api:
    srv: EmbeddedBackend = module_backend_factory()
    return Api.of(srv)


@pytest.mark.parametrize(
    "amount",
    [
        "-1.00",
        "0",
        "0.00",
        "1e999",
        "NaN",
        "abc",
        "12.345",
        "1000000000.00",
        "",
        " 1.00",
        12.5,
        12,
        None,
        True,
        [],
        {},
        "١٢",
    ],
)
def test_bad_amounts_are_422(api: Api, amount: Any) -> None:
    r = api.post(
        "/earn", {"op_id": op(), "customer_id": 1, "amount": amount, "receipt_no": "R-BAD"}
    )
    assert (r.status_code, code_of(r)) == (422, "invalid_request"), r.text
    assert r.json()["error"]["field"] == "amount"


@pytest.mark.parametrize("points", [0, -5, 10**12, 1.5, "10", True, None])
def test_bad_points_are_422(api: Api, points: Any) -> None:
    r = api.post("/redeem", {"op_id": op(), "customer_id": 1, "points": points, "receipt_no": "X"})
    assert (r.status_code, code_of(r)) == (422, "invalid_request"), r.text
    assert r.json()["error"]["field"] == "points"


@pytest.mark.parametrize(
    "data",
    [b"{", b"", b"not json", b'{"op_id": "x",}', b"\xff\xfe", b"[1, 2"],
)
def test_malformed_json_is_400(api: Api, data: bytes) -> None:
    r = api.raw("POST", "/earn", data)
    assert r.status_code in (400, 422), r.text
    assert code_of(r) in ("malformed_json", "invalid_request")
    if data not in (b"",):
        assert code_of(r) == "malformed_json"


def test_nan_and_infinite_literals_never_500(api: Api) -> None:
    for data in (
        b'{"op_id":"n1","customer_id":1,"amount":NaN,"receipt_no":"R"}',
        b'{"op_id":"n2","customer_id":1e999,"amount":"1.00","receipt_no":"R"}',
        b'{"op_id":"n3","customer_id":99999999999999999999999,"amount":"1.00","receipt_no":"R"}',
        b"[]",
        b"null",
        b'"text"',
    ):
        r = api.raw("POST", "/earn", data)
        assert 400 <= r.status_code < 500, (data, r.text)
        assert "error" in r.json()


def test_unknown_field_is_refused(api: Api) -> None:
    r = api.post(
        "/earn",
        {
            "op_id": op(),
            "customer_id": 1,
            "amount": "1.00",
            "receipt_no": "R",
            "challange_id": "typo",
        },
    )
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    assert r.json()["error"]["field"] == "challange_id"


@pytest.mark.parametrize(
    "when", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1999-12-31T23:59:59Z"]
)
def test_times_at_the_edges_of_the_calendar_are_422(api: Api, when: str) -> None:
    r = api.earn(1, "1.00", occurred_at=when)
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    assert r.json()["error"]["field"] == "occurred_at"
    r = api.get("/reports/shift", **{"from": when})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")


def test_text_that_is_not_unicode_is_422(api: Api) -> None:
    r = api.raw("POST", "/customers", b'{"phone": "+447700123456", "name": "\\ud800"}')
    assert (r.status_code, code_of(r)) == (422, "invalid_request")


def test_oversized_body_is_413(api: Api) -> None:
    r = api.raw("POST", "/ops", b'{"ops": [' + b" " * 1_000_001 + b"]}")
    assert (r.status_code, code_of(r)) == (413, "payload_too_large")
