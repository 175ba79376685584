"""A tolerant parser for what magnetic-stripe readers type, and the card verdict.

Readers emit the decoded tracks as text: track 1 ``%...?`` (ISO/IEC 7811-2 6-bit alphabet, at
most 76 data characters), track 2 ``;...?`` (ISO/IEC 7811-2 5-bit: digits and ``=``, at most
37), track 3 (at most 104), each optionally followed by the longitudinal redundancy check
(LRC) character, and ``E`` in place of the data of a track the reader could not decode. Every
reader's sentinel and framing variant is split off by :mod:`devices.track_scan`. Real input
is messier than that: Caps Lock turns the letters lower case, readers add prefixes, suffixes
and CR/LF/TAB, and a till sees garbage and accidental megabyte pastes. The parser therefore
never raises, never backtracks, and flags whatever it cannot trust as a track error with a
sentence a technician understands.

Two kinds of card are recognised *before* anything else is kept, so nothing that leaves this
module can leak them:

- driving licences and ID cards (AAMVA layout, :mod:`devices.idcard`): refused, no data kept;
- bank cards (ISO/IEC 7813 financial layout: track 1 format code ``B`` and a 12-19 digit PAN;
  track 2 ``PAN=YYMM`` + service code, Luhn-valid per ISO/IEC 7812, or a Luhn-valid PAN in a
  card network's IIN range): only the masked PAN (first 6, last 4) is kept; the name and
  discretionary data are dropped (PCI DSS forbids keeping track data).

A Luhn-valid number with an implausible expiry (``0000``), no service code and no network IIN
is not a bank card on that evidence alone: supermarket member cards look like that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, Protocol

from devices.card_rules import Check, check_track_placement, refusal_message, swipe_checks
from devices.cardnumber import (
    card_network,
    luhn_checksum_ok,
    mask_pan,
    plausible_expiry,
    valid_service_code,
)
from devices.idcard import (
    LICENCE_KEPT,
    LICENCE_MESSAGE,
    LICENCE_TRACK3_SENTINELS,
    is_licence_track1,
    is_licence_track2,
)
from devices.track_scan import START_SENTINELS, Segment, assign, scan, strip_framing

__all__ = [
    "BANK_CARD_MESSAGE",
    "LICENCE_MESSAGE",
    "START_SENTINELS",
    "SwipeAnalysis",
    "SwipeKind",
    "SwipeRules",
    "SwipeSettings",
    "Track",
    "parse_swipe",
    "reference_of",
    "strip_framing",
]

SwipeKind = Literal["loyalty", "bank", "licence", "unreadable"]

#: Data characters per track (ISO/IEC 7811-2 capacities minus start sentinel, end sentinel, LRC).
TRACK_MAX_LENGTH: Mapping[int, int] = MappingProxyType({1: 76, 2: 37, 3: 104})

_ALPHA_SPECIALS = " $()-./"
_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Track 1: ISO/IEC 7811 6-bit alphabet as the issue narrows it, plus '^' (ISO/IEC 7813 field
# separator). Track 2: the 5-bit digits and '='. Track 3 may hold alphanumeric loyalty
# references (seed 001), so it takes the track 1 letters and '=' as well.
TRACK_CHARSETS: Mapping[int, frozenset[str]] = MappingProxyType(
    {
        1: frozenset(_DIGITS + _LETTERS + _ALPHA_SPECIALS + "^"),
        2: frozenset(_DIGITS + "="),
        3: frozenset(_DIGITS + _LETTERS + _ALPHA_SPECIALS + "="),
    }
)
_CHARSET_WORDS = {
    1: "digits, letters A-Z, space, $ ( ) - . / and ^",
    2: "digits and '='",
    3: "digits, letters A-Z, space, $ ( ) - . / and '='",
}

BANK_CARD_MESSAGE = (
    "This is a bank card, not a loyalty card. Ask for the loyalty card, the member QR code "
    "or the phone number."
)
UNREADABLE_MESSAGE = (
    "The card could not be read. Swipe it again in one steady movement; if it keeps failing, "
    "type the number printed on the card."
)

_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", _LETTERS)
# Track 1 PANs may carry spaces between digit groups (ISO/IEC 7813 allows it, some issuers do).
_BANK_TRACK1 = re.compile(r"B([0-9][0-9 ]{10,36}[0-9])(\^|$)")
_BANK_TRACK23 = re.compile(r"([0-9]{12,19})=([0-9]{0,4})([0-9]{0,3})")
_REFERENCE_CHARS = frozenset(_DIGITS + _LETTERS)


class SwipeRules(Protocol):
    """The settings the parser needs; :class:`devices.router.RouterSettings` provides them."""

    @property
    def read_prefix(self) -> str: ...

    @property
    def read_suffix(self) -> str: ...

    @property
    def card_ranges(self) -> Sequence[str]: ...

    @property
    def require_luhn(self) -> bool: ...


@dataclass(frozen=True)
class SwipeSettings:
    """Plain settings for callers without a router (tests, the technician CLI)."""

    read_prefix: str = ""
    read_suffix: str = ""
    card_ranges: Sequence[str] = ()
    require_luhn: bool = False


@dataclass(frozen=True)
class Track:
    """One track as read: ``data`` is between the sentinels with the LRC removed.

    ``data`` is None when the track could not be trusted (reader error, cut short, too long);
    ``error`` says the track was present but bad; ``message`` says why, in plain words.
    Characters a track cannot hold are flagged as an error but kept, so a technician sees
    what the card carries (e.g. letters encoded on track 2).
    """

    number: int
    data: str | None
    error: bool
    message: str = ""
    sentinel: str = ""

    @property
    def readable(self) -> bool:
        return self.data is not None and not self.error

    def to_json(self) -> dict[str, Any]:
        return {"data": self.data, "error": self.error}


@dataclass(frozen=True)
class SwipeAnalysis:
    """Everything the parser found in one swipe; safe to log, show and store.

    For a bank card, every track's data and ``card_number`` are masked already.
    ``message`` is the sentence for the cashier ("" when the card is accepted).
    """

    tracks: Mapping[int, Track | None]
    kind: SwipeKind
    card_number: str | None
    checks: tuple[Check, ...] = ()
    notes: tuple[str, ...] = ()
    message: str = ""

    def __hash__(self) -> int:
        # Identified events (which carry this as ``detail``) stay hashable.
        return hash((tuple(self.tracks.items()), self.kind, self.card_number, self.checks))

    @property
    def accepted(self) -> bool:
        """A loyalty card whose number passed every check that may refuse a card."""
        return (
            self.kind == "loyalty"
            and self.card_number is not None
            and all(c.ok or not c.blocking for c in self.checks)
        )

    def to_json(self) -> dict[str, Any]:
        """The ``till-cardtest analyze --json`` object (a dict, ready for ``json.dumps``)."""
        return {
            "tracks": {
                str(n): (t.to_json() if (t := self.tracks.get(n)) is not None else None)
                for n in (1, 2, 3)
            },
            "kind": self.kind,
            "card_number": self.card_number,
            "checks": [c.to_json() for c in self.checks],
        }

    def masked_raw(self) -> str:
        """The swipe rebuilt from the parsed tracks: what may be shown or logged as "raw"."""
        if self.kind == "licence":
            return "(driving licence or ID card: not shown)"
        parts = []
        for n in (1, 2, 3):
            track = self.tracks.get(n)
            if track is None:
                continue
            body = track.data if track.data is not None else ("E" if track.error else "")
            parts.append(f"{track.sentinel or '%;;'[n - 1]}{body}?")
        return "".join(parts)


def _track_pan(number: int, body: str) -> str | None:
    """The PAN a raw track body carries in ISO/IEC 7813 financial layout, else None.

    Track 1: format code ``B``, 12-19 digits, ``^`` (a cut-short track without the ``^`` only
    when Luhn-valid). Tracks 2 and 3: ``PAN=`` with a Luhn-valid PAN and either a plausible
    expiry and service code or a card network's IIN; a plausible expiry, service code *and*
    network IIN are enough without Luhn (a misread digit must not unmask a bank card).
    """
    if number == 1:
        m1 = _BANK_TRACK1.match(body.translate(_UPPER))
        if m1 is None:
            return None
        pan = m1.group(1).replace(" ", "")
        if not 12 <= len(pan) <= 19:
            return None
        return pan if m1.group(2) == "^" or luhn_checksum_ok(pan) else None
    m = _BANK_TRACK23.match(body)
    if m is None:
        return None
    pan, expiry, service = m.groups()
    laid_out = plausible_expiry(expiry) and valid_service_code(service)
    network = card_network(pan) is not None
    if luhn_checksum_ok(pan):
        return pan if laid_out or network else None
    return pan if laid_out and network else None


def _bank_pan(by_track: Mapping[int, Segment]) -> str | None:
    """The PAN of a bank card, looked for in the raw bodies before any validation."""
    for number in (1, 2, 3):
        seg = by_track.get(number)
        pan = _track_pan(number, seg.body) if seg is not None else None
        if pan is not None:
            return pan
    return None


def _is_licence(by_track: Mapping[int, Segment]) -> bool:
    """AAMVA layout on any track, or a track-3 sentinel only identity documents use."""
    t1, t2, t3 = (by_track.get(n) for n in (1, 2, 3))
    # ID TECH marks an AAMVA track 3 with '%' (a '%' after track 1 or 2). Postal code,
    # class, sex...: a licence's track 3 is never shorter than 8 characters.
    if t3 is not None and len(t3.body) >= 8 and t3.sentinel in LICENCE_TRACK3_SENTINELS | {"%"}:
        return True
    return (t1 is not None and is_licence_track1(t1.body)) or (
        t2 is not None and is_licence_track2(t2.body)
    )


def _printable(ch: str) -> str:
    return f"'{ch}'" if ch.isprintable() and ch != "'" else f"U+{ord(ch):04X}"


def _judge(number: int, seg: Segment) -> Track:
    """Turn a raw segment into a Track: error marker, cut short, too long, bad characters."""
    body = seg.body.translate(_UPPER)  # Caps Lock; track 2 letters are flagged below anyway
    limit = TRACK_MAX_LENGTH[number]
    problem = ""
    if seg.terminated and body == "E":
        problem = f"Track {number}: the reader reported a read error."
    elif not seg.terminated:
        problem = f"Track {number} has no end sentinel '?': the read was cut short."
    elif len(body) > limit:
        problem = (
            f"Track {number} holds {len(body)} characters; at most {limit} fit on track "
            f"{number} (ISO/IEC 7811-2)."
        )
    if problem:
        return Track(number, None, True, problem, seg.sentinel)
    if body == "":
        return Track(number, None, False, f"Track {number} is empty.", seg.sentinel)
    allowed = TRACK_CHARSETS[number]
    bad = next((ch for ch in body if ch not in allowed), None)
    if bad is not None:
        problem = (
            f"Track {number} contains {_printable(bad)}, which track {number} cannot hold "
            f"({_CHARSET_WORDS[number]} only)."
        )
        return Track(number, body, True, problem, seg.sentinel)
    return Track(number, body, False, "", seg.sentinel)


def reference_of(track: Track) -> str | None:
    """The card reference a track carries (the card-number rule of issue 4), or None.

    Tracks 2 and 3: up to the first '='. Track 1 in ISO/IEC 7813 layout (format code letter,
    '^' separators): the number between the format code and the first '^'; without '^', all
    of it. A reference holds digits and letters only: a track 1 without a format code whose
    first field has spaces (``%  AA 00 00 00 A  RN^...``) carries no card number.
    """
    data = track.data
    if data is None:
        return None
    if track.number == 1:
        if "^" in data:
            field = data[: data.index("^")]
            ref = field[1:] if field[:1].isalpha() else field
        else:
            ref = data
    else:
        ref = data.split("=", 1)[0]
    if not ref or any(ch not in _REFERENCE_CHARS for ch in ref):
        return None
    return ref


def _bank_analysis(pan: str, by_track: Mapping[int, Segment], notes: list[str]) -> SwipeAnalysis:
    """Only the masked PAN is kept; each track's read error (``;E?``) and message stay."""
    masked = mask_pan(pan)
    kept = "Bank card: only the masked card number is kept; name and other data are dropped."
    tracks: dict[int, Track | None] = {}
    for number in (1, 2, 3):
        seg = by_track.get(number)
        if seg is None:
            tracks[number] = None
            continue
        judged = _judge(number, seg)
        message = judged.message if judged.error else kept
        if _track_pan(number, seg.body) == pan:
            shown = "B" + masked if number == 1 else masked
            tracks[number] = Track(number, shown, judged.error, message, seg.sentinel)
        else:
            tracks[number] = Track(number, None, judged.error, message, seg.sentinel)
    return SwipeAnalysis(
        tracks=MappingProxyType(tracks),
        kind="bank",
        card_number=masked,
        checks=(Check("bank_card", False, BANK_CARD_MESSAGE),),
        notes=tuple(notes),
        message=BANK_CARD_MESSAGE,
    )


