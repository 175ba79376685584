"""Typed results of earn, reverse, the OTP request and the ``POST /v1/ops`` batch (issue 11,
item 7): parsed once in ``backend_client``; a body that is not the documented shape is a
plain-words ``WireFormatError`` (judged "retry"), never a ``KeyError`` in a caller. The batch
is handed to ``offline_queue``'s sync worker as plain items (it imports nothing from
``till``); an unreadable item leaves its op pending. The client half talks to a real HTTP
server on loopback, the sync half to a real journal file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from offline_queue.journal import Journal
from offline_queue.op import OpState as JournalState
from offline_queue.outcome_policy import Verdict
from offline_queue.sync import SyncWorker
from tests.unit.till.canned_backend import Answers, canned_backend, json_answer
from till.backend_client import (
    BackendClient,
    BackendUnavailable,
    OpReply,
    ReversalResult,
    WireFormatError,
)
from till.errors import TillError
from till.wire_results import batch_replies, earn_result, otp_challenge

EARNED = {"transaction_id": 12, "points": 30, "balance": 130, "lines": [], "campaigns": []}
REVERSED = {"transaction_id": 13, "reverses": 12, "points": -30, "balance": 100}
CHALLENGE = {
    "challenge_id": "ch-1",
    "expires_at": "2026-12-01T10:05:00Z",
    "masked_phone": "+44•••••••123",
    "resent": False,
}
ITEM = {"op_id": "e1", "status": 201, "body": EARNED}


def test_earn_result() -> None:
    result = earn_result(EARNED, "earn")
    assert (result.transaction_id, result.points, result.balance) == ("12", 30, 130)


def test_reversal_result() -> None:
    result = ReversalResult.from_json({**REVERSED, "approval_proof": "proof-xyz"})
    assert (result.transaction_id, result.reverses, result.points, result.balance) == (
        "13",
        "12",
        -30,
        100,
    )
    assert result.approval_proof == "proof-xyz" and "proof-xyz" not in repr(result)
    assert ReversalResult.from_json(REVERSED).approval_proof is None


def test_otp_challenge() -> None:
    challenge = otp_challenge(CHALLENGE)
    assert challenge.challenge_id == "ch-1" and challenge.masked_phone == "+44•••••••123"
    assert challenge.expires_at == datetime(2026, 12, 1, 10, 5, tzinfo=UTC)
    assert not challenge.resent and otp_challenge({**CHALLENGE, "resent": True}).resent


def test_batch_replies() -> None:
    (reply,) = batch_replies({"results": [ITEM]})
    assert reply == OpReply("e1", 201, EARNED)
    assert reply.as_wire() == ITEM and isinstance(reply.as_wire()["body"], dict)
    refused = {"op_id": "r1", "status": 409, "body": {"error": {"code": "insufficient_points"}}}
    assert batch_replies([ITEM, refused])[1].status == 409  # a bare list (older backend)
    assert batch_replies({"ops": []}) == ()


MALFORMED: list[tuple[str, Any]] = [
    ("earn", {"transaction_id": 12, "points": 30}),  # missing field
    ("earn", {**EARNED, "balance": "130"}),  # wrong type
    ("earn", "<html>Bad gateway</html>"),  # not a JSON object
    ("reverse", {k: v for k, v in REVERSED.items() if k != "reverses"}),
    ("reverse", {**REVERSED, "points": True}),
    ("reverse", {**REVERSED, "approval_proof": 7}),
    ("reverse", [REVERSED]),
    ("otp", {k: v for k, v in CHALLENGE.items() if k != "expires_at"}),
    ("otp", {**CHALLENGE, "expires_at": "tomorrow"}),
    ("otp", {**CHALLENGE, "expires_at": "2026-12-01T10:05:00"}),  # no zone: not UTC
    ("otp", {**CHALLENGE, "resent": "no"}),
    ("otp", None),
    ("batch", {}),  # no results
    ("batch", {"results": {"e1": ITEM}}),
    ("batch", "<html>Captive portal</html>"),
]
#: Items of a readable batch that are not an op's reply: left out (their op stays pending).
BAD_ITEMS = [
    "e2",
    {"status": 201, "body": EARNED},  # missing op_id
    {**ITEM, "status": "201"},
    {**ITEM, "body": None},
]
PARSERS = {
    "earn": lambda body: earn_result(body, "earn"),
    "reverse": ReversalResult.from_json,
    "otp": otp_challenge,
    "batch": batch_replies,
}


@pytest.mark.parametrize("bad", BAD_ITEMS)
def test_an_unreadable_item_is_left_out_and_the_others_are_read(bad: Any) -> None:
    assert batch_replies({"results": [ITEM, bad]}) == batch_replies({"results": [ITEM]})


@pytest.mark.parametrize(("kind", "body"), MALFORMED)
def test_a_malformed_body_is_a_plain_error_never_a_key_error(kind: str, body: Any) -> None:
    with pytest.raises(WireFormatError) as raised:
        PARSERS[kind](body)
    error = raised.value
    assert isinstance(error, TillError) and isinstance(error, BackendUnavailable)
    assert "could not be read" in str(error) and "{" not in str(error)
    assert error.code == "bad_reply" and error.verdict == Verdict.RETRY


# -- the client, against a real HTTP server on loopback --------------------------------------


@pytest.fixture
def canned() -> Iterator[tuple[BackendClient, Answers]]:
    with canned_backend() as pair:
        yield pair


_json = json_answer


def test_the_client_returns_typed_results(canned: tuple[BackendClient, Answers]) -> None:
    client, answers = canned
    answers[("POST", "/v1/earn")] = _json(201, EARNED)
    answers[("POST", "/v1/transactions/12/reverse")] = _json(201, REVERSED)
    answers[("POST", "/v1/otp")] = _json(201, {**CHALLENGE, "resent": True})
    answers[("POST", "/v1/ops")] = _json(200, {"results": [ITEM]})
    earned = client.earn("e1", "7", Decimal("30.00"), "R-1")
    assert earned.transaction_id == "12" and earned.points == 30
    assert client.reverse(earned.transaction_id, "v1", "wrong amount").balance == 100
    assert client.request_otp("7", 600).resent
    assert client.ops_batch([{"op_id": "e1"}]) == (OpReply("e1", 201, EARNED),)
    assert client.send_ops([{"op_id": "e1"}]) == [ITEM]  # what offline_queue reads


def test_a_proxy_page_or_a_broken_body_is_a_plain_error(
    canned: tuple[BackendClient, Answers],
) -> None:
    client, answers = canned
    answers[("POST", "/v1/earn")] = (201, "text/html", b"<html>Captive portal</html>")
    answers[("POST", "/v1/transactions/12/reverse")] = _json(201, {"transaction_id": 13})
    answers[("POST", "/v1/otp")] = _json(201, {"challenge_id": "ch-1"})
    answers[("POST", "/v1/ops")] = _json(200, {"results": {"e1": {"op_id": "e1"}}})
    manager = {"staff": "manager", "pin": "2468"}
    for call in (
        lambda: client.earn("e1", "7", Decimal("30.00"), "R-1"),
        lambda: client.reverse("12", "v1", "wrong amount", manager),
        lambda: client.request_otp("7", 600),
        lambda: client.ops_batch([{"op_id": "e1"}]),
        lambda: client.send_ops([{"op_id": "e1"}]),
    ):
        with pytest.raises(WireFormatError) as raised:
            call()
        assert "2468" not in str(raised.value)
        assert "could not be read" in str(raised.value)


def test_an_unreadable_item_keeps_its_op_pending_and_the_others_go_on(
    canned: tuple[BackendClient, Answers], tmp_path: Path
) -> None:
    """The sync worker over the real client: an item it cannot read acknowledges and
    reviews nothing for its op (idempotent by op_id: the next round asks again), the
    readable item beside it is acknowledged, and a good reply then settles the rest once."""
    client, answers = canned
    with Journal(tmp_path / "journal.sqlite3") as journal:
        journal.append("earn", "7", {"op_id": "e1", "amount": "30.00"}, op_id="e1")
        journal.append("earn", "8", {"op_id": "e2", "amount": "5.00"}, op_id="e2")
        answers[("POST", "/v1/ops")] = _json(200, {"results": [ITEM, {"op_id": "e2"}]})
        now = [0.0]  # the worker's monotonic clock: e2's account waits its backoff out
        worker = SyncWorker(journal, client, clock=lambda: now[0])
        report = worker.run_once(force=True)
        assert report.acknowledged == 1 and report.review == 0
        assert [op.op_id for op in journal.pending()] == ["e2"]
        now[0] += 3600.0
        second = {"op_id": "e2", "status": 201, "body": {**EARNED, "transaction_id": 14}}
        answers[("POST", "/v1/ops")] = _json(200, {"results": [ITEM, second]})
        assert worker.run_once(force=True).acknowledged == 1
        assert journal.pending() == []
        e1 = journal.get("e1")
        assert e1 is not None and e1.state == JournalState.ACKNOWLEDGED
        assert e1.result is not None and e1.result["transaction_id"] == 12
