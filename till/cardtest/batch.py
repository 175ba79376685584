"""Card batches: random, non-sequential loyalty card numbers for a card manufacturer's order.

Why this module exists (seed 001): references must be at least 8 digits, drawn at random
rather than sequentially (a guessable next number lets anyone collect someone else's
points), and each card program keeps its own distinct number range. The numbers are encoded
as the same reference on tracks 1 and 2 (numeric references only: ISO/IEC 7811-2 track 2 is
digits only) and, as a backup when the stripe is damaged, as a barcode.

Pure logic, no I/O and no Qt: :func:`draw_references` samples with the operating system's
CSPRNG (:mod:`secrets`), uniformly and without repetition, from the range minus any numbers
already issued; :func:`sequence_statistics` measures how sequential a batch looks next to
what chance allows at that density, so a test (and the technician) can see the batch is not
a counter in disguise.
"""

from __future__ import annotations

import bisect
import itertools
import math
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from devices.cardnumber import luhn_check_digit

# Seed 001: "Loyalty Card reference must be a Minimum of 8 digits long."
MIN_DIGITS = 8
# ISO/IEC 7811-2 track 2 holds at most 37 data characters; ISO/IEC 7812 numbers stop at 19
# digits. Loyalty numbers longer than that gain nothing and fit fewer readers.
MAX_DIGITS = 19


class BatchError(ValueError):
    """A batch request that cannot be honoured; ``str()`` says why and what to do instead."""


@dataclass(frozen=True)
class NumberRange:
    """A program's references *without* check digit, inclusive, fixed width (zero-padded)."""

    start: int
    end: int
    width: int

    @classmethod
    def parse(cls, text: str) -> NumberRange:
        """Parse ``START-END``; both ends must have the same number of digits."""
        start_text, sep, end_text = text.strip().partition("-")
        start_text, end_text = start_text.strip(), end_text.strip()
        if not sep or not start_text.isdigit() or not end_text.isdigit():
            raise BatchError(
                f"The range {text!r} is not START-END in digits, e.g. 40000000-49999999."
            )
        if not (start_text.isascii() and end_text.isascii()):
            raise BatchError(f"The range {text!r} must use the digits 0-9 only.")
        if len(start_text) != len(end_text):
            raise BatchError(
                f"The range {text!r} has ends of different lengths ({len(start_text)} and "
                f"{len(end_text)} digits): write both with the same number of digits, "
                "padding with leading zeros, so every card number has the same length."
            )
        start, end = int(start_text), int(end_text)
        if start > end:
            raise BatchError(f"The range {text!r} starts after it ends: write START-END.")
        return cls(start, end, len(start_text))

    @property
    def size(self) -> int:
        return self.end - self.start + 1

    def text(self, value: int) -> str:
        return str(value).zfill(self.width)

    def __str__(self) -> str:
        return f"{self.text(self.start)}-{self.text(self.end)}"

    def card_number_range(self, luhn: bool) -> tuple[str, str]:
        """The range of the numbers on the cards: with ``luhn`` the check digit is appended,
        so 40000000-49999999 covers cards 400000000-499999999."""
        if luhn:
            return self.text(self.start) + "0", self.text(self.end) + "9"
        return self.text(self.start), self.text(self.end)


@dataclass(frozen=True)
class CardRow:
    """One line of the manufacturer's file."""

    number: str
    track1: str
    track2: str
    barcode: str


def card_number(reference: str, luhn: bool) -> str:
    """The number printed and encoded: the reference, plus the ISO/IEC 7812-1 check digit."""
    return reference + luhn_check_digit(reference) if luhn else reference


def card_row(number: str) -> CardRow:
    """Track and barcode contents for a numeric reference (seed 001: the same reference on
    tracks 1 and 2, unencrypted, no leading characters; the encoder adds the sentinels and LRC
    of ISO/IEC 7811-2/-6). The barcode carries the same number (Code 128 and QR)."""
    if not number.isascii() or not number.isdigit():
        raise BatchError("Only numeric card numbers are generated (tracks 1 and 2).")
    return CardRow(number=number, track1=number, track2=number, barcode=number)


def check_request(rng: NumberRange, count: int, luhn: bool) -> list[str]:
    """Refuse impossible requests in plain words; return warnings that don't stop a batch."""
    digits = rng.width + (1 if luhn else 0)
    if count < 1:
        raise BatchError("The count must be at least 1 card.")
    if digits < MIN_DIGITS:
        raise BatchError(
            f"Card numbers of this range have {digits} digits; seed 001 asks for at least "
            f"{MIN_DIGITS}. Use a range with longer numbers."
        )
    if digits > MAX_DIGITS:
        raise BatchError(
            f"Card numbers of this range have {digits} digits; at most {MAX_DIGITS} fit "
            "every reader (ISO/IEC 7812). Use a shorter range."
        )
    if count > rng.size:
        raise BatchError(
            f"The range {rng} holds only {rng.size:,} numbers, fewer than the {count:,} cards "
            "asked for. Use a wider range or order fewer cards."
        )
    warnings = []
    if count > rng.size // 10:
        warnings.append(
            f"This batch uses {count / rng.size:.0%} of the range {rng}: the more of a range "
            "is issued, the easier a valid number is to guess. A range at least ten times the "
            "number of cards keeps guessing hard."
        )
    if luhn and 13 <= digits <= 19:
        warnings.append(
            f"Luhn-valid {digits}-digit numbers look like payment card numbers: the till's "
            "logs will mask them (first 6, last 4). Numbers of 8 to 12 digits avoid that."
        )
    return warnings