def _licence_analysis(by_track: Mapping[int, Segment], notes: list[str]) -> SwipeAnalysis:
    """Nothing of an identity document is kept: no data, no number, only each track's state."""
    tracks: dict[int, Track | None] = {}
    for number in (1, 2, 3):
        seg = by_track.get(number)
        if seg is None:
            tracks[number] = None
            continue
        failed = not seg.terminated or seg.body.upper() == "E"
        tracks[number] = Track(number, None, failed, LICENCE_KEPT, seg.sentinel)
    return SwipeAnalysis(
        tracks=MappingProxyType(tracks),
        kind="licence",
        card_number=None,
        checks=(Check("licence", False, LICENCE_MESSAGE),),
        notes=tuple(notes),
        message=LICENCE_MESSAGE,
    )


def _unreadable(tracks: Mapping[int, Track | None], found: bool, notes: list[str]) -> SwipeAnalysis:
    """No clean reference. A track holding one it cannot hold (``;4002ABC7?``) gets its rule."""
    carriers = {
        n: ref
        for n, t in tracks.items()
        if t is not None and t.data is not None and (ref := reference_of(t))
    }
    checks: list[Check] = []
    if carriers:
        placement = check_track_placement(carriers)
        if not placement.ok:
            checks.append(Check(placement.id, False, placement.message))
        bad = next(t for n, t in tracks.items() if n in carriers and t is not None)
        why = f"No track could be read cleanly. {bad.message}".rstrip()
    elif not found:
        why = "No magnetic-stripe data found: the text has no start sentinel (% ; or +)."
    elif any(t is not None and t.readable for t in tracks.values()):
        why = "The readable tracks carry no card number (nothing before '=' or '^')."
    else:
        why = "No track could be read."
    checks.append(Check("readable", False, why))
    return SwipeAnalysis(
        tracks=MappingProxyType(dict(tracks)),
        kind="unreadable",
        card_number=None,
        checks=tuple(checks),
        notes=tuple(notes),
        message=UNREADABLE_MESSAGE,
    )


