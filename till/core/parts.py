"""The parts of a sale: lines, member, points tender, other tenders; money and points rules.

Why apart from :class:`till.core.sale.Sale`: these are plain values with no transitions;
the money rules (two places, points rounded so the customer never gets a free cent) are
tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_UP, Decimal
from enum import StrEnum

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
    PARKED = "parked"  # set aside while its points payment is unconfirmed


class RedemptionState(StrEnum):
    SENDING = "sending"  # unconfirmed: journaled, the backend's final answer is not known
    COMMITTED = "committed"
    REVERSING = "reversing"
    REVERSED = "reversed"


@dataclass
class Line:
    description: str
    amount: Decimal
    # Issue 16: the catalogue's product code and category ("" for a free line).
    code: str = ""
    category: str = ""


@dataclass
class CampaignCredit:
    """A campaign the earn applied, and the points it gave (the receipt names it)."""

    name: str
    points: int


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
    customer_type: str = ""  # issue 16: campaigns may be for some types only

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
    cancelling: bool = False  # the cashier asked to pay another way: cancel requested


@dataclass
class Tender:
    kind: str  # "cash" | "card"
    amount: Decimal


TENDER_NAMES = {"cash": "Cash", "card": "Card (terminal)", "points": "Loyalty Redemption"}


def points_for_amount(amount: Decimal, point_value: Decimal) -> int:
    """Points needed to cover ``amount`` (rounded up: the customer never gets a free cent)."""
    if point_value <= 0:
        return 0
    return int((amount / point_value).to_integral_value(rounding=ROUND_UP))


def value_of_points(points: int, point_value: Decimal) -> Decimal:
    return money(Decimal(points) * point_value)
