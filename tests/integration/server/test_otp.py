"""OTP-gated redemption (seed 003) against the real server: policy, single use, binding,
lockout that a resend does not lift, resend and rate limits, expiry, and that no code ever
reaches the server's output."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, BOB, CAROL, DAN, Api, code_of, op


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture(scope="module")
def api(srv: EmbeddedBackend) -> Api:
    return Api.of(srv)


def redeem(api: Api, customer_id: int, points: int, **kw: Any) -> Any:
    body = {
        "op_id": op(),
        "customer_id": customer_id,
        "points": points,
        "receipt_no": "R-OTP",
        **kw,
    }
    return api.post("/redeem", body)


def fresh_customer(api: Api, points: int) -> dict[str, Any]:
    """A new customer with ``points`` points (earned at 1 point per 1.00)."""
    import uuid

    phone = f"+4477003{uuid.uuid4().int % 10**5:05d}"
    c = api.post("/customers", {"phone": phone, "name": "OTP"}).json()
    api.earn_points(c["id"], points)
    return {**c, "balance": points}


def test_small_redemption_needs_no_otp(api: Api) -> None:
    c = fresh_customer(api, 1000)
    r = redeem(api, c["id"], 499)  # 4.99 < 5.00
    assert r.status_code == 201, r.text
    assert r.json() == {
        "transaction_id": r.json()["transaction_id"],
        "points": 499,
        "value": "4.99",
        "balance": 501,
        "with_otp": False,
        "with_override": False,
    }


def test_redemption_at_the_minimum_needs_an_otp(api: Api, srv: EmbeddedBackend) -> None:
    c = fresh_customer(api, 1000)
    r = redeem(api, c["id"], 500)
    assert (r.status_code, code_of(r)) == (403, "otp_required")
    assert r.json()["error"]["otp_min_value"] == "5.00"
    ch = api.post("/otp", {"customer_id": c["id"], "points": 500})
    assert ch.status_code == 201, ch.text
    body = ch.json()
    assert body["masked_phone"].endswith(c["phone"][-3:])
    assert c["phone"] not in body["masked_phone"]
    assert "otp" not in body and "code" not in body
    code = srv.last_otp_for(c["phone"])
    assert code is not None and re.fullmatch(r"\d{6}", code)
    ok = redeem(api, c["id"], 500, challenge_id=body["challenge_id"], otp=code)
    assert ok.status_code == 201, ok.text
    assert ok.json()["balance"] == 500
    assert ok.json()["with_otp"] is True
    # Single use: the same code cannot pay again.
    again = redeem(api, c["id"], 500, challenge_id=body["challenge_id"], otp=code)
    assert (again.status_code, code_of(again)) == (403, "otp_invalid")
    assert api.balance(c["phone"]) == 500


def test_otp_is_bound_to_customer_and_points(api: Api, srv: EmbeddedBackend) -> None:
    c = fresh_customer(api, 2000)
    other = fresh_customer(api, 2000)
    ch = api.post("/otp", {"customer_id": c["id"], "points": 600}).json()
    code = srv.last_otp_for(c["phone"])
    wrong_points = redeem(api, c["id"], 700, challenge_id=ch["challenge_id"], otp=code)
    assert (wrong_points.status_code, code_of(wrong_points)) == (403, "otp_invalid")
    wrong_customer = redeem(api, other["id"], 600, challenge_id=ch["challenge_id"], otp=code)
    assert (wrong_customer.status_code, code_of(wrong_customer)) == (403, "otp_invalid")
    unknown = redeem(api, c["id"], 600, challenge_id="no-such-challenge", otp=code)
    assert (unknown.status_code, code_of(unknown)) == (403, "otp_invalid")
    assert api.balance(c["phone"]) == 2000 and api.balance(other["phone"]) == 2000
    # Still good for what it was issued for.
    ok = redeem(api, c["id"], 600, challenge_id=ch["challenge_id"], otp=code)
    assert ok.status_code == 201, ok.text


def test_otp_is_bound_to_the_till(api: Api, srv: EmbeddedBackend) -> None:
    import subprocess
    import sys

    key = subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "create-key",
            "--db",
            srv.db_url,
            "--store",
            "DEMO",
            "--till",
            "T2",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    t2 = Api(srv.url, key)
    c = fresh_customer(api, 2000)
    ch = api.post("/otp", {"customer_id": c["id"], "points": 800}).json()
    code = srv.last_otp_for(c["phone"])
    r = redeem(t2, c["id"], 800, challenge_id=ch["challenge_id"], otp=code)
    assert (r.status_code, code_of(r)) == (403, "otp_invalid")


def test_five_wrong_codes_lock_and_a_resend_does_not_unlock(api: Api, srv: EmbeddedBackend) -> None:
    c = fresh_customer(api, 3000)
    ch = api.post("/otp", {"customer_id": c["id"], "points": 1000}).json()
    code = srv.last_otp_for(c["phone"])
    assert code is not None
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    lefts = []
    for _ in range(5):
        r = redeem(api, c["id"], 1000, challenge_id=ch["challenge_id"], otp=wrong)
        assert (r.status_code, code_of(r)) == (403, "otp_invalid")
        lefts.append(r.json()["error"]["attempts_left"])
    assert lefts == [4, 3, 2, 1, 0]
    locked = redeem(api, c["id"], 1000, challenge_id=ch["challenge_id"], otp=code)
    assert (locked.status_code, code_of(locked)) == (429, "otp_locked")
    resend = api.post("/otp", {"customer_id": c["id"], "points": 1000})
    assert (resend.status_code, code_of(resend)) == (429, "otp_locked")
    other_points = api.post("/otp", {"customer_id": c["id"], "points": 900})
    assert (other_points.status_code, code_of(other_points)) == (429, "otp_locked")
    still = redeem(api, c["id"], 1000, challenge_id=ch["challenge_id"], otp=code)
    assert code_of(still) == "otp_locked"
    assert api.balance(c["phone"]) == 3000


def test_resend_too_soon_is_limited(api: Api) -> None:
    c = fresh_customer(api, 1000)
    assert api.post("/otp", {"customer_id": c["id"], "points": 900}).status_code == 201
    r = api.post("/otp", {"customer_id": c["id"], "points": 900})
    assert (r.status_code, code_of(r)) == (429, "otp_resend_limited")
    assert r.json()["error"]["retry_after_s"] > 0


def test_other_points_replace_the_challenge_up_to_the_rate_limit(
    api: Api, srv: EmbeddedBackend
) -> None:
    c = fresh_customer(api, 5000)
    first = api.post("/otp", {"customer_id": c["id"], "points": 1001}).json()
    first_code = srv.last_otp_for(c["phone"])
    second = api.post("/otp", {"customer_id": c["id"], "points": 1002}).json()
    assert second["challenge_id"] != first["challenge_id"]
    old = redeem(api, c["id"], 1001, challenge_id=first["challenge_id"], otp=first_code)
    assert (old.status_code, code_of(old)) == (403, "otp_invalid")
    for points in (1003, 1004, 1005):
        assert api.post("/otp", {"customer_id": c["id"], "points": points}).status_code == 201
    r = api.post("/otp", {"customer_id": c["id"], "points": 1006})
    assert (r.status_code, code_of(r)) == (429, "otp_rate_limited")


def test_otp_request_errors(api: Api) -> None:
    bob = api.customer(BOB)
    r = api.post("/otp", {"customer_id": bob["id"], "points": bob["balance"] + 1})
    assert (r.status_code, code_of(r)) == (409, "insufficient_points")
    r = api.post("/otp", {"customer_id": 424242, "points": 1})
    assert (r.status_code, code_of(r)) == (404, "not_found")
    r = api.post("/otp", {"customer_id": bob["id"], "points": 0})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    dan = api.customer(DAN)
    r = redeem(api, dan["id"], 600, challenge_id="x")
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    assert r.json()["error"]["field"] == "otp"


def test_no_code_reaches_the_server_output(api: Api, srv: EmbeddedBackend) -> None:
    carol = api.customer(CAROL)
    alice = api.customer(ALICE)
    for c in (carol, alice):
        assert api.post("/otp", {"customer_id": c["id"], "points": 700}).status_code == 201
    codes = [srv.last_otp_for(CAROL), srv.last_otp_for(ALICE)]
    assert all(codes)
    ch = api.post("/otp", {"customer_id": carol["id"], "points": 701}).json()
    code = srv.last_otp_for(CAROL)
    assert (
        redeem(api, carol["id"], 701, challenge_id=ch["challenge_id"], otp=code).status_code == 201
    )
    log = srv.log_path.read_text(encoding="utf-8")
    assert "POST /v1/otp 201" in log  # the log is really being written
    for c in [*codes, code]:
        assert c is not None and c not in log
    assert srv.manager[1] not in log


def test_resends_keep_the_challenge_and_stop_after_three(
    backend_factory: BackendFactory,
) -> None:
    srv = backend_factory(extra_args=["--otp-resend-interval", "0"])
    api = Api.of(srv)
    alice = api.customer(ALICE)
    first = api.post("/otp", {"customer_id": alice["id"], "points": 1000}).json()
    assert first["resent"] is False
    code = srv.last_otp_for(ALICE)
    wrong = f"{(int(code or 0) + 1) % 10**6:06d}"
    r = redeem(api, alice["id"], 1000, challenge_id=first["challenge_id"], otp=wrong)
    assert r.json()["error"]["attempts_left"] == 4
    codes = []
    for _ in range(3):
        again = api.post("/otp", {"customer_id": alice["id"], "points": 1000})
        assert again.status_code == 201, again.text
        assert again.json()["challenge_id"] == first["challenge_id"]
        assert again.json()["expires_at"] == first["expires_at"]
        assert again.json()["resent"] is True
        codes.append(srv.last_otp_for(ALICE))
    r = api.post("/otp", {"customer_id": alice["id"], "points": 1000})
    assert (r.status_code, code_of(r)) == (429, "otp_resend_limited")
    # The attempt count carried over; only the newest code works.
    r = redeem(api, alice["id"], 1000, challenge_id=first["challenge_id"], otp=wrong)
    assert r.json()["error"]["attempts_left"] == 3
    if codes[0] != codes[-1]:
        r = redeem(api, alice["id"], 1000, challenge_id=first["challenge_id"], otp=codes[0])
        assert code_of(r) == "otp_invalid"
    ok = redeem(api, alice["id"], 1000, challenge_id=first["challenge_id"], otp=codes[-1])
    assert ok.status_code == 201, ok.text


def test_code_expires_after_the_ttl(backend_factory: BackendFactory) -> None:
    srv = backend_factory(otp_ttl=1)
    api = Api.of(srv)
    dan = api.customer(DAN)
    ch = api.post("/otp", {"customer_id": dan["id"], "points": 600}).json()
    code = srv.last_otp_for(DAN)
    assert api.get("/session").json()["otp_ttl_s"] == 1
    expires = ch["expires_at"]
    # Wait for the server's own clock to pass the expiry it announced.
    deadline = time.monotonic() + 10
    while api.get("/session").json()["server_time"] <= expires:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    r = redeem(api, dan["id"], 600, challenge_id=ch["challenge_id"], otp=code)
    assert (r.status_code, code_of(r)) == (403, "otp_expired")
    assert api.balance(DAN) == dan["balance"]
