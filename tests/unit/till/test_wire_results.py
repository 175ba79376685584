"""Typed results of health, redeem, claim, verify_staff and set_policy (issue 11, item 7):
parsed once at the door; a body that is not the documented shape is a plain-words
``WireFormatError`` (judged "retry"), never a ``KeyError`` in a caller. The client half
talks to a real HTTP server on loopback that answers what a proxy or a broken backend
might."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from offline_queue.outcome_policy import Verdict
from tests.unit.till.canned_backend import Answers, canned_backend, json_answer
from till.backend_client import (
    BackendClient,
    BackendUnavailable,
    Health,
    PolicyResult,
    RedeemResult,
    StaffCheck,
    WireFormatError,
)
from till.errors import TillError
from till.wire_results import customer_result, earn_result

REDEEMED = {
    "transaction_id": 41,
    "points": 500,
    "value": "5.00",
    "balance": 700,
    "with_otp": True,
    "with_override": False,
}
POLICY = {
    "otp_required": True,
    "otp_min_value": "20.00",
    "otp_sum_window_s": 86400,
    "max_earn_amount": None,
}


def test_health() -> None:
    health = Health.from_json({"status": "ok", "version": "1.4.0"})
    assert health == Health("ok", "1.4.0") and health.ok
    assert not Health.from_json({"status": "degraded"}).ok


def test_redeem_result() -> None:
    result = RedeemResult.from_json(REDEEMED)
    assert (result.transaction_id, result.points, result.value, result.balance) == (
        "41",
        500,
        Decimal("5.00"),
        700,
    )
    assert result.with_otp and not result.with_override
    assert result.op_result.points == 500 and result.op_result.transaction_id == "41"


def test_claim_result_is_the_earn_result() -> None:
    result = earn_result({"transaction_id": 7, "points": 32, "balance": 132})
    assert (result.transaction_id, result.points, result.balance) == ("7", 32, 132)


def test_policy_result() -> None:
    policy = PolicyResult.from_json(POLICY)
    assert policy.otp_required and policy.otp_min_value == Decimal("20.00")
    assert policy.otp_sum_window_s == 86400 and policy.max_earn_amount is None
    limited = PolicyResult.from_json({**POLICY, "max_earn_amount": "500.00"})
    assert limited.max_earn_amount == Decimal("500.00")


def test_staff_check() -> None:
    assert StaffCheck.from_json({"staff": "manager", "role": "manager"}).is_manager
    assert not StaffCheck.from_json({"staff": "sam", "role": "cashier"}).is_manager


MALFORMED: list[tuple[str, Any]] = [
    ("health", None),
    ("health", ["ok"]),
    ("health", {}),
    ("health", {"status": None}),
    ("redeem", {}),
    ("redeem", {**REDEEMED, "points": "500"}),  # a string is not a JSON integer
    ("redeem", {**REDEEMED, "points": True}),
    ("redeem", {**REDEEMED, "value": "five"}),
    ("redeem", {**REDEEMED, "value": "NaN"}),
    ("redeem", {k: v for k, v in REDEEMED.items() if k != "balance"}),
    ("redeem", "<html>Bad gateway</html>"),
    ("claim", {"transaction_id": 7, "points": 32}),
    ("claim", [1, 2]),
    ("policy", {**POLICY, "otp_required": "yes"}),
    ("policy", {**POLICY, "otp_min_value": 20.5}),
    ("policy", {k: v for k, v in POLICY.items() if k != "otp_min_value"}),
    ("staff", {"staff": "manager"}),
    ("staff", {"staff": "manager", "role": None}),
    ("customer", {"name": "No Id"}),
    ("customer", 42),
]
PARSERS = {
    "health": Health.from_json,
    "redeem": RedeemResult.from_json,
    "claim": earn_result,
    "policy": PolicyResult.from_json,
    "staff": StaffCheck.from_json,
    "customer": customer_result,
}


@pytest.mark.parametrize(("kind", "body"), MALFORMED)
def test_a_malformed_body_is_a_plain_error_never_a_key_error(kind: str, body: Any) -> None:
    with pytest.raises(WireFormatError) as raised:
        PARSERS[kind](body)
    error = raised.value
    assert isinstance(error, TillError) and isinstance(error, BackendUnavailable)
    assert not isinstance(error, KeyError)
    assert "could not be read" in str(error) and "{" not in str(error)
    assert error.code == "bad_reply"
    assert error.verdict == Verdict.RETRY  # what the backend did is not known from it


# -- the client, against a real HTTP server on loopback --------------------------------------


@pytest.fixture
def canned() -> Iterator[tuple[BackendClient, Answers]]:
    with canned_backend() as pair:
        yield pair


_json = json_answer


def test_the_client_returns_typed_results(
    canned: tuple[BackendClient, Answers],
) -> None:
    client, answers = canned
    answers[("GET", "/v1/health")] = _json(200, {"status": "ok", "version": "9"})
    answers[("POST", "/v1/redeem")] = _json(201, REDEEMED)
    answers[("POST", "/v1/claims")] = _json(201, {"transaction_id": 8, "points": 3, "balance": 9})
    answers[("POST", "/v1/staff/verify")] = _json(200, {"staff": "manager", "role": "manager"})
    answers[("PUT", "/v1/policy")] = _json(200, POLICY)
    assert client.health() == Health("ok", "9")
    assert client.redeem({"op_id": "r1"}).points == 500
    assert client.claim({"op_id": "c1"}).balance == 9
    assert client.verify_staff("manager", "2468").is_manager
    assert client.set_policy(True, Decimal("20"), {"staff": "m", "pin": "2468"}).otp_required


def test_a_proxy_page_or_a_broken_body_is_a_plain_error(
    canned: tuple[BackendClient, Answers],
) -> None:
    client, answers = canned
    answers[("GET", "/v1/health")] = (200, "text/html", b"<html>Captive portal</html>")
    answers[("POST", "/v1/staff/verify")] = _json(200, {"staff": "manager"})
    answers[("PUT", "/v1/policy")] = _json(200, ["not", "an", "object"])
    answers[("POST", "/v1/claims")] = _json(201, {"points": 3})
    answers[("POST", "/v1/earn")] = _json(201, [1])
    for call in (
        client.health,
        lambda: client.verify_staff("manager", "2468"),
        lambda: client.set_policy(True, Decimal("20"), {"staff": "m", "pin": "2468"}),
        lambda: client.claim({"op_id": "c1"}),
        lambda: client.send_journaled("earn", {"op_id": "e1"}),
    ):
        with pytest.raises(WireFormatError) as raised:
            call()
        assert "2468" not in str(raised.value)
        assert "could not be read" in str(raised.value)
