"""Property-based fuzzing of every endpoint over HTTP: no input produces a 500, and every
refusal uses the error envelope. Bodies are near-valid (the real field names with hostile
values) as well as arbitrary JSON, so the search reaches past the first validation layer."""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api

FIELDS = {
    "/earn": ["op_id", "customer_id", "amount", "receipt_no", "occurred_at"],
    "/redeem": [
        "op_id",
        "customer_id",
        "points",
        "receipt_no",
        "challenge_id",
        "otp",
        "approval",
        "reason",
    ],
    "/otp": ["customer_id", "points"],
    "/claims": [
        "op_id",
        "customer_id",
        "receipt_no",
        "occurred_at",
        "amount",
        "store",
        "approval",
        "corrects",
    ],
    "/customers": ["phone", "name", "email", "app_id", "cards", "op_id"],
    "/staff/verify": ["staff", "pin"],
    "/transactions/1/reverse": ["op_id", "reason", "approval", "reverses_op_id"],
    "/cards": ["program", "numbers", "approval"],
}
PUT_FIELDS = {
    "/policy": ["otp_required", "otp_min_value", "approval"],
    "/programs/FUZZ": ["range_start", "range_end", "approval"],
}

times = st.builds(
    lambda d, off: d.isoformat() + off,
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.sampled_from(["Z", "+14:00", "-14:00", "+00:00", "", "+99:99"]),
)
hostile = st.one_of(
    st.none(),
    times,
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "1e999",
            "-0.01",
            "NaN",
            "Infinity",
            "12.345",
            "0",
            "999999999999.99",
            "1.00",
            "2026-11-23T10:00:00Z",
            "9999-12-31T23:59:59+14:00",
            "0001-01-01",
            "+447700900123",
            "40023817",
            "manager",
            "2468",
            "123456",
            "DEMO",
            "\x00",
            "' OR 1=1 --",
            "ｆｕｌｌ",
            "١٢٣",
        ]
    ),
    st.sampled_from([1, 2, 3, 2**62, 2**63, -1, 0]),
)
json_value = st.recursive(
    hostile,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def near_valid(fields: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            f: st.one_of(
                hostile, json_value, st.fixed_dictionaries({"staff": hostile, "pin": hostile})
            )
            for f in fields
        },
    )


@pytest.fixture(scope="module")
def api(module_backend_factory: BackendFactory) -> Api:
    srv: EmbeddedBackend = module_backend_factory()
    return Api.of(srv)


def send(api: Api, method: str, path: str, body: Any) -> Any:
    """As JSON, with NaN and Infinity literals allowed: Python's parser accepts them too."""
    return api.raw(method, path, json.dumps(body).encode())


def check(r: Any) -> None:
    assert r.status_code < 500, (r.request.method, r.request.url, r.request.body, r.text)
    if r.status_code >= 400:
        body = r.json()
        assert set(body) == {"error"}, body
        assert isinstance(body["error"]["code"], str) and body["error"]["message"]


FUZZ = settings(
    max_examples=int(os.environ.get("SERVER_FUZZ_EXAMPLES", "150")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(path=st.sampled_from(sorted(FIELDS)), data=st.data())
def test_post_bodies_never_500(api: Api, path: str, data: st.DataObject) -> None:
    body = data.draw(st.one_of(near_valid(FIELDS[path]), json_value))
    check(send(api, "POST", path, body))


@FUZZ
@given(path=st.sampled_from(sorted(PUT_FIELDS)), data=st.data())
def test_put_bodies_never_500(api: Api, path: str, data: st.DataObject) -> None:
    body = data.draw(st.one_of(near_valid(PUT_FIELDS[path]), json_value))
    check(send(api, "PUT", path, body))


@FUZZ
@given(
    ops=st.lists(
        st.fixed_dictionaries(
            {
                "op_id": hostile,
                "kind": st.sampled_from(["earn", "redeem", "reverse", "claim", "other"]),
                "body": near_valid(
                    sorted({f for fs in FIELDS.values() for f in fs} | {"transaction_id"})
                ),
            }
        ),
        max_size=4,
    )
)
def test_ops_batches_never_500(api: Api, ops: list[Any]) -> None:
    r = send(api, "POST", "/ops", {"ops": ops})
    check(r)
    if r.status_code == 200:
        assert all(x["status"] < 500 for x in r.json()["results"])


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["card", "phone", "email", "app_id", "x"]),
        st.text(max_size=300),
        max_size=3,
    ),
    path=st.sampled_from(
        ["/customers/lookup", "/reports/redemptions", "/reports/shift", "/customers/1/transactions"]
    ),
    extra=st.dictionaries(
        st.sampled_from(["from", "to", "group", "limit"]), st.text(max_size=40), max_size=3
    ),
)
def test_queries_never_500(
    api: Api, params: dict[str, str], path: str, extra: dict[str, str]
) -> None:
    check(api.get(path, **params, **extra))


@FUZZ
@given(raw=st.binary(max_size=200))
def test_raw_bytes_never_500(api: Api, raw: bytes) -> None:
    check(api.raw("POST", "/earn", raw))
