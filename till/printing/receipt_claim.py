"""A receipt's points claimed at the till: identify the member, scan the receipt's QR code.

Why through the journal like a sale's earn: the claim is an operation with an ``op_id``
(kind ``receipt_claim``, ``POST /v1/claims/receipt``), made durable before anything is said
and sent by the one submission path (:class:`till.core.submission.Submitter`), so a claim
made while the backend is away is replayed exactly once by the sync worker. No manager:
the token's signature proves the receipt (:mod:`server.claim_tokens`). Qt-free.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from server.claim_tokens import TokenError, looks_like_token, peek
from till.backend_client import wire_id
from till.core.effects import OpRequest
from till.core.outcome import OpOutcome, OpStatus
from till.translate import translate

KIND = "receipt_claim"


def is_claim_code(text: str) -> bool:
    return looks_like_token(text.strip())


def claim_request(member_id: str, token: str, op_id: str | None = None) -> OpRequest:
    op_id = op_id or f"claim-{uuid.uuid4()}"
    payload: dict[str, Any] = {
        "op_id": op_id,
        "customer_id": wire_id(member_id),
        "token": token.strip(),
    }
    return OpRequest(KIND, member_id, op_id, payload)


def receipt_of(token: str) -> str:
    """The receipt number a token names (unverified: for the cashier's message only)."""
    try:
        return peek(token.strip()).receipt_no
    except TokenError:
        return ""


def outcome_words(outcome: OpOutcome, receipt_no: str) -> tuple[str, str]:
    """(message, level) for the banner."""
    which = (
        translate("Printing", "receipt {number}").format(number=receipt_no)
        if receipt_no
        else translate("Printing", "the receipt")
    )
    if outcome.status == OpStatus.DONE and outcome.result is not None:
        body: Mapping[str, Any] = outcome.result.raw
        points, balance = body.get("points"), body.get("balance")
        return translate(
            "Printing", "{points} points added for {which}. New balance: {balance} points."
        ).format(points=points, which=which, balance=balance), "ok"
    if outcome.status in (OpStatus.PENDING, OpStatus.KEY):
        return (
            translate(
                "Printing",
                "Claim of {which} recorded: the points are added when the loyalty server is back.",
            ).format(which=which),
            "warn",
        )
    code = outcome.code
    if code == "receipt_already_claimed":
        return translate("Printing", "Points were already given for {which}.").format(
            which=which
        ), "bad"
    if code == "claim_token_expired":
        return translate("Printing", "This receipt is too old to be claimed now."), "bad"
    if code == "claim_token_invalid":
        return translate(
            "Printing", "This receipt's code is not valid: it was not printed by our tills."
        ), "bad"
    return outcome.message or translate("Printing", "The claim of {which} was refused.").format(
        which=which
    ), "bad"
