"""The HTTP client's error classes come from the one policy table; wire results are typed."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
import requests

from till.backend_client import (
    BackendClient,
    BackendError,
    BackendUnavailable,
    KeyRefused,
    OpResult,
    OpState,
)


def answer(status: int, body: Any) -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r._content = (body if isinstance(body, str) else json.dumps(body)).encode()
    return r


def err(code: str, **details: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": "words", **details}}


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (401, err("unauthorized"), KeyRefused),
        (403, err("key_revoked"), KeyRefused),
        (403, err("otp_invalid", attempts_left=2), BackendError),  # a wrong code, not the key
        (404, "<html>Not Found</html>", BackendUnavailable),  # a proxy, not the backend
        (404, err("not_found"), BackendError),  # a lookup's real "no such customer"
        (423, err("locked"), BackendUnavailable),
        (429, err("rate_limited"), BackendUnavailable),
        (429, err("otp_rate_limited"), BackendError),
        (503, err("unavailable"), BackendUnavailable),
        (409, err("op_cancelled"), BackendError),
    ],
)
def test_error_classes(status: int, body: Any, cls: type[BackendError]) -> None:
    client = BackendClient("http://127.0.0.1:9", "k")
    with pytest.raises(BackendError) as info:
        client._result("POST", "/v1/x", answer(status, body))
    assert type(info.value) is cls
    assert info.value.reply.status == status  # the op's submitter judges the reply itself


def test_key_refused_is_not_offline() -> None:
    assert not issubclass(KeyRefused, BackendUnavailable)


def test_typed_results() -> None:
    r = OpResult.from_json({"transaction_id": 12, "points": 5, "balance": "7", "value": "0.05"})
    assert (r.transaction_id, r.points, r.balance, r.value) == ("12", 5, 7, Decimal("0.05"))
    assert OpResult.from_json(None) == OpResult()
    s = OpState.from_json({"state": "applied", "result": {"balance": 3}}, "op1")
    assert s.op_id == "op1" and s.state == "applied" and s.result is not None
    assert s.result.balance == 3
    assert OpState.from_json({"state": "cancelled"}).result is None
