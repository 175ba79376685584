"""The sale as JSON and back, exactly: it is saved after every step and rebuilt on restart."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from till.core.sale import Sale


def to_json(sale: Sale) -> dict[str, Any]:
    body = _jsonable(asdict(sale))
    assert isinstance(body, dict)
    return body


def from_json(body: dict[str, Any]) -> Sale:
    from till.core.parts import CampaignCredit
    from till.core.sale import Line, Member, Redemption, RedemptionState, Sale, SaleState, Tender

    member = body.get("member")
    red = body.get("redemption")
    return Sale(
        sale_id=body["sale_id"],
        receipt_no=body.get("receipt_no", ""),
        created_at=body.get("created_at", ""),
        state=SaleState(body.get("state", "open")),
        lines=[
            Line(x["description"], Decimal(x["amount"]), x.get("code", ""), x.get("category", ""))
            for x in body.get("lines", [])
        ],
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
                cancelling=bool(red.get("cancelling", False)),
            )
            if red
            else None
        ),
        tenders=[Tender(t["kind"], Decimal(t["amount"])) for t in body.get("tenders", [])],
        earn_op_id=body.get("earn_op_id", ""),
        earn_amount=(Decimal(body["earn_amount"]) if body.get("earn_amount") is not None else None),
        earned_points=body.get("earned_points"),
        balance_after=body.get("balance_after"),
        completed_at=body.get("completed_at", ""),
        void_reason=body.get("void_reason", ""),
        parked_at=body.get("parked_at", ""),
        campaigns=[CampaignCredit(c["name"], int(c["points"])) for c in body.get("campaigns", [])],
        next_expiry_points=body.get("next_expiry_points"),
        next_expiry_on=body.get("next_expiry_on", ""),
    )


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
