"""Cheap image fixes for the frames a first decoding pass gives up on.

Why each exists: a till camera sees codes that are too small (a phone held far away),
washed out (glare, low contrast), soft (out of focus) or tilted (a card held at an angle;
zxing-cpp's line scanners only try 0° and 90°). Every function here costs about a
millisecond on a 640x480 frame, so several fit in one frame time.
"""

from __future__ import annotations

from typing import cast

import cv2
import numpy as np
import numpy.typing as npt

from devices.decoding.code import Image

# A 2x3 affine matrix (OpenCV's convention): image pixels -> other image pixels.
Affine = npt.NDArray[np.float64]


def upscaled(gray: Image, factor: float = 2.0) -> Image:
    """Bicubic upscaling: QR finder patterns need about three pixels per module."""
    out = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    return cast(Image, out)


def sharpened(gray: Image, sigma: float = 2.0, amount: float = 1.0) -> Image:
    """Unsharp mask: restores bar edges a soft focus smeared into each other."""
    blurred = cv2.GaussianBlur(gray, (0, 0), sigma)
    return cast(Image, cv2.addWeighted(gray, 1.0 + amount, blurred, -amount, 0))


def binarised(gray: Image) -> Image:
    """Otsu threshold after a light blur: one global cut that ignores sensor noise."""
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    _, out = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return cast(Image, out)


def dominant_angle(gray: Image) -> float:
    """The direction (degrees, -90..90) of the most common strong edge orientation.

    A linear code is dozens of parallel edges, so it dominates the crop's strongest
    gradients. Orientation is taken modulo 180° (both edges of a bar count alike) and the
    peak of a magnitude-weighted histogram is used, not the mean: a mean would split the
    difference between the code and a nearby box edge and leave both tilted.
    """
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    gx = cv2.Sobel(smooth, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(smooth, cv2.CV_32F, 0, 1, ksize=3)
    mag = gx * gx + gy * gy
    flat = mag.ravel()
    cut = int(flat.size * 0.9)
    strong = mag > np.partition(flat, cut)[cut]
    if not strong.any():
        return 0.0
    angles = np.degrees(np.arctan2(gy[strong], gx[strong])) % 180.0
    hist, _ = np.histogram(angles, bins=180, range=(0.0, 180.0), weights=np.sqrt(mag[strong]))
    # Circular smoothing over +-2°: noise spreads one orientation over neighbouring bins.
    padded = np.concatenate([hist[-2:], hist, hist[:2]])
    smoothed = np.convolve(padded, np.ones(5), mode="valid")
    peak = float(np.argmax(smoothed)) + 0.5
    return peak - 180.0 if peak > 90.0 else peak


def rotation(shape: tuple[int, ...], angle_deg: float) -> tuple[Affine, tuple[int, int]]:
    """The affine matrix turning an image of ``shape`` about its centre, and the new size.

    The canvas grows so no corner of the code is cut off.
    """
    h, w = shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle_deg, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(h * sin + w * cos), int(h * cos + w * sin)
    matrix[0, 2] += new_w / 2 - w / 2
    matrix[1, 2] += new_h / 2 - h / 2
    return np.asarray(matrix, dtype=np.float64), (new_w, new_h)


def rotated(gray: Image, angle_deg: float) -> Image:
    """Rotate about the centre, growing the canvas so no corner of the code is cut off."""
    matrix, (new_w, new_h) = rotation(gray.shape, angle_deg)
    # Fill with the crop's typical level: replicated edge pixels would draw stripes, and
    # stripes are what a linear decoder looks for.
    fill = float(np.median(gray))
    out = cv2.warpAffine(
        gray,
        matrix,
        (new_w, new_h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=fill,
    )
    return cast(Image, out)


def deskew_angle(gray: Image, work_side: int = 200) -> float | None:
    """The turn that makes the dominant edges vertical; None when already near 0°/90°.

    Measured on a copy at most ``work_side`` pixels long: an angle does not change with
    scale, and the edge histogram of a large crop costs several decodes' time.
    """
    side = max(gray.shape[:2])
    if side > work_side:
        factor = work_side / side
        gray = cast(
            Image, cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        )
    angle = dominant_angle(gray)
    off_axis = min(abs(angle) % 90, 90 - abs(angle) % 90)
    return None if off_axis < 4 else angle


def deskewed(gray: Image) -> Image | None:
    """The frame turned so the dominant edges are vertical; None when already near 0°/90°."""
    angle = deskew_angle(gray)
    return None if angle is None else rotated(gray, angle)


def stretched(gray: Image, low_pct: float = 1.0, high_pct: float = 99.0) -> Image:
    """Contrast stretch between percentiles: a code in glare or shadow spans 0..255 again."""
    # Percentiles from the 256-bin histogram: exact for 8-bit pixels, and no sort.
    hist = cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel()
    cumulative = np.cumsum(hist) / max(float(hist.sum()), 1.0) * 100.0
    lo = float(np.searchsorted(cumulative, low_pct))
    hi = float(np.searchsorted(cumulative, high_pct))
    if hi - lo < 8:
        return gray
    scale = 255.0 / float(hi - lo)
    return cast(Image, cv2.convertScaleAbs(gray, alpha=scale, beta=-float(lo) * scale))


def enlarged(
    gray: Image, long_side: int = 320, max_factor: float = 3.0, max_side: int = 640
) -> Image:
    """A crop brought up to about ``long_side`` pixels: small codes get pixels per module.

    A crop longer than ``max_side`` (a code photographed from close by, in a photo of
    several megapixels) is brought down to it instead: its modules are many pixels wide,
    and each retry on it would otherwise cost as much as a whole camera frame or more.
    """
    side = max(gray.shape[:2])
    if side > max_side:
        factor = max_side / side
        return cast(
            Image, cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        )
    factor = min(max_factor, long_side / side)
    if factor <= 1.05:
        return gray
    return upscaled(gray, factor)
