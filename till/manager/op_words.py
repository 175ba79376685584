"""Journaled operations in a manager's words: what kind, for whom, how much.

Why one table for every kind: the review list (and anything else that shows a journal
record) must never show a wire name such as ``order_paid`` to a person. :func:`kind_words`
has an entry for every kind the journal accepts (``offline_queue.op.KINDS``; a unit test
checks none is missing), so a new kind without words fails a test instead of reaching the
screen raw. Only what a manager may see is named: a phone by its last 3 digits, never a
claim token, OTP or PIN (they are in the payload, and stay there).

Qt-free: :func:`till.translate.translate` only.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from till.core.parts import mask_phone
from till.translate import translate


class Journaled(Protocol):
    """What these words need of a journal record (``offline_queue.op.Op``)."""

    @property
    def kind(self) -> str: ...

    @property
    def account(self) -> str: ...

    @property
    def payload(self) -> dict[str, Any]: ...


def kind_words(kind: str) -> str:
    """``order_paid`` -> "Table order paid" (in the till's language)."""
    words = {
        "earn": translate("Manager", "Earn"),
        "redeem": translate("Manager", "Redemption"),
        "reverse": translate("Manager", "Reversal"),
        "claim": translate("Manager", "Missed points"),
        "receipt_claim": translate("Manager", "Points claimed with a receipt code"),
        "return": translate("Manager", "Return"),
        "order_paid": translate("Manager", "Table order paid"),
        "order_cancel": translate("Manager", "Table order cancelled"),
        "registration": translate("Manager", "New member"),
    }
    return words.get(kind) or translate("Manager", "Other operation")


def _money(value: object) -> str:
    try:
        return f"{Decimal(str(value)):.2f}"
    except InvalidOperation:
        return str(value)


def customer_words(op: Journaled) -> str:
    """Whom the operation is for: a customer, a new member's phone, or a table order."""
    p = op.payload
    if op.kind in ("order_paid", "order_cancel") and p.get("order_id") is not None:
        return translate("Manager", "order {order}").format(order=p["order_id"])
    if op.kind == "registration" and p.get("phone"):
        return translate("Manager", "phone {phone}").format(phone=mask_phone(str(p["phone"])))
    customer = p.get("customer_id")
    if customer is not None:
        return translate("Manager", "customer {customer}").format(customer=customer)
    if op.account:
        return translate("Manager", "account {account}").format(account=op.account)
    return ""


def amount_words(op: Journaled) -> str:
    """How much: money with its receipt, points, the transaction reversed, the receipt paid."""
    p = op.payload
    receipt = p.get("receipt_no")
    if op.kind in ("earn", "claim", "return") and p.get("amount") is not None:
        text = _money(p["amount"])
        if receipt:
            return translate("Manager", "{amount} (receipt {receipt})").format(
                amount=text, receipt=receipt
            )
        return text
    if op.kind == "return" and receipt:
        return translate("Manager", "all of receipt {receipt}").format(receipt=receipt)
    if op.kind == "redeem" and p.get("points") is not None:
        return translate("Manager", "{points} points").format(points=int(p["points"]))
    if op.kind == "reverse":
        text = translate("Manager", "transaction {transaction}").format(
            transaction=p.get("transaction_id", "?")
        )
        reason = str(p.get("reason") or "")
        return f"{text}: {reason}" if reason else text
    if op.kind == "order_paid" and receipt:
        return translate("Manager", "receipt {receipt}").format(receipt=receipt)
    if op.kind == "registration" and p.get("name"):
        return str(p["name"])
    return ""
