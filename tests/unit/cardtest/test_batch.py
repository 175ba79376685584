"""Card batches: uniform, non-sequential, inside the range, Luhn-valid when asked (seed 001)."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import pytest

from devices.cardnumber import luhn_checksum_ok
from till.cardtest.batch import (
    BatchError,
    NumberRange,
    card_row,
    check_request,
    draw_references,
    make_batch,
    sequence_statistics,
)

# 100,000 cards from a program of 1,000,000 references (10% of the range): a realistic order
# and dense enough that chance produces some adjacent numbers.
RANGE = NumberRange.parse("40000000-40999999")
COUNT = 100_000


@pytest.fixture(scope="module")
def big_batch():
    return make_batch("GOLD", RANGE, COUNT, luhn=True)


def test_hundred_thousand_numbers_are_distinct_inside_the_range_and_luhn_valid(big_batch):
    numbers = big_batch.numbers
    assert len(numbers) == COUNT
    assert len(set(numbers)) == COUNT
    assert all(len(n) == 9 and n.isdigit() for n in numbers)
    assert all(RANGE.start <= int(n[:-1]) <= RANGE.end for n in numbers)
    assert all(luhn_checksum_ok(n) for n in numbers)
    assert [int(n[:-1]) for n in numbers] == list(big_batch.references)


def test_hundred_thousand_numbers_are_not_sequential(big_batch):
    stats = big_batch.statistics()
    # Bounds at alpha = 1e-6 for n = 1e5, M = 1e6 (see sequence_statistics):
    # draw order: n * (1/(M-n+1))^(L-1) <= 1e-6 first holds for L = 3, so runs <= 2;
    # sorted order: n * (n/M)^(L-1) <= 1e-6 first holds for L = 12, so blocks <= 11;
    # adjacent pairs: mean n(n-1)/M ~ 10,000.
    assert stats.draw_run_bound == 2
    assert stats.sorted_run_bound == 11
    assert stats.adjacent_expected == pytest.approx(9999.9, abs=0.1)
    assert 80 < stats.adjacent_sd < 110
    assert stats.longest_draw_run <= stats.draw_run_bound
    assert stats.longest_sorted_run <= stats.sorted_run_bound
    assert stats.adjacent_low <= stats.adjacent_pairs <= stats.adjacent_high
    assert stats.looks_random


def test_the_statistics_catch_counters_and_shuffled_blocks():
    counter = list(range(RANGE.start, RANGE.start + COUNT))
    stats = sequence_statistics(counter, RANGE.size)
    assert stats.longest_draw_run == COUNT
    assert not stats.looks_random
    # A shuffled contiguous block hides the draw order but not the adjacency.
    block = counter[:]
    random.Random(7).shuffle(block)
    stats = sequence_statistics(block, RANGE.size)
    assert stats.longest_draw_run <= stats.draw_run_bound
    assert stats.adjacent_pairs > stats.adjacent_high
    assert not stats.looks_random
    # Every tenth number: no adjacency at all, far below chance.
    stride = list(range(RANGE.start, RANGE.end + 1, 10))
    random.Random(8).shuffle(stride)
    assert sequence_statistics(stride, RANGE.size).adjacent_pairs == 0
    assert not sequence_statistics(stride, RANGE.size).looks_random


def test_every_subset_is_equally_likely():
    """Floyd + shuffle with a seeded generator: all C(6,3) = 20 subsets within chi-square."""
    rng = NumberRange.parse("10000000-10000005")
    gen = random.Random(2026)
    draws = 20_000
    counts = Counter(
        frozenset(draw_references(rng, 3, randbelow=gen.randrange)) for _ in range(draws)
    )
    assert set(counts) == {frozenset(c) for c in combinations(range(rng.start, rng.end + 1), 3)}
    expected = draws / 20
    chi2 = sum((c - expected) ** 2 / expected for c in counts.values())
    assert chi2 < 50.0  # 19 degrees of freedom: P(chi2 > 50) ~ 1e-4
    # and the order: each of the 6 orders of one subset equally often
    orders = Counter(tuple(draw_references(rng, 6, randbelow=gen.randrange)) for _ in range(21600))
    assert len(orders) == 720  # mean 30 each: P(one missing) ~ 720 * e^-30
    chi2 = sum((c - 30) ** 2 / 30 for c in orders.values())
    assert chi2 < 719 + 6 * (2 * 719) ** 0.5  # 719 degrees of freedom, six sd


def test_issued_numbers_are_never_drawn_again():
    rng = NumberRange.parse("10000000-10000099")
    issued = [rng.start + i for i in range(0, 100, 3)] + [rng.end]
    free = {rng.start + i for i in range(100)} - set(issued)
    drawn = draw_references(rng, len(free), issued)
    assert sorted(drawn) == sorted(free)
    with pytest.raises(BatchError, match=r"has 66 numbers not yet issued, fewer than the 67"):
        draw_references(rng, len(free) + 1, issued)


def test_make_batch_excludes_issued_card_numbers_with_check_digit():
    rng = NumberRange.parse("10000000-10000009")
    batch_one = make_batch("A", rng, 6, luhn=True)
    batch_two = make_batch("A", rng, 4, luhn=True, issued=batch_one.numbers)
    assert not set(batch_one.numbers) & set(batch_two.numbers)
    assert len(set(batch_one.numbers) | set(batch_two.numbers)) == 10


def test_count_larger_than_the_range_is_refused_in_plain_words():
    rng = NumberRange.parse("50000000-50000999")
    with pytest.raises(BatchError) as info:
        make_batch("A", rng, 1001, luhn=False)
    assert str(info.value) == (
        "The range 50000000-50000999 holds only 1,000 numbers, fewer than the 1,001 cards "
        "asked for. Use a wider range or order fewer cards."
    )
    # the whole range is allowed, with a warning that it makes numbers guessable
    assert any("easier a valid number is to guess" in w for w in check_request(rng, 1000, False))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("4000-5000x", "is not START-END in digits"),
        ("40000000", "is not START-END in digits"),
        ("0400000-40000000", r"different lengths \(7 and 8 digits\)"),
        ("49999999-40000000", "starts after it ends"),
    ],
)
def test_bad_ranges_are_explained(text, message):
    with pytest.raises(BatchError, match=message):
        NumberRange.parse(text)


def test_numbers_shorter_than_eight_digits_are_refused():
    with pytest.raises(BatchError, match="at least 8"):
        check_request(NumberRange.parse("1000000-1999999"), 10, luhn=False)
    assert check_request(NumberRange.parse("1000000-1999999"), 10, luhn=True) == []


def test_bank_like_lengths_are_warned_about():
    warnings = check_request(NumberRange.parse("100000000000-199999999999"), 10, luhn=True)
    assert any("look like payment card numbers" in w for w in warnings)


def test_card_number_range_includes_the_check_digit():
    rng = NumberRange.parse("40000000-40999999")
    assert rng.card_number_range(luhn=True) == ("400000000", "409999999")
    assert rng.card_number_range(luhn=False) == ("40000000", "40999999")


def test_rows_carry_the_number_on_tracks_one_and_two_and_in_the_barcode():
    row = card_row("400000017")
    assert (row.number, row.track1, row.track2, row.barcode) == ("400000017",) * 4
    with pytest.raises(BatchError):
        card_row("ABC12345")
