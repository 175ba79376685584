"""Splitting what a card reader typed into its tracks, before anything is judged.

Every documented start sentinel is taken (MagTek USB keyboard and SureSwipe manuals, ID TECH
MiniMag manual, ISO/IEC 7811-2):

========  ============================================================================
track 1   ``%``
track 2   ``;`` (ISO/ABA) or ``@`` (MagTek, track 2 read in the 7-bit alphabet)
track 3   ``+`` (ISO/ABA, MagTek), ``;`` (ID TECH ISO, a second ``;``), ``%`` (ID TECH
          AAMVA: a ``%`` after track 1 or 2), ``#`` (MagTek AAMVA), ``!`` (California DL),
          ``&`` (MagTek, track 3 read in the 7-bit alphabet)
========  ============================================================================

A character right after an end sentinel is that track's LRC. Readers frame the whole read:
CR, LF, CR LF or TAB after it (and often between tracks), MagTek's serial readers
``STX ESC ... CR ETX``; all of these are framing, not data. The scan never backtracks: it walks
the text once with single-character searches, so a megabyte paste costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TRACK1_SENTINELS = "%"
TRACK2_SENTINELS = ";@"
TRACK3_SENTINELS = "+#!&"
START_SENTINELS = "%;@+#!&"

#: Framing characters readers put around a read: CR, LF, TAB suffixes; STX/ETX blocks; the
#: ESC that MagTek's serial readers send after STX.
FRAMING = "\r\n\t\x02\x03\x1b"

_TOP_LEVEL = re.compile(r"[%;@+#!&?\r\n\t]")  # what can start, end or separate tracks
_TRACK_END = re.compile(r"[?%;\r\n\t]")  # what ends a track body ('+', '#'... are data there)
# Sentinels, LRCs and line breaks of three tracks are under 20; beyond this many the input is
# not one swipe, and scanning on would only cost time on a flood of sentinels.
_MAX_STEPS = 64


@dataclass
class Segment:
    """A sentinel-delimited piece of the input, before it is judged."""

    sentinel: str
    body: str
    terminated: bool
    lrc: str | None = None


@dataclass
class Scan:
    segments: list[Segment] = field(default_factory=list)
    stray: int = 0
    cut: int = 0  # characters left unread: the input went on far beyond what a swipe holds


def strip_framing(text: str, prefix: str = "", suffix: str = "") -> str:
    """Remove the reader's framing (CR/LF/TAB, STX/ETX, ESC) and configured prefix/suffix."""
    text = text.strip(FRAMING)
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    if suffix and text.endswith(suffix):
        text = text[: -len(suffix)]
    return text.strip(FRAMING)


def scan(text: str) -> Scan:
    """Split the text into sentinel-framed segments in one left-to-right pass.

    Every search starts where the previous one ended, so the work is linear in the input.
    When an LRC happens to be a start-sentinel character, it shows up as an empty,
    unterminated segment and is taken back.
    """
    result = Scan()
    n = len(text)
    pos = 0
    last_closed: Segment | None = None  # segment whose end sentinel is just before ``pos``
    steps = 0
    while pos < n:
        steps += 1
        if steps > _MAX_STEPS:
            result.cut = n - pos
            break
        m = _TOP_LEVEL.search(text, pos)
        start = n if m is None else m.start()
        if start > pos:
            gap = start - pos
            if last_closed is not None:
                last_closed.lrc = text[pos]
                gap -= 1
            result.stray += gap
            last_closed = None
        if m is None:
            break
        ch = m.group()
        if ch in "\r\n\t":
            pos, last_closed = start + 1, None
            continue
        if ch == "?":
            if last_closed is not None:
                last_closed.lrc = ch
            else:
                result.stray += 1
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
        segment = Segment(ch, body, terminated)
        result.segments.append(segment)
        last_closed = segment if terminated else None
    return result


def assign(segments: list[Segment], notes: list[str]) -> dict[int, Segment]:
    """Which segment is which track (see the table above); extra tracks are noted, dropped."""
    by_track: dict[int, Segment] = {}
    extra = 0
    for seg in segments:
        if seg.sentinel in TRACK1_SENTINELS:
            number = 1 if not by_track else 3
        elif seg.sentinel in TRACK2_SENTINELS:
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
