"""Single calls into one decoding library, each returning :class:`DecodedCode`.

These are the "raw" decoders: one library call on the image as given. The project's
decoder (:mod:`devices.decoding.cascade`) builds on them; the benchmark compares against
them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import zxingcpp
from pyzbar import pyzbar

from devices.decoding.code import DecodedCode, Image
from devices.decoding.symbology import ZBAR_TYPES, normalise


def as_gray(image: Image) -> Image:
    """Both libraries work on luminance; converting once saves each pass doing it."""
    if image.ndim == 2:
        return image
    import cv2

    if image.shape[2] == 4:
        return cast(Image, cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY))
    return cast(Image, cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))


class ZxingBackend:
    """zxing-cpp: reports the AIM identifier itself and searches rotations and scales."""

    name = "raw-zxing"

    def __init__(
        self,
        *,
        formats: Iterable[str] | None = None,
        try_rotate: bool = True,
        try_downscale: bool = True,
        binarizer: str = "LocalAverage",
    ) -> None:
        # An empty format set means "all" to zxing-cpp.
        self._formats = zxingcpp.barcode_formats_from_str(",".join(formats or ()))
        self._try_rotate = try_rotate
        self._try_downscale = try_downscale
        self._binarizer = getattr(zxingcpp.Binarizer, binarizer)

    def decode(self, image: Image) -> list[DecodedCode]:
        results = zxingcpp.read_barcodes(
            image,
            formats=self._formats,
            try_rotate=self._try_rotate,
            try_downscale=self._try_downscale,
            binarizer=self._binarizer,
        )
        return [
            normalise(DecodedCode(r.text, r.format.name, r.symbology_identifier))
            for r in results
            if r.valid
        ]


class PyzbarBackend:
    """ZBar through pyzbar: a different scan-line decoder, so it fails on different frames."""

    name = "raw-pyzbar"

    def decode(self, image: Image) -> list[DecodedCode]:
        codes = []
        for r in pyzbar.decode(as_gray(image)):
            kind = str(r.type)
            fmt, aim = ZBAR_TYPES.get(kind, (kind, "]Z0"))
            text = bytes(r.data).decode("utf-8", errors="replace")
            codes.append(normalise(DecodedCode(text, fmt, aim)))
        return codes
