"""The decoder seam: what any decoder returns, whatever library or cascade is behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
# Where a code lies: (left, top, right, bottom) in pixels of the image given to the decoder.
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class DecodedCode:
    """One code found in an image.

    ``symbology_id`` is the AIM identifier (ISO/IEC 15424, e.g. ``]Q1``, ``]C0``, ``]E0``)
    so the router can tell a member QR from a product EAN without trusting the payload.
    ``format`` is zxing-cpp's format name (``QRCode``, ``Code128``, ``EAN13``…) for every
    backend, so reads compare equal whichever library made them.

    ``box`` and ``scan_lines`` are evidence, not identity (they take no part in ``==``):
    where the code lies, so two different texts from one place can be caught as a misread,
    and how many scan lines agreed on a linear read (ZBar's quality; zxing-cpp's row span).
    """

    text: str
    format: str
    symbology_id: str
    box: Box | None = field(default=None, compare=False)
    scan_lines: float = field(default=0.0, compare=False)


class Decoder(Protocol):
    """Finds the codes in one camera frame (numpy BGR or gray, ``uint8``)."""

    name: str

    def decode(self, image: Image) -> list[DecodedCode]: ...
