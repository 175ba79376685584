"""The receipt's layout rule (:mod:`till.receipt_columns`): wrapped, never cut.

A 37-character campaign name once lost its tail (and, one column more, its "+points") to a
slice on the 40-column receipt. The widths here are the ones receipts use: 32 and 48 (ESC/POS
font A on 58 and 80 mm paper), 40 (the screen), 42 and 64 (font B).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from till.receipt_columns import centred, clean, columns, row, wrap

WIDTHS = (32, 40, 42, 48, 64)
# Latin, German and Ukrainian letters (precomposed), digits, punctuation names carry.
LETTERS = "abcXYZ019äöüÄÖÜßéабвгґдеєжзиіїйАБВҐЄІЇ.,:;!?()&/'-+%"
words = st.lists(st.text(LETTERS, min_size=1, max_size=70), min_size=1, max_size=12)


def test_a_37_character_campaign_keeps_its_name_and_points_on_40_columns() -> None:
    name = "Double points on all fresh bread rolls"[:37]
    lines = row(name, "+12", 40, indent="  ")
    assert lines == ["  Double points on all fresh bread roll", " " * 37 + "+12"]


def test_a_long_product_name_wraps_with_the_amount_on_its_last_line() -> None:
    lines = row("Organic free-range eggs, large, box of 12 (Hofgut Sonnenberg)", "EUR 6.49", 32)
    assert lines == [
        "Organic free-range eggs, large,",
        "box of 12 (Hofgut Sonnenberg)",
        "                        EUR 6.49",
    ]
    assert row("Sourdough loaf", "EUR 4.95", 32) == ["Sourdough loaf          EUR 4.95"]


def test_the_amount_moves_down_rather_than_splitting_a_label() -> None:
    assert row("Nächster Verfall", "120 P am 1. März 2027", 32) == [
        "Nächster Verfall",
        "           120 P am 1. März 2027",
    ]


def test_only_a_word_longer_than_the_line_is_broken() -> None:
    word = "Kundenbindungsprogrammgutschriftsbestätigung"  # 44 letters
    # textwrap fills the line before breaking it: no column is wasted, no letter lost
    assert wrap(f"Die {word}", 32) == [f"Die {word[:28]}", word[28:]]
    assert wrap(f"Die {word}", 48) == [f"Die {word}"]


def test_an_amount_is_never_cut() -> None:
    huge = "9" * 40  # wider than the paper: broken, but every digit printed
    lines = row("x", huge, 32)
    assert "".join(lines[1:]).replace(" ", "") == huge
    assert all(len(line) <= 32 for line in lines)


def test_columns_count_as_the_printer_does() -> None:
    assert columns("Größe") == 5 and columns("Дійсний") == 7
    assert columns("Gro\u0308\u00dfe") == 5  # a combining diaeresis joins its letter (NFC)
    assert clean("a\x1b@b\tc") == "a @b c"  # no printer command hides in a name
    assert wrap("", 32) == [""] and centred("Vielen Dank!", 32) == ["          Vielen Dank!"]


@settings(deadline=None)  # a shared, slow machine: no timing asserted
@given(words, st.integers(min_value=0, max_value=10**9), st.sampled_from(WIDTHS))
def test_any_name_and_points_fit_and_keep_every_word_in_order(
    name_words: list[str], points: int, width: int
) -> None:
    name = " ".join(name_words)
    right = f"+{points}"
    lines = row(name, right, width, indent="  ")
    assert all(len(line) <= width for line in lines)
    assert lines[-1].endswith(f" {right}")  # whole, right-aligned, after a space
    body = [line.strip() for line in lines]
    body[-1] = body[-1].removesuffix(right).strip()
    # every character of the name, in order (only whitespace between words may change)
    assert "".join("".join(body).split()) == "".join(name.split())
    tokens = " ".join(body).split()
    for word in name_words:  # a word that fits a line is never cut
        if len(word) <= width - 2:
            assert word in tokens, (word, lines)


@settings(deadline=None)  # a shared, slow machine: no timing asserted
@given(words, st.sampled_from(WIDTHS))
def test_any_text_wraps_within_the_width(text_words: list[str], width: int) -> None:
    text = " ".join(text_words)
    lines = wrap(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
    assert [line.strip() for line in centred(text, width)] == lines  # centring moves no word
