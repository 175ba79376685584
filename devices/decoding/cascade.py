"""The project's decoder: one fast pass, then cheap retries only when it finds nothing.

Why a cascade: most frames either hold a clean code (the first zxing-cpp pass reads it in a
few milliseconds) or no code at all. The frames worth extra work are the hard ones: small,
washed out, soft or tilted codes. The retries work on crops around edge-dense patches
(:mod:`devices.decoding.regions`), each fixing one of those faults, or use the other
library, whose scan-line decoder fails on different frames. The cascade stops at the first
pass that yields a trustworthy code, so an easy frame costs one pass.

False positives are guarded four ways: GS1 codes must carry a valid check digit; results
of one or two characters from retries are dropped (binarised noise decodes as short
Codabar/ITF); a linear code read on a retry image must span several pixel rows (a scan
line grazing a tilted code can yield a valid-looking misread); and a code of a weak
symbology (UPC-E, EAN-8, ITF… — little redundancy, and the same library repeats its
misread on every variant of the image) counts only when both libraries read it. ZBar gets
the crops at their own size: on interpolated (enlarged) crops its EAN decoder misreads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from devices.decoding import imaging
from devices.decoding.backends import PyzbarBackend, ZxingBackend, as_gray
from devices.decoding.code import DecodedCode, Decoder, Image
from devices.decoding.regions import find_regions
from devices.decoding.symbology import WEAK_FORMATS, plausible

# What a till meets: member QR codes and cards, product EAN/UPC. Leaving out the rest
# (MaxiCode, DX film edge, Telepen…) saves time and removes their false positives.
TILL_FORMATS = (
    "QRCode",
    "MicroQRCode",
    "DataMatrix",
    "Aztec",
    "PDF417",
    "Code128",
    "Code39",
    "Code93",
    "ITF",
    "Codabar",
    "EAN13",
    "EAN8",
    "UPCA",
    "UPCE",
    "DataBar",
    "DataBarExpanded",
)


# Rows a linear read must span on a retry image. Measured on five frame sets: misreads
# spanned at most 6.4 rows, true reads at least 11.
RETRY_MIN_ROWS = 8.0


class Frame:
    """One frame's gray image and the work shared between passes, computed on first use."""

    def __init__(self, gray: Image) -> None:
        self.gray = gray

    @cached_property
    def stretched_crops(self) -> list[Image]:
        """Contrast-stretched crops around the likeliest code patches."""
        return [imaging.stretched(region.crop(self.gray)) for region in find_regions(self.gray)]

    @cached_property
    def crops(self) -> list[Image]:
        """The stretched crops enlarged, so small codes get pixels per module."""
        return [imaging.enlarged(crop) for crop in self.stretched_crops]


Prepare = Callable[[Frame], Iterator[Image]]


@dataclass(frozen=True)
class Pass:
    """One attempt: images prepared from the frame (maybe none), each given to a decoder."""

    name: str
    prepare: Prepare
    decoder: Decoder
    min_length: int = 3


def whole(frame: Frame) -> Iterator[Image]:
    yield frame.gray


def crops(frame: Frame) -> Iterator[Image]:
    yield from frame.crops


def native_crops(frame: Frame) -> Iterator[Image]:
    yield from frame.stretched_crops


def deskewed_crops(frame: Frame) -> Iterator[Image]:
    for crop in frame.crops:
        turned = imaging.deskewed(crop)
        if turned is not None:
            yield turned


def sharpened_crops(frame: Frame) -> Iterator[Image]:
    for crop in frame.crops:
        yield imaging.sharpened(crop)


def binarised_crops(frame: Frame) -> Iterator[Image]:
    for crop in frame.crops:
        yield imaging.binarised(crop)


def default_passes(primary: str = "zxing") -> list[Pass]:
    """The retry order, cheapest and most often useful first.

    ``primary`` picks the library of the first pass ("zxing" or "pyzbar"); the other one
    still runs as a fallback, because the two fail on different frames.
    """
    zxing = ZxingBackend(formats=TILL_FORMATS)
    # Crops are already enlarged; deskewed crops have their bars upright. Retries want a
    # linear read to span at least RETRY_MIN_ROWS rows (see ZxingBackend).
    zxing_crop = ZxingBackend(formats=TILL_FORMATS, try_downscale=False, min_rows=RETRY_MIN_ROWS)
    zxing_upright = ZxingBackend(
        formats=TILL_FORMATS, try_downscale=False, try_rotate=False, min_rows=RETRY_MIN_ROWS
    )
    zbar = PyzbarBackend()
    first: Decoder = zxing if primary == "zxing" else zbar
    second: Decoder = zbar if primary == "zxing" else zxing
    return [
        Pass("whole", whole, first, min_length=1),
        Pass("region", crops, zxing_crop),
        Pass("region-deskewed", deskewed_crops, zxing_upright),
        Pass("region-other-library", native_crops, second),
        Pass("region-sharpened", sharpened_crops, zxing_crop),
        Pass("region-binarised", binarised_crops, zxing_crop),
    ]


class CascadeDecoder:
    """Runs passes until one finds ``expected`` trustworthy codes; merges by text."""

    def __init__(
        self, passes: Sequence[Pass] | None = None, *, name: str = "zxing", expected: int = 1
    ) -> None:
        self.name = name
        self.passes = list(passes) if passes is not None else default_passes(name)
        self.expected = expected
        self.last_pass: str | None = None  # which pass settled the last frame (for the bench)

    def decode(self, image: Image) -> list[DecodedCode]:
        frame = Frame(as_gray(image))
        found: dict[str, DecodedCode] = {}
        weak_readers: dict[str, set[str]] = {}  # weak-symbology text -> libraries that read it
        self.last_pass = None
        for attempt in self.passes:
            for prepared in attempt.prepare(frame):
                for code in attempt.decoder.decode(prepared):
                    if code.text in found or not plausible(code, min_length=attempt.min_length):
                        continue
                    if code.format in WEAK_FORMATS:
                        readers = weak_readers.setdefault(code.text, set())
                        readers.add(attempt.decoder.name)
                        if len(readers) < 2:
                            continue
                    found[code.text] = code
            if len(found) >= self.expected:
                self.last_pass = attempt.name
                break
        return list(found.values())
