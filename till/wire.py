"""The backend's wire formats, typed: results parsed once, request bodies built once.

Why apart from :mod:`till.backend_client`: the client is the door (HTTP, errors); these are
the shapes that go through it. Everything downstream reads these dataclasses, never the raw
``dict`` (``raw`` keeps the body for the rare field nobody typed yet). Money travels as
decimal strings, ids as JSON integers when numeric, times as UTC ISO 8601.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class OpResult:
    """What the backend answers for an earn, redemption, reversal or claim (parsed once)."""

    transaction_id: str = ""
    points: int | None = None
    balance: int | None = None
    value: Decimal | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, body: Mapping[str, Any] | None) -> OpResult:
        body = body or {}

        def num(name: str) -> int | None:
            value = body.get(name)
            return (
                int(value)
                if isinstance(value, int | str) and str(value).lstrip("-").isdigit()
                else None
            )

        value = body.get("value")
        return cls(
            transaction_id=str(body.get("transaction_id") or body.get("id") or ""),
            points=num("points"),
            balance=num("balance"),
            value=Decimal(str(value)) if value is not None else None,
            raw=dict(body),
        )


@dataclass(frozen=True)
class OpState:
    """``POST /v1/ops/{op_id}/cancel`` and ``POST /v1/ops/status``: one op's fate."""

    op_id: str
    state: str  # "applied" | "cancelled" | "unknown"
    result: OpResult | None = None

    @classmethod
    def from_json(cls, body: Mapping[str, Any], op_id: str = "") -> OpState:
        result = body.get("result")
        return cls(
            op_id=str(body.get("op_id") or op_id),
            state=str(body.get("state") or "unknown"),
            result=OpResult.from_json(result) if isinstance(result, Mapping) else None,
        )


@dataclass(frozen=True)
class Customer:
    id: str
    name: str
    phone: str
    status: str
    balance: int
    email: str | None = None
    app_id: str | None = None
    cards: tuple[str, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def active(self) -> bool:
        return self.status == "active"

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Customer:
        return cls(
            id=str(body["id"]),
            name=str(body.get("name") or ""),
            phone=str(body.get("phone") or ""),
            status=str(body.get("status") or "active"),
            balance=int(body.get("balance") or 0),
            email=body.get("email"),
            app_id=body.get("app_id"),
            cards=tuple(str(c) for c in body.get("cards") or ()),
            raw=dict(body),
        )


@dataclass(frozen=True)
class Session:
    """What the key may do, and the store's rules the till reflects (the server enforces)."""

    store: str
    till: str
    points_per_unit: Decimal
    point_value: Decimal
    otp_required: bool
    otp_min_value: Decimal
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def otp_needed_for(self, value: Decimal) -> bool:
        return self.otp_required and value >= self.otp_min_value

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Session:
        def pick(*names: str, default: Any = None) -> Any:
            for scope in (
                body,
                body.get("program") or {},
                body.get("policy") or {},
                body.get("otp_policy") or {},
            ):
                for name in names:
                    if isinstance(scope, Mapping) and name in scope:
                        return scope[name]
            return default

        store = pick("store", default="")
        till = pick("till", default="")
        return cls(
            store=str(
                store.get("id") or store.get("code") or store.get("name")
                if isinstance(store, Mapping)
                else store
            ),
            till=str(
                till.get("id") or till.get("code") or till.get("name")
                if isinstance(till, Mapping)
                else till
            ),
            points_per_unit=Decimal(str(pick("points_per_unit", "earn_rate", default="1"))),
            point_value=Decimal(str(pick("point_value", default="0.01"))),
            otp_required=bool(pick("otp_required", default=False)),
            otp_min_value=Decimal(str(pick("otp_min_value", default="0"))),
            raw=dict(body),
        )


@dataclass(frozen=True)
class OtpChallenge:
    challenge_id: str
    expires_at: datetime
    masked_phone: str
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def wire_money(amount: Decimal) -> str:
    """Money on the wire: a plain decimal string with two places ("12.50", never "1E+2")."""
    return f"{Decimal(amount).quantize(Decimal('0.01')):f}"


def wire_id(value: str | int) -> str | int:
    """Ids travel as JSON integers when they are numeric (the reference backend's ids are)."""
    if isinstance(value, int):
        return value
    text = str(value)
    return int(text) if text.isdigit() else text


def earn_body(
    op_id: str, customer_id: str, amount: Decimal, receipt_no: str, occurred_at: str | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "op_id": op_id,
        "customer_id": wire_id(customer_id),
        "amount": wire_money(amount),
        "receipt_no": receipt_no,
    }
    if occurred_at:
        body["occurred_at"] = occurred_at
    return body


def redeem_body(
    op_id: str,
    customer_id: str,
    points: int,
    receipt_no: str,
    challenge_id: str | None = None,
    otp: str | None = None,
    approval_: Mapping[str, str] | None = None,
    reason: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "op_id": op_id,
        "customer_id": wire_id(customer_id),
        "points": points,
        "receipt_no": receipt_no,
    }
    if challenge_id:
        body["challenge_id"] = challenge_id
    if otp:
        body["otp"] = otp
    if approval_ is not None:
        body["approval"] = dict(approval_)
    if reason:
        body["reason"] = reason
    return body
