"""Typed results of the backend calls that used to hand back a raw ``dict`` (issue 11, item 7).

Why parsed once, here: callers read ``result.role`` or ``result.points`` instead of
``body.get("role")`` spread over the till, and a body that is not the documented shape
(``resources/openapi.json``: ``Health``, ``RedeemResult``, ``EarnResult``, ``Policy``,
``StaffResult``, ``Customer``) is found at the door and raised as
:class:`till.backend_errors.WireFormatError` — plain words for the cashier, judged "retry" —
never a ``KeyError`` or ``TypeError`` deep inside a dialog. Fields the schema marks optional
stay optional; fields it requires are required.

Style as :mod:`till.wire` and :mod:`till.wire_reports`: frozen dataclasses with a
``from_json`` class method; money is :class:`~decimal.Decimal` (strings on the wire), points
are ``int``, ``raw`` keeps the body for the rare field nobody typed yet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from till.backend_errors import WireFormatError
from till.wire import Customer, OpResult

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
