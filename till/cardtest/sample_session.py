"""A sample-card session: the same card swiped N times, judged per track (seed 001).

Why: seed 001 recommends testing a sample card from the manufacturer before ordering a batch.
One good swipe proves little: a weakly encoded stripe (low coercivity, poor amplitude, a
track written off its ISO/IEC 7811 position) reads most of the time and fails in the shop.
Swiping the same card several times and counting, per track, how often it was read turns
that into a verdict a technician can put in writing ("track 2 failed 2 of 10 swipes").

Plain Python on the ``analyze --json`` shape of a swipe (:meth:`SwipeAnalysis.to_json`), so
it is tested without Qt and works on any analysis source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

TRACKS = (1, 2, 3)
OK, FAILED, ABSENT = "ok", "failed", "absent"


@dataclass(frozen=True)
class SwipeRecord:
    """One swipe: each track ok / failed / absent, the card number and the kind."""

    tracks: Mapping[int, str]
    card_number: str | None
    kind: str

    @classmethod
    def from_analysis(cls, analysis: Mapping[str, Any]) -> SwipeRecord:
        raw_tracks = analysis.get("tracks") or {}
        tracks: dict[int, str] = {}
        for n in TRACKS:
            t = raw_tracks.get(str(n), raw_tracks.get(n))
            if t is None:
                tracks[n] = ABSENT
            elif t.get("error") or t.get("data") is None:
                tracks[n] = FAILED
            else:
                tracks[n] = OK
        number = analysis.get("card_number")
        return cls(tracks, str(number) if number else None, str(analysis.get("kind") or ""))


@dataclass(frozen=True)
class TrackTally:
    track: int
    ok: int
    failed: int  # read with an error, or missing while other swipes carried it
    swipes: int

    @property
    def encoded(self) -> bool:
        """The card carries this track (some swipe saw it, readable or not)."""
        return self.ok + self.failed > 0

    def sentence(self) -> str:
        if not self.encoded:
            return f"Track {self.track} is not encoded on this card."
        if self.failed == 0:
            return f"Track {self.track} read in all {self.swipes} swipes."
        return f"Track {self.track} failed {self.failed} of {self.swipes} swipes."


@dataclass(frozen=True)
class SessionSummary:
    swipes: int
    target: int
    tallies: tuple[TrackTally, ...]
    numbers: Mapping[str, int]  # card number -> how many swipes gave it
    unreadable: int  # swipes that gave no card number
    kinds: Mapping[str, int]
    verdict: str  # "incomplete" | "pass" | "fail"
    lines: tuple[str, ...] = field(default=())

    @property
    def same_number(self) -> bool:
        return len(self.numbers) == 1 and self.unreadable == 0


class SampleSession:
    """Collects swipes of one sample card; :meth:`summary` judges them."""

    def __init__(self, target: int = 10) -> None:
        if target < 1:
            raise ValueError("a sample session needs at least one swipe")
        self.target = target
        self.records: list[SwipeRecord] = []

    def reset(self, target: int | None = None) -> None:
        if target is not None:
            if target < 1:
                raise ValueError("a sample session needs at least one swipe")
            self.target = target
        self.records.clear()

    @property
    def count(self) -> int:
        return len(self.records)

    @property
    def complete(self) -> bool:
        return self.count >= self.target

    def add(self, analysis: Mapping[str, Any]) -> SwipeRecord:
        record = SwipeRecord.from_analysis(analysis)
        self.records.append(record)
        return record

    def summary(self) -> SessionSummary:
        n = self.count
        tallies = []
        for track in TRACKS:
            states = [r.tracks.get(track, ABSENT) for r in self.records]
            ok = states.count(OK)
            seen = ok + states.count(FAILED)
            # A track absent from a swipe counts as failed when other swipes carried it.
            failed = n - ok if seen else 0
            tallies.append(TrackTally(track, ok, failed, n))
        numbers = Counter(r.card_number for r in self.records if r.card_number)
        unreadable = sum(1 for r in self.records if not r.card_number)
        kinds = Counter(r.kind for r in self.records)
        lines = [f"{n} of {self.target} swipes."]
        lines += [t.sentence() for t in tallies]
        if not numbers:
            lines.append("No swipe gave a card number.")
        elif len(numbers) == 1:
            ((number, times),) = numbers.items()
            if unreadable:
                lines.append(f"{times} swipes gave card number {number}; {unreadable} gave none.")
            else:
                lines.append(f"All {n} swipes gave the same card number {number}.")
        else:
            listed = ", ".join(f"{num} ({times}x)" for num, times in numbers.most_common())
            lines.append(f"The swipes gave {len(numbers)} different card numbers: {listed}.")
        if kinds.get("bank"):
            lines.append("A swipe read as a bank card: this is not a loyalty card.")
        if n < self.target:
            verdict = "incomplete"
            lines.append(f"Swipe the card {self.target - n} more time(s).")
        elif (
            all(t.failed == 0 for t in tallies)
            and len(numbers) == 1
            and not unreadable
            and set(kinds) == {"loyalty"}
        ):
            verdict = "pass"
            lines.append("The sample card reads reliably: it can be ordered.")
        else:
            verdict = "fail"
            lines.append(
                "The sample card does not read reliably: give these figures to the card "
                "manufacturer (encoding strength / coercivity, track position) and test a "
                "new sample; also try a second reader to rule the reader out."
            )
        return SessionSummary(
            swipes=n,
            target=self.target,
            tallies=tuple(tallies),
            numbers=dict(numbers),
            unreadable=unreadable,
            kinds=dict(kinds),
            verdict=verdict,
            lines=tuple(lines),
        )


# ASCII names of the C0 control characters (HT written TAB, the name technicians know).
_C0_NAMES = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "TAB",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]


def visible_controls(text: str) -> str:
    """Control characters written as their ASCII names (CR -> ``<CR>``, LF -> ``<LF>``), so a
    technician sees a reader's terminator, framing (``<STX>``/``<ETX>``) or stray bytes.

    Names rather than the Unicode control pictures (U+240D...): few fonts have those glyphs.
    """
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20:
            out.append(f"<{_C0_NAMES[code]}>")
        elif code == 0x7F:
            out.append("<DEL>")
        elif 0x80 <= code < 0xA0:
            out.append(f"<0x{code:02X}>")
        else:
            out.append(ch)
    return "".join(out)
