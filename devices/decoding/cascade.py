"""The project's decoder: one fast pass, then cheap retries only when it finds nothing.

Why a cascade: most frames either hold a clean code (the first zxing-cpp pass reads it in a
few milliseconds) or no code at all. The frames worth extra work are the hard ones: small,
washed out, soft or tilted codes. The retries work on crops around edge-dense patches
(:mod:`devices.decoding.regions`), each fixing one of those faults, or use the other
library, whose scan-line decoder fails on different frames. The cascade stops at the first
pass that yields a trustworthy code, so an easy frame costs one pass.

False positives are guarded five ways: GS1 codes must carry a valid check digit; results
of one or two characters from retries are dropped (binarised noise decodes as short
Codabar/ITF); a linear code read on a retry image must span several pixel rows (a scan
line grazing a tilted code can yield a valid-looking misread); a code of a weak symbology
(UPC-E, EAN-8, ITF… — little redundancy, and the same library repeats its misread on
every variant of the image) counts only when both libraries read it, or when a library
read it on the whole frame and nothing else settled the frame; and one place in the frame
yields one code (:mod:`devices.decoding.evidence`). ZBar sees the whole frame right after
zxing-cpp (a close-up code fills the frame, and its crop would be the frame again), then
the crops at their own size: on interpolated (enlarged) crops its EAN decoder misreads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import cv2
import numpy as np

from devices.decoding import imaging
from devices.decoding.backends import PyzbarBackend, ZxingBackend, as_gray
from devices.decoding.code import Box, DecodedCode, Decoder, Image
from devices.decoding.evidence import Evidence
from devices.decoding.imaging import Affine
from devices.decoding.regions import find_regions
from devices.decoding.symbology import plausible

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


def _translation(dx: float, dy: float, scale: float = 1.0) -> Affine:
    """Prepared-image pixels -> frame pixels for a crop at (dx, dy) enlarged ``scale`` times."""
    return np.array([[1.0 / scale, 0.0, dx], [0.0, 1.0 / scale, dy]], dtype=np.float64)


IDENTITY = _translation(0.0, 0.0)


@dataclass(frozen=True)
class Prepared:
    """An image for one decoder call and the map from its pixels back to the frame's."""

    image: Image
    to_frame: Affine = field(default_factory=lambda: IDENTITY)

    def frame_box(self, box: Box | None) -> Box | None:
        if box is None:
            return None
        left, top, right, bottom = box
        corners = np.array([[left, top, 1.0], [right, top, 1.0], [right, bottom, 1.0]])
        corners = np.vstack([corners, [[left, bottom, 1.0]]])
        mapped = corners @ self.to_frame.T
        xs, ys = mapped[:, 0], mapped[:, 1]
        return (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))


# ``last_pass`` when no pass settled the frame and lone whole-frame reads were reported.
LONE_READS = "(lone whole-frame reads)"


class Frame:
    """One frame's gray image and the work shared between passes, computed on first use."""

    def __init__(self, gray: Image) -> None:
        self.gray = gray

    @cached_property
    def stretched_crops(self) -> list[Prepared]:
        """Contrast-stretched crops around the likeliest code patches."""
        crops = []
        for region in find_regions(self.gray):
            x0, y0, x1, y1 = region.bounds(self.gray)
            crop = imaging.stretched(self.gray[y0:y1, x0:x1])
            crops.append(Prepared(crop, _translation(x0, y0)))
        return crops

    @cached_property
    def crops(self) -> list[Prepared]:
        """The stretched crops enlarged, so small codes get pixels per module."""
        out = []
        for crop in self.stretched_crops:
            big = imaging.enlarged(crop.image)
            scale = big.shape[1] / crop.image.shape[1]
            dx, dy = crop.to_frame[0, 2], crop.to_frame[1, 2]
            out.append(Prepared(big, _translation(dx, dy, scale)))
        return out


Prepare = Callable[[Frame], Iterator[Prepared]]


@dataclass(frozen=True)
class Pass:
    """One attempt: images prepared from the frame (maybe none), each given to a decoder.

    ``whole_frame`` marks a pass that shows the library the frame as the camera gave it:
    its reads are what the library alone would report (see :mod:`.evidence`).
    """

    name: str
    prepare: Prepare
    decoder: Decoder
    min_length: int = 3
    whole_frame: bool = False


