"""The backend's answers for history, reports, audit and card programs, typed (issue 11).

Why apart from :mod:`till.wire` (the sale's shapes): these are what the manager's and the
technician's tools read — a customer's transactions, the shift and redemption reports, the
audit trail of rule changes, card programs. Parsed once here, so no caller reads a ``dict``
with ``.get()`` and guesses; ``raw`` keeps the body for a field nobody typed yet. Money is
``Decimal`` (decimal strings on the wire), points ``int``, times UTC ISO 8601 strings as
sent (the screens show them in the store's zone).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


def _money(value: Any) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _items(body: Any, key: str) -> list[Mapping[str, Any]]:
    items = body.get(key, []) if isinstance(body, Mapping) else body
    return [item for item in items or [] if isinstance(item, Mapping)]


@dataclass(frozen=True)
class Transaction:
    """One line of a customer's history (``GET /v1/customers/{id}/transactions``)."""

    id: str
    kind: str  # earn | redeem | claim | reversal | ...
    points: int
    amount: Decimal | None = None
    value: Decimal | None = None
    receipt_no: str | None = None
    occurred_at: str = ""
    received_at: str | None = None
    created_at: str = ""
    op_id: str | None = None
    reverses: str | None = None
    corrects: str | None = None
    reversed: bool = False
    with_otp: bool = False
    with_override: bool = False
    approved: bool = False
    reason: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Transaction:
        return cls(
            id=str(body["id"]),
            kind=str(body.get("kind") or ""),
            points=int(body.get("points") or 0),
            amount=_money(body.get("amount")),
            value=_money(body.get("value")),
            receipt_no=_opt_str(body.get("receipt_no")),
            occurred_at=str(body.get("occurred_at") or ""),
            received_at=_opt_str(body.get("received_at")),
            created_at=str(body.get("created_at") or ""),
            op_id=_opt_str(body.get("op_id")),
            reverses=_opt_str(body.get("reverses")),
            corrects=_opt_str(body.get("corrects")),
            reversed=bool(body.get("reversed")),
            with_otp=bool(body.get("with_otp")),
            with_override=bool(body.get("with_override")),
            approved=bool(body.get("approved")),
            reason=_opt_str(body.get("reason")),
            raw=dict(body),
        )

    @classmethod
    def many(cls, body: Any) -> list[Transaction]:
        return [cls.from_json(item) for item in _items(body, "transactions")]


@dataclass(frozen=True)
class ShiftReport:
    """``GET /v1/reports/shift``: the store's figures over a period."""

    from_: str
    to: str
    earned_points: int = 0
    redeemed_points: int = 0
    redeemed_value: Decimal = Decimal("0.00")
    redemptions_with_otp: int = 0
    redemptions_with_override: int = 0
    reversals: int = 0
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> ShiftReport:
        return cls(
            from_=str(body.get("from") or ""),
            to=str(body.get("to") or ""),
            earned_points=int(body.get("earned_points") or 0),
            redeemed_points=int(body.get("redeemed_points") or 0),
            redeemed_value=_money(body.get("redeemed_value")) or Decimal("0.00"),
            redemptions_with_otp=int(body.get("redemptions_with_otp") or 0),
            redemptions_with_override=int(body.get("redemptions_with_override") or 0),
            reversals=int(body.get("reversals") or 0),
            raw=dict(body),
        )


@dataclass(frozen=True)
class RedemptionRow:
    """One group of ``GET /v1/reports/redemptions`` (a day, or a customer)."""

    points: int
    value: Decimal
    count: int
    with_otp: int = 0
    with_override: int = 0
    day: str | None = None
    customer_id: str | None = None
    name: str | None = None
    phone: str | None = None

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> RedemptionRow:
        return cls(
            points=int(body.get("points") or 0),
            value=_money(body.get("value")) or Decimal("0.00"),
            count=int(body.get("count") or 0),
            with_otp=int(body.get("with_otp") or 0),
            with_override=int(body.get("with_override") or 0),
            day=_opt_str(body.get("day")),
            customer_id=_opt_str(body.get("customer_id")),
            name=_opt_str(body.get("name")),
            phone=_opt_str(body.get("phone")),
        )


@dataclass(frozen=True)
class RedemptionsReport:
    from_: str
    to: str
    group: str
    rows: tuple[RedemptionRow, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> RedemptionsReport:
        return cls(
            from_=str(body.get("from") or ""),
            to=str(body.get("to") or ""),
            group=str(body.get("group") or ""),
            rows=tuple(RedemptionRow.from_json(r) for r in _items(body, "rows")),
            raw=dict(body),
        )


@dataclass(frozen=True)
class AuditEntry:
    """A manager-approved change to the store's rules (``GET /v1/audit``)."""

    at: str
    action: str
    staff: str
    till: str
    detail: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> AuditEntry:
        detail = body.get("detail")
        return cls(
            at=str(body.get("at") or ""),
            action=str(body.get("action") or ""),
            staff=str(body.get("staff") or ""),
            till=str(body.get("till") or ""),
            detail=dict(detail) if isinstance(detail, Mapping) else {},
        )

    @classmethod
    def many(cls, body: Any) -> list[AuditEntry]:
        return [cls.from_json(item) for item in _items(body, "entries")]


@dataclass(frozen=True)
class Program:
    """A card program: its number range and how many cards were issued in it."""

    name: str
    range_start: str
    range_end: str
    issued: int = 0

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Program:
        return cls(
            name=str(body.get("name") or ""),
            range_start=str(body.get("range_start") or ""),
            range_end=str(body.get("range_end") or ""),
            issued=int(body.get("issued") or 0),
        )

    @classmethod
    def many(cls, body: Any) -> list[Program]:
        return [cls.from_json(item) for item in _items(body, "programs")]


@dataclass(frozen=True)
class CardsResult:
    """``POST /v1/cards``: how many numbers were registered."""

    registered: int

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> CardsResult:
        return cls(registered=int(body.get("registered") or 0))
