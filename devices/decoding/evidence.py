"""What the cascade's passes have read so far, and which of it the till can trust.

Why: each library misreads in its own way, and the misreads that hurt are of two kinds.
A weak symbology (UPC-E, EAN-8, ITF, Codabar…: little redundancy) read by one library
only may be a scan line grazing another code; and a library may report a second, different
text from the place where it (or the other library) read the right one — the till would
then get two codes from one label. So every read is kept with the libraries that made it
and where it lies in the frame, and the verdict is:

- **One code per place.** Reads whose boxes share a place but whose texts differ are a
  conflict: the one both libraries read wins; if there is no such single read, all are
  dropped (a later pass may still settle it).
- **Weak symbologies** count when both libraries read them; a read by one library alone
  counts only once every pass has run, and only from a whole-frame pass: that is exactly
  what the library alone would report, so the cascade never finds less than a raw library,
  while reads from retry images (enlarged, sharpened, binarised crops, where misreads
  breed) still need the second library.
- **ZBar alone** on a linear code needs a few agreeing scan lines: its reads from a
  handful of lines were mostly another code's bars.

Reads are compared by identity, not spelling: ZBar reports a UPC-E as its 13-digit EAN
form, zxing-cpp as UPC-E, and DataBar with or without ``(01)`` — the same GTIN (GS1 General
Specifications §3.3.2, GTIN-14 with leading zeros).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from devices.decoding.code import Box, DecodedCode
from devices.decoding.symbology import WEAK_FORMATS, identity

ZBAR = "raw-pyzbar"
# A linear read by ZBar alone needs this many agreeing scan lines (ZBar's quality, on the
# whole frame scanned every second line). On the zxing/zxing-cpp black-box sets 25 of its
# 39 lone EAN/UPC reads with 3 or fewer were wrong (another code's bars, a second code),
# and 5 of 72 with more.
MIN_ZBAR_SCAN_LINES = 4.0
# Linear symbologies whose reads ZBar's scan-line count speaks for (DataBar carries its own
# checksum and GTIN check digit; ZBar's lone DataBar reads were all right).
_SCANNED = frozenset(
    {"EAN13", "EAN8", "UPCA", "UPCE", "ITF", "Codabar", "Code39", "Code93", "Code128"}
)


@dataclass
class Candidate:
    """One identity read so far: the first read of it, who read it, where, and how."""

    code: DecodedCode
    libraries: set[str] = field(default_factory=set)
    whole_frame: set[str] = field(default_factory=set)  # libraries that read it unaided
    scan_lines: float = 0.0
    box: Box | None = None

    @property
    def weak(self) -> bool:
        return self.code.format in WEAK_FORMATS

    def trusted(self, final: bool) -> bool:
        if len(self.libraries) >= 2:
            return True
        if (
            self.libraries == {ZBAR}
            and self.code.format in _SCANNED
            and self.scan_lines < MIN_ZBAR_SCAN_LINES
        ):
            return False
        if not self.weak:
            return True
        return final and bool(self.whole_frame)


def same_place(a: Box, b: Box) -> bool:
    """Whether two boxes are one code's place: either centre lies inside the other box.

    A linear read's box can be a line (zxing-cpp on one scan line), so each box is first
    grown to at least a third of its long side in both directions.
    """
    return _inside(_centre(a), _grown(b)) or _inside(_centre(b), _grown(a))


def _grown(box: Box) -> Box:
    left, top, right, bottom = box
    least = max(right - left, bottom - top) / 3.0
    pad_x = max(0.0, least - (right - left)) / 2.0
    pad_y = max(0.0, least - (bottom - top)) / 2.0
    return (left - pad_x, top - pad_y, right + pad_x, bottom + pad_y)


def _centre(box: Box) -> tuple[float, float]:
    return ((box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0)


def _inside(point: tuple[float, float], box: Box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


class Evidence:
    """Reads gathered across passes; :meth:`verdict` says which to report and if to go on."""

    def __init__(self) -> None:
        self._candidates: dict[str, Candidate] = {}

    def add(self, code: DecodedCode, library: str, *, whole_frame: bool, box: Box | None) -> None:
        """Record one read; ``box`` in frame pixels (None when unknown: it never conflicts)."""
        key = identity(code)
        candidate = self._candidates.get(key)
        if candidate is None:
            candidate = self._candidates[key] = Candidate(code, box=box)
        candidate.libraries.add(library)
        if whole_frame:
            candidate.whole_frame.add(library)
        candidate.scan_lines = max(candidate.scan_lines, code.scan_lines)
        if candidate.box is None:
            candidate.box = box

    def verdict(self, *, final: bool) -> tuple[list[DecodedCode], bool]:
        """The codes to report, and whether anything is still unsettled.

        Unsettled: a place with conflicting texts, or a weak read not yet trusted — worth
        another pass, since the other library may settle it.
        """
        reported: list[DecodedCode] = []
        unsettled = False
        for group in self._places():
            if len(group) > 1:
                agreed = [c for c in group if len(c.libraries) >= 2]
                if len(agreed) != 1:
                    unsettled = True
                    continue
                group = agreed
            candidate = group[0]
            if candidate.trusted(final):
                reported.append(candidate.code)
            else:
                unsettled = True
        return reported, unsettled

    def _places(self) -> list[list[Candidate]]:
        """Candidates grouped by place (transitively), in the order first read."""
        groups: list[list[Candidate]] = []
        for candidate in self._candidates.values():
            joined = [
                g
                for g in groups
                if candidate.box is not None
                and any(c.box is not None and same_place(candidate.box, c.box) for c in g)
            ]
            merged = [c for g in joined for c in g] + [candidate]
            groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
        return sorted(groups, key=lambda g: min(self._order(c) for c in g))

    def _order(self, candidate: Candidate) -> int:
        return list(self._candidates.values()).index(candidate)
