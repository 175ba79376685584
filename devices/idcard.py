"""Driving licences and identity cards: recognised so they are refused, and never kept.

A cashier handed a driving licence instead of a loyalty card swipes it in the same reader,
and the licence number must never become a member reference, appear on a screen or reach a
log (it identifies a person). The AAMVA DL/ID Card Design Standard (Annex F, optional
magnetic stripe; Annex D, PDF417 bar code) fixes what such cards carry:

- track 1 (7-bit): state or province code (2 letters), city, ``^``, name with ``$`` between
  its parts, ``^``, address, ``^``;
- track 2 (5-bit): the jurisdiction's ISO/IEC 7812 IIN (``636xxx``, some ``6044xx``), the
  licence number, ``=``, expiry YYMM, birth date CCYYMMDD;
- track 3 (7-bit): template and security versions, postal code, class... Readers mark it
  with their own start sentinel: MagTek ``#`` (AAMVA) and ``!`` (California DL) in the USB
  keyboard manuals, ID TECH MiniMag ``%`` (AAMVA) and ``!`` (old California DL).
- PDF417: ``@`` LF RS CR, then ``ANSI `` (or ``AAMVA`` before 2000) and the 6-digit IIN.
"""

from __future__ import annotations

import re

LICENCE_MESSAGE = (
    "This is a driving licence, not a loyalty card. Hand it back and ask for the loyalty "
    "card, the member QR code or the phone number."
)
LICENCE_KEPT = "Identity document: its data is neither shown nor kept."

#: Track 3 start sentinels that only identity documents use (MagTek: '#' AAMVA, '!' CA DL).
LICENCE_TRACK3_SENTINELS = frozenset("#!")

# US states, DC and territories, Canadian provinces and territories (AAMVA jurisdictions).
_JURISDICTIONS = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "AS",
        "GU",
        "MP",
        "PR",
        "VI",
        "AB",
        "BC",
        "MB",
        "NB",
        "NL",
        "NS",
        "NT",
        "NU",
        "ON",
        "PE",
        "QC",
        "SK",
        "YT",
    ]
)
_TRACK1 = re.compile(r"([A-Z]{2})[A-Z .'\-]{0,13}\^([^^?]*)(\^?)")
_TRACK2 = re.compile(r"(?:636[0-9]{3}|6044[0-9]{2})[0-9]{1,13}=[0-9]{4}(?:19|20)[0-9]{2}")
_PDF417 = re.compile(r"@[\n\r\x1e ]{0,4}(?:ANSI ?|AAMVA)[0-9]{6}")


def is_licence_track1(body: str) -> bool:
    """Track 1 in AAMVA layout: jurisdiction + city, then a ``$``-separated name or 3 fields."""
    m = _TRACK1.match(body.upper())
    if m is None or m.group(1) not in _JURISDICTIONS:
        return False
    return "$" in m.group(2) or bool(m.group(3))


def is_licence_track2(body: str) -> bool:
    """Track 2 in AAMVA layout: licence IIN, number, ``=``, expiry and a birth date."""
    return _TRACK2.match(body) is not None


def is_licence_barcode(text: str) -> bool:
    """An AAMVA PDF417 payload (the back of a North American driving licence)."""
    return _PDF417.match(text) is not None
