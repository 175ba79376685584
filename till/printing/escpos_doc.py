"""A :class:`~till.printing.layout.Receipt` as the exact ESC/POS bytes a printer receives.

Why render into python-escpos's ``Dummy`` first and send the bytes afterwards: the bytes
the golden-file tests check (tests/data/receipts/*.bin) are then exactly the bytes a real
printer gets, whatever the transport (USB, serial, TCP port 9100, device file), and the
layout work happens before any device is opened — a printer that is off costs no layout.

Commands (Epson ESC/POS): ``ESC @`` initialise; ``ESC a`` justification, ``ESC E``
emphasis, ``GS !`` size; ``GS k`` (function B, type 73) Code 128 with code set B; ``GS ( k``
(cn 49) QR code model 2, error correction M, printed by the printer itself; ``GS V`` cut.
Text is encoded by python-escpos's MagicEncode, which selects a code page (``ESC t``) for
characters outside ASCII.
"""

from __future__ import annotations

from typing import Any

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from till.printing.layout import Barcode, QrCode, Receipt, Text

ESC_INIT = b"\x1b@"
CODE128_COMMAND = b"\x1dkI"  # GS k m=73: Code 128, function B
QR_COMMAND = b"\x1d(k"  # GS ( k: 2D symbol functions
# Printable width in dots at 203 dpi: 58 mm rolls (32 columns) 384, 80 mm rolls (48) 576.
PRINTABLE_DOTS = {32: 384, 48: 576}
_SHIFT_C, _SHIFT_B = b"{C", b"{B"


def code128_data(text: str) -> bytes:
    """ESC/POS Code 128 data for ``text``: code set B, with runs of 4+ digits (an even
    count) in code set C, two digits a symbol (ISO/IEC 15417 section 4.3.4: code set C
    halves the width of digit runs). A receipt number such as ``T1-20261201120000-AB12CD``
    then fits an 80 mm roll at 2-dot modules."""
    out, i = bytearray(_SHIFT_B), 0
    current = "B"
    while i < len(text):
        run = 0
        while i + run < len(text) and text[i + run].isdigit():
            run += 1
        run -= run % 2
        if run >= 4:
            if current != "C":
                out += _SHIFT_C
                current = "C"
            out += bytes(int(text[j : j + 2]) for j in range(i, i + run, 2))
            i += run
            continue
        if current != "B":
            out += _SHIFT_B
            current = "B"
        out += text[i].encode("ascii", "replace")
        i += 1
    return bytes(out)


def code128_modules(data: bytes) -> int:
    """Modules of the symbol: 11 per symbol (start, data, shifts, check) and 13 for stop."""
    body = data[2:]  # the leading "{B" is the start symbol
    shifts = body.count(b"{")  # a code set change: 2 bytes, 1 symbol ("{" is not in receipts)
    symbols = len(body) - shifts
    return 11 * (1 + symbols + 1) + 13


def _code128(p: Any, text: str, dots: int) -> None:
    """``GS k`` function B, m=73, under the text, centred, 60 dots tall; modules 2 dots wide
    when the symbol fits the paper (80 mm), else 1 dot (58 mm rolls with long receipt
    numbers: 0.125 mm bars, which a 2D imager reads). Built here because python-escpos
    allows widths 2-6 only."""
    data = code128_data(text)
    width = 2 if code128_modules(data) * 2 <= dots else 1
    p._raw(b"\x1ba\x01" + b"\x1dh\x3c" + bytes([0x1D, 0x77, width]) + b"\x1df\x00\x1dH\x02")
    p._raw(CODE128_COMMAND + bytes([len(data)]) + data)


def render(receipt: Receipt, profile: str = "") -> bytes:
    """The receipt's ESC/POS bytes for a printer of python-escpos ``profile`` ("": default)."""
    p = Dummy(profile=profile) if profile else Dummy()
    p.hw("INIT")
    for block in receipt.blocks:
        if isinstance(block, Text):
            p.set(
                align=block.align, bold=block.bold, double_height=block.tall, normal_textsize=True
            )
            p.textln(block.text)
            if block.bold or block.tall or block.align != "left":
                p.set(align="left", bold=False, normal_textsize=True)
        elif isinstance(block, Barcode):
            _code128(p, block.data, PRINTABLE_DOTS.get(receipt.columns, 384))
            p.set(align="left")
            p.ln()
        elif isinstance(block, QrCode):
            p.set(align="center")
            p.qr(block.data, ec=QR_ECLEVEL_M, size=block.size, native=True)
            p.ln()
            p.set(align="left")
    p.cut()
    return bytes(p.output)
