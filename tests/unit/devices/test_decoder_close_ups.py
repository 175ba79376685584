"""Close-ups: a code that fills the frame is read whenever either raw library reads it.

Why: the public black-box sets (zxing, zxing-cpp) are mostly close-ups, and there the
cascade once lost EAN-8 and UPC-E codes that both raw libraries read: a weak symbology
needed ZBar's agreement, ZBar only ever saw crops, and a patch over half the frame was
never cropped. The frames here are drawn the same way: one code, filling the frame, crisp
or spoilt, and every raw library's reads must be among the cascade's.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.decoder import Image, PyzbarBackend, ZxingBackend, make_decoder
from devices.decoding.symbology import identity
from tests.fixtures.codes import load_make_frames

# UPC-E (GS1 General Specifications §5.2.2.4.2): odd (L) and even (G) parity digit sets
# and the parity pattern chosen by the check digit, for number system 0 (1 inverts it).
_L = [
    "0001101",
    "0011001",
    "0010011",
    "0111101",
    "0100011",
    "0110001",
    "0101111",
    "0111011",
    "0110111",
    "0001011",
]
_G = [
    "0100111",
    "0110011",
    "0011011",
    "0100001",
    "0011101",
    "0111001",
    "0000101",
    "0010001",
    "0001001",
    "0010111",
]
_PARITY = [
    "EEEOOO",
    "EEOEOO",
    "EEOOEO",
    "EEOOOE",
    "EOEEOO",
    "EOOEEO",
    "EOOOEE",
    "EOEOEO",
    "EOEOOE",
    "EOOEOE",
]


def upce_row(code: str) -> np.ndarray:
    """The 51 modules of an 8-digit UPC-E (True = bar), guards included."""
    parity = _PARITY[int(code[7])]
    if code[0] == "1":
        parity = parity.translate(str.maketrans("OE", "EO"))
    digits = "".join(
        (_L if p == "O" else _G)[int(d)] for d, p in zip(code[1:7], parity, strict=True)
    )
    return np.array([b == "1" for b in "101" + digits + "010101"], dtype=bool)


def linear_label(row: np.ndarray, module_px: float, height: int, quiet: int = 9) -> Image:
    """A crisp label: bars ``height`` pixels tall, ``module_px`` pixels per module."""
    padded = np.pad(row, (quiet, quiet)).astype(np.uint8) * 255
    width = round(padded.size * module_px)
    line = cv2.resize(padded[None, :], (width, 1), interpolation=cv2.INTER_AREA)[0]
    bars = np.where(line > 127, 0, 255).astype(np.uint8)
    return np.repeat(bars[None, :], height, axis=0)


def close_up(label: Image, seed: int, blur: float = 0.0, noise: float = 0.0) -> Image:
    """The label filling a frame, as a phone held close to a product would see it."""
    rng = np.random.default_rng(seed)
    frame = np.pad(label, ((12, 12), (4, 4)), constant_values=235).astype(np.float64)
    if blur:
        frame = np.asarray(cv2.GaussianBlur(frame, (0, 0), blur), dtype=np.float64)
    frame = frame + rng.normal(0.0, noise, frame.shape) if noise else frame
    gray = np.clip(frame, 0, 255).astype(np.uint8)
    ok, jpeg = cv2.imencode(".jpg", gray, [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return np.asarray(cv2.imdecode(jpeg, cv2.IMREAD_COLOR), dtype=np.uint8)


def ean8_row(payload: str) -> np.ndarray:
    return np.asarray(load_make_frames().code_modules("ean8", payload)[0], dtype=bool)


CLOSE_UPS = {
    "ean8-crisp": (ean8_row("96385074"), 4.0, 200, 0.0, 0.0),
    "ean8-soft": (ean8_row("12345670"), 3.0, 150, 1.2, 4.0),
    "ean8-small-frame": (ean8_row("55123457"), 2.0, 60, 0.0, 2.0),
    "upce-crisp": (upce_row("04252614"), 4.0, 160, 0.0, 0.0),
    "upce-soft": (upce_row("01234565"), 3.0, 120, 1.0, 5.0),
    "upce-small-frame": (upce_row("06543217"), 2.0, 50, 0.0, 2.0),
}


@pytest.mark.parametrize("name", sorted(CLOSE_UPS))
def test_the_cascade_reads_whatever_a_raw_library_reads_in_a_close_up(name: str) -> None:
    row, module_px, height, blur, noise = CLOSE_UPS[name]
    frame = close_up(linear_label(row, module_px, height), seed=len(name), blur=blur, noise=noise)
    raw = {identity(c) for lib in (ZxingBackend(), PyzbarBackend()) for c in lib.decode(frame)}
    assert raw, f"{name}: neither raw library reads this frame, so it proves nothing"
    ours = {identity(c) for c in make_decoder("zxing").decode(frame)}
    assert raw <= ours, f"{name}: raw libraries read {raw}, the cascade {ours}"


def test_a_close_up_upce_is_read_once_whichever_library_spells_it() -> None:
    """zxing-cpp says UPC-E, ZBar says its 13-digit EAN form: one code, not two."""
    frame = close_up(linear_label(upce_row("04252614"), 4.0, 160), seed=1)
    codes = make_decoder("zxing").decode(frame)
    assert [identity(c) for c in codes] == ["00042100005264"]
    assert codes[0].format == "UPCE"
