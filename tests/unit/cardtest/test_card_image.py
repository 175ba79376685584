"""Card fronts: ID-1 size, 300 dpi, and both codes decode back to the card number."""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from PIL import Image

from devices.decoder import make_decoder
from till.cardtest.card_image import CardImageError, card_png, card_svg, layout, write_card

# Leading "99" pairs: python-barcode 0.16.1 dropped them from Code 128 (card_image works round it).
NUMBERS = ["408822552", "40000001", "1234567890123456789", "9912345678", "99999999", "990000017"]


def _decode(gray: np.ndarray, number: str) -> dict[str, str]:
    """Decode the Code 128 and the QR each on its own (the decoder merges equal texts)."""
    card = layout(number)
    decoder = make_decoder("zxing")
    found = {}
    for area in (card.code128_area, card.qr_area):
        pad = 20
        crop = gray[
            max(area.y - pad, 0) : area.y + area.h + pad,
            max(area.x - pad, 0) : area.x + area.w + pad,
        ]
        found.update(
            {code.format: code.text for code in decoder.decode(np.ascontiguousarray(crop))}
        )
    return found


@pytest.mark.parametrize("number", NUMBERS)
def test_png_decodes_back_to_the_number_with_the_project_decoder(number):
    image = Image.open(io.BytesIO(card_png(number)))
    assert image.size == (1011, 638)  # 85.60 x 53.98 mm at 300 dpi
    assert tuple(round(d) for d in image.info["dpi"]) == (300, 300)
    found = _decode(np.asarray(image.convert("L")), number)
    assert found == {"Code128": number, "QRCode": number}


def test_svg_is_card_sized_in_millimetres_and_decodes_back(qapp):
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    number = "408822552"
    svg = card_svg(number)
    assert re.search(r'width="85\.60mm" height="53\.98mm"', svg)
    assert f">{number}</text>" in svg  # the number printed in text too (seed 001)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    assert renderer.isValid()
    image = QImage(1011, 638, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    gray = buffer.reshape(height, stride)[:, :width].copy()
    assert _decode(gray, number) == {"Code128": number, "QRCode": number}


def test_codes_stay_apart_and_inside_the_card():
    card = layout("1234567890123456789")
    assert card.code128_area.x + card.code128_area.w <= card.qr_area.x
    for box in (*card.bars, *card.qr):
        assert box.x >= 0 and box.x + box.w <= 1011
        assert box.y >= 0 and box.y + box.h <= 638


def test_unprintable_or_too_long_numbers_are_refused():
    with pytest.raises(CardImageError):
        layout("")
    with pytest.raises(CardImageError, match="too long"):
        layout("X" * 60)


def test_write_card_writes_both_formats(tmp_path):
    paths = write_card("40000001", tmp_path / "img")
    assert [p.name for p in paths] == ["40000001.svg", "40000001.png"]
    assert all(p.stat().st_size > 1000 for p in paths)
