"""The sale being rung up: lines, member, points tender, other tenders, earn. Pure model.

Why pure: the sale is saved after every step (power cut mid-sale) and rebuilt on restart,
so it must round-trip through JSON exactly and hold no Qt, HTTP or SQLite. The money rules
live here so they are tested without a window: the points tender is capped by the balance
and by what is still due; points are earned on the part not paid with points.

Money is ``Decimal`` (2 places), points ``int``, times UTC ISO 8601 strings.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_DOWN, ROUND_UP, Decimal
from enum import StrEnum
from typing import Any

CENT = Decimal("0.01")


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def money(value: Decimal | str | int) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def mask_phone(phone: str) -> str:
    """What the cashier may see of a phone number: the last 3 digits."""
    digits = [c for c in phone if c.isdigit()]
    if len(digits) <= 3:
        return "*" * len(phone)
    keep = "".join(digits[-3:])
    head = "+" if phone.startswith("+") else ""
    return head + "*" * (len(digits) - 3) + keep


class SaleState(StrEnum):
    OPEN = "open"
    COMPLETING = "completing"  # earn journaled, waiting for the answer
    COMPLETED = "completed"
    VOIDING = "voiding"  # reversal journaled, waiting for the answer
    VOIDED = "voided"


class RedemptionState(StrEnum):
    SENDING = "sending"  # journaled; the backend's answer is not known yet
    COMMITTED = "committed"
    REVERSING = "reversing"
    REVERSED = "reversed"


@dataclass
class Line:
    description: str
    amount: Decimal


@dataclass
class Member:
    """A snapshot of the identified customer; ``offline`` marks last-known cached data."""

    id: str
    name: str
    phone: str
    status: str
    balance: int
    offline: bool = False
    as_of: str = ""

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


@dataclass
class Redemption:
    op_id: str
    points: int
    value: Decimal
    state: RedemptionState = RedemptionState.SENDING
    transaction_id: str = ""
    balance_after: int | None = None
    with_otp: bool = False
    override_by: str = ""
    reverse_op_id: str = ""


@dataclass
class Tender:
    kind: str  # "cash" | "card"
    amount: Decimal


TENDER_NAMES = {"cash": "Cash", "card": "Card (terminal)", "points": "Loyalty Redemption"}


@dataclass
class Sale:
    sale_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    receipt_no: str = ""
    created_at: str = field(default_factory=utc_now_iso)
    state: SaleState = SaleState.OPEN
    lines: list[Line] = field(default_factory=list)
    member: Member | None = None
    redemption: Redemption | None = None
    tenders: list[Tender] = field(default_factory=list)
    earn_op_id: str = ""
    earn_amount: Decimal | None = None
    earned_points: int | None = None  # None: not known yet (pending) or no earn
    balance_after: int | None = None
    completed_at: str = ""
    void_reason: str = ""

    # -- figures --------------------------------------------------------------------------

    @property
    def total(self) -> Decimal:
        return money(sum((line.amount for line in self.lines), Decimal(0)))

    @property
    def points_value(self) -> Decimal:
        r = self.redemption
        if r is None or r.state in (RedemptionState.REVERSED,):
            return Decimal("0.00")
        return money(r.value)

    @property
    def tendered(self) -> Decimal:
        return money(sum((t.amount for t in self.tenders), Decimal(0)))

    @property
    def due(self) -> Decimal:
        return money(self.total - self.points_value - self.tendered)

    @property
    def change(self) -> Decimal:
        return money(max(Decimal(0), -self.due))

    @property
    def earnable_amount(self) -> Decimal:
        """Points are earned on the part of the sale not paid with points."""
        return money(max(Decimal(0), self.total - self.points_value))

    @property
    def finished(self) -> bool:
        return self.state in (SaleState.COMPLETED, SaleState.VOIDED)

    @property
    def has_payment(self) -> bool:
        return bool(self.tenders) or self.redemption is not None

    def can_change_member(self) -> bool:
        """The member may be removed or changed until any payment was taken."""
        return self.state == SaleState.OPEN and not self.has_payment

    def max_redeemable_points(self, point_value: Decimal) -> int:
        """Capped by the balance and by what is still due (value rounded down to points)."""
        if self.member is None or point_value <= 0:
            return 0
        due = max(Decimal(0), self.total - self.tendered)
        by_total = int((due / point_value).to_integral_value(rounding=ROUND_DOWN))
        return max(0, min(self.member.balance, by_total))

    # -- persistence ----------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        body = asdict(self)
        return _jsonable(body)  # type: ignore[no-any-return]

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> Sale:
        member = body.get("member")
        red = body.get("redemption")
        return cls(
            sale_id=body["sale_id"],
            receipt_no=body.get("receipt_no", ""),
            created_at=body.get("created_at", ""),
            state=SaleState(body.get("state", "open")),
            lines=[Line(x["description"], Decimal(x["amount"])) for x in body.get("lines", [])],
            member=Member(**member) if member else None,
            redemption=(
                Redemption(
                    op_id=red["op_id"],
                    points=int(red["points"]),
                    value=Decimal(red["value"]),
                    state=RedemptionState(red["state"]),
                    transaction_id=red.get("transaction_id", ""),
                    balance_after=red.get("balance_after"),
                    with_otp=bool(red.get("with_otp")),
                    override_by=red.get("override_by", ""),
                    reverse_op_id=red.get("reverse_op_id", ""),
                )
                if red
                else None
            ),
            tenders=[Tender(t["kind"], Decimal(t["amount"])) for t in body.get("tenders", [])],
            earn_op_id=body.get("earn_op_id", ""),
            earn_amount=(
                Decimal(body["earn_amount"]) if body.get("earn_amount") is not None else None
            ),
            earned_points=body.get("earned_points"),
            balance_after=body.get("balance_after"),
            completed_at=body.get("completed_at", ""),
            void_reason=body.get("void_reason", ""),
        )


def points_for_amount(amount: Decimal, point_value: Decimal) -> int:
    """Points needed to cover ``amount`` (rounded up: the customer never gets a free cent)."""
    if point_value <= 0:
        return 0
    return int((amount / point_value).to_integral_value(rounding=ROUND_UP))


def value_of_points(points: int, point_value: Decimal) -> Decimal:
    return money(Decimal(points) * point_value)


def new_receipt_no(till: str, sale: Sale) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    return f"{till or 'TILL'}-{stamp}-{sale.sale_id[:6].upper()}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
