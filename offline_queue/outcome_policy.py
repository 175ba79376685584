"""What a backend reply means for a journaled operation: the till's one policy table.

Why one table: the same reply used to be judged in four places (the sync worker, the till's
first send, the manager's claims, the HTTP client) with four different rules, and the gaps
between them cost money: a revoked key shown as a refused redemption while the operation
stayed pending and was applied later; a proxy's HTML 404 cancelling an earn for good. Here
every reply — HTTP status, the backend's error code, and whether the body is the backend's
own ``{"error": {"code", "message"}}`` shape at all — maps to exactly one :class:`Verdict`:

- ``DONE``: applied (now, or before: the op_id is the idempotency key);
- ``RETRY``: nothing is known to be refused; the operation stays pending and is sent again.
  A reply that is *not* the backend's JSON error body (a proxy's page, a captive portal, an
  unknown route on an older backend) is always here: it says nothing about the operation;
- ``KEY``: the till's API key was refused or revoked (401, or 403 with a key code — the
  backend also answers 403 for a wrong OTP). Not the operation's fault and not "offline":
  the operations stay pending and the till says "call a technician";
- ``REFUSED``: refused before any effect, for a reason the cashier can act on at once (wrong
  code, not enough points). The till closes it in the journal when the cashier sees it;
- ``REVIEW``: refused before any effect, for a reason a manager must look at;
- ``CANCELLED``: the backend cancelled this op_id (``POST /v1/ops/{op_id}/cancel``) and
  refuses it for ever: it will never be applied.

The table is data (:data:`RULES`, first match wins) so that each row has its own test. Plain
Python: the sync worker (``offline_queue.sync``) and the till both import it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    DONE = "done"
    RETRY = "retry"
    KEY = "key"
    REFUSED = "refused"
    REVIEW = "review"
    CANCELLED = "cancelled"

    @property
    def settled(self) -> bool:
        """The operation's fate is known and final (applied, or never to be applied)."""
        return self in (Verdict.DONE, Verdict.REFUSED, Verdict.CANCELLED)

    @property
    def not_applied(self) -> bool:
        """The backend said it did not apply the operation (it may still, after a retry,
        unless the verdict is REFUSED-and-closed or CANCELLED)."""
        return self in (Verdict.REFUSED, Verdict.REVIEW, Verdict.CANCELLED)


class Shape(StrEnum):
    """How the reply's body looks."""

    ERROR = "error"  # the backend's own {"error": {"code": str, "message": str}}
    OTHER = "other"  # anything else: HTML, empty, another JSON, no body
    ANY = "any"


#: Refusals the cashier sees and acts on at the till (seed 003): closed when shown.
CASHIER_CODES = frozenset(
    {
        "otp_invalid",
        "otp_expired",
        "otp_locked",
        "otp_required",
        "otp_resend_limited",
        "otp_rate_limited",
        "insufficient_points",
        "customer_inactive",
        "approval_invalid",
        "approval_locked",
        "approval_required",
        "receipt_already_claimed",
        "card_unassigned",
        "not_found",
    }
)
#: 429s about the customer's code or the manager's PIN, not the server's load.
CASHIER_429 = frozenset({"otp_resend_limited", "otp_rate_limited", "otp_locked", "approval_locked"})
#: 403 codes about the till's API key (other 403s are a wrong OTP, PIN or approval).
KEY_CODES = frozenset({"unauthorized", "key_revoked", "invalid_key", "key_disabled"})
TRANSIENT_4XX = frozenset({408, 413, 423, 425, 429})
#: A table order that can't be marked paid (issue 18): another till has it, it was cancelled,
#: or it is not this store's. The sale itself is done; a manager looks at the order.
ORDER_CODES = frozenset({"order_not_found", "order_taken", "order_closed"})
#: A return the backend refuses (issue 16): no such receipt, or more than is left of it.
#: Its own answer (a 404 here is not an unknown route): the cashier sees it at once when
#: watching, else a manager looks at it in the review list; never retried for ever.
RETURN_CODES = frozenset({"receipt_not_found", "return_exceeds_sale"})
#: A registration the backend refuses (issue 11): the phone, email or card is registered
#: already (another till, meanwhile), or the number is not one. Watched, the cashier sees it
#: at once; replayed, a manager looks at it in the review list; never retried for ever.
REGISTRATION_CODES = frozenset({"customer_exists", "card_exists", "invalid_phone"})


@dataclass(frozen=True, slots=True)
class Reply:
    """One answer: ``status`` None when nothing came back (refused, timeout, reset)."""

    status: int | None
    body: Any = None

    @property
    def error(self) -> Mapping[str, Any] | None:
        """The backend's error object when the body has its documented shape, else None."""
        body = self.body
        if not isinstance(body, Mapping):
            return None
        inner = body.get("error")
        if not isinstance(inner, Mapping):
            return None
        if not isinstance(inner.get("code"), str) or not isinstance(inner.get("message"), str):
            return None
        return inner

    @property
    def shape(self) -> Shape:
        return Shape.ERROR if self.error is not None else Shape.OTHER

    @property
    def code(self) -> str:
        error = self.error
        if error is not None:
            return str(error["code"])
        return "no_reply" if self.status is None else f"http_{self.status}"

    @property
    def details(self) -> dict[str, Any]:
        error = self.error or {}
        return {k: v for k, v in error.items() if k not in ("code", "message")}


