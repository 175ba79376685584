"""Settling an op for good and reconciling acknowledged ops (issue 11), over HTTP.

``POST /v1/ops/{op_id}/cancel``: ``cancelled`` when the op was not applied (then refused
for ever with 409 ``op_cancelled``, alone or in a batch), ``applied`` with the original
result when it was. ``POST /v1/ops/status``: applied / cancelled / unknown, in request
order, also after the database was restored from an older copy. Both per merchant. And
clock skew: a till clock up to 24 h ahead is accepted, and the server's receipt time kept.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import requests

from server import demo_data
from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, BOB, DAN, Api, code_of, op


@pytest.fixture(scope="module")
def srv(module_backend_factory: BackendFactory) -> EmbeddedBackend:
    return module_backend_factory()


@pytest.fixture(scope="module")
def api(srv: EmbeddedBackend) -> Api:
    return Api.of(srv)


@pytest.fixture(scope="module")
def north(srv: EmbeddedBackend) -> Api:
    second = demo_data.SECOND_MERCHANT
    argv = ["create-key", "--db", srv.db_url, "--store", second.store, "--till", second.till]
    made = subprocess.run(
        [sys.executable, "-m", "server", *argv],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return Api(srv.url, made.stdout.strip())


def earn_body(customer_id: int, op_id: str, amount: str = "4.00") -> dict[str, Any]:
    return {
        "op_id": op_id,
        "customer_id": customer_id,
        "amount": amount,
        "receipt_no": f"R-{uuid.uuid4().hex[:12]}",
    }


def batch_item(body: dict[str, Any], kind: str = "earn") -> dict[str, Any]:
    return {"op_id": body["op_id"], "kind": kind, "body": body}


def cancel(api: Api, op_id: str) -> dict[str, Any]:
    r = api.session.post(f"{api.base}/ops/{op_id}/cancel", timeout=30)  # no body at all
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def states(api: Api, op_ids: list[str]) -> list[dict[str, Any]]:
    r = api.post("/ops/status", {"op_ids": op_ids})
    assert r.status_code == 200, r.text
    out: list[dict[str, Any]] = r.json()["ops"]
    return out


# -- cancel -----------------------------------------------------------------------------------


def test_cancel_then_send_is_refused_for_ever(api: Api) -> None:
    alice = api.customer(ALICE)
    op_id = op()
    assert cancel(api, op_id) == {"state": "cancelled"}
    assert cancel(api, op_id) == {"state": "cancelled"}  # idempotent
    r = api.post("/earn", earn_body(alice["id"], op_id))
    assert (r.status_code, code_of(r)) == (409, "op_cancelled")
    assert r.json()["error"]["message"]
    batch = api.post("/ops", {"ops": [batch_item(earn_body(alice["id"], op_id))]})
    assert batch.status_code == 200
    (result,) = batch.json()["results"]
    assert (result["status"], result["body"]["error"]["code"]) == (409, "op_cancelled")
    assert api.balance(ALICE) == alice["balance"]
    assert cancel(api, op_id) == {"state": "cancelled"}


@pytest.mark.parametrize("kind", ["redeem", "reverse", "claim", "customer"])
def test_a_cancelled_op_id_is_refused_for_every_kind(api: Api, kind: str) -> None:
    op_id = op()
    cancel(api, op_id)
    manager = {"staff": demo_data.MANAGER[0], "pin": demo_data.MANAGER[1]}
    dan = api.customer(DAN)["id"]
    bodies: dict[str, tuple[str, dict[str, Any]]] = {
        "redeem": ("/redeem", {"customer_id": dan, "points": 10, "receipt_no": "C-1"}),
        "reverse": ("/transactions/1/reverse", {"reason": "test", "approval": manager}),
        "claim": (
            "/claims",
            {
                "customer_id": dan,
                "receipt_no": f"C-{uuid.uuid4().hex[:8]}",
                "occurred_at": "2026-11-20T12:00:00Z",
                "amount": "3.00",
                "approval": manager,
            },
        ),
        "customer": ("/customers", {"phone": f"+4477003{uuid.uuid4().int % 10**6:06d}"}),
    }
    path, body = bodies[kind]
    r = api.post(path, {**body, "op_id": op_id})
    assert (r.status_code, code_of(r)) == (409, "op_cancelled")


def test_send_then_cancel_answers_applied_with_the_same_result(api: Api) -> None:
    bob = api.customer(BOB)
    op_id = op()
    sent = api.post("/earn", earn_body(bob["id"], op_id))
    assert sent.status_code == 201, sent.text
    assert cancel(api, op_id) == {"state": "applied", "result": sent.json()}
    assert cancel(api, op_id) == {"state": "applied", "result": sent.json()}
    assert api.balance(BOB) == bob["balance"] + 4  # the cancel took nothing back


def test_an_op_applied_in_a_batch_cancels_as_applied(api: Api) -> None:
    bob = api.customer(BOB)
    body = earn_body(bob["id"], op())
    batch = api.post("/ops", {"ops": [batch_item(body)]})
    (result,) = batch.json()["results"]
    assert result["status"] == 201
    assert cancel(api, body["op_id"]) == {"state": "applied", "result": result["body"]}


def test_a_refused_op_can_be_cancelled(api: Api) -> None:
    """A refusal has no effect and is not recorded, so the op is still open: cancel settles it."""
    bob = api.customer(BOB)
    op_id = op()
    body = {"op_id": op_id, "customer_id": bob["id"], "points": 10**8, "receipt_no": "X"}
    r = api.post("/redeem", body)
    assert (r.status_code, code_of(r)) == (409, "insufficient_points")
    assert cancel(api, op_id) == {"state": "cancelled"}
    r = api.post("/redeem", {**body, "points": 1})
    assert (r.status_code, code_of(r)) == (409, "op_cancelled")


def test_cancel_and_send_racing_never_both_win(api: Api) -> None:
    """Whatever the order the server sees them in: cancelled and not applied, or applied and
    the cancel answers with exactly that result."""
    frank = api.customer("+447700900987")
    start = frank["balance"]
    applied = 0

    def send(body: dict[str, Any]) -> requests.Response:
        return requests.post(
            f"{api.base}/earn",
            json=body,
            headers={"Authorization": api.session.headers["Authorization"]},
            timeout=30,
        )

    def settle(op_id: str) -> requests.Response:
        return requests.post(
            f"{api.base}/ops/{op_id}/cancel",
            headers={"Authorization": api.session.headers["Authorization"]},
            timeout=30,
        )

    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(15):
            body = earn_body(frank["id"], op(), "1.00")
            sent = pool.submit(send, body)
            settled = pool.submit(settle, body["op_id"])
            s, c = sent.result(), settled.result().json()
            if c["state"] == "applied":
                assert s.status_code == 201 and c["result"] == s.json()
                applied += 1
            else:
                assert c == {"state": "cancelled"}
                assert (s.status_code, code_of(s)) == (409, "op_cancelled")
            assert cancel(api, body["op_id"]) == c  # settled for good, either way
    assert api.balance("+447700900987") == start + applied


@pytest.mark.parametrize("bad", ["has space", "x" * 101, "é"])
def test_cancel_refuses_what_cannot_be_an_op_id(api: Api, bad: str) -> None:
    r = api.session.post(f"{api.base}/ops/{quote(bad)}/cancel", timeout=30)
    assert (r.status_code, code_of(r)) == (422, "invalid_request")


def test_cancel_needs_a_key(srv: EmbeddedBackend) -> None:
    r = requests.post(f"{srv.url}/v1/ops/abc/cancel", timeout=10)
    assert (r.status_code, code_of(r)) == (401, "unauthorized")


# -- status -----------------------------------------------------------------------------------


def test_status_in_request_order(api: Api) -> None:
    alice = api.customer(ALICE)
    done, gone, never = op(), op(), op()
    sent = api.post("/earn", earn_body(alice["id"], done))
    assert sent.status_code == 201
    cancel(api, gone)
    assert states(api, [never, done, gone, done]) == [
        {"op_id": never, "state": "unknown", "result": None},
        {"op_id": done, "state": "applied", "result": sent.json()},
        {"op_id": gone, "state": "cancelled", "result": None},
        {"op_id": done, "state": "applied", "result": sent.json()},
    ]
    assert states(api, []) == []


def test_status_takes_up_to_500_op_ids(api: Api) -> None:
    ids = [op() for _ in range(500)]
    assert [s["state"] for s in states(api, ids)] == ["unknown"] * 500
    r = api.post("/ops/status", {"op_ids": [*ids, op()]})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    r = api.post("/ops/status", {"op_ids": ["not an op id"]})
    assert (r.status_code, code_of(r)) == (422, "invalid_request")


def test_status_and_cancel_are_the_merchants_own(api: Api, north: Api) -> None:
    alice = api.customer(ALICE)
    op_id = op()
    sent = api.post("/earn", earn_body(alice["id"], op_id))
    assert sent.status_code == 201
    assert states(north, [op_id]) == [{"op_id": op_id, "state": "unknown", "result": None}]
    # The other merchant's cancel settles its own op_id: the first merchant's stays applied.
    assert cancel(north, op_id) == {"state": "cancelled"}
    assert states(api, [op_id])[0]["state"] == "applied"
    assert cancel(api, op_id) == {"state": "applied", "result": sent.json()}


def _copy_database(srv: EmbeddedBackend, to: Path) -> None:
    """An online backup (sqlite3's backup API), as a nightly job would take it."""
    source, target = sqlite3.connect(srv.db_path), sqlite3.connect(to)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


@pytest.mark.sqlite_only("restores a copy made with sqlite3's backup API over the file")
def test_status_after_a_restore_from_an_older_copy_is_unknown(
    backend_factory: BackendFactory, tmp_path: Path
) -> None:
    srv = backend_factory()
    api = Api.of(srv)
    dan = api.customer(DAN)
    before = op()
    assert api.post("/earn", earn_body(dan["id"], before)).status_code == 201
    copy = tmp_path / "backup.db"
    _copy_database(srv, copy)
    acked = [op() for _ in range(5)]
    for op_id in acked:
        assert api.post("/earn", earn_body(dan["id"], op_id, "2.00")).status_code == 201
    assert [s["state"] for s in states(api, acked)] == ["applied"] * 5

    srv.stop()
    for suffix in ("-wal", "-shm"):
        Path(f"{srv.db_path}{suffix}").unlink(missing_ok=True)
    copy.replace(srv.db_path)
    srv.start()

    got = states(api, [before, *acked])
    assert got[0]["state"] == "applied"
    assert [s["state"] for s in got[1:]] == ["unknown"] * 5
    # The till re-sends the unknown ones (idempotent): each is applied once, in one batch.
    balance = api.balance(DAN)
    items = [batch_item(earn_body(dan["id"], op_id, "2.00")) for op_id in acked]
    results = api.post("/ops", {"ops": items + items}).json()["results"]
    assert [r["status"] for r in results] == [201] * 10
    assert api.balance(DAN) == balance + 5 * 2
    assert [s["state"] for s in states(api, acked)] == ["applied"] * 5


# -- clock skew -------------------------------------------------------------------------------


def _at(delta: timedelta) -> str:
    return (datetime.now(UTC) + delta).isoformat().replace("+00:00", "Z")


def test_a_till_clock_up_to_a_day_ahead_is_accepted_and_the_receipt_time_recorded(
    api: Api,
) -> None:
    bob = api.customer(BOB)
    ahead = _at(timedelta(hours=23, minutes=30))
    sent_at = datetime.now(UTC)
    r = api.earn(bob["id"], "2.00", occurred_at=ahead)
    assert r.status_code == 201, r.text
    batch = api.post(
        "/ops",
        {
            "ops": [
                batch_item({**earn_body(bob["id"], op()), "occurred_at": _at(timedelta(hours=2))})
            ]
        },
    )
    assert batch.json()["results"][0]["status"] == 201
    (latest, first) = api.get(f"/customers/{bob['id']}/transactions", limit=2).json()[
        "transactions"
    ]
    assert first["id"] == r.json()["transaction_id"]
    assert first["occurred_at"][:19] == ahead[:19]
    received = datetime.fromisoformat(first["received_at"].replace("Z", "+00:00"))
    assert abs(received - sent_at) < timedelta(minutes=5)  # ours, not the till's
    assert latest["received_at"] is not None


@pytest.mark.parametrize("ahead", [timedelta(hours=24, minutes=5), timedelta(days=30), None])
def test_absurd_times_are_still_refused(api: Api, ahead: timedelta | None) -> None:
    bob = api.customer(BOB)
    when = "1999-12-31T23:59:59Z" if ahead is None else _at(ahead)
    r = api.earn(bob["id"], "2.00", occurred_at=when)
    assert (r.status_code, code_of(r)) == (422, "invalid_request")
    assert r.json()["error"]["field"] == "occurred_at"
