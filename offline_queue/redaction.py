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


def same_operation(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two bodies describe the same operation, ignoring secrets.

    Used for a second append of an op_id: the stored body may already be scrubbed, and a
    re-typed OTP does not make a different operation (the backend will judge the code).
    """
    return canonical(scrub(a)) == canonical(scrub(b))
