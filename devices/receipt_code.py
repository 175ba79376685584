"""A till's own receipt number read back from the receipt's Code 128 (the Return flow).

Why the devices package knows this shape: a receipt number is ``<till>-<UTC time, 14
digits>-<6 hex of the sale id>`` (``till.core.sale.new_receipt_no``), and its 14-digit time
is Luhn-valid one time in ten. Without this rule the router would take it for a payment card
number and mask the whole read (PCI DSS 3.4), so a cashier scanning a receipt for a return
would be told to type it. The shape cannot be a card number: ISO/IEC 7812 numbers have no
letters, and no card is printed as a group of 14 digits between dashes.
"""

from __future__ import annotations

import re

RECEIPT_MESSAGE = "This is a receipt: press F12 (Return) to take goods back on it."

_TILL_RECEIPT = re.compile(
    r"(?P<till>[A-Za-z0-9_]{1,32})-(?P<stamp>[0-9]{14})-(?P<sale>[0-9A-F]{6})"
)


def till_receipt_number(text: str) -> str | None:
    """The receipt number a scan carries when it is exactly one printed by a till."""
    value = text.strip()
    return value if _TILL_RECEIPT.fullmatch(value) else None
