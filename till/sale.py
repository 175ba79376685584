"""Compatibility name: the sale model lives in the Qt-free core, :mod:`till.core.sale`."""

from till.core.sale import (
    CENT,
    TENDER_NAMES,
    Line,
    Member,
    Redemption,
    RedemptionState,
    Sale,
    SaleState,
    Tender,
    mask_phone,
    money,
    new_receipt_no,
    points_for_amount,
    utc_now_iso,
    value_of_points,
)

__all__ = [
    "CENT",
    "TENDER_NAMES",
    "Line",
    "Member",
    "Redemption",
    "RedemptionState",
    "Sale",
    "SaleState",
    "Tender",
    "mask_phone",
    "money",
    "new_receipt_no",
    "points_for_amount",
    "utc_now_iso",
    "value_of_points",
]
