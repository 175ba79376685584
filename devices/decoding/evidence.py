"""What the cascade's passes have read so far, and which of it the till can trust.

Why: each library misreads in its own way, and the misreads that hurt are of two kinds.
A weak symbology (UPC-E, EAN-8, ITF, Codabar…: little redundancy) read by one library
only may be a scan line grazing another code; and a library may report a second, different
text from the place where it (or the other library) read the right one — the till would
then get two codes from one label. So every read is kept with the libraries that made it
and where it lies in the frame, and the verdict is:

- **One code per place.** Reads whose boxes share a place but whose texts differ are a
  conflict: what both libraries read is kept, the rest dropped; with no such read, all
  are dropped (a later pass may still settle it). Two matrix codes never conflict.
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
from devices.decoding.symbology import MATRIX_FORMATS, WEAK_FORMATS, identity

ZBAR = "raw-pyzbar"
# A linear read by ZBar alone needs this many agreeing scan lines (ZBar's quality, counted
# at full density). On the zxing/zxing-cpp black-box sets, scanning every second line, 25
# of its 39 lone EAN/UPC reads from 3 lines or fewer were wrong (another code's bars, a
# second code), and 5 of 72 from more.
MIN_ZBAR_SCAN_LINES = 8.0
# Linear symbologies whose reads ZBar's scan-line count speaks for: all it reads but QR
# (DataBar too: ZBar's lone DataBar reads from one line were misreads on camera frames).
_SCANNED = frozenset(
    {"EAN13", "EAN8", "UPCA", "UPCE", "ITF", "Codabar", "Code39", "Code93", "Code128"}
    | {"DataBarOmni", "DataBarExp", "DataBar", "DataBarExpanded"}
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
    """Whether two boxes are one code's place: they overlap by a third of the smaller.

    A linear read's box covers only the rows that read it (one row, for zxing-cpp on a
    single scan line) while the bars run on above and below, so each box is first grown
    across its long side to at least :data:`_BAR_HEIGHT` of it: a misread from the top of
    the bars and the right read from their middle then share their place.
    """
    a, b = _grown(a), _grown(b)
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return False
    return width * height >= min(_area(a), _area(b)) / 3.0


# A linear code's bars are at least this fraction of its length tall (EAN/UPC nominal:
# about 0.7; GS1 allows truncation to half).
_BAR_HEIGHT = 0.6


def _grown(box: Box) -> Box:
    left, top, right, bottom = box
    least = max(right - left, bottom - top) * _BAR_HEIGHT
    pad_x = max(0.0, least - (right - left)) / 2.0
    pad_y = max(0.0, least - (bottom - top)) / 2.0
    return (left - pad_x, top - pad_y, right + pad_x, bottom + pad_y)


def _area(box: Box) -> float:
    return max(box[2] - box[0], 1.0) * max(box[3] - box[1], 1.0)


def _rivals(a: Candidate, b: Candidate) -> bool:
    """Two reads competing for one place. Two matrix codes never do: each checks itself
    by Reed-Solomon, so two texts there are two codes (a QR code nested in another)."""
    if a.box is None or b.box is None:
        return False
    if a.code.format in MATRIX_FORMATS and b.code.format in MATRIX_FORMATS:
        return False
    return same_place(a.box, b.box)


class Evidence:
    """Reads gathered across passes; :meth:`verdict` says which to report and if to go on."""

    def __init__(self) -> None:
        self._candidates: dict[str, Candidate] = {}

    def __bool__(self) -> bool:
        """Whether anything at all has been read."""
        return bool(self._candidates)

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
                # Reads both libraries made are codes (two labels side by side can share
                # a grown box); the rest of a contested place is dropped.
                group = [c for c in group if len(c.libraries) >= 2]
                if not group:
                    unsettled = True
            for candidate in group:
                if candidate.trusted(final):
                    reported.append(candidate.code)
                else:
                    unsettled = True
        return reported, unsettled

    def unsettled_boxes(self) -> list[Box]:
        """Where the reads not yet settled lie (contested places, weak reads waiting)."""
        boxes: list[Box] = []
        for group in self._places():
            contested = len(group) > 1 and not any(len(c.libraries) >= 2 for c in group)
            for candidate in group:
                if candidate.box is not None and (contested or not candidate.trusted(False)):
                    boxes.append(_grown(candidate.box))
        return boxes

    def _places(self) -> list[list[Candidate]]:
        """Candidates grouped by place (transitively), in the order first read."""
        groups: list[list[Candidate]] = []
        for candidate in self._candidates.values():
            joined = [g for g in groups if any(_rivals(candidate, c) for c in g)]
            merged = [c for g in joined for c in g] + [candidate]
            groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
        return sorted(groups, key=lambda g: min(self._order(c) for c in g))

    def _order(self, candidate: Candidate) -> int:
        return list(self._candidates.values()).index(candidate)
