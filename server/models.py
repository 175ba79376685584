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

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

from server import approval_proof, text

MONEY_PATTERN = r"^(0|[1-9][0-9]{0,8})(\.[0-9]{1,2})?$"
MAX_POINTS = 1_000_000_000
# Ids within the integers a JSON number holds exactly (RFC 8259 section 6, I-JSON): beyond
# 2**53 a client's parser, and a schema validator, may round one id into another.
MAX_ID = 2**53 - 1
# Positive amounts: 0.01 to 999999999.99, as the pattern says (no "0", "0.0", "0.00").
POSITIVE_MONEY_PATTERN = r"^([1-9][0-9]{0,8}(\.[0-9]{1,2})?|0\.[1-9][0-9]?|0\.0[1-9])$"
CARD_PATTERN = r"^ *[A-Za-z0-9]{8,40} *$"
EMAIL_PATTERN = r"^ *[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{1,63} *$"
# RFC 3339 date-times with an offset, in the years 2000 to 9000 as written.
TIMESTAMP_PATTERN = (
    r"^(2[0-9]{3}|[3-8][0-9]{3}|9000)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)
_TIMESTAMP = re.compile(TIMESTAMP_PATTERN)


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
    if not re.fullmatch(EMAIL_PATTERN, v):
        raise ValueError("must be an email address")
    return v.strip(" ").lower()


def integral(v: Any) -> Any:
    """249.0 is the integer 249 in JSON (RFC 8259 does not tell them apart, nor does JSON
    Schema's ``integer``); 249.5 and "249" stay refused by the strict check after this."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _rfc3339(v: Any) -> Any:
    """Only RFC 3339 text with an offset and a year 2000-9000 (``TIMESTAMP_PATTERN``):
    pydantic alone would also take numbers (Unix time), spaces for ``T`` and other years."""
    if isinstance(v, datetime):  # built in Python (demo data, tests), not parsed from JSON
        return v
    if not isinstance(v, str) or not _TIMESTAMP.fullmatch(v):
        raise ValueError(
            "must be a date and time like 2026-11-23T10:00:00Z (RFC 3339, years 2000-9000)"
        )
    return v


def _utc(v: datetime) -> datetime:
    """In UTC, within the years a till can mean (as written, which is what the schema's
    pattern can say); far offsets must not overflow later."""
    if not 2000 <= v.year <= 9000:
        raise ValueError("must be between the years 2000 and 9000")
    try:
        return v.astimezone(UTC)
    except OverflowError:
        raise ValueError("is out of range") from None


Timestamp = Annotated[
    AwareDatetime,
    BeforeValidator(_rfc3339),
    AfterValidator(_utc),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": TIMESTAMP_PATTERN}),
]
Money = Annotated[str, StringConstraints(pattern=MONEY_PATTERN)]
PositiveMoney = Annotated[
    str, StringConstraints(pattern=POSITIVE_MONEY_PATTERN), AfterValidator(_positive)
]
Points = Annotated[int, Field(strict=True, gt=0, le=MAX_POINTS), BeforeValidator(integral)]
Id = Annotated[int, Field(strict=True, gt=0, le=MAX_ID), BeforeValidator(integral)]
OpId = Annotated[
    str, StringConstraints(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._:\-]+$")
]
ReceiptNo = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._/#:\-]*$"),
]
# Checked and put in E.164 form against the store's region by server/phones.py, which needs
# the caller's store: a bad number is refused there in plain words (code invalid_phone).
Phone = Annotated[str, StringConstraints(min_length=1, max_length=40, strip_whitespace=True)]
CardNumber = Annotated[
    str, StringConstraints(max_length=40, pattern=CARD_PATTERN), AfterValidator(normalise_card)
]
Email = Annotated[
    str,
    StringConstraints(max_length=254),
    AfterValidator(_email),
    WithJsonSchema({"type": "string", "maxLength": 254, "pattern": EMAIL_PATTERN}),
]
Name = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=text.SOME_TEXT_PATTERN),
    AfterValidator(text.stripped),
]
Reason = Annotated[
    str,
    Field(min_length=1, max_length=200, pattern=text.SOME_TEXT_PATTERN),
    AfterValidator(text.stripped),
]
StoreCode = Annotated[
    str, StringConstraints(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_\-]+$")
]
CardRange = Annotated[str, StringConstraints(pattern=r"^[0-9]{8,18}$")]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        """Every text field: no control characters, NFC (``server.text``)."""
        return text.clean(value)


#: An ``otp`` field: the 6 digits from the SMS, or an OTP approval proof (issue 11).
OTP_OR_PROOF = r"^(?:[0-9]{6}|v1\.[A-Za-z0-9_\-]{43})$"


class Approval(Body):
    """A manager's name and PIN, carried by manager-only writes.

    Or, instead of the PIN, the ``proof`` the backend answered when it applied this very
    operation (issue 11: re-sent after a restore, once the till has scrubbed the PIN;
    ``server/approval_proof.py``). Neither: the write is refused ``approval_required``.
    """

    staff: Name
    pin: Annotated[str | None, StringConstraints(pattern=r"^[0-9]{4,8}$")] = Field(
        default=None, repr=False
    )
    proof: Annotated[str | None, StringConstraints(pattern=approval_proof.PATTERN)] = Field(
        default=None, repr=False
    )


class CustomerCreate(Body):
    phone: Phone
    name: Annotated[
        str, Field(max_length=100, pattern=text.NO_CONTROL_PATTERN), AfterValidator(text.stripped)
    ] = ""
    email: Email | None = None
    app_id: (
        Annotated[
            str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._\-]+$")
        ]
        | None
    ) = None
    cards: Annotated[list[CardNumber], Field(max_length=10)] = []
    op_id: OpId | None = None


LineNo = Annotated[int, Field(strict=True, ge=1, le=10_000), BeforeValidator(integral)]
LineText = Annotated[str, Field(min_length=1, max_length=100, pattern=text.NO_CONTROL_PATTERN)]
ItemCode = Annotated[
    str, StringConstraints(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_\-]+$")
]


class EarnLine(Body):
    """One line of a sale (issue 16): its category decides what it earns (docs/rules.md)."""

    line_no: LineNo
    amount: Money
    code: ItemCode | None = None
    category: ItemCode | None = None
    description: LineText | None = None


def _unique_lines(lines: list[Any] | None) -> list[Any] | None:
    if lines is not None and len({line.line_no for line in lines}) != len(lines):
        raise ValueError("line_no must be unique")
    return lines


class EarnRequest(Body):
    op_id: OpId
    customer_id: Id
    amount: PositiveMoney
    receipt_no: ReceiptNo
    occurred_at: Timestamp | None = None
    # Needed above the store's ``max_earn_amount`` (issue 13, finding 6).
    approval: Approval | None = None
    # Issue 16: the sale's lines; their amounts add up to ``amount`` (checked by the ledger).
    lines: Annotated[
        list[EarnLine] | None, Field(min_length=1, max_length=500), AfterValidator(_unique_lines)
    ] = None


class OtpRequest(Body):
    customer_id: Id
    points: Points


class RedeemRequest(Body):
    op_id: OpId
    customer_id: Id
    points: Points
    receipt_no: ReceiptNo
    # Both or neither, never null (the schema says so with ``dependentRequired``).
    challenge_id: Annotated[
        str | None,
        WithJsonSchema(
            {"type": "string", "minLength": 1, "maxLength": 64, "pattern": text.NO_CONTROL_PATTERN}
        ),
        StringConstraints(min_length=1, max_length=64),
    ] = None
    # The SMS code, or (a re-send after a restore, issue 11) the proof the backend answered
    # when the code approved this op (``server/approval_proof.py``).
    otp: Annotated[
        str | None,
        WithJsonSchema({"type": "string", "pattern": OTP_OR_PROOF}),
        StringConstraints(pattern=OTP_OR_PROOF),
    ] = Field(default=None, repr=False)
    approval: Approval | None = None
    reason: Reason | None = None

    model_config = ConfigDict(
        json_schema_extra={"dependentRequired": {"challenge_id": ["otp"], "otp": ["challenge_id"]}}
    )

    @field_validator("challenge_id", "otp", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("leave it out instead of sending null")
        return value


class ReverseRequest(Body):
    op_id: OpId
    reason: Reason
    approval: Approval | None = None
    # The op that made the transaction (issue 11): it names the transaction for good, even
    # in a database restored from a backup, where the op was applied again under a new id
    # and the old id may belong to another transaction. When given, it decides.
    reverses_op_id: OpId | None = None


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
    # Issue 16 (seed 004, case 4): the missed points of this campaign on the receipt.
    campaign_id: Id | None = None
    # Issue 16: a plain claim's sale lines, earning by the rules like an earn's (docs/rules.md).
    lines: Annotated[
        list[EarnLine] | None, Field(min_length=1, max_length=500), AfterValidator(_unique_lines)
    ] = None


class ReturnLine(Body):
    line_no: LineNo
    amount: PositiveMoney


class ReturnRequest(Body):
    """``POST /v1/returns`` (issue 16): part or all of a sale comes back (docs/rules.md)."""

    op_id: OpId
    receipt_no: ReceiptNo
    store: StoreCode | None = None
    lines: Annotated[
        list[ReturnLine] | None, Field(min_length=1, max_length=500), AfterValidator(_unique_lines)
    ] = None
    amount: PositiveMoney | None = None
    occurred_at: Timestamp | None = None


class OpItem(Body):
    op_id: OpId
    kind: Literal[
        "earn",
        "redeem",
        "reverse",
        "claim",
        "receipt_claim",
        "return",
        "order_paid",
        "registration",
        "order_cancel",
    ]
    body: dict[str, Any]


class OpsRequest(Body):
    ops: Annotated[list[OpItem], Field(min_length=1, max_length=500)]


class OpsStatusRequest(Body):
    """``POST /v1/ops/status``: the op_ids whose state a till reconciles (issue 11)."""

    op_ids: Annotated[list[OpId], Field(max_length=500)]


class PolicyRequest(Body):
    otp_required: Annotated[bool, Field(strict=True)]
    otp_min_value: Money
    # Absent: unchanged; null: no limit. Larger earns need a manager's approval.
    max_earn_amount: PositiveMoney | None = Field(default=None)
    approval: Approval | None = None


class OtpUnlock(Body):
    """A manager lifts the long-term OTP block of a customer (too many wrong codes)."""

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
