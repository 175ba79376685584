"""The backend's wire formats, typed: results parsed once, request bodies built once.

Why apart from :mod:`till.backend_client`: the client is the door (HTTP, errors); these are
the shapes that go through it. Everything downstream reads these dataclasses, never the raw
``dict`` (``raw`` keeps the body for the rare field nobody typed yet). Money travels as
decimal strings, ids as JSON integers when numeric, times as UTC ISO 8601.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
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
    # Issue 16 (docs/rules.md): points per line, which campaign gave which, next expiry.
    lines: tuple[LinePoints, ...] = ()
    campaigns: tuple[CampaignPoints, ...] = ()
    next_expiry: NextExpiry | None = None

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
            lines=LinePoints.many(body.get("lines")),
            campaigns=CampaignPoints.many(body.get("campaigns")),
            next_expiry=NextExpiry.from_json(body.get("next_expiry")),
        )


@dataclass(frozen=True)
class LinePoints:
    """``EarnResult.lines[]``: the points one sale line earned (issue 16)."""

    line_no: int
    points: int

    @classmethod
    def many(cls, items: Any) -> tuple[LinePoints, ...]:
        if not isinstance(items, list):
            return ()
        return tuple(
            cls(int(i["line_no"]), int(i.get("points") or 0))
            for i in items
            if isinstance(i, Mapping) and "line_no" in i
        )


@dataclass(frozen=True)
class CampaignPoints:
    """``EarnResult.campaigns[]``: the points a campaign gave on this sale (the receipt
    names it)."""

    id: str
    name: str
    points: int

    @classmethod
    def many(cls, items: Any) -> tuple[CampaignPoints, ...]:
        if not isinstance(items, list):
            return ()
        return tuple(
            cls(str(i.get("id", "")), str(i.get("name") or ""), int(i.get("points") or 0))
            for i in items
            if isinstance(i, Mapping)
        )


@dataclass(frozen=True)
class NextExpiry:
    """``{"points", "on"}``: the next points to expire, and the day (a date, store zone)."""

    points: int
    on: date

    @classmethod
    def from_json(cls, body: Any) -> NextExpiry | None:
        if not isinstance(body, Mapping) or not body.get("on"):
            return None
        try:
            return cls(int(body.get("points") or 0), date.fromisoformat(str(body["on"])[:10]))
        except ValueError:
            return None


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
    customer_type: str = ""  # issue 16: "standard", "gold"... ("" from an older backend)
    next_expiry: NextExpiry | None = None

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
            customer_type=str(body.get("customer_type") or ""),
            next_expiry=NextExpiry.from_json(body.get("next_expiry")),
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
    # The store's IANA time zone and CLDR locale ("" from a backend older than issue 12's):
    # times and figures on screen and paper (till.receipt.store_zone / store_locale).
    time_zone: str = ""
    locale: str = ""
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
            time_zone=str(store.get("time_zone") or "") if isinstance(store, Mapping) else "",
            locale=str(store.get("locale") or "") if isinstance(store, Mapping) else "",
            raw=dict(body),
        )


@dataclass(frozen=True)
class OtpChallenge:
    challenge_id: str
    expires_at: datetime
    masked_phone: str
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    resent: bool = False  # the same challenge with a new code (issue 12, #2)


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
    op_id: str,
    customer_id: str,
    amount: Decimal,
    receipt_no: str,
    occurred_at: str | None = None,
    lines: Sequence[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """``lines`` (issue 16): ``[{line_no, amount, code?, category?, description?}]``, their
    amounts summing to ``amount`` (docs/rules.md); omitted: one uncategorised line."""
    body: dict[str, Any] = {
        "op_id": op_id,
        "customer_id": wire_id(customer_id),
        "amount": wire_money(amount),
        "receipt_no": receipt_no,
    }
    if occurred_at:
        body["occurred_at"] = occurred_at
    if lines:
        body["lines"] = [dict(line) for line in lines]
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


# -- member orders from the table (issue 18, docs/ordering.md) -------------------------------

ORDER_STATES = frozenset({"open", "taken", "paid", "cancelled"})


@dataclass(frozen=True)
class OrderLine:
    """One line of a table order: ``amount`` is the line total (unit price x quantity)."""

    line_no: int
    code: str
    name: str
    quantity: int
    amount: Decimal

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> OrderLine:
        return cls(
            line_no=int(body.get("line_no") or 0),
            code=str(body.get("code") or ""),
            name=str(body.get("name") or ""),
            quantity=int(body.get("quantity") or 1),
            amount=Decimal(str(body.get("amount") or "0")),
        )


@dataclass(frozen=True)
class Order:
    """A member's order from a table, as ``GET /v1/orders`` and the feed carry it."""

    id: int
    store: str
    table: str
    state: str  # open | taken | paid | cancelled
    customer_id: str | None
    member_name: str | None
    lines: tuple[OrderLine, ...]
    total: Decimal
    created_at: datetime | None
    taken_by: str | None = None
    receipt_no: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def closed(self) -> bool:
        """Paid or cancelled: it leaves the till's list."""
        return self.state in ("paid", "cancelled")

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Order:
        customer = body.get("customer_id")
        created = body.get("created_at")
        taken_by = body.get("taken_by")
        receipt = body.get("receipt_no")
        return cls(
            id=int(body["id"]),
            store=str(body.get("store") or ""),
            table=str(body.get("table") or ""),
            state=str(body.get("state") or "open"),
            customer_id=str(customer) if customer is not None else None,
            member_name=str(body["member_name"]) if body.get("member_name") else None,
            lines=tuple(
                OrderLine.from_json(x) for x in body.get("lines") or () if isinstance(x, Mapping)
            ),
            total=Decimal(str(body.get("total") or "0")),
            created_at=_parse_time(str(created)) if created else None,
            taken_by=str(taken_by) if taken_by is not None else None,
            receipt_no=str(receipt) if receipt is not None else None,
            raw=dict(body),
        )


@dataclass(frozen=True)
class OrderPage:
    """``GET /v1/orders`` and ``GET /v1/orders/feed``: orders and the cursor to go on from."""

    orders: tuple[Order, ...]
    cursor: str

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> OrderPage:
        items = body.get("orders") or ()
        return cls(
            orders=tuple(Order.from_json(x) for x in items if isinstance(x, Mapping)),
            cursor=str(body.get("cursor") or ""),
        )


@dataclass(frozen=True)
class TableQr:
    """``POST /v1/tables/{table}/rotate``: the new seating's URL for the table's QR code."""

    store: str
    table: str
    url: str
    expires_at: datetime | None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> TableQr:
        expires = body.get("expires_at")
        return cls(
            store=str(body.get("store") or ""),
            table=str(body.get("table") or ""),
            url=str(body.get("url") or ""),
            expires_at=_parse_time(str(expires)) if expires else None,
            raw=dict(body),
        )


def order_paid_body(op_id: str, order_id: int, receipt_no: str) -> dict[str, Any]:
    """The journaled ``order_paid`` operation (``POST /v1/ops`` kind ``order_paid``)."""
    return {"op_id": op_id, "order_id": int(order_id), "receipt_no": receipt_no}


def order_cancel_body(op_id: str, order_id: int) -> dict[str, Any]:
    """The journaled ``order_cancel`` operation (``POST /v1/ops`` kind ``order_cancel``)."""
    return {"op_id": op_id, "order_id": int(order_id)}