def whole(frame: Frame) -> Iterator[Prepared]:
    yield Prepared(frame.gray)


def crops(frame: Frame) -> Iterator[Prepared]:
    yield from frame.crops


def native_crops(frame: Frame) -> Iterator[Prepared]:
    """Crops at their own size, except one that is the whole frame (already decoded)."""
    area = frame.gray.shape[0] * frame.gray.shape[1]
    for crop in frame.stretched_crops:
        if crop.image.shape[0] * crop.image.shape[1] < 0.9 * area:
            yield crop


def deskewed_crops(frame: Frame) -> Iterator[Prepared]:
    for crop in frame.crops:
        angle = imaging.deskew_angle(crop.image)
        if angle is None:
            continue
        matrix, size = imaging.rotation(crop.image.shape, angle)
        turned = cv2.warpAffine(
            crop.image,
            matrix,
            size,
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT,
            borderValue=float(np.median(crop.image)),
        )
        back = cv2.invertAffineTransform(matrix)
        to_frame = _compose(crop.to_frame, np.asarray(back, dtype=np.float64))
        yield Prepared(np.asarray(turned, dtype=np.uint8), to_frame)


def _compose(outer: Affine, inner: Affine) -> Affine:
    """``outer`` after ``inner``, both 2x3."""
    a = np.vstack([outer, [0.0, 0.0, 1.0]]) @ np.vstack([inner, [0.0, 0.0, 1.0]])
    return np.asarray(a[:2], dtype=np.float64)


def sharpened_crops(frame: Frame) -> Iterator[Prepared]:
    for crop in frame.crops:
        yield Prepared(imaging.sharpened(crop.image), crop.to_frame)


def binarised_crops(frame: Frame) -> Iterator[Prepared]:
    for crop in frame.crops:
        yield Prepared(imaging.binarised(crop.image), crop.to_frame)


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
    # ZBar reports a UPC-E as itself (a weak symbology), not as its EAN-13 form; on the
    # whole frame it scans every second line: half the time, 1% fewer reads.
    zbar = PyzbarBackend(own_types=True)
    zbar_whole = PyzbarBackend(density=2, own_types=True)
    first: Decoder = zxing if primary == "zxing" else zbar
    second: Decoder = zbar_whole if primary == "zxing" else zxing
    return [
        Pass("whole", whole, first, min_length=1, whole_frame=True),
        Pass("whole-other-library", whole, second, whole_frame=True),
        Pass("region", crops, zxing_crop),
        Pass("region-deskewed", deskewed_crops, zxing_upright),
        Pass("region-other-library", native_crops, second),
        Pass("region-sharpened", sharpened_crops, zxing_crop),
        Pass("region-binarised", binarised_crops, zxing_crop),
    ]


class CascadeDecoder:
    """Runs passes until the reads settle on ``expected`` trustworthy codes.

    Settled: no place with conflicting texts and no weak read waiting for the other
    library (see :mod:`.evidence`). When the passes run out, what is trusted by then is
    reported.
    """

    def __init__(
        self, passes: Sequence[Pass] | None = None, *, name: str = "zxing", expected: int = 1
    ) -> None:
        self.name = name
        self.passes = list(passes) if passes is not None else default_passes(name)
        self.expected = expected
        self.last_pass: str | None = None  # which pass settled the last frame (for the bench)

    def decode(self, image: Image) -> list[DecodedCode]:
        frame = Frame(as_gray(image))
        evidence = Evidence()
        self.last_pass = None
        for attempt in self.passes:
            for prepared in attempt.prepare(frame):
                for code in attempt.decoder.decode(prepared.image):
                    if plausible(code, min_length=attempt.min_length):
                        evidence.add(
                            code,
                            attempt.decoder.name,
                            whole_frame=attempt.whole_frame,
                            box=prepared.frame_box(code.box),
                        )
            found, unsettled = evidence.verdict(final=False)
            if len(found) >= self.expected and not unsettled:
                self.last_pass = attempt.name
                return found
        found, _ = evidence.verdict(final=True)
        if found:
            self.last_pass = LONE_READS
        return found
