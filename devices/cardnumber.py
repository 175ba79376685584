"""Card-number arithmetic shared by parsers, routing, logging and batch generation.

The Luhn check is ISO/IEC 7812-1 Annex B; masking keeps the first six and last four digits,
the most PCI DSS allows to be displayed.
"""

from __future__ import annotations


def luhn_checksum_ok(digits: str) -> bool:
    """True when ``digits`` (only 0-9, at least 2) passes the ISO/IEC 7812-1 Luhn check."""
    if len(digits) < 2 or not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_check_digit(digits: str) -> str:
    """The check digit that makes ``digits + check`` Luhn-valid."""
    if not digits.isascii() or not digits.isdigit():
        raise ValueError("Luhn check digits are computed over decimal digits only")
    for candidate in "0123456789":
        if luhn_checksum_ok(digits + candidate):
            return candidate
    raise AssertionError("unreachable: one of ten digits always completes a Luhn number")


def mask_pan(pan: str) -> str:
    """Mask a payment card number: first 6 and last 4 digits visible (PCI DSS 3.4).

    Numbers too short to keep 10 digits visible and still hide some are masked entirely
    except the last four.
    """
    digits = "".join(ch for ch in pan if ch.isdigit())
    if len(digits) >= 13:
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    if len(digits) > 4:
        return "*" * (len(digits) - 4) + digits[-4:]
    return "*" * len(digits)


def looks_like_pan(digits: str) -> bool:
    """A 13-19 digit Luhn-valid number: what ISO/IEC 7812 payment card numbers look like."""
    return 13 <= len(digits) <= 19 and luhn_checksum_ok(digits)


# Issuer identification number (IIN) prefixes of the payment-card networks, as the networks
# publish them (ISO/IEC 7812-1 numbering; Visa, Mastercard incl. the 2-series, American
# Express, Discover/Diners/JCB/UnionPay, Maestro, Mir, RuPay, Troy). Prefix ranges are written
# as (low, high) over a fixed number of leading digits.
_NETWORK_RANGES: tuple[tuple[str, str, str], ...] = (
    ("Visa", "4", "4"),
    ("Mastercard", "51", "55"),
    ("Mastercard", "2221", "2720"),
    ("Mir", "2200", "2204"),
    ("American Express", "34", "34"),
    ("American Express", "37", "37"),
    ("Diners Club", "300", "305"),
    ("Diners Club", "36", "36"),
    ("Diners Club", "38", "39"),
    ("JCB", "3528", "3589"),
    ("Discover", "6011", "6011"),
    ("Discover", "644", "649"),
    ("Discover", "65", "65"),
    ("UnionPay", "62", "62"),
    ("Maestro", "50", "50"),
    ("Maestro", "56", "58"),
    ("Maestro", "6304", "6304"),
    ("Maestro", "67", "67"),
    ("RuPay", "60", "60"),
    ("RuPay", "81", "82"),
    ("Troy", "9792", "9792"),
)


def card_network(pan: str) -> str | None:
    """The payment network whose IIN range holds ``pan`` (digits only), or None."""
    if not (pan.isascii() and pan.isdigit()):
        return None
    for name, low, high in _NETWORK_RANGES:
        head = pan[: len(low)]
        if len(head) == len(low) and low <= head <= high:
            return name
    return None


def plausible_expiry(yymm: str) -> bool:
    """An ISO/IEC 7813 expiry date YYMM: four digits with a month 01-12 (``0000`` is not)."""
    return len(yymm) == 4 and yymm.isascii() and yymm.isdigit() and 1 <= int(yymm[2:]) <= 12


def valid_service_code(code: str) -> bool:
    """An ISO/IEC 7813 service code: interchange 1/2/5/6/7/9, authorisation 0/2/4, PIN 0-7."""
    return len(code) == 3 and code[0] in "125679" and code[1] in "024" and code[2] in "01234567"


def is_bank_pan(digits: str) -> bool:
    """A 12-19 digit, Luhn-valid number: the shape of an ISO/IEC 7812 payment card number."""
    return 12 <= len(digits) <= 19 and luhn_checksum_ok(digits)