def _free_offsets(rng: NumberRange, issued: Iterable[int]) -> list[int]:
    """Offsets (from ``rng.start``) of issued references inside the range, sorted, unique."""
    return sorted({r - rng.start for r in issued if rng.start <= r <= rng.end})


def draw_references(
    rng: NumberRange,
    count: int,
    issued: Iterable[int] = (),
    *,
    randbelow: Callable[[int], int] = secrets.randbelow,
) -> list[int]:
    """``count`` distinct references, uniformly at random from ``rng`` minus ``issued``.

    Floyd's algorithm picks a uniform subset of the free positions in ``count`` CSPRNG draws
    whatever the density (no retry loop that slows down as the range fills up); a
    Fisher-Yates shuffle with the same CSPRNG then puts them in uniformly random order, so
    neither the set nor the order in the file follows a counter. Free position ``k`` maps to
    the k-th reference not yet issued by a binary search over the issued ones.
    """
    draw = randbelow
    taken = _free_offsets(rng, issued)
    free = rng.size - len(taken)
    if count > free:
        raise BatchError(
            f"The range {rng} has {free:,} numbers not yet issued, fewer than the {count:,} "
            "cards asked for. Use a wider range or order fewer cards."
        )
    chosen: set[int] = set()
    for j in range(free - count, free):
        t = draw(j + 1)
        chosen.add(j if t in chosen else t)
    order = list(chosen)
    for i in range(len(order) - 1, 0, -1):
        k = draw(i + 1)
        order[i], order[k] = order[k], order[i]
    # taken[i] - i is non-decreasing; the k-th free offset is k plus the number of issued
    # offsets that come before it.
    shifted = [t - i for i, t in enumerate(taken)]
    return [rng.start + k + bisect.bisect_right(shifted, k) for k in order]


@dataclass(frozen=True)
class SequenceStatistics:
    """How sequential a batch looks, next to what chance allows (p <= ``alpha``)."""

    count: int
    range_size: int
    longest_draw_run: int  # longest run where each drawn number is the previous one + 1
    draw_run_bound: int  # a uniform draw exceeds this with probability <= alpha
    adjacent_pairs: int  # pairs n, n+1 both in the batch
    adjacent_expected: float
    adjacent_sd: float
    longest_sorted_run: int  # longest block of consecutive numbers in the batch
    sorted_run_bound: int
    alpha: float

    @property
    def adjacent_low(self) -> float:
        return self.adjacent_expected - _Z * self.adjacent_sd

    @property
    def adjacent_high(self) -> float:
        return self.adjacent_expected + _Z * self.adjacent_sd

    @property
    def looks_random(self) -> bool:
        return (
            self.longest_draw_run <= self.draw_run_bound
            and self.longest_sorted_run <= self.sorted_run_bound
            and self.adjacent_low <= self.adjacent_pairs <= self.adjacent_high
        )

    def lines(self) -> list[str]:
        return [
            f"{self.count:,} numbers from a range of {self.range_size:,} "
            f"({self.count / self.range_size:.2%} of it).",
            f"Longest run of consecutive numbers in the order drawn: {self.longest_draw_run} "
            f"(chance allows up to {self.draw_run_bound}; a counter would give {self.count}).",
            f"Pairs n, n+1 both issued: {self.adjacent_pairs:,} (chance: "
            f"{self.adjacent_expected:,.0f} ± {self.adjacent_sd:,.0f}).",
            f"Longest block of consecutive numbers issued: {self.longest_sorted_run} "
            f"(chance allows up to {self.sorted_run_bound}).",
        ]


# Two-sided bound on the adjacent-pair count in standard deviations (normal tail ~2e-9).
_Z = 6.0


def _longest_step_run(values: Sequence[int]) -> int:
    if not values:
        return 0
    best = run = 1
    for prev, cur in itertools.pairwise(values):
        run = run + 1 if cur == prev + 1 else 1
        best = max(best, run)
    return best


def _longest_allowed_run(prob_per_step: float, starts: int, alpha: float) -> int:
    """Largest run length chance allows: runs of L with ``starts * prob_per_step ** (L - 1)
    <= alpha`` are improbable (a union bound), so the allowed maximum is that L minus one."""
    if prob_per_step <= 0:
        return 1
    if prob_per_step >= 1:
        return starts
    steps = math.log(alpha / max(starts, 1)) / math.log(prob_per_step)
    return max(1, math.ceil(steps - 1e-9))


