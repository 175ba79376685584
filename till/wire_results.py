"""Typed results of the backend calls that used to hand back a raw ``dict`` (issue 11, item 7).

Why parsed once, here: callers read ``result.role`` or ``result.points`` instead of
``body.get("role")`` spread over the till, and a body that is not the documented shape
(``resources/openapi.json``: ``Health``, ``RedeemResult``, ``EarnResult``, ``Policy``,
``StaffResult``, ``Customer``, ``ReverseResult``, ``OtpChallenge``, ``OpsResult``) is found at the door and raised as
:class:`till.backend_errors.WireFormatError` — plain words for the cashier, judged "retry" —
never a ``KeyError`` or ``TypeError`` deep inside a dialog. Fields the schema marks optional
stay optional; fields it requires are required.

Style as :mod:`till.wire` and :mod:`till.wire_reports`: frozen dataclasses with a
``from_json`` class method; money is :class:`~decimal.Decimal` (strings on the wire), points
are ``int``, ``raw`` keeps the body for the rare field nobody typed yet.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from till.backend_errors import WireFormatError
from till.wire import Customer, OpResult, OtpChallenge

log = logging.getLogger(__name__)

T = TypeVar("T")


def body_of(body: Any, what: str) -> Mapping[str, Any]:
    """``body`` as a JSON object, else :class:`WireFormatError` naming ``what``."""
    if not isinstance(body, Mapping):
        raise WireFormatError(what, body=body)
    return body


def parsed(body: Any, what: str, parse: Callable[[Mapping[str, Any]], T]) -> T:
    """``parse(body)``; any shape error on the way becomes :class:`WireFormatError`."""
    mapping = body_of(body, what)
    try:
        return parse(mapping)
    except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError):
        raise WireFormatError(what, body=body) from None


def _integer(body: Mapping[str, Any], name: str) -> int:
    """A JSON integer (``bool`` is not one, though Python says it is)."""
    value = body[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(name)
    return value


def _flag(body: Mapping[str, Any], name: str, default: bool | None = None) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise TypeError(name)
    return value


def _money(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError("money")
    amount = Decimal(str(value))
    if not amount.is_finite():
        raise ValueError("money")
    return amount


def _text(body: Mapping[str, Any], name: str) -> str:
    value = body[name]
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise TypeError(name)
    return str(value)


@dataclass(frozen=True)
class Health:
    """``GET /v1/health``: ``{"status": "ok", "version": ...}``."""

    status: str
    version: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @classmethod
    def from_json(cls, body: Any) -> Health:
        def parse(b: Mapping[str, Any]) -> Health:
            version = b.get("version")
            return cls(_text(b, "status"), str(version) if version is not None else "")

        return parsed(body, "health", parse)


@dataclass(frozen=True)
class RedeemResult:
    """``POST /v1/redeem`` (201): the points taken, their value, the balance left."""

    transaction_id: str
    points: int
    value: Decimal
    balance: int
    with_otp: bool = False
    with_override: bool = False
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def op_result(self) -> OpResult:
        """The same answer as the sale's outcomes read it."""
        return OpResult.from_json(self.raw)

    @classmethod
    def from_json(cls, body: Any) -> RedeemResult:
        def parse(b: Mapping[str, Any]) -> RedeemResult:
            return cls(
                transaction_id=_text(b, "transaction_id"),
                points=_integer(b, "points"),
                value=_money(b["value"]),
                balance=_integer(b, "balance"),
                with_otp=_flag(b, "with_otp", False),
                with_override=_flag(b, "with_override", False),
                raw=dict(b),
            )

        return parsed(body, "redemption", parse)


def earn_result(body: Any, what: str = "claim") -> OpResult:
    """``EarnResult`` (earn, claim): ``transaction_id``, ``points`` and ``balance`` required."""

    def parse(b: Mapping[str, Any]) -> OpResult:
        _text(b, "transaction_id")
        _integer(b, "points")
        _integer(b, "balance")
        return OpResult.from_json(b)

    return parsed(body, what, parse)


def customer_result(body: Any, what: str = "customer") -> Customer:
    """A ``Customer`` body (registration, lookup): ``id`` required."""

    def parse(b: Mapping[str, Any]) -> Customer:
        _text(b, "id")
        return Customer.from_json(b)

    return parsed(body, what, parse)


@dataclass(frozen=True)
class PolicyResult:
    """``PUT /v1/policy``: the store's OTP rule and earn limit as the backend now has them."""

    otp_required: bool
    otp_min_value: Decimal
    otp_sum_window_s: int | None = None
    max_earn_amount: Decimal | None = None  # None: no limit
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, body: Any) -> PolicyResult:
        def parse(b: Mapping[str, Any]) -> PolicyResult:
            limit = b.get("max_earn_amount")
            window = b.get("otp_sum_window_s")
            return cls(
                otp_required=_flag(b, "otp_required"),
                otp_min_value=_money(b["otp_min_value"]),
                otp_sum_window_s=_integer(b, "otp_sum_window_s") if window is not None else None,
                max_earn_amount=_money(limit) if limit is not None else None,
                raw=dict(b),
            )

        return parsed(body, "policy", parse)


