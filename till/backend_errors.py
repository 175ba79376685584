"""What the backend's refusals mean in words, and the errors the till's backend client raises.

Why apart from :mod:`till.backend_client`: the client is the door (HTTP, sessions); these
are what comes back through it when it goes wrong, and they are read by many more modules
(the review list's words, the sale's outcomes, the wire parsers in :mod:`till.wire_results`)
than talk HTTP. ``till.backend_client`` re-exports every name here, so
``from till.backend_client import BackendError`` keeps working.

Secrets: no error here carries an OTP, a PIN or the API key; the backend's error object never
echoes them, and the till's own messages never include them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offline_queue.errors import TransientSendError
from offline_queue.outcome_policy import Reply, Verdict, decide
from till import backend_words
from till.errors import TillError


class BackendError(TillError):
    """The backend answered with an error; ``str()`` is plain words for the till's user.

    ``reply`` is the answer as it came (status and parsed body), for
    :func:`offline_queue.outcome_policy.decide` — the one judge of what it means for an
    operation.
    """

    def __init__(
        self,
        code: str,
        message: str,
        status: int = 0,
        details: Mapping[str, Any] | None = None,
        reply: Reply | None = None,
    ):
        super().__init__(message)
        self.code = code
        self.status = status
        self.details: dict[str, Any] = dict(details or {})
        self.reply = reply or Reply(
            status or None, {"error": {"code": code, "message": message, **self.details}}
        )

    @property
    def verdict(self) -> Verdict:
        return decide(self.reply).verdict


class BackendUnavailable(BackendError, TransientSendError):
    """No answer, 5xx, 429, or an answer that is not the backend's: try again later."""


class KeyRefused(BackendError, TransientSendError):
    """401/403: the till's API key is refused or revoked. Not offline: call a technician."""


class WireFormatError(BackendUnavailable):
    """A 2xx answer whose body is not the documented shape (a proxy's page, a truncated or
    older body): the operation's effect, if any, is unknown to the till, so it is an answer
    "not the backend's" — try again (idempotent by op_id) — never a ``KeyError`` deep in a
    caller. ``what`` names the result that could not be read, for the log; never a value."""

    def __init__(self, what: str, status: int = 200, body: Any = None) -> None:
        # Judged as "no reply" (retry): what the backend did is not known from this answer.
        super().__init__(
            "bad_reply",
            backend_words.sentence("bad_reply"),
            status,
            {"what": what},
            Reply(None, body),
        )
        self.what = what


def approval(staff: str, pin: str) -> dict[str, str]:
    return {"staff": staff, "pin": pin}


def plain_message(code: str, error: Mapping[str, Any], status: int) -> str:
    """The cashier's sentence in the till's language (issue 17: never the backend's English)."""
    return backend_words.plain_message(code, error, status)


def key_message(code: str) -> str:
    return backend_words.key_message(code)
