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
