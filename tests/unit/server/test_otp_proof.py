"""An OTP proof (the member's SMS code approved this redemption, issue 11) is bound to one
merchant's op_id, its body and its member, under the server's pepper, and is never a
manager's proof nor a code (``server/approval_proof.py``)."""

from __future__ import annotations

import re

import pytest

from server import approval_proof as ap
from server.models import OTP_OR_PROOF

PEPPER = bytes(range(32))


def binding(**kw: object) -> ap.Binding:
    fields: dict[str, object] = {"merchant_id": 1, "op_id": "op-1", "digest": "d" * 64}
    fields.update(kw)
    return ap.Binding(**fields)  # type: ignore[arg-type]


def test_an_otp_proof_verifies_for_its_own_op_and_member() -> None:
    proof = ap.issue_otp(PEPPER, binding(), 42)
    assert re.fullmatch(ap.PATTERN, proof) and ap.is_proof(proof)
    assert re.fullmatch(OTP_OR_PROOF, proof)  # what the otp field accepts
    assert ap.valid_otp(PEPPER, binding(), 42, proof)


@pytest.mark.parametrize(
    ("other", "customer_id", "pepper"),
    [
        (binding(merchant_id=2), 42, PEPPER),
        (binding(op_id="op-2"), 42, PEPPER),
        (binding(digest="e" * 64), 42, PEPPER),
        (binding(), 43, PEPPER),
        (binding(), 42, bytes(32)),
    ],
    ids=["merchant", "op_id", "body", "customer", "pepper"],
)
def test_an_otp_proof_verifies_for_nothing_else(
    other: ap.Binding, customer_id: int, pepper: bytes
) -> None:
    proof = ap.issue_otp(PEPPER, binding(), 42)
    assert not ap.valid_otp(pepper, other, customer_id, proof)


def test_the_approving_factor_is_part_of_the_proof() -> None:
    """Staff 42's proof is not customer 42's code proof, nor the other way round."""
    assert ap.issue_otp(PEPPER, binding(), 42) != ap.issue(PEPPER, binding(), 42)
    assert not ap.valid(PEPPER, binding(), 42, ap.issue_otp(PEPPER, binding(), 42))
    assert not ap.valid_otp(PEPPER, binding(), 42, ap.issue(PEPPER, binding(), 42))


def test_a_code_is_not_a_proof() -> None:
    assert not ap.is_proof("123456")
    assert not ap.is_proof("v1." + "a" * 42)
    assert re.fullmatch(OTP_OR_PROOF, "123456")


def test_the_answer_carries_the_code_proof_only_when_the_code_approved_it() -> None:
    with ap.bound(1, "op-1", "d" * 64) as b:
        assert ap.proof_of(PEPPER, b) is None
        ap.note_otp(42)
    assert ap.proof_of(PEPPER, b) == ap.issue_otp(PEPPER, binding(), 42)
    ap.note_otp(7)  # outside an operation: noted nowhere
    assert ap.current() is None


def test_a_manager_proof_wins_when_a_manager_approved() -> None:
    with ap.bound(1, "op-1", "d" * 64) as b:
        ap.note_approved(5)
        ap.note_otp(42)
    assert ap.proof_of(PEPPER, b) == ap.issue(PEPPER, binding(), 5)
