"""``POST /v1/claims/receipt``: a receipt's signed claim code gives its points once (issue 17).

A real backend over HTTP; the claim key is issued with the real ``till-server`` command line,
the token signed with the till's own codec (:mod:`server.claim_tokens`).
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from server import claim_tokens
from server.claim_tokens import ClaimKey
from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, BOB, Api, op


def cli(srv: EmbeddedBackend, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", argv[0], "--db", srv.db_url, *argv[1:]],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture(scope="module")
def api(srv: EmbeddedBackend) -> Api:
    return Api.of(srv)


@pytest.fixture(scope="module")
def key(srv: EmbeddedBackend) -> ClaimKey:
    made = cli(srv, "create-claim-key", "--store", "DEMO", "--till", "T1")
    assert made.returncode == 0, made.stderr
    return ClaimKey.parse(made.stdout.strip())


def receipt() -> str:
    return f"T1-{uuid.uuid4().hex[:10].upper()}"


def token(key: ClaimKey, receipt_no: str, amount: str = "12.50", days_ago: float = 0) -> str:
    at = datetime.now(UTC) - timedelta(days=days_ago)
    return claim_tokens.sign(key, receipt_no, Decimal(amount), at)


def claim(api: Api, phone: str, tok: str, op_id: str | None = None) -> tuple[int, dict]:  # type: ignore[type-arg]
    customer_id = api.customer(phone)["id"]
    r = api.post(
        "/claims/receipt", {"op_id": op_id or op(), "customer_id": customer_id, "token": tok}
    )
    return r.status_code, r.json()


def test_claimed_once_gives_the_points_then_409(api: Api, key: ClaimKey) -> None:
    before = api.balance(ALICE)
    tok = token(key, receipt(), "12.50")
    status, body = claim(api, ALICE, tok)
    assert status == 201, body
    assert body["points"] > 0 and body["balance"] == before + body["points"]
    assert api.balance(ALICE) == before + body["points"]
    # The same receipt again, by anyone: it earned already.
    status, again = claim(api, BOB, tok)
    assert status == 409 and again["error"]["code"] == "receipt_already_claimed"
    assert api.balance(ALICE) == before + body["points"]


def test_the_same_op_id_is_answered_again_without_a_second_effect(api: Api, key: ClaimKey) -> None:
    tok, op_id = token(key, receipt()), op()
    first = claim(api, BOB, tok, op_id)
    balance = api.balance(BOB)
    assert claim(api, BOB, tok, op_id) == first
    assert api.balance(BOB) == balance


def test_an_earned_receipt_cannot_be_claimed_by_token(api: Api, key: ClaimKey) -> None:
    no = receipt()
    assert api.earn(api.customer(BOB)["id"], "5.00", no).status_code == 201
    status, body = claim(api, ALICE, token(key, no))
    assert status == 409 and body["error"]["code"] == "receipt_already_claimed"


@pytest.mark.parametrize("where", ["amount", "receipt", "signature", "garbage", "other key"])
def test_altered_or_forged_tokens_are_refused(api: Api, key: ClaimKey, where: str) -> None:
    before = api.balance(ALICE)
    tok = token(key, receipt(), "3.00")
    if where == "amount":  # re-encode the body with a larger amount, keep the old tag
        forged = token(key, receipt(), "300.00")
        tok = forged[:-22] + tok[-22:]
    elif where == "receipt":
        tok = tok[:20] + ("A" if tok[20] != "A" else "B") + tok[21:]
    elif where == "signature":
        tok = tok[:-2] + ("AA" if tok[-2:] != "AA" else "BB")
    elif where == "garbage":
        tok = "LTC." + "x" * 60
    else:
        tok = claim_tokens.sign(
            replace(key, secret=b"\x01" * 32), receipt(), Decimal("3.00"), datetime.now(UTC)
        )
    status, body = claim(api, ALICE, tok)
    assert 400 <= status < 500, body
    assert body["error"]["code"] in ("claim_token_invalid", "invalid_request")
    assert api.balance(ALICE) == before


def test_expired_tokens_are_refused(api: Api, key: ClaimKey) -> None:
    before = api.balance(ALICE)
    status, body = claim(api, ALICE, token(key, receipt(), days_ago=31))
    assert status == 409 and body["error"]["code"] == "claim_token_expired"
    assert body["error"]["claim_days"] == 30
    assert claim(api, ALICE, token(key, receipt(), days_ago=29))[0] == 201
    assert api.balance(ALICE) > before


def test_the_store_claim_period_is_a_setting(srv: EmbeddedBackend, api: Api, key: ClaimKey) -> None:
    done = cli(srv, "set-claim-days", "--store", "DEMO", "--days", "60")
    assert done.returncode == 0, done.stderr
    try:
        assert claim(api, ALICE, token(key, receipt(), days_ago=45))[0] == 201
    finally:
        assert cli(srv, "set-claim-days", "--store", "DEMO", "--days", "30").returncode == 0


def test_a_reversal_covers_points_claimed_by_token(
    srv: EmbeddedBackend, api: Api, key: ClaimKey
) -> None:
    before = api.balance(BOB)
    tok = token(key, receipt(), "20.00")
    status, body = claim(api, BOB, tok)
    assert status == 201
    staff, pin = srv.manager
    r = api.post(
        f"/transactions/{body['transaction_id']}/reverse",
        {"op_id": op(), "reason": "returned", "approval": {"staff": staff, "pin": pin}},
    )
    assert r.status_code == 201, r.text
    assert api.balance(BOB) == before


def test_replayed_in_a_batch_exactly_once(api: Api, key: ClaimKey) -> None:
    before = api.balance(BOB)
    item = {
        "op_id": op(),
        "kind": "receipt_claim",
        "body": {"customer_id": api.customer(BOB)["id"], "token": token(key, receipt(), "9.00")},
    }
    first = api.post("/ops", {"ops": [item, item]})
    assert first.status_code == 200, first.text
    results = first.json()["results"]
    assert [r["status"] for r in results] == [201, 201]
    assert results[0]["body"] == results[1]["body"]
    assert api.balance(BOB) == before + results[0]["body"]["points"]


def test_create_key_writes_the_claim_key_to_a_private_file(
    srv: EmbeddedBackend, tmp_path: Path
) -> None:
    out = tmp_path / "claim.key"
    made = cli(srv, "create-key", "--store", "DEMO", "--till", "T8", "--claim-key-out", str(out))
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip().startswith("tk_") and "ck1." not in made.stdout + made.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    parsed = ClaimKey.parse(out.read_text())
    assert (parsed.store, parsed.till) == ("DEMO", "T8")
    assert parsed.secret.hex() not in repr(parsed)


def test_a_return_of_the_receipt_covers_points_claimed_by_token(api: Api, key: ClaimKey) -> None:
    before = api.balance(ALICE)
    no = receipt()
    status, body = claim(api, ALICE, token(key, no, "15.00"))
    assert status == 201
    assert api.balance(ALICE) == before + body["points"]
    r = api.post(
        "/returns",
        {"op_id": op(), "receipt_no": no, "occurred_at": datetime.now(UTC).isoformat()},
    )
    assert r.status_code == 201, r.text
    assert r.json()["points_reversed"] == body["points"]
    assert api.balance(ALICE) == before


def test_a_token_claim_earns_by_the_rules_of_an_earn(
    api: Api, srv: EmbeddedBackend, key: ClaimKey
) -> None:
    """Issue 16: not the flat rate -- the member's type counts, as at an earn of the sale."""
    made = cli(
        srv, "set-customer-type", "--store", "DEMO", "--code", "staff", "--name", "Staff",
        "--multiplier", "2",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    phone = f"+4477005{uuid.uuid4().int % 10**5:05d}"
    assert api.post("/customers", {"phone": phone}).status_code == 201
    given = cli(srv, "assign-customer-type", "--store", "DEMO", "--phone", phone, "--code", "staff")
    assert given.returncode == 0, given.stderr
    status, body = claim(api, phone, token(key, receipt(), "12.50"))
    assert status == 201, body
    assert body["points"] == 25  # 12.50 x staff's x2, not 12
