"""ZBar with a scan density: pyzbar's ``decode`` scans every pixel row and column.

Why: ZBar finds linear codes along scan lines, and a code is dozens of rows tall, so every
second line finds nearly all of them (on the zxing/zxing-cpp black-box sets: 484 of 490
reads) in half the time. The cascade's whole-frame ZBar pass runs on every frame that
zxing-cpp leaves without a code, so its cost is most of the cascade's overhead. pyzbar's
``decode`` does not expose the density setting (``ZBAR_CFG_X_DENSITY`` /
``ZBAR_CFG_Y_DENSITY``), so this drives ZBar through pyzbar's own ctypes wrapper.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

from pyzbar import wrapper as zb

from devices.decoding.code import Image


@dataclass(frozen=True)
class ZbarSymbol:
    """One ZBar result: its data, ZBar type name, bounding box and scan-line quality."""

    data: bytes
    type: str
    rect: tuple[int, int, int, int]  # left, top, width, height
    quality: int


def scan(gray: Image, density: int = 1) -> list[ZbarSymbol]:
    """ZBar on a contiguous 8-bit gray image, every ``density``-th row and column.

    Unlike pyzbar's ``decode``, UPC-E and UPC-A come back as such (see below).
    """
    height, width = gray.shape[:2]
    pixels = gray.tobytes()
    scanner: Any = zb.zbar_image_scanner_create()
    if not scanner:
        raise MemoryError("ZBar could not create an image scanner")
    try:
        zb.zbar_image_scanner_set_config(scanner, 0, zb.ZBarConfig.CFG_X_DENSITY, density)
        zb.zbar_image_scanner_set_config(scanner, 0, zb.ZBarConfig.CFG_Y_DENSITY, density)
        # Enabled explicitly, ZBar reports UPC-E and UPC-A as themselves instead of their
        # 13-digit EAN forms: a UPC-E read must stay a UPC-E, a weak symbology.
        for kind in (zb.ZBarSymbol.UPCE, zb.ZBarSymbol.UPCA):
            zb.zbar_image_scanner_set_config(scanner, kind, zb.ZBarConfig.CFG_ENABLE, 1)
        image: Any = zb.zbar_image_create()
        if not image:
            raise MemoryError("ZBar could not create an image")
        try:
            zb.zbar_image_set_format(image, _fourcc("Y800"))
            zb.zbar_image_set_size(image, width, height)
            zb.zbar_image_set_data(
                image, ctypes.cast(ctypes.c_char_p(pixels), ctypes.c_void_p), len(pixels), None
            )
            if zb.zbar_scan_image(scanner, image) < 0:
                raise ValueError("ZBar refused the image format")
            return list(_symbols(image))
        finally:
            zb.zbar_image_destroy(image)
    finally:
        zb.zbar_image_scanner_destroy(scanner)


def _fourcc(code: str) -> int:
    a, b, c, d = (ord(ch) for ch in code)
    return a | (b << 8) | (c << 16) | (d << 24)


def _symbols(image: Any) -> list[ZbarSymbol]:
    found = []
    symbol = zb.zbar_image_first_symbol(image)
    while symbol:
        data = ctypes.string_at(
            zb.zbar_symbol_get_data(symbol), zb.zbar_symbol_get_data_length(symbol)
        )
        try:
            kind = zb.ZBarSymbol(symbol.contents.type).name
        except ValueError:
            kind = f"unknown-{symbol.contents.type}"
        points = [
            (zb.zbar_symbol_get_loc_x(symbol, i), zb.zbar_symbol_get_loc_y(symbol, i))
            for i in range(zb.zbar_symbol_get_loc_size(symbol))
        ]
        xs = [p[0] for p in points] or [0]
        ys = [p[1] for p in points] or [0]
        rect = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        found.append(ZbarSymbol(data, kind, rect, int(zb.zbar_symbol_get_quality(symbol))))
        symbol = zb.zbar_symbol_next(symbol)
    return found