@dataclass(frozen=True)
class StaffCheck:
    """``POST /v1/staff/verify``: who the name and PIN belong to, and their role."""

    staff: str
    role: str

    @property
    def is_manager(self) -> bool:
        return self.role == "manager"

    @classmethod
    def from_json(cls, body: Any) -> StaffCheck:
        def parse(b: Mapping[str, Any]) -> StaffCheck:
            return cls(_text(b, "staff"), _text(b, "role"))

        return parsed(body, "staff check", parse)


@dataclass(frozen=True)
class ReversalResult:
    """``POST /v1/transactions/{id}/reverse`` (``ReverseResult``): the reversal's own
    transaction, the one it reverses, the points it moved (negative for an earn undone) and
    the balance left. No ``raw``: nobody stores this body (a journaled reversal's result is
    kept by :meth:`till.backend_client.BackendClient.send_journaled`, not by this call)."""

    transaction_id: str
    reverses: str
    points: int
    balance: int
    approval_proof: str | None = field(default=None, repr=False)  # a proof: kept off logs

    @classmethod
    def from_json(cls, body: Any) -> ReversalResult:
        def parse(b: Mapping[str, Any]) -> ReversalResult:
            proof = b.get("approval_proof")
            if proof is not None and not isinstance(proof, str):
                raise TypeError("approval_proof")
            return cls(
                transaction_id=_text(b, "transaction_id"),
                reverses=_text(b, "reverses"),
                points=_integer(b, "points"),
                balance=_integer(b, "balance"),
                approval_proof=proof,
            )

        return parsed(body, "reversal", parse)


@dataclass(frozen=True)
class OpReply:
    """One item of ``POST /v1/ops`` (``OpResult``): the op, its HTTP status, its body.

    ``body`` stays the backend's mapping on purpose: the sync worker hands it, as received,
    to the one policy table (:mod:`offline_queue.outcome_policy`) and the journal stores it
    as the op's result (or its error) — it *is* the record, so it is not typed further here.
    """

    op_id: str
    status: int
    body: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def as_wire(self) -> dict[str, Any]:
        """The item as :class:`offline_queue.sync.BatchTransport` hands it on (plain dicts:
        ``offline_queue`` imports nothing from ``till``, tests/unit/test_layering.py)."""
        return {"op_id": self.op_id, "status": self.status, "body": dict(self.body)}

    @classmethod
    def from_json(cls, body: Any) -> OpReply:
        def parse(b: Mapping[str, Any]) -> OpReply:
            op_id = b["op_id"]
            if not isinstance(op_id, str) or not op_id:
                raise TypeError("op_id")
            return cls(op_id, _integer(b, "status"), dict(body_of(b["body"], "operation")))

        return parsed(body, "operation", parse)


def batch_replies(body: Any) -> tuple[OpReply, ...]:
    """``POST /v1/ops`` (``OpsResult``): ``{"results": [...]}``; ``{"ops": [...]}`` or a bare
    list from an older backend are read too. A reply that is not a list fails as a whole
    (retry). One item of the wrong shape is left out, logged: its op has no reply, so the
    sync worker keeps it pending and asks again next round (idempotent by op_id), while the
    others are judged; one bad item must not hold back every op sent beside it."""
    items = body.get("results", body.get("ops")) if isinstance(body, Mapping) else body
    if not isinstance(items, list):
        raise WireFormatError("sync", body=body)
    replies: list[OpReply] = []
    for position, item in enumerate(items):
        try:
            replies.append(OpReply.from_json(item))
        except WireFormatError:
            op_id = item.get("op_id") if isinstance(item, Mapping) else None
            log.warning("unreadable item %d (op %r) in a /v1/ops reply", position, op_id)
    return tuple(replies)


def otp_challenge(body: Any) -> OtpChallenge:
    """``POST /v1/otp`` (``OtpChallenge``). No ``raw``: the dialog reads ``resent`` typed."""

    def parse(b: Mapping[str, Any]) -> OtpChallenge:
        expires = b["expires_at"]
        if not isinstance(expires, str):
            raise TypeError("expires_at")
        when = datetime.fromisoformat(expires.replace("Z", "+00:00"))
        if when.tzinfo is None:
            raise ValueError("expires_at")  # UTC ISO 8601 on the wire, never a naive time
        masked = b.get("masked_phone")
        if masked is not None and not isinstance(masked, str):
            raise TypeError("masked_phone")
        resent = _flag(b, "resent", False)  # required by the schema; an older backend omits it
        return OtpChallenge(_text(b, "challenge_id"), when, masked or "", resent=resent)

    return parsed(body, "code request", parse)
