"""The project's decoder: one fast pass, then cheap retries only when it is not settled.

Why a cascade: most frames either hold a clean code (the first zxing-cpp pass reads it in a
few milliseconds) or no code at all. The frames worth extra work are the hard ones: small,
washed out, soft or tilted codes, and codes only the other library reads. After zxing-cpp,
ZBar sees the whole frame (a close-up fills the frame, so a crop would be the frame again;
every second scan line, see :mod:`devices.decoding.zbar`), and every line around a read
still waiting for its word. The retries then work on crops around edge-dense patches
(:mod:`devices.decoding.regions`), each fixing one of those faults. The cascade stops at
the first pass after which the reads are settled, so an easy frame costs one pass.

False positives are guarded five ways: GS1 codes must carry a valid check digit; results
of one or two characters from retries are dropped (binarised noise decodes as short
Codabar/ITF); a linear code read on a retry image must span several pixel rows (a scan
line grazing a tilted code can yield a valid-looking misread); a code of a weak symbology
(UPC-E, EAN-8, ITF… — little redundancy, and the same library repeats its misread on
every variant of the image) counts only when both libraries read it, or when a library
read it on the whole frame and nothing else settled the frame; and one place in the frame
yields one code (:mod:`devices.decoding.evidence`). ZBar sees the frame's own pixels only,
never enlarged crops: on interpolated images its EAN decoder misreads.
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


# What the retries look for: the codes a till's camera meets (member QR codes, card Code
# 128, product EAN/UPC and the other common linear codes). The rest (Data Matrix, Aztec,
# PDF417, DataBar) is read on the whole frame only: a retry is for a small, soft or tilted
# code held up to the camera, and each extra detector costs every retry call.
RETRY_FORMATS = (
    "QRCode",
    "Code128",
    "Code39",
    "Code93",
    "ITF",
    "Codabar",
    "EAN13",
    "EAN8",
    "UPCA",
    "UPCE",
)


# Rows a linear read must span on a retry image. Measured on five frame sets: misreads
# spanned at most 6.4 rows, true reads at least 11.
RETRY_MIN_ROWS = 8.0
# ZBar's scan density on the whole frame (see devices/decoding/zbar.py).
ZBAR_WHOLE_DENSITY = 3
# Patches the retries work on, best first. One: on the public corpus and the camera-like
# set a second or third patch settled no frame the first did not, at a third of the cost.
REGIONS = 1


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
        self.unsettled: list[Box] = []  # set by the cascade before each pass

    def unsettled_crop(self) -> Prepared | None:
        """The frame around the unsettled reads, with a margin; None when there are none."""
        if not self.unsettled:
            return None
        height, width = self.gray.shape[:2]
        left = min(b[0] for b in self.unsettled)
        top = min(b[1] for b in self.unsettled)
        right = max(b[2] for b in self.unsettled)
        bottom = max(b[3] for b in self.unsettled)
        pad = 0.25 * max(right - left, bottom - top) + 8
        x0, y0 = max(0, int(left - pad)), max(0, int(top - pad))
        x1, y1 = min(width, int(right + pad) + 1), min(height, int(bottom + pad) + 1)
        if x1 - x0 < 8 or y1 - y0 < 8:
            return None
        return Prepared(self.gray[y0:y1, x0:x1], _translation(x0, y0))

    @cached_property
    def stretched_crops(self) -> list[Prepared]:
        """Contrast-stretched crops around the likeliest code patches."""
        crops = []
        for region in find_regions(self.gray, limit=REGIONS):
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

    ``whole_frame`` marks a pass that shows the library the frame's pixels as the camera
    gave them (all of them, or a cut around reads already made; never resampled or
    filtered): its reads are what the library alone would report (see :mod:`.evidence`).
    """

    name: str
    prepare: Prepare
    decoder: Decoder
    min_length: int = 3
    whole_frame: bool = False


def whole(frame: Frame) -> Iterator[Prepared]:
    yield Prepared(frame.gray)


def unsettled(frame: Frame) -> Iterator[Prepared]:
    crop = frame.unsettled_crop()
    if crop is not None:
        yield crop


def crops(frame: Frame) -> Iterator[Prepared]:
    yield from frame.crops


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
    zxing_crop = ZxingBackend(formats=RETRY_FORMATS, try_downscale=False, min_rows=RETRY_MIN_ROWS)
    zxing_upright = ZxingBackend(
        formats=RETRY_FORMATS, try_downscale=False, try_rotate=False, min_rows=RETRY_MIN_ROWS
    )
    # ZBar reports a UPC-E as itself (a weak symbology), not as its EAN-13 form; on the
    # whole frame it scans every third line: 40% of the time, 7% fewer of its reads, most
    # of which zxing-cpp makes too (on the public corpus: 2 codes fewer of 1814).
    zbar = PyzbarBackend(own_types=True)
    zbar_whole = PyzbarBackend(density=ZBAR_WHOLE_DENSITY, own_types=True)
    if primary == "zxing":
        wholes = [
            Pass("whole", whole, zxing, min_length=1, whole_frame=True),
            # A read waiting for ZBar's word (or contested): ZBar's every line around it,
            # which costs a fraction of the whole frame and usually settles it.
            Pass("unsettled-other-library", unsettled, zbar, whole_frame=True),
            Pass("whole-other-library", whole, zbar_whole, whole_frame=True),
        ]
    else:
        wholes = [
            Pass("whole", whole, zbar, min_length=1, whole_frame=True),
            Pass("whole-other-library", whole, zxing, whole_frame=True),
        ]
    return [
        *wholes,
        Pass("region", crops, zxing_crop),
        Pass("region-deskewed", deskewed_crops, zxing_upright),
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
            if not attempt.whole_frame and evidence:
                # Retries cannot settle what is read already (they are one library's
                # reads of filtered images): when what is read stands as it is, stop.
                found, _ = evidence.verdict(final=True)
                if len(found) >= self.expected:
                    self.last_pass = LONE_READS
                    return found
            frame.unsettled = evidence.unsettled_boxes()
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
