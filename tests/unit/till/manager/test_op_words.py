"""Every journaled kind in plain words (the review list never shows a wire name)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from offline_queue.op import KINDS
from till.manager.op_words import amount_words, customer_words, kind_words


@dataclass
class Rec:
    kind: str
    payload: dict[str, Any] = field(default_factory=dict)
    account: str = ""


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_the_journal_takes_has_words_of_its_own(kind: str) -> None:
    words = kind_words(kind)
    assert words and words != kind and "_" not in words
    assert words != kind_words("no_such_kind")


def test_table_orders_name_the_order_and_the_receipt() -> None:
    paid = Rec("order_paid", {"order_id": 42, "receipt_no": "T1-1"}, "order:42")
    assert (kind_words(paid.kind), customer_words(paid), amount_words(paid)) == (
        "Table order paid",
        "order 42",
        "receipt T1-1",
    )
    cancel = Rec("order_cancel", {"order_id": 42}, "order:42")
    assert (kind_words(cancel.kind), customer_words(cancel)) == (
        "Table order cancelled",
        "order 42",
    )


def test_money_points_and_reversals() -> None:
    earn = Rec("earn", {"customer_id": 7, "amount": "12.5", "receipt_no": "R9"})
    assert (customer_words(earn), amount_words(earn)) == ("customer 7", "12.50 (receipt R9)")
    assert amount_words(Rec("redeem", {"points": 300})) == "300 points"
    reverse = Rec("reverse", {"transaction_id": 5, "reason": "mistake"})
    assert amount_words(reverse) == "transaction 5: mistake"
    assert amount_words(Rec("return", {"receipt_no": "R9"})) == "all of receipt R9"


def test_secrets_stay_out_of_the_words() -> None:
    registration = Rec("registration", {"phone": "+447700900123", "name": "Ann"})
    assert customer_words(registration) == "phone +*********123"
    claim = Rec("receipt_claim", {"customer_id": 7, "token": "SECRET-TOKEN"})
    assert "SECRET" not in customer_words(claim) + amount_words(claim)
    assert customer_words(Rec("earn", account="acct")) == "account acct"
