"""Symbology facts both backends share: names, AIM identifiers, GS1 check digits.

Why: pyzbar reports ZBar type names and no AIM identifier, zxing-cpp reports its own names
and the identifier. The till keys on the AIM symbology identifier (ISO/IEC 15424: ``]`` +
symbology letter + modifier) and on one set of format names, so ZBar's are mapped here.
"""

from __future__ import annotations

from dataclasses import replace

from devices.decoding.code import DecodedCode
from devices.gs1 import expand_upce, gs1_check_ok

# ZBar type -> (zxing-cpp format name, AIM identifier per ISO/IEC 15424).
# Modifiers are the plain ones: ZBar does not say whether a check character was verified
# and transmitted (Code 39, ITF) or whether FNC1 marked GS1 data (Code 128 ]C1), so the
# identifiers claim nothing beyond the symbology.
ZBAR_TYPES: dict[str, tuple[str, str]] = {
    "EAN13": ("EAN13", "]E0"),
    "EAN8": ("EAN8", "]E4"),
    "UPCA": ("UPCA", "]E0"),
    "UPCE": ("UPCE", "]E0"),
    "ISBN13": ("EAN13", "]E0"),
    "ISBN10": ("EAN13", "]E0"),
    "EAN2": ("EAN2", "]E1"),
    "EAN5": ("EAN5", "]E2"),
    "I25": ("ITF", "]I0"),
    "CODE39": ("Code39", "]A0"),
    "CODE93": ("Code93", "]G0"),
    "CODE128": ("Code128", "]C0"),
    "CODABAR": ("Codabar", "]F0"),
    "DATABAR": ("DataBarOmni", "]e0"),
    "DATABAR_EXP": ("DataBarExp", "]e0"),
    "PDF417": ("PDF417", "]L2"),
    "QRCODE": ("QRCode", "]Q1"),
    "SQCODE": ("SQCode", "]X0"),
}

# GS1 retail symbologies: fixed digit counts and a mod-10 check digit.
_GS1_LENGTHS = {"EAN13": 13, "EAN8": 8, "UPCA": 12, "UPCE": 8}
# 2D symbologies with Reed-Solomon error correction: a read checks itself.
MATRIX_FORMATS = frozenset(
    {"QRCode", "MicroQRCode", "RMQRCode", "DataMatrix", "Aztec", "PDF417", "MaxiCode"}
)
# Symbologies with little redundancy: a partial scan line through another code can yield
# a valid-looking read, so one pass alone is not enough evidence (see the cascade).
# Both spellings of the DataBar and ITF names: zxing-cpp 3 reports the variant names.
WEAK_FORMATS = frozenset(
    {"UPCE", "EAN8", "Codabar", "ITF", "ITF14", "DataBar", "DataBarOmni", "EAN2", "EAN5"}
)
_GTIN_FORMATS = frozenset({"EAN13", "EAN8", "UPCA", "UPCE", "DataBar", "DataBarOmni", "ITF14"})


def gs1_check_digit_ok(digits: str) -> bool:
    """GS1 mod-10: weights 3,1,3… from the rightmost data digit (see :mod:`devices.gs1`)."""
    return gs1_check_ok(digits)


def upce_to_upca(digits: str) -> str:
    """Expand an 8-digit UPC-E to its 12-digit UPC-A (the check digit is the UPC-A one)."""
    return expand_upce(digits)


def normalise(code: DecodedCode) -> DecodedCode:
    """One spelling per code: a 13-digit EAN with a leading 0 is the UPC-A it encodes.

    GS1 defines UPC-A as EAN-13 with a leading zero; scanners send it as 12 digits by
    default, and the two libraries disagree on which they report.
    """
    if code.format == "EAN13" and len(code.text) == 13 and code.text.startswith("0"):
        return replace(code, text=code.text[1:], format="UPCA")
    return code


def plausible(code: DecodedCode, *, min_length: int = 1) -> bool:
    """Reject reads that cannot be right: wrong GS1 length or check digit, too short."""
    if len(code.text) < min_length:
        return False
    if any(ord(c) < 32 and c not in "\t\r\n\x1d" for c in code.text):
        return False
    expected = _GS1_LENGTHS.get(code.format)
    if expected is None:
        return True
    text = code.text
    if code.format == "UPCE" and len(text) == 13 and text.isdigit():
        # zxing-cpp spells UPC-E in its 13-digit EAN form; check it as such.
        return gs1_check_digit_ok(text)
    if len(text) != expected:
        return False
    if code.format == "UPCE":
        return text.isdigit() and gs1_check_digit_ok(upce_to_upca(text))
    return gs1_check_digit_ok(text)


def identity(code: DecodedCode) -> str:
    """What a read says, whatever the spelling: a GTIN as 14 digits, else the text.

    ZBar reports a UPC-E as its 13-digit EAN form and zxing-cpp as UPC-E; DataBar comes
    as ``(01)`` + GTIN from zxing-cpp and ``01`` + GTIN from ZBar. Two reads of one code
    must compare equal for the cascade's two-library consensus (GS1 General
    Specifications: GTIN-14 with leading zeros is the one form every GTIN fits).
    """
    text = code.text
    if code.format in ("DataBarExp", "DataBarExpanded"):
        # An element string: zxing-cpp gives it as HRI, "(10)ABC(11)010101", ZBar raw.
        return text.replace("(", "").replace(")", "").replace("\x1d", "")
    if code.format not in _GTIN_FORMATS or not text:
        return text
    if text.startswith("(01)"):
        text = text[4:]
    elif code.format in ("DataBar", "DataBarOmni") and len(text) == 16 and text[:2] == "01":
        text = text[2:]
    if not (text.isascii() and text.isdigit()):
        return code.text
    if code.format == "UPCE" and len(text) == 8:
        text = expand_upce(text)
    return text.zfill(14)
