"""Which parts of a journaled body are secrets, and how they are removed once not needed.

Why the journal holds secrets at all: a redemption commit carries the customer's one-time
code (``otp``) and manager-approved writes (claims, reversals, OTP overrides) carry
``approval: {staff, pin}``. The backend's idempotency key is the ``op_id`` *with the same
body* (issue 3: a different body is ``409 idempotency_conflict``), so an operation whose
response was lost must be retried with the byte-for-byte same secrets. The journal therefore
keeps them exactly as long as the operation is unresolved (pending or in review) and no
longer: acknowledging or cancelling an operation replaces them with :data:`REDACTED` in the
same transaction. Nothing here is ever logged.

The till refuses redemptions while offline, so an OTP normally sits on disk for one round
trip; a manager PIN of an offline claim or reversal stays until the backend answers. The
journal file is created mode 0600 (see ``journal.py``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

REDACTED = "[redacted]"

#: Top-level body fields holding a secret.
SECRET_FIELDS = frozenset({"otp", "pin", "password"})
#: Nested objects whose ``pin`` is a secret (``approval: {"staff": ..., "pin": ...}``).
SECRET_OBJECTS = frozenset({"approval"})


def scrub(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``payload`` with every secret value replaced by :data:`REDACTED`."""
    clean: dict[str, Any] = {}
    for key, value in payload.items():
        if key in SECRET_FIELDS and value is not None:
            clean[key] = REDACTED
        elif key in SECRET_OBJECTS and isinstance(value, Mapping):
            clean[key] = scrub(value)
        else:
            clean[key] = value
    return clean


def canonical(payload: Mapping[str, Any]) -> str:
    """Stable JSON text of a body (sorted keys, no spaces): what the journal stores."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _meaning(payload: Mapping[str, Any]) -> dict[str, Any]:
    """What an operation is, without its secrets and without how it is approved."""
    clean = scrub(payload)
    approval = clean.get("approval")
    if isinstance(approval, Mapping):
        clean["approval"] = {k: v for k, v in approval.items() if k not in ("pin", "proof")}
    return clean


def same_operation(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two bodies describe the same operation, ignoring secrets.

    Used for a second append of an op_id: the stored body may already be scrubbed, and a
    re-typed OTP does not make a different operation (the backend will judge the code). Nor
    does an approval proof in place of the PIN (:func:`resendable`).
    """
    return canonical(_meaning(a)) == canonical(_meaning(b))


def resendable(payload: Mapping[str, Any], result: Mapping[str, Any] | None) -> dict[str, Any]:
    """The body to send again once the backend lost an acknowledged op (a restore, issue 11).

    The PIN was scrubbed at acknowledgement and is not coming back. In its place goes the
    approval proof the backend answered when it applied the op (``result["approval_proof"]``,
    see ``server/approval_proof.py``): it re-approves that exact op and nothing else. Without
    a proof the scrubbed PIN is dropped, so the backend answers ``approval_required`` and the
    op goes to the review list for a manager to approve with a PIN again (:func:`needs_pin`).
    """
    body = dict(payload)
    approval = body.get("approval")
    if not isinstance(approval, Mapping):
        return body
    pin = approval.get("pin")
    clean = {k: v for k, v in approval.items() if k not in ("pin", "proof")}
    proof = result.get("approval_proof") if isinstance(result, Mapping) else None
    if not isinstance(proof, str):
        proof = approval.get("proof")
    if isinstance(proof, str) and proof:
        clean["proof"] = proof
    elif isinstance(pin, str) and pin != REDACTED:
        clean["pin"] = pin  # never scrubbed (not acknowledged): still the manager's own
    body["approval"] = clean
    return body


def needs_pin(payload: Mapping[str, Any]) -> bool:
    """The op needs an approval but holds no PIN any more (scrubbed; at most a proof)."""
    approval = payload.get("approval")
    if not isinstance(approval, Mapping):
        return False
    pin = approval.get("pin")
    return not isinstance(pin, str) or pin == REDACTED