@dataclass(frozen=True, slots=True)
class Rule:
    """One row: which replies it matches, and what they mean. ``why`` is for the reader."""

    name: str
    statuses: Callable[[int | None], bool]
    verdict: Verdict
    shape: Shape = Shape.ANY
    codes: frozenset[str] | None = None  # None: any code
    when: Callable[[Reply], bool] = field(default=lambda reply: True)
    why: str = ""

    def matches(self, reply: Reply) -> bool:
        if not self.statuses(reply.status):
            return False
        if self.shape != Shape.ANY and reply.shape != self.shape:
            return False
        if self.codes is not None and reply.code not in self.codes:
            return False
        return self.when(reply)


def _in(*statuses: int) -> Callable[[int | None], bool]:
    wanted = frozenset(statuses)
    return lambda s: s in wanted


def _between(lo: int, hi: int) -> Callable[[int | None], bool]:
    return lambda s: s is not None and lo <= s <= hi


RULES: tuple[Rule, ...] = (
    Rule("no reply", lambda s: s is None, Verdict.RETRY, why="connection failed or timed out"),
    Rule("applied", _between(200, 299), Verdict.DONE, why="also the replayed original answer"),
    Rule("key refused", _in(401), Verdict.KEY, why="the till's key, not the operation"),
    Rule(
        "key revoked",
        _in(403),
        Verdict.KEY,
        Shape.ERROR,
        KEY_CODES,
        why="403 is also a wrong OTP or PIN: only these codes are about the key",
    ),
    Rule(
        "cashier 429",
        _in(429),
        Verdict.REFUSED,
        Shape.ERROR,
        CASHIER_429,
        why="locked code or PIN: the cashier must see it now",
    ),
    Rule("busy", _in(*TRANSIENT_4XX), Verdict.RETRY, why="timeout, locked, too early, too many"),
    Rule("server error", _between(500, 599), Verdict.RETRY),
    Rule(
        "not the backend",
        _between(400, 499),
        Verdict.RETRY,
        Shape.OTHER,
        why="a proxy's page or another service: says nothing about the operation",
    ),
    Rule("cancelled", _in(409), Verdict.CANCELLED, Shape.ERROR, frozenset({"op_cancelled"})),
    Rule(
        "order refused",
        _in(404, 409),
        Verdict.REVIEW,
        Shape.ERROR,
        ORDER_CODES,
        why="the order's own answer, not an unknown route: never retried for ever",
    ),
    Rule(
        "return refused",
        _in(404, 409),
        Verdict.REVIEW,
        Shape.ERROR,
        RETURN_CODES,
        why="the receipt's own answer, not an unknown route: a manager looks at it",
    ),
    Rule(
        "registration refused",
        _in(409, 422),
        Verdict.REVIEW,
        Shape.ERROR,
        REGISTRATION_CODES,
        why="the member's own answer: already registered, or not a phone number",
    ),
    Rule(
        "unknown route",
        _in(404, 405),
        Verdict.RETRY,
        Shape.ERROR,
        when=lambda reply: reply.status == 405 or not reply.details,
        why="an older backend without this endpoint: 'No such endpoint' carries no details",
    ),
    Rule("cashier refusal", _between(400, 499), Verdict.REFUSED, Shape.ERROR, CASHIER_CODES),
    Rule("manager review", _between(400, 499), Verdict.REVIEW, Shape.ERROR),
    Rule("anything else", lambda s: True, Verdict.RETRY, why="1xx/3xx/odd statuses"),
)


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    reply: Reply
    rule: str

    @property
    def code(self) -> str:
        return self.reply.code

    def error_record(self) -> dict[str, Any]:
        """What the journal keeps as the operation's last error (no secrets: the backend's
        error object never echoes an OTP or a PIN)."""
        error = self.reply.error or {}
        record: dict[str, Any] = {"code": self.code, "status": self.reply.status}
        if "message" in error:
            record["message"] = str(error["message"])
        record.update(self.reply.details)
        return record


def decide(reply: Reply) -> Decision:
    """The verdict for one reply (first matching row of :data:`RULES`)."""
    for rule in RULES:
        if rule.matches(reply):
            return Decision(rule.verdict, reply, rule.name)
    raise AssertionError("the last rule matches everything")  # pragma: no cover


def decide_status(status: int | None, body: Any = None) -> Decision:
    return decide(Reply(status, body))


def reply_of(exc: BaseException) -> Reply | None:
    """The reply an exception carries (``.reply``, or duck-typed ``.status``/``.code``)."""
    reply = getattr(exc, "reply", None)
    if isinstance(reply, Reply):
        return reply
    status = getattr(exc, "status", None)
    if isinstance(status, int) and status > 0:
        code = getattr(exc, "code", None)
        if isinstance(code, str) and code:
            return Reply(status, {"error": {"code": code, "message": str(exc)}})
        return Reply(status, None)
    return None
