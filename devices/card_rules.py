"""The physical loyalty-card rules of seed 001, as named checks a technician can read.

Each rule becomes a :class:`Check` with a stable ``id`` (``min_length``, ``track_placement``,
``tracks_agree``, ``range``, ``luhn``) and a sentence in plain words, so the till, the
``till-cardtest analyze`` tool and the card-batch tools all say the same thing about a card.

The rules, and where they come from:

- a reference is at least 8 characters (seed 001);
- numeric references go on tracks 1 and 2; alphanumeric ones only on tracks 1 and 3, at least
  track 1 (seed 001) — because track 2 is a 5-bit, digits-only track (ISO/IEC 7811-2, 7813);
- each program may own number ranges (seed 001: "distinct number ranges" per program);
- the Luhn check digit is ISO/IEC 7812-1 Annex B; loyalty programs may or may not use one,
  so it only refuses a card when the program says so.

None of these messages may carry a payment card number: the magstripe parser classifies bank
cards before any check runs and never hands their number to these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from devices.cardnumber import luhn_checksum_ok

MIN_REFERENCE_LENGTH = 8
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True)
class Check:
    """One named rule's verdict on a card.

    ``blocking`` is False for informational checks (a failed Luhn check when the program does
    not require one, a track placement that breaks the card spec but still reads): the card is
    still accepted, but a technician sees the finding. It is not part of the JSON shape.
    """

    id: str
    ok: bool
    message: str
    blocking: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "ok": self.ok, "message": self.message}


@dataclass(frozen=True)
class CardRange:
    """An inclusive range of card references owned by one loyalty program.

    Numeric bounds compare as numbers, and the reference's length must lie between the
    bounds' lengths (so ``00001000-00009999`` does not take ``1500``). Alphanumeric bounds
    must have equal lengths and compare character by character.
    """

    start: str
    end: str

    @property
    def numeric(self) -> bool:
        return self.start.isdigit() and self.end.isdigit()

    def contains(self, reference: str) -> bool:
        ref = reference.upper()
        if self.numeric:
            if not (ref.isascii() and ref.isdigit()):
                return False
            if not len(self.start) <= len(ref) <= len(self.end):
                return False
            return int(self.start) <= int(ref) <= int(self.end)
        return len(ref) == len(self.start) and self.start <= ref <= self.end

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"


def parse_card_range(text: str) -> CardRange:
    """Read ``START-END`` (as in the till's ``devices.card_ranges`` setting).

    Raises ValueError with a sentence naming the bad range, for the configuration loader.
    """
    start, sep, end = text.strip().partition("-")
    start, end = start.strip().upper(), end.strip().upper()
    example = "e.g. 60000000-60999999"
    if not sep or not start or not end:
        raise ValueError(f"card range {text!r} must look like START-END, {example}")
    if not (set(start) <= _ALNUM and set(end) <= _ALNUM):
        raise ValueError(f"card range {text!r} may hold only digits and letters A-Z, {example}")
    card_range = CardRange(start, end)
    if card_range.numeric:
        if int(start) > int(end) or len(start) > len(end):
            raise ValueError(f"card range {text!r} starts after it ends")
    else:
        if len(start) != len(end):
            raise ValueError(
                f"card range {text!r} mixes lengths; alphanumeric ranges need START and END "
                "of the same length"
            )
        if start > end:
            raise ValueError(f"card range {text!r} starts after it ends")
    return card_range


def parse_card_ranges(texts: Iterable[str]) -> tuple[CardRange, ...]:
    return tuple(parse_card_range(t) for t in texts)


def is_alphanumeric(reference: str) -> bool:
    """True when the reference holds a letter: it then cannot go on track 2."""
    return any(not ch.isdigit() for ch in reference)


def check_min_length(reference: str) -> Check:
    n = len(reference)
    if n >= MIN_REFERENCE_LENGTH:
        return Check("min_length", True, f"Card number has {n} characters (at least 8 are needed).")
    return Check(
        "min_length",
        False,
        f"Card number has only {n} characters; loyalty card numbers need at least 8.",
    )


def _track_list(tracks: Iterable[int]) -> str:
    names = [str(t) for t in sorted(tracks)]
    if len(names) == 1:
        return f"track {names[0]}"
    return "tracks " + ", ".join(names[:-1]) + " and " + names[-1]


def check_track_placement(by_track: Mapping[int, str]) -> Check:
    """Where the reference sits on the stripe, per seed 001.

    ``by_track`` maps each track that carried data (even data the track cannot hold, such as
    letters on track 2) to the reference read there. Placement is informational: the till can
    still read such a card, but the card maker must fix the encoding.
    """
    if not by_track:
        return Check("track_placement", False, "No track carries a card number.", blocking=False)
    alpha = {t for t, ref in by_track.items() if is_alphanumeric(ref)}
    numeric = set(by_track) - alpha
    if 2 in alpha:
        return Check(
            "track_placement",
            False,
            "Alphanumeric reference found on track 2: it can only be encoded on tracks 1 and 3.",
            blocking=False,
        )
    if alpha and 1 not in alpha:
        return Check(
            "track_placement",
            False,
            f"Alphanumeric reference found only on {_track_list(alpha)}: it must be encoded "
            "on at least track 1.",
            blocking=False,
        )
    if numeric and numeric == {3}:
        return Check(
            "track_placement",
            False,
            "Numeric reference found only on track 3: numeric references are encoded on "
            "tracks 1 and 2.",
            blocking=False,
        )
    found = []
    if alpha:
        found.append(f"alphanumeric reference on {_track_list(alpha)}")
    if numeric:
        recommended = " as recommended" if {1, 2} <= numeric else ""
        found.append(f"numeric reference on {_track_list(numeric)}{recommended}")
    message = "; ".join(found).capitalize() + "."
    if numeric and not {1, 2} <= numeric:
        message += " Encoding numeric references on both tracks 1 and 2 is recommended."
    return Check("track_placement", True, message)


def check_tracks_agree(by_track: Mapping[int, str]) -> Check:
    """All readable tracks must name the same card: otherwise we cannot know which is right."""
    if len(by_track) < 2:
        only = _track_list(by_track) if by_track else "no track"
        return Check("tracks_agree", True, f"Only {only} could be read; nothing to compare.")
    values = set(by_track.values())
    if len(values) == 1:
        return Check(
            "tracks_agree", True, f"{_track_list(by_track).capitalize()} carry the same number."
        )
    detail = ", ".join(f"track {t} reads {by_track[t]}" for t in sorted(by_track))
    return Check("tracks_agree", False, f"The tracks disagree: {detail}.")


def check_range(reference: str, ranges: Iterable[CardRange]) -> Check:
    ranges = tuple(ranges)
    for card_range in ranges:
        if card_range.contains(reference):
            return Check("range", True, f"Card number is inside the program range {card_range}.")
    listed = ", ".join(str(r) for r in ranges)
    return Check(
        "range",
        False,
        f"Card number {reference} is outside this program's number ranges ({listed}).",
    )


def check_luhn(reference: str, required: bool) -> Check:
    """ISO/IEC 7812-1 Luhn check digit; refuses the card only when the program requires it."""
    if is_alphanumeric(reference):
        if required:
            return Check(
                "luhn",
                False,
                "Card number has letters, so it cannot carry the Luhn check digit this "
                "program requires.",
            )
        return Check("luhn", True, "Luhn check digit does not apply to alphanumeric numbers.")
    if luhn_checksum_ok(reference):
        return Check("luhn", True, "Luhn check digit is valid (ISO/IEC 7812-1).")
    if required:
        return Check(
            "luhn",
            False,
            "Luhn check digit is wrong (ISO/IEC 7812-1), and this program requires a valid one: "
            "the number was misread or the card is not from this program.",
        )
    return Check(
        "luhn",
        False,
        "Luhn check digit does not match (ISO/IEC 7812-1); informational only, this program "
        "does not require one.",
        blocking=False,
    )


def check_reference(
    reference: str, ranges: Iterable[CardRange] = (), require_luhn: bool = False
) -> list[Check]:
    """The checks that concern the number alone (for barcodes, typed numbers, card batches)."""
    ranges = tuple(ranges)
    checks = [check_min_length(reference)]
    if ranges:
        checks.append(check_range(reference, ranges))
    checks.append(check_luhn(reference, require_luhn))
    return checks


def swipe_checks(
    reference: str,
    carriers: Mapping[int, str],
    readable: Mapping[int, str],
    card_ranges: Iterable[str] = (),
    require_luhn: bool = False,
) -> list[Check]:
    """All seed-001 checks for a swiped card, in a fixed order.

    ``carriers``: the reference each track with data holds (placement looks at what is
    encoded, readable or not); ``readable``: the same for tracks read cleanly (agreement).
    A bad range setting fails the range check instead of raising: the parser never raises.
    """
    checks = [
        check_min_length(reference),
        check_track_placement(carriers),
        check_tracks_agree(readable),
    ]
    try:
        ranges = parse_card_ranges(card_ranges)
    except ValueError as exc:
        checks.append(Check("range", False, f"The card range setting is invalid: {exc}."))
    else:
        if ranges:
            checks.append(check_range(reference, ranges))
    checks.append(check_luhn(reference, require_luhn))
    return checks


def refusal_message(checks: Iterable[Check]) -> str:
    """The cashier's sentence for the first check that refuses the card ("" if none does)."""
    failed = next((c for c in checks if not c.ok and c.blocking), None)
    if failed is None:
        return ""
    return f"This card cannot be used here. {failed.message}"
