"""A tolerant parser for what magnetic-stripe readers type, and the loyalty-card verdict.

Readers emit the decoded tracks as text: track 1 ``%...?`` (ISO/IEC 7811-2 6-bit alphabet, at
most 76 data characters), track 2 ``;...?`` (ISO/IEC 7811-2 5-bit: digits and ``=``, at most
37), track 3 as a second ``;...?`` or MagTek's ``+...?`` (at most 104), each optionally
followed by the longitudinal redundancy check (LRC) character, and ``%E?`` / ``;E?`` / ``+E?``
for a track the reader could not decode. Real input is messier than that: Caps Lock turns the
letters lower case, readers add prefixes, suffixes and CR/LF, and a till sees garbage and
accidental megabyte pastes. The parser therefore never raises, never backtracks (it walks the
text once with single-character searches), and flags whatever it cannot trust as a track
error with a sentence a technician understands.

Bank cards (ISO/IEC 7813 financial layout: track 1 format code ``B``, or track 2
``PAN=YYMM...``, with an ISO/IEC 7812 Luhn-valid 13-19 digit PAN) are recognised *before*
anything else is kept: their track data is replaced by the masked PAN (first 6, last 4) and
the name and discretionary data are dropped, so nothing that leaves this module can leak them
(PCI DSS forbids keeping track data).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, Protocol

from devices.card_rules import Check, refusal_message, swipe_checks
from devices.cardnumber import looks_like_pan, mask_pan

SwipeKind = Literal["loyalty", "bank", "unreadable"]

#: Data characters per track (ISO/IEC 7811-2 capacities minus start sentinel, end sentinel, LRC).
TRACK_MAX_LENGTH: Mapping[int, int] = MappingProxyType({1: 76, 2: 37, 3: 104})
START_SENTINELS = "%;+"

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
_TOP_LEVEL = re.compile(r"[%;+?\r\n]")  # what can start, end or separate tracks
_TRACK_END = re.compile(r"[?%;\r\n]")  # what ends a track body ('+' is data there, if bad)
# Track 1 PANs may carry spaces between digit groups (ISO/IEC 7813 allows it, some issuers do).
_BANK_TRACK1 = re.compile(r"B([0-9][0-9 ]{11,36}[0-9])(?:\^|$)")
_BANK_TRACK23 = re.compile(r"([0-9]{13,19})=")
# Sentinels, LRCs and line breaks of three tracks are under 20; beyond this many the input is
# not one swipe, and scanning on would only cost time on a flood of sentinels.
_MAX_STEPS = 64


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
        parts = []
        for n in (1, 2, 3):
            track = self.tracks.get(n)
            if track is None:
                continue
            body = track.data if track.data is not None else ("E" if track.error else "")
            parts.append(f"{track.sentinel or '%;;'[n - 1]}{body}?")
        return "".join(parts)


@dataclass
class _Segment:
    """A sentinel-delimited piece of the input, before it is judged."""

    sentinel: str
    body: str
    terminated: bool
    lrc: str | None = None


@dataclass
class _Scan:
    segments: list[_Segment] = field(default_factory=list)
    stray: int = 0
    cut: int = 0  # characters left unread: the input went on far beyond what a swipe holds


def strip_framing(text: str, prefix: str = "", suffix: str = "") -> str:
    """Remove CR/LF terminators and the reader's configured prefix and suffix."""
    text = text.strip("\r\n")
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    if suffix and text.endswith(suffix):
        text = text[: -len(suffix)]
    return text.strip("\r\n")


def _scan(text: str) -> _Scan:
    """Split the text into sentinel-framed segments in one left-to-right pass.

    Every search starts where the previous one ended, so the work is linear in the input.
    A character right after an end sentinel is that track's LRC; when the LRC happens to be a
    start-sentinel character, it shows up as an empty, unterminated segment and is taken back.
    """
    scan = _Scan()
    n = len(text)
    pos = 0
    last_closed: _Segment | None = None  # segment whose end sentinel is just before ``pos``
    steps = 0
    while pos < n:
        steps += 1
        if steps > _MAX_STEPS:
            scan.cut = n - pos
            break
        m = _TOP_LEVEL.search(text, pos)
        start = n if m is None else m.start()
        if start > pos:
            gap = start - pos
            if last_closed is not None:
                last_closed.lrc = text[pos]
                gap -= 1
            scan.stray += gap
            last_closed = None
        if m is None:
            break
        ch = m.group()
        if ch in "\r\n":
            pos, last_closed = start + 1, None
            continue
        if ch == "?":
            if last_closed is not None:
                last_closed.lrc = ch
            else:
                scan.stray += 1
            pos, last_closed = start + 1, None
            continue
        end = _TRACK_END.search(text, start + 1)
        if end is None:
            body, terminated, pos = text[start + 1 :], False, n
        elif end.group() == "?":
            body, terminated, pos = text[start + 1 : end.start()], True, end.end()
        else:
            body, terminated, pos = text[start + 1 : end.start()], False, end.start()
        if last_closed is not None and not terminated and body == "":
            last_closed.lrc = ch
            last_closed = None
            continue
        segment = _Segment(ch, body, terminated)
        scan.segments.append(segment)
        last_closed = segment if terminated else None
    return scan


