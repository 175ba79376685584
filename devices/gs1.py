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
