"""How an operation's answer changes the sale: earn, points payment, reversal.

Why apart from :mod:`till.core.sale`: ringing up and tendering are the cashier's input; this
module is the other half, the backend's answers (first send, sync worker, cancel, restart),
and holds the rules the till's promise turns on — a redemption is reported "not charged"
only once it can never be applied (refused before any effect, or cancelled on the backend,
``POST /v1/ops/{op_id}/cancel``); an unconfirmed one stays retryable under the same op_id;
a refused earn still completes the sale (no points), a not-recorded one reopens it.

Every function mutates the :class:`~till.core.sale.Sale` it is given and returns the
:mod:`effects <till.core.effects>` the engine performs in order. Pure: no Qt, HTTP or SQLite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from till.backend_client import OpResult
from till.core.earn_lines import record_earned
from till.core.effects import Cancel, Effect, Finished, Offer, OpRequest, Save, Show, Submit
from till.core.outcome import OpOutcome, OpStatus
from till.core.parts import RedemptionState, SaleState, money
from till.translate import translate

if TYPE_CHECKING:
    from till.core.sale import Sale


def _save(sale: Sale) -> list[Effect]:
    return [Save(sale.snapshot())]


def resume(sale: Sale) -> list[Effect]:
    """After a restart: settle the open operation from the journal, same op_id.

    A redemption whose body is only in the journal is re-sent from there (pending), or
    takes the answer the journal holds. One in review is *not* "nothing charged": it is
    cancelled on the backend first (see :func:`settle`).
    """
    r = sale.redemption
    if sale.state == SaleState.COMPLETING:
        return [Submit(sale.earn_request(resume=True))]
    if sale.state == SaleState.VOIDING and r is not None:
        return [Submit(OpRequest("reverse", sale.account, r.reverse_op_id, None, True))]
    if r is not None and r.state == RedemptionState.SENDING:
        if r.cancelling:
            return [Cancel(r.op_id, "redeem", sale.account)]
        return sale.retry_redemption()
    return []


def settle(sale: Sale, outcome: OpOutcome) -> list[Effect]:
    """Apply an operation's answer; answers about other operations change nothing."""
    r = sale.redemption
    if sale.state == SaleState.COMPLETING and outcome.op_id == sale.earn_op_id:
        return earned(sale, outcome)
    if r is not None and outcome.op_id == r.reverse_op_id and sale.state == SaleState.VOIDING:
        return reversed_(sale, outcome)
    if r is not None and outcome.op_id == r.op_id and r.state == RedemptionState.SENDING:
        return redeemed(sale, outcome)
    return []


def redeemed(sale: Sale, outcome: OpOutcome) -> list[Effect]:
    """The points payment's answer; a parked sale is offered again once it is settled."""
    r = sale.redemption
    assert r is not None
    parked = sale.state == SaleState.PARKED
    status = outcome.status
    if status == OpStatus.DONE:
        result = outcome.result or OpResult()
        r.state = RedemptionState.COMMITTED
        r.cancelling = False
        r.transaction_id = result.transaction_id
        if result.value is not None:
            r.value = money(result.value)
        if result.balance is not None:
            r.balance_after = result.balance
            if sale.member is not None:
                sale.member.balance = result.balance
        said = translate("Sale", "The points payment is confirmed: {points} points.").format(
            points=r.points
        )
        effects: list[Effect] = [*_save(sale), Show(said, "ok")]
    elif status.not_charged:
        sale.redemption = None
        said = (
            translate("Sale", "The points payment was cancelled: nothing was charged.")
            if status == OpStatus.CANCELLED
            else translate("Sale", "The points were not used: {why}").format(why=outcome.message)
        )
        effects = [*_save(sale), Show(said, "warn")]
    elif status == OpStatus.REVIEW:
        # Refused, but a manager could still retry it: make it final before anyone
        # is told "not charged".
        r.cancelling = True
        return [*_save(sale), Cancel(r.op_id, "redeem", sale.account)]
    else:  # pending / key: still unconfirmed
        return [
            Show(
                translate(
                    "Sale",
                    "The points payment is not confirmed: {why} Retry (F4), park the sale "
                    "(F11) or pay another way (F5/F6); it is never charged twice.",
                ).format(why=outcome.message),
                "warn",
            )
        ]
    if parked:
        effects.append(Offer(sale.snapshot()))
    return effects


def earned(sale: Sale, outcome: OpOutcome) -> list[Effect]:
    """The earn's answer: the sale completes whatever it says, except "not recorded"
    (nothing durable happened), which reopens the sale for the cashier to try again."""
    status = outcome.status
    if status == OpStatus.NOT_RECORDED:
        sale.state = SaleState.OPEN
        sale.earn_op_id = ""
        sale.earn_amount = None
        return [*_save(sale), Show(outcome.message, "bad")]
    effects: list[Effect] = []
    if status == OpStatus.DONE:
        result = outcome.result or OpResult()
        sale.earned_points = result.points if result.points is not None else 0
        record_earned(sale, result)
        if result.balance is not None:
            sale.balance_after = result.balance
            if sale.member is not None:
                sale.member.balance = result.balance
    elif status in (OpStatus.REFUSED, OpStatus.REVIEW, OpStatus.CANCELLED):
        said = translate("Sale", "No points for this sale: {why}").format(why=outcome.message)
        effects.append(Show(said, "warn"))
    elif status == OpStatus.KEY:
        effects.append(Show(outcome.message, "bad"))
    sale.state = SaleState.COMPLETED
    return [*_save(sale), *effects, Finished(sale.snapshot())]


def reversed_(sale: Sale, outcome: OpOutcome) -> list[Effect]:
    """The void's reversal: refused -> the sale stays open with its points payment; one in
    review is cancelled on the backend first, so it can never reverse later by surprise."""
    r = sale.redemption
    assert r is not None
    status = outcome.status
    if status == OpStatus.REVIEW:
        return [Cancel(r.reverse_op_id, "reverse", sale.account)]
    if status.not_charged:
        r.state = RedemptionState.COMMITTED
        r.reverse_op_id = ""
        sale.state = SaleState.OPEN
        said = translate("Sale", "The sale was not voided: {why}").format(why=outcome.message)
        return [*_save(sale), Show(said, "bad")]
    r.state = RedemptionState.REVERSED
    if outcome.result is not None and outcome.result.balance is not None:
        sale.balance_after = outcome.result.balance
    sale.state = SaleState.VOIDED
    return [*_save(sale), Finished(sale.snapshot())]
