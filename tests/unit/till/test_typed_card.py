"""typed_card: which typed text the phone-or-card field looks up as a card (issue 12, #8)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from till.identify import typed_card


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("LC7Q2M9X", "LC7Q2M9X"),
        ("lc7q 2m9x", "LC7Q2M9X"),
        ("4002 3817", "40023817"),
        ("5829163047", "5829163047"),
        ("07700900123", None),  # national trunk prefix: a phone
        ("+447700900123", None),
        ("12345", None),  # too short for a card reference
        ("07700-900123", None),
        ("ABC-123", None),
    ],
)
def test_examples(text: str, card: str | None) -> None:
    assert typed_card(text) == card


@given(st.text(max_size=30))
def test_a_card_is_letters_and_digits_and_never_a_trunk_prefixed_number(text: str) -> None:
    card = typed_card(text)
    if card is not None:
        assert 6 <= len(card) <= 19 and card.isalnum() and card.isascii()
        assert card[0] not in "0+" and card == card.upper()
