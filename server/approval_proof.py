"""Approval proofs: a manager's approval of one exact operation, that outlives a database restore.

Why (issue 11, reconciliation): a manager-approved operation (a reversal, a missed-points
claim, an override) is sent with ``approval: {staff, pin}``. Once the backend acknowledged it
the till scrubs the PIN from its journal (``offline_queue/redaction.py``): a PIN kept on disk
for 30 days would be a secret worth stealing. But when the backend's database is then
restored from an older backup, the operation is gone from the ledger, the till's reconciler
finds it ``unknown`` and sends it again, and without the PIN the backend must refuse it: the
manager's decision, taken and acknowledged, would be lost to a restore.

So when the backend applies an operation a manager approved, it answers an **approval
proof**: ``HMAC-SHA256(K, merchant | op_id | staff id | body hash)`` (RFC 2104), where

- the body hash is the operation's idempotency digest (``idempotency.body_hash``: kind,
  scope and the canonical body, without the OTP, the PIN or the proof itself), so the proof
  is bound to that one operation, byte for byte, and to nothing else;
- ``K`` is derived from the server pepper (``server/pepper.py``), which by design lives
  *outside* the database and its backups: a restored database still verifies the proofs it
  issued before, while a stolen copy of the database cannot forge one. ``K`` is a separate
  key (HMAC of a fixed label under the pepper), not the pepper itself, so a proof says
  nothing about the PIN hashes the pepper also keys.

The till keeps the proof with the acknowledged operation's result; it is not a secret in the
PIN's sense: it grants exactly that operation with that op_id, which is either already in
the ledger (the backend answers its original result: op_id idempotency) or was lost with a
restore (then it is applied again, once, and recorded). A proof cannot approve another
operation, another body, another merchant's op, or a request outside ``POST /v1/ops`` and
the op endpoints (PUT /policy, card programs and rules need a PIN every time). The staff
member must still exist and still be a manager: one removed since is not honoured, and the
operation goes to the till's review list for a manager to approve with a PIN again.

Considered instead: keeping the PIN (rejected: a secret at rest for the retention period),
or keeping it encrypted under a till key (rejected: the till would hold both). A short
validity is not needed: the proof cannot do more than the op_id's idempotency already does.

The binding is a context variable set by ``operations.Runner.apply`` around one operation's
effect, so ``approval.require_manager``, deep in the ledger code, can check a proof against
the operation being applied and note which manager approved it, without widening every
ledger function's signature.

**The member's one-time code, too** (seed 003 OTP policy). A redemption the member confirmed
with the SMS code has the same problem after a restore: the till scrubbed the code at
acknowledgement (it must: a code on disk is a secret), so the re-sent redemption cannot
carry it. The backend therefore answers the same kind of proof for an OTP-verified
redemption, ``HMAC-SHA256(K, merchant | op_id | customer id | "otp" | body hash)``, and the
till re-sends it in the code's place (``otp``). Same key, same binding, same module: one
scheme, with the approving factor in the message (a manager's proof has four fields, an
OTP proof five, so one can never be taken for the other). This is not a reusable
authenticator in the sense of NIST SP 800-63B: the code authenticated the member once, for
that one transaction (5.1.3, out-of-band, single use), and the proof is only the server's
own record that it did, bound to that op_id and body. Whatever it is shown with, it
approves that operation, which op_id idempotency applies at most once, and nothing else:
not another op_id, body, customer, merchant, or a server with another pepper. The balance
rule still applies to the re-sent redemption (points spent again since are not there).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

__all__ = [
    "PATTERN",
    "PREFIX",
    "Binding",
    "bound",
    "current",
    "is_proof",
    "issue",
    "issue_otp",
    "note_approved",
    "note_otp",
    "proof_of",
    "valid",
    "valid_otp",
]

PREFIX = "v1."
#: ``v1.`` and 43 characters of unpadded base64url (32 bytes): what the model accepts.
PATTERN = r"^v1\.[A-Za-z0-9_\-]{43}$"
_LABEL = b"till-server approval proof v1"


@dataclass
class Binding:
    """The operation being applied, and the manager(s) whose approval it used."""

    merchant_id: int
    op_id: str
    digest: str
    approved_by: list[int] = field(default_factory=list)
    otp_customer: int | None = None  # the member whose one-time code approved it


_CURRENT: ContextVar[Binding | None] = ContextVar("approval_proof_binding", default=None)


def _key(pepper: bytes) -> bytes:
    return hmac.new(pepper, _LABEL, hashlib.sha256).digest()


def _mac(pepper: bytes, binding: Binding, *approver: str) -> bytes:
    """Over merchant | op_id | the approver's fields | digest (``\x1f``-separated: no field
    holds one: ids are digits, op_ids UUID-like, the digest hex)."""
    fields = (str(binding.merchant_id), binding.op_id, *approver, binding.digest)
    return hmac.new(_key(pepper), "\x1f".join(fields).encode(), hashlib.sha256).digest()


def _text(raw: bytes) -> str:
    return PREFIX + base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def issue(pepper: bytes, binding: Binding, staff_id: int) -> str:
    """The proof that ``staff_id`` approved exactly this operation."""
    return _text(_mac(pepper, binding, str(staff_id)))


def issue_otp(pepper: bytes, binding: Binding, customer_id: int) -> str:
    """The proof that ``customer_id``'s one-time code approved exactly this operation."""
    return _text(_mac(pepper, binding, str(customer_id), "otp"))


def is_proof(text: str) -> bool:
    """Whether ``text`` has a proof's shape (``v1.`` + 43 base64url), not a 6-digit code."""
    return re.fullmatch(PATTERN, text) is not None


def valid_otp(pepper: bytes, binding: Binding, customer_id: int, proof: str) -> bool:
    """Whether ``proof`` is this operation's OTP proof for ``customer_id`` (constant time)."""
    return hmac.compare_digest(issue_otp(pepper, binding, customer_id), proof)


def valid(pepper: bytes, binding: Binding, staff_id: int, proof: str) -> bool:
    """Whether ``proof`` is this operation's proof for ``staff_id`` (constant time)."""
    return hmac.compare_digest(issue(pepper, binding, staff_id), proof)


@contextmanager
def bound(merchant_id: int, op_id: str, digest: str) -> Iterator[Binding]:
    """While one operation's effect runs: proofs are checked against it, approvals noted."""
    binding = Binding(merchant_id, op_id, digest)
    token = _CURRENT.set(binding)
    try:
        yield binding
    finally:
        _CURRENT.reset(token)


def current() -> Binding | None:
    """The operation being applied, or None outside one (then no proof is accepted)."""
    return _CURRENT.get()


def note_approved(staff_id: int) -> None:
    """A manager approved the operation being applied (by PIN or by proof)."""
    binding = _CURRENT.get()
    if binding is not None and staff_id not in binding.approved_by:
        binding.approved_by.append(staff_id)


def note_otp(customer_id: int) -> None:
    """The member's one-time code approved the operation being applied (by code or proof)."""
    binding = _CURRENT.get()
    if binding is not None:
        binding.otp_customer = customer_id


def proof_of(pepper: bytes, binding: Binding) -> str | None:
    """The proof to answer for an applied operation: its (first) approving manager's, else
    the member's one-time code's (a redemption has one or the other, never both)."""
    if binding.approved_by:
        return issue(pepper, binding, binding.approved_by[0])
    if binding.otp_customer is not None:
        return issue_otp(pepper, binding, binding.otp_customer)
    return None
