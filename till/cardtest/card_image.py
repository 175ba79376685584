"""Print-ready card fronts: the card number as Code 128, as QR and in plain text.

Why (seed 001): the number should be printed on the card in case the magnetic stripe is
damaged, and also carried by a 1D or 2D barcode so a presentation scanner or camera can read
the card when the stripe can't. The stripe sits on the back in its ISO/IEC 7811 position, so
the front is free for the codes.

Size: ID-1 of ISO/IEC 7810, 85.60 x 53.98 mm. Both outputs share one layout computed in dots
of 1/300 inch: the PNG is 1011 x 638 pixels with 300 dpi recorded in the file, and the SVG
declares its width and height in millimetres with a viewBox in the same dots, so either
prints at exactly card size. Bars and QR modules are whole dots (no resampling blur): the
Code 128 X-dimension is 4 dots (0.34 mm) when the number fits, never under 2 (0.17 mm).

Encoding is done by the libraries the project ships (python-barcode for Code 128, qrcode for
QR); this module only places their modules on the card.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import barcode
import barcode.charsets.code128
import barcode.codex
import qrcode
from PIL import Image, ImageDraw, ImageFont

CARD_WIDTH_MM = 85.60  # ISO/IEC 7810 ID-1
CARD_HEIGHT_MM = 53.98
DPI = 300
MM_PER_INCH = 25.4
WIDTH_DOTS = CARD_WIDTH_MM / MM_PER_INCH * DPI  # 1011.02
HEIGHT_DOTS = CARD_HEIGHT_MM / MM_PER_INCH * DPI  # 637.56
PNG_SIZE = (round(WIDTH_DOTS), round(HEIGHT_DOTS))

MARGIN = 48  # 4 mm
CODE128_QUIET_MODULES = 10  # ISO/IEC 15417: quiet zone of at least 10 X each side
QR_QUIET_MODULES = 4  # ISO/IEC 18004
QR_MODULE = 8  # dots (0.68 mm)
BAR_HEIGHT = 150  # dots (12.7 mm)
NUMBER_FONT = 46
TITLE_FONT = 40


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True)
class CardLayout:
    """Where each dark module and each text goes, in dots from the card's top-left corner."""

    number: str
    title: str
    bars: tuple[Box, ...]  # Code 128 bars
    qr: tuple[Box, ...]  # QR dark modules
    code128_area: Box  # bars plus quiet zones
    qr_area: Box  # symbol plus quiet zone
    number_at: tuple[int, int]  # baseline-left of the printed number
    title_at: tuple[int, int]


class CardImageError(ValueError):
    """The number cannot be put on a card as asked."""


class _Code128(barcode.codex.Code128):  # type: ignore[misc]
    """python-barcode's Code 128 without its leading-"99" bug (0.16.1, fixed upstream later).

    Its optimisation folds "Start C + switch code" into one start code, but after Start C
    the value 99 is the data pair "99", not a switch (ISO/IEC 15417 code set C: values 0-99
    are digit pairs; 100 and 101 switch to B and A). Folding it silently dropped the digits:
    "9912345678" became a barcode of "12345678".
    """

    def _try_to_optimize(self, encoded: list[int]) -> list[int]:
        start_c = barcode.charsets.code128.START_CODES["C"]
        switch = barcode.charsets.code128.TO
        if len(encoded) > 1 and encoded[0] == start_c and encoded[1] in (100, 101):
            encoded[:2] = [switch[encoded[1]]]
        return encoded


def code128_modules(number: str) -> str:
    """Code 128 modules ('1' dark, '0' light) for ``number``, start/check/stop included."""
    built = _Code128(number).build()
    return str(built[0])


