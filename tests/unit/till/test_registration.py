"""A member's registration on the one submission path (issue 11): journaled first, sent once,
replayed exactly once after an outage, a duplicate found at replay sent to the review list
in plain words. The real journal (a temp file), the real sync worker and the real backend
over loopback; the words of each outcome without any of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from offline_queue.errors import JournalError, JournalWriteError
from offline_queue.journal import Journal
from offline_queue.op import OpState
from offline_queue.redaction import scrub
from offline_queue.sync import OpOutcome as SyncOutcome
from offline_queue.sync import SyncWorker
from till.backend_client import BackendClient, BackendError, OpResult
from till.backend_errors import plain_message
from till.core.outcome import OpOutcome, OpStatus
from till.core.submission import Submitter
from till.phone_numbers import NotAPhoneNumber
from till.registration import (
    KEY_SAVED_MESSAGE,
    KIND,
    NOT_SAVED_MESSAGE,
    SAVED_MESSAGE,
    NewMember,
    Registered,
    new_member,
    outcome_of,
    register,
    registration_request,
    replay_words,
)
from till.registration import (
    POINTS_LATER_MESSAGE as POINTS_LATER,
)

ALICE_PHONE = "+447700900123"  # a demo member (server/demo_data.py)


def test_the_form_becomes_an_e164_body_with_no_secret() -> None:
    member = new_member(" 07700 900555 ", " Ivy New ", " ", "40023817", "GB")
    assert member == NewMember("+447700900555", "Ivy New", None, ("40023817",))
    req = registration_request(member, "op-1")
    assert (req.kind, req.account, req.op_id) == (KIND, "new:+447700900555", "op-1")
    assert req.payload == {
        "op_id": "op-1",
        "phone": "+447700900555",
        "name": "Ivy New",
        "cards": ["40023817"],
    }
    assert scrub(req.payload) == req.payload  # nothing to redact: no OTP, no PIN
    with_email = new_member("07700900555", "Ivy", "ivy@example.org", None, None)
    assert with_email.phone == "07700900555"  # region unknown: the backend reads it
    assert with_email.body("op-2")["email"] == "ivy@example.org"


def test_an_impossible_phone_is_refused_before_anything_is_saved() -> None:
    with pytest.raises(NotAPhoneNumber, match="not a phone number for United Kingdom"):
        new_member("12345", "Ivy", None, None, "GB")


CUSTOMER = {"id": 77, "phone": "+447700900555", "name": "Ivy New", "balance": 0}


def outcome(status: OpStatus, result: Any = None, error: BaseException | None = None) -> OpOutcome:
    return OpOutcome("op-1", KIND, status, result, error)


def test_each_outcome_in_the_cashiers_words() -> None:
    done = outcome_of(outcome(OpStatus.DONE, OpResult.from_json(CUSTOMER)))
    assert done.state == Registered.REGISTERED and done.customer is not None
    assert (done.customer.id, done.customer.name) == ("77", "Ivy New")
    unreadable = outcome_of(outcome(OpStatus.DONE, OpResult.from_json({"name": "x"})))
    assert unreadable.state == Registered.REGISTERED and unreadable.customer is None
    assert "Look the member up by phone" in unreadable.message
    saved = outcome_of(outcome(OpStatus.PENDING))
    assert (saved.state, saved.message) == (Registered.SAVED, f"{SAVED_MESSAGE} {POINTS_LATER}")
    assert saved.message == (
        "Saved: the member will be registered when the till is back online. This sale earns "
        "them no points now: keep the receipt. Once they are registered, they claim the points "
        "with the receipt's QR code (or a manager adds them as missed points)."
    )
    key = outcome_of(outcome(OpStatus.KEY))
    assert (key.state, key.message) == (Registered.SAVED, f"{KEY_SAVED_MESSAGE} {POINTS_LATER}")
    exists = BackendError(
        "customer_exists",
        plain_message("customer_exists", {"field": "phone"}, 409),
        409,
        {"field": "phone", "customer_id": 1},
    )
    refused = outcome_of(outcome(OpStatus.REFUSED, error=exists))
    assert refused.state == Registered.REFUSED and refused.field == "phone"
    assert refused.message == "A member with this phone number is already registered."
    bad_email = BackendError("invalid_request", "The backend refused it.", 422, {"field": "email"})
    check = outcome_of(outcome(OpStatus.REFUSED, error=bad_email))
    assert check.message == "Please check the email: The backend refused it."
    assert check.field == "email"
    disk = outcome_of(outcome(OpStatus.NOT_RECORDED, error=JournalWriteError("disk full")))
    assert (disk.state, disk.message) == (Registered.NOT_SAVED, NOT_SAVED_MESSAGE)
    problem = outcome_of(outcome(OpStatus.NOT_RECORDED, error=JournalError("Call a technician.")))
    assert problem.message == "Call a technician."


# -- the path, for real ----------------------------------------------------------------------


class Path_:
    """Journal, client, sync worker and submitter as the till wires them (till.wiring)."""

    def __init__(self, backend: Any, tmp_path: Path) -> None:
        self.journal = Journal(tmp_path / "journal.sqlite3")
        self.client = BackendClient(backend.url, backend.api_key, timeout_s=3.0)
        self.outcomes: list[SyncOutcome] = []
        self.sync = SyncWorker(self.journal, self.client, on_outcome=self.outcomes.append)
        self.submitter = Submitter(self.journal, self.client, self.sync)

    def close(self) -> None:
        self.journal.close()


@pytest.fixture
def path(backend: Any, tmp_path: Path) -> Any:
    p = Path_(backend, tmp_path)
    yield p
    p.close()


def test_online_the_member_is_registered_and_a_duplicate_refused(path: Path_) -> None:
    ivy = new_member("07700 900555", "Ivy New", None, None, "GB")
    done = register(path.submitter, ivy)
    assert done.state == Registered.REGISTERED and done.customer is not None
    assert path.client.lookup(phone="+447700900555").id == done.customer.id
    op = path.journal.get(done.op_id)
    assert op is not None and op.state == OpState.ACKNOWLEDGED
    again = register(path.submitter, new_member("07700900555", "Ivy Twice", None, None, "GB"))
    assert again.state == Registered.REFUSED and again.field == "phone"
    assert "already registered" in again.message
    closed = path.journal.get(again.op_id)
    assert closed is not None and closed.state == OpState.CANCELLED  # never replayed
    assert path.journal.stats().pending == 0


def test_offline_it_is_saved_and_replayed_exactly_once(path: Path_, backend: Any) -> None:
    backend.stop()
    judy = new_member("07700 900556", "Judy Later", None, None, "GB")
    saved = register(path.submitter, judy)
    assert (saved.state, saved.message) == (Registered.SAVED, f"{SAVED_MESSAGE} {POINTS_LATER}")
    pending = path.journal.pending()
    assert [(op.kind, op.op_id) for op in pending] == [(KIND, saved.op_id)]
    backend.start()
    report = path.sync.run_once(force=True)
    assert report.acknowledged == 1
    judy_there = path.client.lookup(phone="+447700900556")
    assert judy_there.name == "Judy Later"
    op = path.journal.get(saved.op_id)
    assert op is not None and op.state == OpState.ACKNOWLEDGED and op.result is not None
    assert str(op.result["id"]) == judy_there.id
    [settled] = path.outcomes
    words = replay_words(settled)
    assert words is not None and words[1] == "ok" and words[2] is not None
    assert words[0] == "Judy Later is now registered (saved while offline)."
    # The same op sent again (a lost answer, a retried batch): the same member, no second.
    again = path.client.send_ops([{"op_id": op.op_id, "kind": KIND, "body": op.payload}])
    assert again[0]["status"] == 201 and str(again[0]["body"]["id"]) == judy_there.id
    assert path.sync.run_once(force=True).sent == 0


def test_a_duplicate_found_at_replay_goes_to_review_in_plain_words(
    path: Path_, backend: Any
) -> None:
    backend.stop()
    saved = register(path.submitter, new_member("07700 900123", "Alice Again", None, None, "GB"))
    assert saved.state == Registered.SAVED
    backend.start()
    assert path.sync.run_once(force=True).review == 1
    [op] = path.journal.review()
    assert op.op_id == saved.op_id and op.kind == KIND
    error = op.last_error
    assert isinstance(error, dict) and error["code"] == "customer_exists"
    words = plain_message(error["code"], error, int(error["status"]))
    assert words == "A member with this phone number is already registered."
    [settled] = path.outcomes
    banner = replay_words(settled)
    assert banner is not None and banner[1] == "warn"
    assert banner[0] == (
        "A registration saved while offline was not made: A member with this phone number "
        "is already registered. A manager can see it in the review list."
    )
    assert path.client.lookup(phone=ALICE_PHONE).name == "Alice Demo"