def parse_swipe(text: str, settings: SwipeRules | None = None) -> SwipeAnalysis:
    """Analyse one swipe exactly as the reader typed it. Never raises on any text."""
    rules: SwipeRules = settings if settings is not None else SwipeSettings()
    notes: list[str] = []
    body = strip_framing(text, rules.read_prefix, rules.read_suffix)
    found = scan(body)
    by_track = assign(found.segments, notes)
    if found.cut:
        notes.append(
            f"The input goes on far beyond one swipe; the last {found.cut} character(s) "
            "were ignored."
        )
    if found.stray:
        notes.append(f"{found.stray} character(s) outside the track sentinels were ignored.")
    if any(
        any("a" <= ch <= "z" for ch in seg.body[:200])
        for number, seg in by_track.items()
        if number != 2
    ):
        notes.append("Letters arrived in lower case (Caps Lock on?); read as upper case.")

    if _is_licence(by_track):
        return _licence_analysis(by_track, notes)
    pan = _bank_pan(by_track)
    if pan is not None:
        return _bank_analysis(pan, by_track, notes)

    tracks: dict[int, Track | None] = {
        n: (_judge(n, seg) if (seg := by_track.get(n)) is not None else None) for n in (1, 2, 3)
    }
    reference = None
    for number in (2, 1, 3):
        track = tracks[number]
        if track is not None and track.readable and (ref := reference_of(track)):
            reference = ref
            break
    if reference is None:
        return _unreadable(tracks, bool(by_track), notes)
    carriers: dict[int, str] = {}  # every track with data, even data it cannot hold
    readable: dict[int, str] = {}
    for number, track in tracks.items():
        ref = reference_of(track) if track is not None else None
        if track is not None and ref:
            carriers[number] = ref
            if track.readable:
                readable[number] = ref
    checks = swipe_checks(
        reference, carriers, readable, rules.card_ranges, require_luhn=rules.require_luhn
    )
    return SwipeAnalysis(
        tracks=MappingProxyType(tracks),
        kind="loyalty",
        card_number=reference,
        checks=tuple(checks),
        notes=tuple(notes),
        message=refusal_message(checks),
    )
