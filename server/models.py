"""Request bodies of HTTP API v1 (pydantic); they are also the OpenAPI schema.

Strict on purpose: money only as decimal strings with at most two decimals (a JSON float
would carry binary rounding into a ledger), points only as JSON integers, unknown fields
refused (a misspelt ``challenge_id`` must not silently become "no OTP"). Limits keep every
number inside what the database stores, so no input can reach a 500 (OWASP ASVS V5.1).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

MONEY_PATTERN = r"^(0|[1-9][0-9]{0,8})(\.[0-9]{1,2})?$"
MAX_POINTS = 1_000_000_000
MAX_ID = 2**62


def _positive(v: str) -> str:
    if Decimal(v) <= 0:
        raise ValueError("must be greater than 0")
    return v


def normalise_phone(raw: str) -> str:
    """Drop spaces, dashes, dots and parentheses; keep one leading ``+`` (E.164-ish)."""
    s = re.sub(r"[\s\-().]", "", raw)
    if not re.fullmatch(r"\+?[0-9]{6,15}", s):
        raise ValueError("must be a phone number: digits, optionally a leading +")
    return s


def normalise_card(raw: str) -> str:
    s = raw.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{8,40}", s):
        raise ValueError("must be 8 to 40 letters or digits")
    return s


def _email(v: str) -> str:
    v = v.strip().lower()
    if not re.fullmatch(r"[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{1,63}", v):
        raise ValueError("must be an email address")
    return v


def _utc(v: datetime) -> datetime:
    """In UTC and within the years a till can mean; far offsets must not overflow later."""
    try:
        u = v.astimezone(UTC)
    except OverflowError:
        raise ValueError("is out of range") from None
    if not 2000 <= u.year <= 9000:
        raise ValueError("must be between the years 2000 and 9000")
    return u


Timestamp = Annotated[AwareDatetime, AfterValidator(_utc)]
Money = Annotated[str, StringConstraints(pattern=MONEY_PATTERN)]
PositiveMoney = Annotated[Money, AfterValidator(_positive)]
Points = Annotated[int, Field(strict=True, gt=0, le=MAX_POINTS)]
Id = Annotated[int, Field(strict=True, gt=0, le=MAX_ID)]
OpId = Annotated[
    str, StringConstraints(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._:\-]+$")
]
ReceiptNo = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._/#:\-]*$"),
]
Phone = Annotated[str, StringConstraints(max_length=40), AfterValidator(normalise_phone)]
CardNumber = Annotated[str, StringConstraints(max_length=40), AfterValidator(normalise_card)]
Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(_email)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=64, strip_whitespace=True)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
StoreCode = Annotated[
    str, StringConstraints(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_\-]+$")
]
CardRange = Annotated[str, StringConstraints(pattern=r"^[0-9]{8,18}$")]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Approval(Body):
    """A manager's name and PIN, carried by manager-only writes."""

    staff: Name
    pin: Annotated[str, StringConstraints(pattern=r"^[0-9]{4,8}$")] = Field(repr=False)


class CustomerCreate(Body):
    phone: Phone
    name: Annotated[str, StringConstraints(max_length=100, strip_whitespace=True)] = ""
    email: Email | None = None
    app_id: (
        Annotated[
            str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._\-]+$")
        ]
        | None
    ) = None
    cards: Annotated[list[CardNumber], Field(max_length=10)] = []
    op_id: OpId | None = None


class EarnRequest(Body):
    op_id: OpId
    customer_id: Id
    amount: PositiveMoney
    receipt_no: ReceiptNo
    occurred_at: Timestamp | None = None


class OtpRequest(Body):
    customer_id: Id
    points: Points


class RedeemRequest(Body):
    op_id: OpId
    customer_id: Id
    points: Points
    receipt_no: ReceiptNo
    challenge_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    otp: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] | None = Field(
        default=None, repr=False
    )
    approval: Approval | None = None
    reason: Reason | None = None


class ReverseRequest(Body):
    op_id: OpId
    reason: Reason
    approval: Approval | None = None


class ReverseOp(ReverseRequest):
    """A reversal inside ``POST /v1/ops``: the path's transaction id moves into the body."""

    transaction_id: Id


class ClaimRequest(Body):
    op_id: OpId
    customer_id: Id
    receipt_no: ReceiptNo
    occurred_at: Timestamp
    amount: PositiveMoney
    store: StoreCode | None = None
    approval: Approval | None = None
    corrects: Id | None = None


class OpItem(Body):
    op_id: OpId
    kind: Literal["earn", "redeem", "reverse", "claim"]
    body: dict[str, Any]


class OpsRequest(Body):
    ops: Annotated[list[OpItem], Field(min_length=1, max_length=500)]


class PolicyRequest(Body):
    otp_required: Annotated[bool, Field(strict=True)]
    otp_min_value: Money
    approval: Approval | None = None


class StaffVerify(Body):
    staff: Name
    pin: Annotated[str, StringConstraints(pattern=r"^[0-9]{4,8}$")] = Field(repr=False)


class ProgramPut(Body):
    range_start: CardRange
    range_end: CardRange
    approval: Approval | None = None


class CardsRegister(Body):
    program: Name
    numbers: Annotated[list[CardNumber], Field(min_length=1, max_length=1000)]
    approval: Approval | None = None


_FRIENDLY = {
    "amount": 'must be an amount as a string like "12.50" (at most 2 decimals)',
    "otp_min_value": 'must be an amount as a string like "10.00" (at most 2 decimals)',
    "otp": "must be the 6 digits from the SMS",
    "pin": "must be 4 to 8 digits",
    "op_id": "must be 1 to 100 letters, digits or . _ : -",
    "receipt_no": "must be 1 to 64 letters, digits, spaces or . _ / # : -",
}


def describe_errors(errors: list[Any], prefix: str = "") -> tuple[str, str | None]:
    """(message, field) for the first pydantic error, worded for a person, not a parser."""
    first = errors[0] if errors else {}
    parts = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path")]
    field = prefix + ".".join(parts) if parts else (prefix.rstrip(".") or None)
    msg = str(first.get("msg", "invalid"))
    if first.get("type") == "string_pattern_mismatch" and parts and parts[-1] in _FRIENDLY:
        msg = _FRIENDLY[parts[-1]]
    elif msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return f"{field or 'body'}: {msg}", field
