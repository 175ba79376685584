"""The loyalty rules' wire formats (issue 16, docs/rules.md), typed: catalogue, campaigns,
returns.

Why apart from :mod:`till.wire`: these shapes are the rules the till caches and previews
with (catalogue and campaigns, downloaded while online and kept for offline use) and the
return's answer; :mod:`till.wire` keeps the operations' results. Parsed once, here; money
is ``Decimal``, points ``int``, instants aware UTC ``datetime``s, weekdays ISO 8601
(1 = Monday ... 7 = Sunday) and hours a half-open ``[from, to)`` clock range in the store's
time zone, as the backend documents them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from decimal import Decimal
from typing import Any

from till.wire import wire_money


def _decimal(value: Any, default: str = "1") -> Decimal:
    return Decimal(str(value if value is not None else default))


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant ("...Z" or an offset) as an aware UTC datetime."""
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)


@dataclass(frozen=True)
class Category:
    """A product category: ``earn`` False for gift cards, tobacco, deposits; else a
    multiplier of the base rate."""

    code: str
    name: str
    earn: bool = True
    multiplier: Decimal = Decimal(1)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Category:
        return cls(
            code=str(body["code"]),
            name=str(body.get("name") or body["code"]),
            earn=bool(body.get("earn", True)),
            multiplier=_decimal(body.get("multiplier")),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "earn": self.earn,
            "multiplier": str(self.multiplier),
        }


@dataclass(frozen=True)
class CatalogueItem:
    code: str  # EAN/UPC/internal, as scanned
    name: str
    price: Decimal
    category: str = ""

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> CatalogueItem:
        return cls(
            code=str(body["code"]).strip(),
            name=str(body.get("name") or body["code"]),
            price=Decimal(str(body.get("price") or "0")),
            category=str(body.get("category") or ""),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "price": wire_money(self.price),
            "category": self.category,
        }


@dataclass(frozen=True)
class CustomerType:
    """A customer type (v1+ in the catalogue): its multiplier applies to every earning line."""

    code: str
    name: str = ""
    multiplier: Decimal = Decimal(1)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> CustomerType:
        return cls(
            code=str(body["code"]),
            name=str(body.get("name") or body["code"]),
            multiplier=_decimal(body.get("multiplier")),
        )


@dataclass(frozen=True)
class Catalogue:
    """``GET /v1/catalogue``; ``version`` changes whenever an item, category or customer
    type does."""

    version: str
    items: tuple[CatalogueItem, ...] = ()
    categories: tuple[Category, ...] = ()
    customer_types: tuple[CustomerType, ...] = ()

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Catalogue:
        return cls(
            version=str(body.get("version") or ""),
            items=tuple(
                CatalogueItem.from_json(i)
                for i in body.get("items") or ()
                if isinstance(i, Mapping)
            ),
            categories=tuple(
                Category.from_json(c)
                for c in body.get("categories") or ()
                if isinstance(c, Mapping)
            ),
            customer_types=tuple(
                CustomerType.from_json(t)
                for t in body.get("customer_types") or ()
                if isinstance(t, Mapping)
            ),
        )


@dataclass(frozen=True)
class Campaign:
    """One campaign (``GET /v1/campaigns``). ``None`` restrictions apply always; exactly one
    of ``multiplier`` / ``bonus`` is set (``bonus``: points on top of the lines)."""

    id: str
    name: str
    starts: datetime  # UTC, inclusive
    ends: datetime  # UTC, exclusive
    weekdays: tuple[int, ...] | None = None
    hours: tuple[time, time] | None = None
    categories: tuple[str, ...] | None = None
    customer_types: tuple[str, ...] | None = None
    multiplier: Decimal | None = None
    bonus: int | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Campaign:
        hours = body.get("hours")
        multiplier, bonus = body.get("multiplier"), body.get("bonus")
        return cls(
            id=str(body["id"]),
            name=str(body.get("name") or ""),
            starts=parse_instant(str(body["from"])),
            ends=parse_instant(str(body["to"])),
            weekdays=_tuple(body.get("weekdays"), int),
            hours=(
                (time.fromisoformat(str(hours["from"])), time.fromisoformat(str(hours["to"])))
                if isinstance(hours, Mapping)
                else None
            ),
            categories=_tuple(body.get("categories"), str),
            customer_types=_tuple(body.get("customer_types"), str),
            multiplier=Decimal(str(multiplier)) if multiplier is not None else None,
            bonus=int(bonus) if bonus is not None else None,
            raw=dict(body),
        )

    @property
    def effect(self) -> str:
        """What it gives, in a manager's words ("x2", "+50 points")."""
        if self.multiplier is not None:
            return f"x{self.multiplier.normalize():f}"
        return f"+{self.bonus or 0} points"


def _tuple(value: Any, kind: type[Any]) -> tuple[Any, ...] | None:
    if value is None:
        return None
    return tuple(kind(v) for v in value)


def campaigns_from_json(body: Mapping[str, Any]) -> tuple[Campaign, ...]:
    return tuple(
        Campaign.from_json(c) for c in body.get("campaigns") or () if isinstance(c, Mapping)
    )


@dataclass(frozen=True)
class Shortfall:
    """Points the customer had already spent: not taken (the balance never goes below
    zero); ``value`` is what the cashier deducts from the refund, per store policy."""

    points: int = 0
    value: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class ReturnResult:
    """``POST /v1/returns`` (201) and op kind ``return``'s result."""

    points_reversed: int = 0
    points_restored: int = 0
    balance: int | None = None
    shortfall: Shortfall = Shortfall()
    transaction_id: str = ""

    @classmethod
    def from_json(cls, body: Mapping[str, Any] | None) -> ReturnResult:
        body = body or {}
        short = body.get("shortfall")
        short = short if isinstance(short, Mapping) else {}
        balance = body.get("balance")
        return cls(
            points_reversed=int(body.get("points_reversed") or 0),
            points_restored=int(body.get("points_restored") or 0),
            balance=int(balance) if balance is not None else None,
            shortfall=Shortfall(
                int(short.get("points") or 0), Decimal(str(short.get("value") or "0.00"))
            ),
            transaction_id=str(body.get("transaction_id") or ""),
        )


@dataclass(frozen=True)
class ReturnedLine:
    line_no: int
    amount: Decimal


def return_body(
    op_id: str,
    receipt_no: str,
    *,
    lines: Sequence[ReturnedLine] = (),
    amount: Decimal | None = None,
    store: str = "",
    occurred_at: str = "",
) -> dict[str, Any]:
    """The body of ``POST /v1/returns`` and of the journaled op kind ``return``.

    With ``lines`` the amount is their sum (the backend checks they agree); with neither,
    everything left of the receipt is returned.
    """
    body: dict[str, Any] = {"op_id": op_id, "receipt_no": receipt_no}
    if store:
        body["store"] = store
    if lines:
        body["lines"] = [{"line_no": x.line_no, "amount": wire_money(x.amount)} for x in lines]
        body["amount"] = wire_money(sum((x.amount for x in lines), Decimal(0)))
    elif amount is not None:
        body["amount"] = wire_money(amount)
    if occurred_at:
        body["occurred_at"] = occurred_at
    return body
