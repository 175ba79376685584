"""The backend restored from an older backup, on both engines (issue 11, reconciliation).

The till's journal, sync worker and reconciler against the real server over loopback: the
database is copied, operations are settled, the copy is restored, and one reconcile check
must make the ledger right again:

- a reversal a manager approved with a PIN, acknowledged after the copy: the till kept no
  PIN, only the approval proof the backend answered; re-sent with it, the reversal is applied
  again exactly once and nothing goes to the review list;
- the same reversal acknowledged by an older backend that answered no proof: it goes to the
  review list saying it needs a manager's PIN again, and a manager's PIN puts it through once;
- a redemption cancelled after the copy (the cashier was told "not charged"): the check
  cancels it again, so a late copy of it is refused with 409 ``op_cancelled``;
- a redemption the member approved with the SMS code, acknowledged after the copy: the till
  kept no code, only the proof the backend answered; re-sent with it, the redemption is
  applied again exactly once, nothing goes to review; if the member spent the points again
  after the restore, it goes to review saying so; and the proof approves nothing else.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from offline_queue import Journal, OpState
from offline_queue.journal_identity import open_till_journal
from offline_queue.reconcile import Reconciler
from offline_queue.redaction import REDACTED
from offline_queue.sync import SyncWorker
from offline_queue.sync_replies import APPROVAL_LOST, POINTS_SPENT
from server.embedded import EmbeddedBackend
from tests.fixtures.journal import RequestsTransport
from tests.integration.server.backups import Backup
from tests.integration.server.client import Api, code_of


class Till:
    """The till's side: its journal, sync worker and reconciler over HTTP."""

    def __init__(self, srv: EmbeddedBackend, api: Api, path: Path) -> None:
        self.api = api
        self.journal: Journal = open_till_journal(path)
        self.transport = RequestsTransport(srv.url, srv.api_key)
        self.worker = SyncWorker(self.journal, self.transport)
        self.reconciler = Reconciler(
            self.journal, self.status, on_requeued=lambda _n: None, cancel=self.cancel
        )

    def status(self, op_ids: list[str]) -> Sequence[Mapping[str, Any]]:
        r = self.api.post("/ops/status", {"op_ids": op_ids})
        assert r.status_code == 200, r.text
        ops: list[Mapping[str, Any]] = r.json()["ops"]
        return ops

    def cancel(self, op_id: str) -> str:
        r = self.api.post(f"/ops/{op_id}/cancel", {})
        assert r.status_code == 200, r.text
        return str(r.json()["state"])

    def drain(self) -> None:
        for _ in range(20):
            if self.worker.run_once(force=True).sent == 0:
                return
        raise AssertionError(self.worker.state())

    def close(self) -> None:
        self.journal.close()
        self.transport.close()


@pytest.fixture
def api(backend: EmbeddedBackend) -> Api:
    return Api.of(backend)


@pytest.fixture
def till(backend: EmbeddedBackend, api: Api, tmp_path: Path) -> Iterator[Till]:
    t = Till(backend, api, tmp_path / "journal.sqlite3")
    yield t
    t.close()


