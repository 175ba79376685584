"""Barcode backup check: does the card's printed code carry the magstripe's reference?

Seed 001 recommends a 1D or 2D barcode with the card number, so a scanner or camera can
serve when the stripe is damaged. That only helps if the barcode carries exactly what the
stripe carries, and if the till takes the scan for a loyalty card: a numeric code whose last
digit happens to be a valid GS1 check digit, scanned by a scanner that sends no symbology
identifier, looks like a product EAN-8 / UPC to the till. Plain Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

_KIND_WORDS = {
    "product_barcode": "a product barcode (EAN/UPC)",
    "phone": "a phone number",
    "unknown": "an unrecognised code",
    "member_qr": "a member QR code",
    "magstripe": "a card swipe",
}


@dataclass(frozen=True)
class BackupVerdict:
    same: bool | None  # None: nothing to compare yet
    sentence: str


def compare(
    magstripe: str | None, scanned: str, kind: str, fmt: str | None = None
) -> BackupVerdict:
    """Compare the magstripe reference with a scan's text; ``kind`` is the router's ReadKind."""
    text = scanned.strip()
    via = f" ({fmt})" if fmt else ""
    if not magstripe:
        return BackupVerdict(
            None,
            f"Scanned {text}{via}. Swipe the card (or type its number) first, then scan its "
            "barcode to compare.",
        )
    if text.upper() == magstripe.upper():
        sentence = f"Barcode{via} and magstripe carry the same reference {magstripe}."
        if kind not in ("member_barcode", "member_qr"):
            sentence += (
                f" But the till takes this scan for {_KIND_WORDS.get(kind, kind)}, not a "
                "loyalty card: configure the scanner to send AIM symbology identifiers, or "
                "choose numbers without a valid GS1 check digit."
            )
            return BackupVerdict(False, sentence)
        return BackupVerdict(True, sentence)
    hint = ""
    if magstripe in text:
        hint = " The barcode holds extra characters: check the scanner's prefix/suffix."
    elif text in magstripe:
        hint = " The barcode holds only part of the number."
    return BackupVerdict(
        False,
        f"Barcode and magstripe differ: magstripe {magstripe}, barcode{via} {text}.{hint}",
    )
