"""When a manager may send a review-list item again (issue 11, findings 1 and 3). Pure.

Why a rule of its own: a redemption in the review list is a points tender the backend did
not take. Meanwhile the cashier may have paid that receipt another way (cash, card) or
voided the sale; sending the redemption again then would take points for a sale already paid
— the till's promise broken by a manager's click. So a redemption may be retried only while
its sale still waits for exactly that tender (the sale is unfinished, its points tender is
this op and still unconfirmed, and the cashier has not asked to pay another way), or when
the cashier was told it *was* charged (the tender is committed: the sale was paid with these
points and the backend lost them, e.g. restored from an older backup and the re-sent
redemption refused). Otherwise the only way out is to settle it on the backend
(``POST /v1/ops/{op_id}/cancel``), which makes "not charged" true for ever. An earn, claim or
reversal takes nothing from the customer that was paid otherwise: it may always be retried.
"""

from __future__ import annotations

from collections.abc import Iterable

from till.core.parts import RedemptionState, SaleState
from till.core.sale import Sale
from till.translate import QT_TRANSLATE_NOOP, translate

#: What the manager reads when Retry is not allowed for a redemption.
NO_RETRY = QT_TRANSLATE_NOOP(
    "Manager",
    "This redemption can't be sent again: its sale no longer waits for it (it was paid "
    "another way, voided, or is being cancelled). Cancel it on the backend instead.",
)


def awaiting_sale(op_id: str, sales: Iterable[Sale]) -> Sale | None:
    """The unfinished sale whose unconfirmed, still wanted points tender is ``op_id``."""
    for sale in sales:
        r = sale.redemption
        if (
            sale.state in (SaleState.OPEN, SaleState.PARKED)
            and r is not None
            and r.op_id == op_id
            and r.state == RedemptionState.SENDING
            and not r.cancelling
        ):
            return sale
    return None


def paid_with(op_id: str, sales: Iterable[Sale]) -> Sale | None:
    """The sale the cashier was told was paid with this redemption (committed, not reversed)."""
    for sale in sales:
        r = sale.redemption
        if r is not None and r.op_id == op_id and r.state == RedemptionState.COMMITTED:
            return sale
    return None


def retry_refusal(kind: str, op_id: str, sales: Iterable[Sale]) -> str:
    """Empty when a manager may send this review item again, else why not (plain words).

    ``sales``: the till's sales that name ``op_id`` (any state; others are ignored).
    """
    if kind != "redeem":
        return ""
    named = list(sales)
    if awaiting_sale(op_id, named) is not None or paid_with(op_id, named) is not None:
        return ""
    return translate("Manager", NO_RETRY)
