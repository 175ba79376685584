"""GS1 retail-code arithmetic shared by the read router and the camera decoder.

Why one module: the router rules product barcodes out before member lookup and the decoder
rejects misreads by the same check digit; two copies could drift apart and let a product
code through one path that the other refuses.
"""

from __future__ import annotations


def gs1_check_ok(digits: str) -> bool:
    """GS1 mod-10 check digit (EAN-8, UPC-A, EAN-13, GTIN-14): weights 3,1,3,... from the right."""
    if len(digits) < 2 or not (digits.isascii() and digits.isdigit()):
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def expand_upce(digits: str) -> str:
    """Expand 8 UPC-E digits to the 12-digit UPC-A (the check digit is the UPC-A one).

    No validation: callers decide what an unexpandable read means (the router rejects
    number systems other than 0 and 1; the decoder checks the result's check digit).
    """
    ns, d, check = digits[0], digits[1:7], digits[7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    return ns + body + check


# -- GS1 element strings (GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR) -------------------

#: FNC1 as scanners and decoders transmit it between variable-length fields (ASCII GS).
GS = "\x1d"
#: AIM symbology identifiers that announce GS1 element strings (ISO/IEC 15424; GS1 General
#: Specifications 5.4): GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR Code, GS1 DotCode.
GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})
#: Application identifiers that name a trade item: the code is a product.
PRODUCT_AIS = frozenset({"01", "02"})

# Length of the AI itself, by its first two digits (GS1 General Specifications 3.2: the
# first two digits fix how long the AI is).
_AI_LENGTH: dict[str, int] = {
    **{p: 2 for p in ("00", "01", "02", "10", "11", "12", "13", "15", "16", "17", "20")},
    **{p: 2 for p in ("21", "22", "30", "37", *(str(n) for n in range(90, 100)))},
    **{p: 3 for p in ("23", "24", "25", "40", "41", "42", "43")},
    **{p: 4 for p in ("31", "32", "33", "34", "35", "36", "39", "70", "71", "72", "80", "81")},
}
# Fixed data lengths (GS1 General Specifications figure 5.10.1-2, "predefined length"); every
# other AI is variable-length, ended by FNC1 (GS) or by the end of the data.
_FIXED: dict[str, int] = {
    "00": 18,
    "01": 14,
    "02": 14,
    "11": 6,
    "12": 6,
    "13": 6,
    "15": 6,
    "16": 6,
    "17": 6,
    "20": 2,
    "402": 17,
    "422": 3,
    "424": 3,
    "426": 3,
    "7001": 13,
    "7003": 10,
    "8001": 14,
    "8005": 6,
    "8006": 18,
    "8017": 18,
    "8018": 18,
    **{f"41{n}": 13 for n in range(8)},
}
_MAX_VARIABLE = 90  # the longest variable-length field (AIs 91-99)


def _fixed_length(ai: str) -> int | None:
    if ai in _FIXED:
        return _FIXED[ai]
    if ai[:2] in ("31", "32", "33", "34", "35", "36"):
        return 6  # measures: 4-digit AI with the decimal point position, 6 digits
    return None


def parse_element_string(text: str) -> tuple[tuple[str, str], ...] | None:
    """``(AI, value)`` pairs of a GS1 element string, or None when it is not one.

    ``text`` is the data after the symbology identifier; FNC1 separators arrive as GS (a
    leading one, as some scanners send for the first FNC1, is skipped).
    """
    data = text.lstrip(GS)
    fields: list[tuple[str, str]] = []
    pos, n = 0, len(data)
    while pos < n:
        ai_length = _AI_LENGTH.get(data[pos : pos + 2])
        ai = data[pos : pos + ai_length] if ai_length else ""
        if not ai_length or len(ai) != ai_length or not (ai.isascii() and ai.isdigit()):
            return None
        pos += ai_length
        fixed = _fixed_length(ai)
        if fixed is not None:
            value = data[pos : pos + fixed]
            if len(value) != fixed or GS in value:
                return None
            pos += fixed
        else:
            end = data.find(GS, pos)
            end = n if end < 0 else end
            value = data[pos:end]
            if not value or len(value) > _MAX_VARIABLE:
                return None
            pos = end
        fields.append((ai, value))
        if pos < n and data[pos] == GS:
            pos += 1
    return tuple(fields) if fields else None


def human_readable(fields: tuple[tuple[str, str], ...]) -> str:
    """The element string as printed under the bars: ``(01)09506000134352(17)201225``."""
    return "".join(f"({ai}){value}" for ai, value in fields)
