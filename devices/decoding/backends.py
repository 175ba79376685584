"""Single calls into one decoding library, each returning :class:`DecodedCode`.

These are the "raw" decoders: one library call on the image as given. The project's
decoder (:mod:`devices.decoding.cascade`) builds on them; the benchmark compares against
them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import cast

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar

from devices.decoding import zbar
from devices.decoding.code import Box, DecodedCode, Image
from devices.decoding.symbology import MATRIX_FORMATS, ZBAR_TYPES, normalise


def as_gray(image: Image) -> Image:
    """Both libraries work on luminance; converting once saves each pass doing it."""
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cast(Image, cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY))
    return cast(Image, cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))


def _rows(result: zxingcpp.Barcode) -> float:
    """How many pixel rows a linear read spans (across the bars), from its position."""
    p = result.position
    left = math.hypot(p.bottom_left.x - p.top_left.x, p.bottom_left.y - p.top_left.y)
    right = math.hypot(p.bottom_right.x - p.top_right.x, p.bottom_right.y - p.top_right.y)
    return (left + right) / 2


def _box(result: zxingcpp.Barcode) -> Box:
    p = result.position
    xs = (p.top_left.x, p.top_right.x, p.bottom_right.x, p.bottom_left.x)
    ys = (p.top_left.y, p.top_right.y, p.bottom_right.y, p.bottom_left.y)
    return (float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys)))


class ZxingBackend:
    """zxing-cpp: reports the AIM identifier itself and searches rotations and scales.

    ``min_rows`` drops linear reads spanning fewer pixel rows: zxing-cpp accepts a code
    seen on two neighbouring scan lines, which on a sharpened or binarised retry image is
    how a line grazing a tilted code turns into a valid-looking misread; a real bar is
    far taller. Matrix codes carry their own error correction and are exempt.
    """

    name = "raw-zxing"

    def __init__(
        self,
        *,
        formats: Iterable[str] | None = None,
        try_rotate: bool = True,
        try_downscale: bool = True,
        binarizer: str = "LocalAverage",
        min_rows: float = 0.0,
    ) -> None:
        # An empty format set means "all" to zxing-cpp.
        self._formats = zxingcpp.barcode_formats_from_str(",".join(formats or ()))
        self._try_rotate = try_rotate
        self._try_downscale = try_downscale
        self._binarizer = getattr(zxingcpp.Binarizer, binarizer)
        self._min_rows = min_rows

    def decode(self, image: Image) -> list[DecodedCode]:
        results = zxingcpp.read_barcodes(
            image,
            formats=self._formats,
            try_rotate=self._try_rotate,
            try_downscale=self._try_downscale,
            binarizer=self._binarizer,
        )
        codes = []
        for r in results:
            rows = _rows(r)
            if r.valid and (r.format.name in MATRIX_FORMATS or rows >= self._min_rows):
                code = DecodedCode(r.text, r.format.name, r.symbology_identifier, _box(r), rows)
                codes.append(normalise(code))
        return codes


class PyzbarBackend:
    """ZBar through pyzbar: a different scan-line decoder, so it fails on different frames.

    ``density`` (ZBar scanning every n-th row and column) or ``own_types`` (UPC-E and
    UPC-A reported as such, not as their EAN-13 form) go through
    :mod:`devices.decoding.zbar`; with neither it is pyzbar's own ``decode``: the raw
    library as anyone would call it.
    """

    name = "raw-pyzbar"

    def __init__(self, *, density: int = 1, own_types: bool = False) -> None:
        self._density = density
        self._raw = density == 1 and not own_types

    def decode(self, image: Image) -> list[DecodedCode]:
        gray = as_gray(image)
        if self._raw:
            found = [
                (bytes(r.data), str(r.type), tuple(r.rect), int(r.quality))
                for r in pyzbar.decode(gray)
            ]
        else:
            found = [
                (s.data, s.type, s.rect, s.quality)
                for s in zbar.scan(np.ascontiguousarray(gray), self._density)
            ]
        codes = []
        for data, kind, (left, top, width, height), quality in found:
            fmt, aim = ZBAR_TYPES.get(kind, (kind, "]Z0"))
            text = data.decode("utf-8", errors="replace")
            box = (float(left), float(top), float(left + width), float(top + height))
            # Scan lines at full density: a line in ``density`` stands for that many.
            lines = float(quality * self._density)
            codes.append(normalise(DecodedCode(text, fmt, aim, box, lines)))
        return codes