def sequence_statistics(
    numbers: Sequence[int], range_size: int, alpha: float = 1e-6
) -> SequenceStatistics:
    """Measure a batch (references in draw order) against a uniform draw without repetition.

    Bounds, with n numbers drawn from a range of M:
    - draw order: each next draw is uniform over at least M - n + 1 unused numbers, so it is
      the previous number + 1 with probability q <= 1/(M - n + 1); a run of L needs L - 1
      such steps: P(some run >= L) <= n * q^(L-1).
    - sorted order: L given consecutive numbers are all drawn with probability
      C(M-L, n-L)/C(M, n) <= (n/M)^L; over M starting points P <= M * (n/M)^L.
    - adjacent pairs: X = sum of indicators [i and i+1 both drawn] over M - 1 pairs, with
      p2 = n(n-1)/(M(M-1)) each; the variance adds the covariance of the 2(M-2) pairs that
      share a number (p3 = n(n-1)(n-2)/(M(M-1)(M-2))) and of the disjoint pairs (p4).
    """
    n, m = len(numbers), range_size
    longest_draw = _longest_step_run(numbers)
    ordered = sorted(numbers)
    longest_sorted = _longest_step_run(ordered)
    adjacent = sum(1 for a, b in itertools.pairwise(ordered) if b == a + 1)

    def falling(k: int) -> float:
        """n(n-1)...(n-k+1) / (M(M-1)...(M-k+1)): P(k given numbers are all drawn)."""
        if k > m:
            return 0.0
        prob = 1.0
        for i in range(k):
            prob *= max(n - i, 0) / (m - i)
        return prob

    pairs = max(m - 1, 0)
    p2, p3, p4 = falling(2), falling(3), falling(4)
    mean = pairs * p2
    sharing = 2 * max(m - 2, 0)  # ordered pairs of indicator pairs sharing one number
    disjoint = pairs * pairs - pairs - sharing
    variance = pairs * p2 * (1 - p2) + sharing * (p3 - p2 * p2) + disjoint * (p4 - p2 * p2)
    sd = math.sqrt(max(variance, 0.0))
    q = 1.0 / (m - n + 1) if m - n + 1 > 0 else 1.0
    draw_bound = min(n, _longest_allowed_run(q, n, alpha))
    density = n / m if m else 1.0
    # M * density^L = n * density^(L-1) <= alpha
    sorted_bound = min(n, _longest_allowed_run(density, max(n, 1), alpha))
    return SequenceStatistics(
        count=n,
        range_size=m,
        longest_draw_run=longest_draw,
        draw_run_bound=draw_bound,
        adjacent_pairs=adjacent,
        adjacent_expected=mean,
        adjacent_sd=sd,
        longest_sorted_run=longest_sorted,
        sorted_run_bound=sorted_bound,
        alpha=alpha,
    )


@dataclass(frozen=True)
class Batch:
    program: str
    range: NumberRange
    luhn: bool
    rows: tuple[CardRow, ...]
    references: tuple[int, ...]
    warnings: tuple[str, ...]

    @property
    def numbers(self) -> list[str]:
        return [r.number for r in self.rows]

    def statistics(self) -> SequenceStatistics:
        return sequence_statistics(self.references, self.range.size)


def make_batch(
    program: str, rng: NumberRange, count: int, luhn: bool, issued: Iterable[str] = ()
) -> Batch:
    """Draw a batch; ``issued`` are card numbers already issued (with check digit if luhn)."""
    warnings = check_request(rng, count, luhn)
    issued_refs = []
    for number in issued:
        ref = number[:-1] if luhn else number
        if len(ref) == rng.width and ref.isdigit():
            issued_refs.append(int(ref))
    refs = draw_references(rng, count, issued_refs)
    rows = tuple(card_row(card_number(rng.text(r), luhn)) for r in refs)
    return Batch(program, rng, luhn, rows, tuple(refs), tuple(warnings))


def replace_numbers(batch: Batch, clashing: Iterable[str], issued: Iterable[str]) -> Batch:
    """The batch with ``clashing`` card numbers swapped for fresh draws, in their places.

    Used when the backend reports numbers as already issued: conditional on which drawn
    numbers clashed, the rest is a uniform draw from the free numbers, and the replacements
    are drawn uniformly from what is still free, so the result stays a uniform draw.
    """
    clash = set(clashing)
    width = batch.range.width

    def ref_of(number: str) -> int | None:
        ref = number[:-1] if batch.luhn else number
        return int(ref) if len(ref) == width and ref.isdigit() else None

    taken = set(batch.references)
    taken.update(r for n in (*clash, *issued) if (r := ref_of(n)) is not None)
    positions = [i for i, row in enumerate(batch.rows) if row.number in clash]
    fresh = iter(draw_references(batch.range, len(positions), taken))
    refs = list(batch.references)
    rows = list(batch.rows)
    for i in positions:
        refs[i] = next(fresh)
        rows[i] = card_row(card_number(batch.range.text(refs[i]), batch.luhn))
    return Batch(batch.program, batch.range, batch.luhn, tuple(rows), tuple(refs), batch.warnings)
