"""An approval proof is bound to one merchant's op_id, its body and its manager, under the
server's pepper (issue 11, ``server/approval_proof.py``)."""

from __future__ import annotations

import re

import pytest

from server import approval_proof as ap
from server.idempotency import body_hash

PEPPER = bytes(range(32))


def binding(**kw: object) -> ap.Binding:
    fields: dict[str, object] = {"merchant_id": 1, "op_id": "op-1", "digest": "d" * 64}
    fields.update(kw)
    return ap.Binding(**fields)  # type: ignore[arg-type]


def test_a_proof_verifies_for_its_own_op_and_manager() -> None:
    proof = ap.issue(PEPPER, binding(), 5)
    assert re.fullmatch(ap.PATTERN, proof)
    assert ap.valid(PEPPER, binding(), 5, proof)


@pytest.mark.parametrize(
    ("other", "staff_id", "pepper"),
    [
        (binding(merchant_id=2), 5, PEPPER),
        (binding(op_id="op-2"), 5, PEPPER),
        (binding(digest="e" * 64), 5, PEPPER),
        (binding(), 6, PEPPER),
        (binding(), 5, bytes(32)),
    ],
    ids=["merchant", "op_id", "body", "manager", "pepper"],
)
def test_a_proof_verifies_for_nothing_else(other: ap.Binding, staff_id: int, pepper: bytes) -> None:
    proof = ap.issue(PEPPER, binding(), 5)
    assert not ap.valid(pepper, other, staff_id, proof)


def test_the_binding_notes_who_approved_and_only_inside_an_op() -> None:
    ap.note_approved(9)  # outside an operation: nothing to note
    assert ap.current() is None
    with ap.bound(1, "op-1", "d" * 64) as b:
        assert ap.current() is b
        ap.note_approved(5)
        ap.note_approved(5)
    assert ap.current() is None
    assert b.approved_by == [5]
    assert ap.proof_of(PEPPER, b) == ap.issue(PEPPER, binding(), 5)
    with ap.bound(1, "op-2", "d" * 64) as none:
        pass
    assert ap.proof_of(PEPPER, none) is None


def test_the_body_hash_ignores_how_the_op_is_approved() -> None:
    """The proof is made over this hash: the PIN, the proof or neither, the same operation."""
    body = {"op_id": "x", "reason": "voided"}
    scope = {"store": 1, "transaction_id": 7}
    by_pin = body_hash("reverse", scope, {**body, "approval": {"staff": "m", "pin": "2468"}})
    by_proof = body_hash("reverse", scope, {**body, "approval": {"staff": "m", "proof": "v1.x"}})
    assert by_pin == by_proof
    other = body_hash("reverse", scope, {**body, "approval": {"staff": "n", "pin": "2468"}})
    assert other != by_pin