def _assign(segments: list[_Segment], notes: list[str]) -> dict[int, _Segment]:
    """Which segment is which track: '%' is 1, the first ';' is 2, a second ';' or '+' is 3."""
    by_track: dict[int, _Segment] = {}
    extra = 0
    for seg in segments:
        if seg.sentinel == "%":
            number = 1
        elif seg.sentinel == ";":
            number = 2 if 2 not in by_track and 3 not in by_track else 3
        else:
            number = 3
        if number in by_track:
            extra += 1
            continue
        by_track[number] = seg
    if extra:
        notes.append(
            f"{extra} extra track(s) after the first three were ignored (two swipes run together?)."
        )
    return by_track


def _track_pan(number: int, body: str) -> str | None:
    """The PAN a raw track body carries in ISO/IEC 7813 financial layout, else None."""
    if number == 1:
        m = _BANK_TRACK1.match(body.translate(_UPPER))
        pan = m.group(1).replace(" ", "") if m else ""
    else:
        m = _BANK_TRACK23.match(body)
        pan = m.group(1) if m else ""
    return pan if looks_like_pan(pan) else None


def _bank_pan(by_track: Mapping[int, _Segment]) -> str | None:
    """The PAN of a bank card, looked for in the raw bodies before any validation."""
    for number in (1, 2, 3):
        seg = by_track.get(number)
        pan = _track_pan(number, seg.body) if seg is not None else None
        if pan is not None:
            return pan
    return None


def _printable(ch: str) -> str:
    return f"'{ch}'" if ch.isprintable() and ch != "'" else f"U+{ord(ch):04X}"


def _judge(number: int, seg: _Segment) -> Track:
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
    """The card reference a track carries (the card-number rule of issue 4).

    Tracks 2 and 3: up to the first '='. Track 1 in ISO/IEC 7813 layout (format code letter,
    '^' separators): the number between the format code and the first '^'; else all of it.
    """
    data = track.data
    if data is None:
        return None
    if track.number == 1:
        if "^" in data and data[:1].isalpha():
            return data[1 : data.index("^")]
        return data
    return data.split("=", 1)[0]


def _bank_analysis(pan: str, by_track: Mapping[int, _Segment], notes: list[str]) -> SwipeAnalysis:
    masked = mask_pan(pan)
    kept = "Bank card: only the masked card number is kept; name and other data are dropped."
    tracks: dict[int, Track | None] = {}
    for number in (1, 2, 3):
        seg = by_track.get(number)
        if seg is None:
            tracks[number] = None
            continue
        if _track_pan(number, seg.body) == pan:
            shown = "B" + masked if number == 1 else masked
            tracks[number] = Track(number, shown, False, kept, seg.sentinel)
        else:
            tracks[number] = Track(number, None, False, kept, seg.sentinel)
    return SwipeAnalysis(
        tracks=MappingProxyType(tracks),
        kind="bank",
        card_number=masked,
        checks=(Check("bank_card", False, BANK_CARD_MESSAGE),),
        notes=tuple(notes),
        message=BANK_CARD_MESSAGE,
    )


def parse_swipe(text: str, settings: SwipeRules | None = None) -> SwipeAnalysis:
    """Analyse one swipe exactly as the reader typed it. Never raises on any text."""
    rules: SwipeRules = settings if settings is not None else SwipeSettings()
    notes: list[str] = []
    body = strip_framing(text, rules.read_prefix, rules.read_suffix)
    scan = _scan(body)
    by_track = _assign(scan.segments, notes)
    if scan.cut:
        notes.append(
            f"The input goes on far beyond one swipe; the last {scan.cut} character(s) "
            "were ignored."
        )
    if scan.stray:
        notes.append(f"{scan.stray} character(s) outside the track sentinels were ignored.")
    if any(
        any("a" <= ch <= "z" for ch in seg.body[:200])
        for number, seg in by_track.items()
        if number != 2
    ):
        notes.append("Letters arrived in lower case (Caps Lock on?); read as upper case.")

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
    frozen_tracks = MappingProxyType(tracks)
    if reference is None:
        if not by_track:
            why = "No magnetic-stripe data found: the text has no start sentinel (% ; or +)."
        elif any(t is not None and t.readable for t in tracks.values()):
            why = "The readable tracks carry no card number (nothing before '=' or '^')."
        else:
            why = "No track could be read."
        return SwipeAnalysis(
            tracks=frozen_tracks,
            kind="unreadable",
            card_number=None,
            checks=(Check("readable", False, why),),
            notes=tuple(notes),
            message=UNREADABLE_MESSAGE,
        )
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
        tracks=frozen_tracks,
        kind="loyalty",
        card_number=reference,
        checks=tuple(checks),
        notes=tuple(notes),
        message=refusal_message(checks),
    )