def qr_matrix(number: str) -> list[list[bool]]:
    """QR modules without quiet zone; error correction M survives scratches on a card."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(number)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def _runs(modules: str) -> list[tuple[int, int]]:
    """(start, length) of each dark run: one rectangle per bar."""
    runs: list[tuple[int, int]] = []
    start = -1
    for i, bit in enumerate(modules + "0"):
        if bit == "1" and start < 0:
            start = i
        elif bit != "1" and start >= 0:
            runs.append((start, i - start))
            start = -1
    return runs


def layout(number: str, title: str = "Loyalty card") -> CardLayout:
    """Place the QR at the right, the Code 128 and the printed number at the bottom left."""
    if not number or not number.isascii() or not number.isprintable():
        raise CardImageError("A card number of printable ASCII characters is needed.")
    matrix = qr_matrix(number)
    qr_side = len(matrix) * QR_MODULE
    qr_area_side = qr_side + 2 * QR_QUIET_MODULES * QR_MODULE
    # The symbol ends at the margin; its quiet zone may lie in the margin.
    quiet = QR_QUIET_MODULES * QR_MODULE
    qr_area = Box(
        round(WIDTH_DOTS) - MARGIN - qr_side - quiet,
        round(HEIGHT_DOTS) - MARGIN - qr_side - quiet,
        qr_area_side,
        qr_area_side,
    )
    qr_x = qr_area.x + quiet
    qr_y = qr_area.y + quiet
    qr = tuple(
        Box(qr_x + c * QR_MODULE, qr_y + r * QR_MODULE, QR_MODULE, QR_MODULE)
        for r, row in enumerate(matrix)
        for c, dark in enumerate(row)
        if dark
    )

    modules = code128_modules(number)
    room = qr_area.x - MARGIN  # the quiet zones may touch, the symbols may not overlap
    total_modules = len(modules) + 2 * CODE128_QUIET_MODULES
    x_dim = next((d for d in (4, 3, 2) if total_modules * d <= room), 0)
    if not x_dim:
        raise CardImageError(
            f"The number {number!r} is too long for a Code 128 on an ID-1 card; "
            "use a shorter card number."
        )
    text_height = NUMBER_FONT + 16
    bars_y = round(HEIGHT_DOTS) - MARGIN - text_height - BAR_HEIGHT
    code_area = Box(MARGIN, bars_y, total_modules * x_dim, BAR_HEIGHT)
    bars_x = MARGIN + CODE128_QUIET_MODULES * x_dim
    bars = tuple(
        Box(bars_x + start * x_dim, bars_y, length * x_dim, BAR_HEIGHT)
        for start, length in _runs(modules)
    )
    return CardLayout(
        number=number,
        title=title,
        bars=bars,
        qr=qr,
        code128_area=code_area,
        qr_area=qr_area,
        number_at=(bars_x, round(HEIGHT_DOTS) - MARGIN),
        title_at=(MARGIN, MARGIN + TITLE_FONT),
    )


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSansMono.ttf", "LiberationMono-Regular.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def card_png(number: str, title: str = "Loyalty card") -> bytes:
    """The card front as PNG bytes, 1011 x 638 pixels, 300 dpi recorded in the file."""
    card = layout(number, title)
    image = Image.new("L", PNG_SIZE, 255)
    draw = ImageDraw.Draw(image)
    for box in (*card.bars, *card.qr):
        draw.rectangle((box.x, box.y, box.x + box.w - 1, box.y + box.h - 1), fill=0)
    draw.text(card.title_at, card.title, fill=0, font=_font(TITLE_FONT), anchor="ls")
    draw.text(card.number_at, card.number, fill=0, font=_font(NUMBER_FONT), anchor="ls")
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


def card_svg(number: str, title: str = "Loyalty card") -> str:
    """The card front as SVG, sized in millimetres (ID-1), coordinates in 1/300 inch."""
    card = layout(number, title)
    rects = "".join(
        f'<rect x="{b.x}" y="{b.y}" width="{b.w}" height="{b.h}"/>' for b in (*card.bars, *card.qr)
    )
    font = "DejaVu Sans Mono, Liberation Mono, monospace"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
        f'width="{CARD_WIDTH_MM:.2f}mm" height="{CARD_HEIGHT_MM:.2f}mm" '
        f'viewBox="0 0 {WIDTH_DOTS:.2f} {HEIGHT_DOTS:.2f}" shape-rendering="crispEdges">\n'
        f"<title>{escape(card.title)} {escape(card.number)}</title>\n"
        f'<rect width="{WIDTH_DOTS:.2f}" height="{HEIGHT_DOTS:.2f}" fill="#fff"/>\n'
        f'<g fill="#000">{rects}</g>\n'
        f'<text x="{card.title_at[0]}" y="{card.title_at[1]}" font-family="{font}" '
        f'font-size="{TITLE_FONT}">{escape(card.title)}</text>\n'
        f'<text x="{card.number_at[0]}" y="{card.number_at[1]}" font-family="{font}" '
        f'font-size="{NUMBER_FONT}">{escape(card.number)}</text>\n'
        "</svg>\n"
    )


def write_card(
    number: str, directory: Path, formats: tuple[str, ...] = ("svg", "png"), title: str = ""
) -> list[Path]:
    """Write ``<number>.svg`` / ``<number>.png`` into ``directory``; returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = directory / f"{number}.{fmt}"
        if fmt == "png":
            path.write_bytes(card_png(number, title or "Loyalty card"))
        elif fmt == "svg":
            path.write_text(card_svg(number, title or "Loyalty card"), encoding="utf-8")
        else:
            raise CardImageError(f"Unknown image format {fmt!r}: use svg or png.")
        written.append(path)
    return written
