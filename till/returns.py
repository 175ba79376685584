"""A return at the till: which receipt, which lines, and what the answer means (issue 16).

Why here and not in the dialog: the return is an operation like every other — journaled
first and sent through the one path (:mod:`till.core.submission`), replayed by the sync
worker when offline, judged by the one policy table. This module builds that operation and
turns its answer into the cashier's words; the dialog only asks. Qt-free.

Lines: a receipt rung at this till is found in the till's own sales (its lines, numbered as
the earn sent them, :mod:`till.core.earn_lines`); a return names those line numbers and
amounts, so the backend takes back exactly what each line earned. A receipt from another
till is returned by amount (the backend spreads it over the sale's lines). The journal
orders a customer's operations: a return queued behind the same sale's pending earn waits
for it, so an offline sale returned offline is replayed in the right order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from till.core.earn_lines import EarnLine, earn_lines
from till.core.effects import OpRequest
from till.core.outcome import OpOutcome, OpStatus
from till.core.parts import money, utc_now_iso
from till.core.sale import Sale, SaleState
from till.rules_wire import ReturnedLine, ReturnResult, return_body

#: The backend's receipt number (``ReceiptNo`` in resources/openapi.json).
RECEIPT_NO = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/#:\-]{0,63}")


class _Sales(Protocol):
    def by_receipt(self, receipt_no: str) -> Sale | None: ...


@dataclass(frozen=True)
class Receipt:
    """What the till knows of a receipt: the sale's lines as earned, and whose it was."""

    receipt_no: str
    lines: tuple[EarnLine, ...] = ()
    account: str = ""  # the member's id ("" when not known here)
    earned_points: int | None = None
    rung_here: bool = False  # a sale of this till (lines known, member or not)

    @property
    def known(self) -> bool:
        return bool(self.lines)

    @property
    def total(self) -> Decimal:
        return money(sum((x.amount for x in self.lines), Decimal(0)))


def receipt_number(text: str) -> str | None:
    """The receipt number in a scan or typed text, if it can be one."""
    value = text.strip()
    return value if RECEIPT_NO.fullmatch(value) else None


def find_receipt(sales: _Sales, receipt_no: str) -> Receipt:
    """Blocking (SQLite): the receipt's lines when it was rung at this till."""
    sale = sales.by_receipt(receipt_no)
    if sale is None or sale.state != SaleState.COMPLETED:
        return Receipt(receipt_no)
    if sale.member is None or not sale.earn_op_id:
        return Receipt(receipt_no, rung_here=True)  # no member: no points to take back
    earned = sale.earn_amount if sale.earn_amount is not None else sale.earnable_amount
    return Receipt(
        receipt_no,
        tuple(earn_lines(sale.lines, earned)),
        sale.member.id,
        sale.earned_points,
        rung_here=True,
    )


def return_request(
    op_id: str,
    receipt: Receipt,
    *,
    line_nos: tuple[int, ...] = (),
    amount: Decimal | None = None,
    store: str = "",
    occurred_at: str | None = None,
) -> OpRequest:
    """The journaled ``return`` op: the chosen lines in full, or an amount.

    The account is the member's when known (so the return queues behind the sale's own
    pending earn), else the receipt's.
    """
    chosen = [
        ReturnedLine(x.line_no, x.amount)
        for x in receipt.lines
        if x.line_no in line_nos and x.amount > 0  # a line paid all in points earned nothing
    ]
    if line_nos and not chosen:
        # Never "neither lines nor amount": the backend would take the whole receipt back.
        raise ValueError("none of these lines earned points")
    body = return_body(
        op_id,
        receipt.receipt_no,
        lines=chosen,
        amount=None if chosen else amount,
        store=store,
        occurred_at=occurred_at or utc_now_iso(),
    )
    account = receipt.account or f"receipt:{receipt.receipt_no}"
    return OpRequest("return", account, op_id, body, resume=False, close_refusals=True)


def points(n: int) -> str:
    return f"{n} point{'' if n == 1 else 's'}"


def result_words(result: ReturnResult, currency: str = "") -> str:
    """The answer as the cashier reads it out: taken back, given back, balance, shortfall."""
    said = [
        f"Return recorded: {points(result.points_reversed)} taken back, "
        f"{points(result.points_restored)} given back."
    ]
    if result.balance is not None:
        said.append(f"New balance: {points(result.balance)}.")
    short = result.shortfall
    if short.points > 0:
        value = f"{currency} {short.value:,.2f}".strip()
        said.append(
            f"The customer has already spent {short.points} of these points: {value} to "
            "deduct from the refund."
        )
    return " ".join(said)


def outcome_words(outcome: OpOutcome, currency: str = "") -> tuple[str, str]:
    """(text, level) for a return's outcome."""
    status = outcome.status
    if status == OpStatus.DONE:
        result = ReturnResult.from_json(outcome.result.raw if outcome.result else None)
        return result_words(result, currency), "warn" if result.shortfall.points else "ok"
    if status in (OpStatus.PENDING,):
        return (
            "Return recorded at this till: the points are taken back when the loyalty "
            "server is back.",
            "warn",
        )
    if status == OpStatus.KEY:
        return outcome.message, "bad"
    return f"The return was not recorded: {outcome.message}", "bad"
