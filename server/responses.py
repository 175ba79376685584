"""Response shapes of HTTP API v1, for the OpenAPI document (the contract other packages read).

The handlers build plain dicts; these models only describe them (``responses=`` in the
routes), so documenting can never change or drop a field at run time. Tests compare real
answers with these field sets.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None
    attempts_left: int | None = None
    retry_after_s: int | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: str
    version: str


class NextExpiry(BaseModel):
    """Issue 16: the next points to expire (docs/rules.md)."""

    points: int
    on: str = Field(description="YYYY-MM-DD: from this day (00:00 UTC) they are gone")


class Customer(BaseModel):
    id: int
    phone: str
    name: str
    email: str | None
    app_id: str | None
    status: str
    balance: int
    cards: list[str]
    customer_type: str
    next_expiry: NextExpiry | None


class LinePoints(BaseModel):
    line_no: int
    points: int


class CampaignPoints(BaseModel):
    id: int
    name: str
    points: int


class EarnResult(BaseModel):
    transaction_id: int
    points: int
    balance: int
    # Issue 16; optional in the schema because receipt-token claims answer without them.
    lines: list[LinePoints] = []
    campaigns: list[CampaignPoints] = []
    next_expiry: NextExpiry | None = None
    approval_proof: str | None = Field(
        default=None,
        description="When a manager approved it: the proof to send instead of the PIN if this"
        " op must be sent again (after a restore of the backend); valid for this op only",
    )


class OtpChallenge(BaseModel):
    challenge_id: str
    expires_at: str
    masked_phone: str
    resent: bool


class RedeemResult(BaseModel):
    transaction_id: int
    points: int
    value: str
    balance: int
    with_otp: bool
    with_override: bool
    approval_proof: str | None = Field(
        default=None,
        description="When a manager approved it: the proof to send instead of the PIN if this"
        " op must be sent again (after a restore of the backend); valid for this op only."
        " When the member's SMS code approved it: the proof to send as otp instead of the code",
    )


class ReverseResult(BaseModel):
    transaction_id: int
    reverses: int
    points: int
    balance: int
    approval_proof: str | None = Field(
        default=None,
        description="When a manager approved it: the proof to send instead of the PIN if this"
        " op must be sent again (after a restore of the backend); valid for this op only",
    )


class OpResult(BaseModel):
    op_id: str
    status: int
    body: dict[str, Any]


class OpsResult(BaseModel):
    results: list[OpResult]


class OpCancelResult(BaseModel):
    """``cancelled``: never applied, and refused for ever (409 ``op_cancelled``); or
    ``applied``, with the op's original result body."""

    state: Literal["cancelled", "applied"]
    result: dict[str, Any] | None = None


class OpState(BaseModel):
    op_id: str
    state: Literal["applied", "cancelled", "unknown"]
    result: dict[str, Any] | None


class OpsStatusResult(BaseModel):
    ops: list[OpState]


class Policy(BaseModel):
    otp_required: bool
    otp_min_value: str = Field(
        description="A code is needed once this is reached by the redemption plus what was"
        " redeemed without a code on the same receipt of the store, or by the customer in"
        " the last otp_sum_window_s seconds (any store); redemptions with a code, with a"
        " manager override, or reversed are not counted."
    )
    otp_sum_window_s: int = Field(description="The rolling window of the customer total.")
    max_earn_amount: str | None = Field(
        description="Earns above this amount need a manager's approval (approval_required);"
        " null: no limit."
    )


class OtpUnlockResult(BaseModel):
    customer_id: int
    otp_blocked: bool


class StaffResult(BaseModel):
    staff: str
    role: str


class Program(BaseModel):
    name: str
    range_start: str
    range_end: str
    issued: int


class Programs(BaseModel):
    programs: list[Program]


class CardsResult(BaseModel):
    registered: int


class Transaction(BaseModel):
    id: int
    kind: str
    points: int
    amount: str | None
    value: str | None
    receipt_no: str | None
    occurred_at: str
    received_at: str | None
    created_at: str
    op_id: str | None
    reverses: int | None
    corrects: int | None
    reversed: bool
    with_otp: bool
    with_override: bool
    approved: bool
    reason: str | None


class Transactions(BaseModel):
    customer_id: int
    transactions: list[Transaction]


class RedemptionRow(BaseModel):
    day: str | None = None
    customer_id: int | None = None
    name: str | None = None
    phone: str | None = None
    points: int
    value: str
    count: int
    with_otp: int
    with_override: int


class RedemptionsReport(BaseModel):
    from_: str = Field(alias="from")
    to: str
    group: str
    rows: list[RedemptionRow]


class AuditEntry(BaseModel):
    at: str
    action: str  # "policy" | "program" | "cards_registered"
    staff: str  # the approving manager
    till: str
    detail: dict[str, Any]


class AuditTrail(BaseModel):
    from_: str = Field(alias="from")
    to: str
    entries: list[AuditEntry]


class ShiftReport(BaseModel):
    from_: str = Field(alias="from")
    to: str
    earned_points: int
    redeemed_points: int
    redeemed_value: str
    redemptions_with_otp: int
    redemptions_with_override: int
    reversals: int


class SessionStore(BaseModel):
    code: str
    name: str
    phone_region: str  # ISO 3166-1 alpha-2: the region of national phone numbers
    time_zone: str  # IANA tz database name, e.g. Europe/London: times on screen and paper
    locale: str  # CLDR locale identifier, e.g. en_GB: dates and figures on screen and paper


class SessionTill(BaseModel):
    code: str


class SessionProgram(BaseModel):
    currency: str
    points_per_unit: str
    point_value: str


class Session(BaseModel):
    store: SessionStore
    till: SessionTill
    program: SessionProgram
    otp_policy: Policy
    otp_ttl_s: int
    server_time: str


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        400: "malformed_json",
        401: "unauthorized",
        403: "key_revoked, approval_*, otp_* (see the error code)",
        404: "not_found, card_unassigned",
        409: "insufficient_points, idempotency_conflict, op_cancelled, receipt_already_claimed, ...",
        422: "invalid_request (names the field), invalid_phone (names the store's region)",
        429: "otp_locked, otp_resend_limited, otp_rate_limited, approval_locked",
    }.items()
}


def documented(status: int, model: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": model, "description": "Success"}, **ERRORS}
