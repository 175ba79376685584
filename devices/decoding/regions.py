"""Where in a frame a code may be: small crops the retries can afford to work hard on.

Why: retrying on the whole 640x480 frame costs a full decode per retry, and upscaling it
costs four. A code is a patch dense in strong edges; finding such patches on a half-size
frame takes about a millisecond, and the crops are a fraction of the frame, so the
retries (upscaled, deskewed, contrast-stretched) cost a fraction too.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from devices.decoding.code import Image

_KERNEL3 = np.ones((3, 3), np.uint8)
_KERNEL7 = np.ones((7, 7), np.uint8)
WORK_SIDE = 320


@dataclass(frozen=True)
class Region:
    """A box in frame pixels; ``score`` is its total edge density (higher: likelier a code)."""

    x: int
    y: int
    w: int
    h: int
    score: float

    def bounds(self, gray: Image, margin: float = 0.15) -> tuple[int, int, int, int]:
        """The box plus a margin (the quiet zone the decoder needs), clipped to the frame."""
        pad = int(max(self.w, self.h) * margin) + 8
        height, width = gray.shape[:2]
        x0, y0 = max(0, self.x - pad), max(0, self.y - pad)
        x1, y1 = min(width, self.x + self.w + pad), min(height, self.y + self.h + pad)
        return x0, y0, x1, y1

    def crop(self, gray: Image, margin: float = 0.15) -> Image:
        """The pixels inside :meth:`bounds`."""
        x0, y0, x1, y1 = self.bounds(gray, margin)
        return gray[y0:y1, x0:x1]


def find_regions(gray: Image, limit: int = 3, max_fraction: float = 1.0) -> list[Region]:
    """Up to ``limit`` edge-dense patches, best first.

    The threshold is relative to the frame (Otsu on the density map, and well above its
    median) so a washed-out code on a flat background still stands out. No size limit by
    default: a close-up code fills most of the frame, and its patch is then exactly the
    one worth the retries (skipping patches over half the frame lost every close-up EAN-8
    and UPC-E of the public black-box sets).
    """
    height, width = gray.shape[:2]
    if min(height, width) < 16:
        return []  # a scan line or a thumbnail: nothing to crop, the whole-frame pass had it
    # Work at about 320 pixels across (half a 640x480 camera frame): a photo of several
    # megapixels costs the same as a camera frame, and codes are patches, not details.
    scale = min(0.5, WORK_SIDE / max(height, width))
    small_w, small_h = max(1, round(width * scale)), max(1, round(height * scale))
    small = cv2.resize(gray, (small_w, small_h), interpolation=cv2.INTER_AREA)
    gradient = cv2.morphologyEx(small, cv2.MORPH_GRADIENT, _KERNEL3)
    density = cv2.blur(gradient, (9, 9))
    otsu, _ = cv2.threshold(density, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    threshold = max(float(otsu), 2.0 * float(np.median(density)) + 4.0)
    mask = cv2.morphologyEx((density > threshold).astype(np.uint8), cv2.MORPH_CLOSE, _KERNEL7)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask)
    sums = np.bincount(labels.ravel(), weights=density.ravel(), minlength=count)
    found: list[Region] = []
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i])
        if area < 80 or w * h > max_fraction * small_w * small_h:
            continue
        found.append(
            Region(int(x / scale), int(y / scale), int(w / scale), int(h / scale), float(sums[i]))
        )
    found.sort(key=lambda r: r.score, reverse=True)
    return found[:limit]