@pytest.fixture
def backup(
    backend: EmbeddedBackend, backend_engine: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Backup:
    return Backup(backend, backend_engine, request, tmp_path)


def new_customer(api: Api, points: int) -> dict[str, Any]:
    phone = f"+4477009{uuid.uuid4().int % 10**5:05d}"
    c: dict[str, Any] = api.post("/customers", {"phone": phone}).json()
    api.earn_points(c["id"], points)
    c["phone"] = phone
    return c


def ledger(api: Api, customer_id: int) -> list[dict[str, Any]]:
    tx: list[dict[str, Any]] = api.get(f"/customers/{customer_id}/transactions").json()[
        "transactions"
    ]
    return tx


def redeem(till: Till, customer: dict[str, Any], points: int, receipt: str) -> str:
    body = {"customer_id": customer["id"], "points": points, "receipt_no": receipt}
    return till.journal.append("redeem", str(customer["id"]), body)


def reversal_body(redemption: dict[str, Any], redeem_op: str, manager: dict[str, str]) -> Any:
    return {
        "transaction_id": redemption["transaction_id"],
        "reason": "sale voided",
        "approval": dict(manager),
        "reverses_op_id": redeem_op,
    }


def test_an_acknowledged_reversal_is_applied_again_once_with_its_proof_not_its_pin(
    backend: EmbeddedBackend, api: Api, till: Till, backup: Backup
) -> None:
    manager = {"staff": backend.manager[0], "pin": backend.manager[1]}
    c = new_customer(api, 300)
    redeem_op = redeem(till, c, 100, "RV-1")
    till.drain()
    redemption = till.journal.get(redeem_op)
    assert redemption is not None and redemption.result is not None
    backup.take()  # before the reversal

    rev_op = till.journal.append(
        "reverse", str(c["id"]), reversal_body(redemption.result, redeem_op, manager)
    )
    till.drain()
    acked = till.journal.get(rev_op)
    assert acked is not None and acked.state == OpState.ACKNOWLEDGED and acked.result is not None
    assert acked.payload["approval"] == {"staff": manager["staff"], "pin": REDACTED}  # no PIN kept
    assert str(acked.result["approval_proof"]).startswith("v1.")
    assert api.balance(c["phone"]) == 300

    backup.restore()
    assert api.balance(c["phone"]) == 200  # the reversal is gone with the restore
    report = till.reconciler.run_once()
    assert (report.error, report.applied, report.requeued) == (None, 1, 1)
    till.drain()

    assert till.journal.review() == []  # no manager needed: the proof approved it
    resent = till.journal.get(rev_op)
    assert resent is not None and resent.state == OpState.ACKNOWLEDGED
    assert [t["op_id"] for t in ledger(api, c["id"])].count(rev_op) == 1
    assert api.balance(c["phone"]) == 300
    again = till.reconciler.run_once()
    assert (again.requeued, again.applied) == (0, 2)
    # A late copy of the re-sent op is a replay: the same answer, no second reversal.
    item = {"op_id": rev_op, "kind": "reverse", "body": resent.payload}
    late = api.post("/ops", {"ops": [item]}).json()["results"][0]
    assert (late["status"], late["body"]["transaction_id"]) == (
        201,
        resent.result["transaction_id"] if resent.result else None,
    )
    assert api.balance(c["phone"]) == 300


def test_a_proof_approves_its_own_op_only(backend: EmbeddedBackend, api: Api) -> None:
    manager = {"staff": backend.manager[0], "pin": backend.manager[1]}
    c = new_customer(api, 300)
    red = api.post(
        "/redeem", {"op_id": str(uuid.uuid4()), "customer_id": c["id"], "points": 50,
                    "receipt_no": "PF-1"},
    ).json()  # fmt: skip
    first = api.post(
        f"/transactions/{red['transaction_id']}/reverse",
        {"op_id": str(uuid.uuid4()), "reason": "voided", "approval": manager},
    ).json()
    proof = {"staff": manager["staff"], "proof": first["approval_proof"]}
    other = api.post(
        "/redeem", {"op_id": str(uuid.uuid4()), "customer_id": c["id"], "points": 20,
                    "receipt_no": "PF-2"},
    ).json()  # fmt: skip
    r = api.post(
        f"/transactions/{other['transaction_id']}/reverse",
        {"op_id": str(uuid.uuid4()), "reason": "voided", "approval": proof},
    )
    assert (r.status_code, code_of(r)) == (403, "approval_proof_invalid")
    assert "PIN again" in r.json()["error"]["message"]
    policy = {"otp_required": False, "otp_min_value": "0.00", "approval": proof}
    r = api.put("/policy", policy)  # outside an operation a proof approves nothing
    assert (r.status_code, code_of(r)) == (403, "approval_proof_invalid")
    r = api.post(
        f"/transactions/{other['transaction_id']}/reverse",
        {"op_id": str(uuid.uuid4()), "reason": "voided", "approval": {"staff": manager["staff"]}},
    )
    assert (r.status_code, code_of(r)) == (403, "approval_required")
    assert api.balance(c["phone"]) == 300 - 20


def test_a_reversal_without_a_proof_asks_a_manager_for_a_pin_again(
    backend: EmbeddedBackend, api: Api, till: Till, backup: Backup
) -> None:
    manager = {"staff": backend.manager[0], "pin": backend.manager[1]}
    c = new_customer(api, 300)
    redeem_op = redeem(till, c, 100, "RV-2")
    till.drain()
    redemption = till.journal.get(redeem_op)
    assert redemption is not None and redemption.result is not None
    backup.take()
    body = reversal_body(redemption.result, redeem_op, manager)
    rev_op = till.journal.append("reverse", str(c["id"]), body)
    sent = api.post(
        f"/transactions/{body['transaction_id']}/reverse",
        {k: v for k, v in {**body, "op_id": rev_op}.items() if k != "transaction_id"},
    )
    assert sent.status_code == 201, sent.text
    # An older backend's answer: no proof. The till acknowledges it (and scrubs the PIN).
    till.journal.acknowledge(
        rev_op, {k: v for k, v in sent.json().items() if k != "approval_proof"}
    )

    backup.restore()
    assert till.reconciler.run_once().requeued == 1
    till.drain()
    (item,) = till.journal.review()
    assert item.op_id == rev_op and item.last_error is not None
    assert (item.last_error["code"], item.last_error["message"]) == ("approval_lost", APPROVAL_LOST)
    assert item.last_error["backend_code"] == "approval_required"
    assert api.balance(c["phone"]) == 200

    till.journal.reapprove(rev_op, manager["staff"], manager["pin"])  # the manager's PIN
    till.drain()
    assert till.journal.review() == []
    assert [t["op_id"] for t in ledger(api, c["id"])].count(rev_op) == 1
    assert api.balance(c["phone"]) == 300


def test_a_cancelled_redemption_stays_refused_after_a_restore(
    api: Api, till: Till, backup: Backup
) -> None:
    c = new_customer(api, 300)
    backup.take()
    op_id = redeem(till, c, 100, "RC-1")  # journaled; its first send went unanswered
    # The till settles it before telling the cashier "not charged" (issue 11).
    assert till.cancel(op_id) == "cancelled"
    till.journal.close_refused(op_id, {"code": "op_cancelled", "message": "cancelled"})

    backup.restore()
    assert till.status([op_id])[0]["state"] == "unknown"  # the restore forgot the cancel
    report = till.reconciler.run_once()

    cancelled = till.journal.get(op_id)
    assert cancelled is not None
    late = api.post("/redeem", cancelled.payload)  # a late copy (a proxy's retry)
    assert (late.status_code, code_of(late)) == (409, "op_cancelled")
    assert (report.error, report.recancelled, report.cancel_contradicted) == (None, 1, 0)
    item = {"op_id": op_id, "kind": "redeem", "body": cancelled.payload}
    result = api.post("/ops", {"ops": [item]}).json()["results"][0]
    assert (result["status"], result["body"]["error"]["code"]) == (409, "op_cancelled")
    assert api.balance(c["phone"]) == 300
    assert till.reconciler.run_once().recancelled == 0  # the backend knows it again


# -- the member's SMS code (seed 003 OTP policy) -------------------------------------------------


def otp_redeem(
    srv: EmbeddedBackend, till: Till, customer: dict[str, Any], points: int, receipt: str
) -> str:
    """A redemption the member confirms with the code sent to their phone, via the journal."""
    ch = till.api.post("/otp", {"customer_id": customer["id"], "points": points})
    assert ch.status_code == 201, ch.text
    code = srv.last_otp_for(customer["phone"])
    assert code is not None
    body = {
        "customer_id": customer["id"],
        "points": points,
        "receipt_no": receipt,
        "challenge_id": ch.json()["challenge_id"],
        "otp": code,
    }
    return till.journal.append("redeem", str(customer["id"]), body)


def test_an_acknowledged_otp_redemption_is_applied_again_once_with_its_proof_not_its_code(
    backend: EmbeddedBackend, api: Api, till: Till, backup: Backup
) -> None:
    c = new_customer(api, 1000)
    backup.take()  # before the redemption
    op_id = otp_redeem(backend, till, c, 500, "RO-1")  # 5.00: the store's code minimum
    till.drain()
    acked = till.journal.get(op_id)
    assert acked is not None and acked.state == OpState.ACKNOWLEDGED and acked.result is not None
    assert acked.payload["otp"] == REDACTED  # no code kept
    assert acked.result["with_otp"] is True
    proof = str(acked.result["approval_proof"])
    assert proof.startswith("v1.")
    assert api.balance(c["phone"]) == 500

    backup.restore()
    assert api.balance(c["phone"]) == 1000  # the redemption is gone with the restore
    report = till.reconciler.run_once()
    assert (report.error, report.requeued) == (None, 1)
    till.drain()

    assert till.journal.review() == []  # no code needed: the proof approved it
    resent = till.journal.get(op_id)
    assert resent is not None and resent.state == OpState.ACKNOWLEDGED
    assert resent.result is not None and resent.result["with_otp"] is True
    assert resent.result["approval_proof"] == proof  # the same op: the same proof
    assert [t["op_id"] for t in ledger(api, c["id"])].count(op_id) == 1
    assert api.balance(c["phone"]) == 500
    again = till.reconciler.run_once()
    assert (again.requeued, again.applied) == (0, 1)
    # A late copy of the re-sent op is a replay: the same answer, no second redemption.
    late = api.post("/redeem", {**resent.payload, "otp": proof})
    assert (late.status_code, late.json()["transaction_id"]) == (
        201,
        resent.result["transaction_id"],
    )
    assert api.balance(c["phone"]) == 500


def test_a_resent_otp_redemption_the_balance_no_longer_covers_goes_to_review_in_plain_words(
    backend: EmbeddedBackend, api: Api, till: Till, backup: Backup
) -> None:
    c = new_customer(api, 600)
    backup.take()
    op_id = otp_redeem(backend, till, c, 500, "RO-2")
    till.drain()
    backup.restore()
    spent = api.post(
        "/redeem", {"op_id": str(uuid.uuid4()), "customer_id": c["id"], "points": 400,
                    "receipt_no": "RO-3"},
    )  # fmt: skip
    assert spent.status_code == 201, spent.text  # spent again after the restore: 200 left

    assert till.reconciler.run_once().requeued == 1
    till.drain()
    (item,) = till.journal.review()
    assert item.op_id == op_id and item.last_error is not None
    assert (item.last_error["code"], item.last_error["message"]) == (
        "points_spent_after_restore",
        POINTS_SPENT,
    )
    assert item.last_error["backend_code"] == "insufficient_points"
    assert op_id not in [t["op_id"] for t in ledger(api, c["id"])]
    assert api.balance(c["phone"]) == 200


def test_an_otp_proof_approves_its_own_redemption_only(backend: EmbeddedBackend, api: Api) -> None:
    c, other = new_customer(api, 2000), new_customer(api, 2000)
    ch = api.post("/otp", {"customer_id": c["id"], "points": 500}).json()
    body = {
        "op_id": str(uuid.uuid4()),
        "customer_id": c["id"],
        "points": 500,
        "receipt_no": "PO-1",
        "challenge_id": ch["challenge_id"],
        "otp": backend.last_otp_for(c["phone"]),
    }
    first = api.post("/redeem", body)
    assert first.status_code == 201, first.text
    proof = first.json()["approval_proof"]
    assert first.json()["with_otp"] is True and proof.startswith("v1.")

    def refused(**changes: Any) -> None:
        r = api.post("/redeem", {**body, "otp": proof, **changes})
        assert (r.status_code, code_of(r)) == (403, "otp_proof_invalid"), r.text

    refused(op_id=str(uuid.uuid4()))  # another op
    refused(op_id=str(uuid.uuid4()), points=600)  # another op and body
    refused(op_id=str(uuid.uuid4()), customer_id=other["id"])  # another member
    same_op_other_body = api.post("/redeem", {**body, "otp": proof, "points": 600})
    assert (same_op_other_body.status_code, code_of(same_op_other_body)) == (
        409,
        "idempotency_conflict",
    )
    # Nor does it stand in for a manager's approval of an override.
    override = {k: v for k, v in body.items() if k not in ("challenge_id", "otp")}
    r = api.post(
        "/redeem",
        {**override, "op_id": str(uuid.uuid4()), "reason": "no phone",
         "approval": {"staff": backend.manager[0], "proof": proof}},
    )  # fmt: skip
    assert (r.status_code, code_of(r)) == (403, "approval_proof_invalid")
    assert api.balance(c["phone"]) == 1500 and api.balance(other["phone"]) == 2000
