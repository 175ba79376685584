"""Classify every read, from any device, into one :class:`~devices.events.Identified` event.

The order of the questions is the point of this module. A swipe is recognised by its start
sentinel (and only from a reader that did not name a barcode symbology). Then product
barcodes are ruled out *before* anything may be taken for a member - by AIM symbology
``]E``, by decoder format, or, when the scanner says nothing, by a valid GS1 check digit at
EAN/UPC lengths - because a product barcode looked up, "not found" and registered as a new
member's card is the one mistake the till must not make. Then member QR codes (configured
prefix or URL pattern), then phone numbers, which are only believed from typed input or when
their shape cannot be anything else (``+``, ``tel:``, separators): a scanned row of digits is
a card number.

GS1 element strings (``]C1`` GS1-128, ``]e0`` DataBar, ``]d2`` DataMatrix, ``]Q3`` QR, or
FNC1 sent as GS) are split into their application identifiers: AI 01/02 names a trade item,
so the code is a product; any other is shown as its fields and identifies nobody.

Nothing unmasked leaves: bank cards are masked by the magstripe parser; a scanned or typed
Luhn-valid number in a card network's IIN range is a bank card, shown masked; an
unrecognised read that carries a payment-card-like number is summarised, not echoed; a
driving licence (swiped, or its PDF417 scanned) is refused and never shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from devices.card_rules import Check, check_reference, parse_card_ranges
from devices.cardnumber import card_network, is_bank_pan, looks_like_pan, mask_pan
from devices.events import Identified, RawRead, ReadKind
from devices.gs1 import (
    GS,
    GS1_SYMBOLOGIES,
    PRODUCT_AIS,
    expand_upce,
    gs1_check_ok,
    human_readable,
    parse_element_string,
)
from devices.idcard import LICENCE_MESSAGE, is_licence_barcode
from devices.magstripe import BANK_CARD_MESSAGE, SwipeRules, parse_swipe, strip_framing
from devices.receipt_code import RECEIPT_MESSAGE, till_receipt_number
from devices.track_scan import FRAMING

#: Longer reads are no card or code (a QR code holds at most 7089 digits); they are not
#: matched against configurable patterns, which could be slow on huge input.
MAX_CODE_LENGTH = 8192
#: Characters of ``raw`` kept for display and logs.
MAX_RAW_SHOWN = 256

PRODUCT_MESSAGE = "This is a product barcode, not a member code: scan it on the sales screen."
UNKNOWN_MESSAGE = "Not a loyalty card, member code or phone number."

_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_PHONE = re.compile(r"\+?\(?[0-9][0-9 ()\-]*[0-9]")
_PHONE_SEPARATORS = frozenset(" ()-")
_CARD_NUMBER = re.compile(r"[0-9A-Za-z]{8,32}")
# Digit runs a card number may be written as: groups separated by single spaces or dashes.
_DIGIT_RUN = re.compile(r"[0-9](?:[ -]?[0-9])*")
_PRODUCT_FORMATS = frozenset(
    {"EAN13", "EAN8", "UPCA", "UPCE", "ISBN10", "ISBN13", "EAN2", "EAN5", "JAN"}
)
_PHONE_DIGITS = (7, 15)


class DevicesSettingsLike(SwipeRules, Protocol):
    """The fields of the till's ``DevicesConfig`` the router uses (without importing till).

    The swipe parser's rules plus the member QR prefix: declared once in
    :class:`devices.magstripe.SwipeRules` so the two cannot disagree on a field.
    """

    @property
    def member_qr_prefix(self) -> str: ...


@dataclass(frozen=True)
class RouterSettings:
    """What the site configures about its cards and codes.

    ``member_qr_pattern`` is a regular expression the whole read must match, with a named
    group ``ref`` holding the member reference (e.g. ``https://loyalty\\.example/m/(?P<ref>\\w+)``).
    ``card_ranges`` are ``START-END`` strings; an invalid one raises ValueError at once,
    naming it, so a bad setting stops the till at start rather than refusing every card.
    ``keyboard_sources`` name the ``RawRead.source`` of typed input (also any source starting
    with ``keyboard:``): only there are bare digits believed to be a phone number.
    """

    member_qr_prefix: str = "LOYALTY:"
    member_qr_pattern: str = ""
    read_prefix: str = ""
    read_suffix: str = ""
    card_ranges: Sequence[str] = ()
    require_luhn: bool = False
    keyboard_sources: Sequence[str] = ("keyboard",)

    def __post_init__(self) -> None:
        object.__setattr__(self, "card_ranges", tuple(self.card_ranges))
        object.__setattr__(self, "keyboard_sources", tuple(self.keyboard_sources))
        parse_card_ranges(self.card_ranges)
        if self.member_qr_pattern:
            try:
                compiled = re.compile(self.member_qr_pattern)
            except re.error as exc:
                raise ValueError(
                    f"member QR pattern {self.member_qr_pattern!r} is not a valid regular "
                    f"expression ({exc})"
                ) from None
            if "ref" not in compiled.groupindex:
                raise ValueError(
                    f"member QR pattern {self.member_qr_pattern!r} needs a named group "
                    "(?P<ref>...) around the member reference"
                )

    @classmethod
    def from_config(
        cls, devices: DevicesSettingsLike, member_qr_pattern: str = ""
    ) -> RouterSettings:
        """From the till's ``[devices]`` section, duck-typed: devices/ must not import till/."""
        return cls(
            member_qr_prefix=devices.member_qr_prefix,
            member_qr_pattern=getattr(devices, "member_qr_pattern", member_qr_pattern),
            read_prefix=devices.read_prefix,
            read_suffix=devices.read_suffix,
            card_ranges=tuple(devices.card_ranges),
            require_luhn=devices.require_luhn,
        )


def upce_to_upca(upce: str) -> str | None:
    """Expand an 8-digit UPC-E (number system 0 or 1) to its 12-digit UPC-A, or None."""
    if len(upce) != 8 or not (upce.isascii() and upce.isdigit()) or upce[0] not in "01":
        return None
    return expand_upce(upce)


def looks_like_product_code(digits: str) -> bool:
    """EAN-13, UPC-A, EAN-8 or UPC-E digits with a valid GS1 check digit."""
    if not (digits.isascii() and digits.isdigit()):
        return False
    if len(digits) in (12, 13):
        return gs1_check_ok(digits)
    if len(digits) == 8:
        upca = upce_to_upca(digits)
        return gs1_check_ok(digits) or (upca is not None and gs1_check_ok(upca))
    return False


def _shown(text: str) -> str:
    if len(text) <= MAX_RAW_SHOWN:
        return text
    return f"{text[:MAX_RAW_SHOWN]}… ({len(text)} characters)"


def _bank_number(text: str) -> str | None:
    """The PAN a read carries, when it is one: Luhn-valid, 12-19 digits, network IIN.

    Digit groups separated by spaces or dashes count as one number (``4111 1111 ...``).
    """
    for m in _DIGIT_RUN.finditer(text):
        groups = re.split("[ -]", m.group())
        for i in range(len(groups)):  # every run of consecutive groups up to 19 digits
            digits = ""
            for group in groups[i:]:
                digits += group
                if len(digits) > 19:
                    break
                if looks_like_pan(digits) or (is_bank_pan(digits) and card_network(digits)):
                    return digits
    return None


def holds_card_number(text: str) -> bool:
    """True when ``text`` carries a payment-card-like number anywhere (for raw-text views)."""
    return _bank_number(text) is not None


def _safe_unknown_raw(text: str) -> str:
    """Echo an unrecognised read, unless it carries a payment-card-like number."""
    pan = _bank_number(text)
    if pan is not None:
        return f"(unrecognised read holding card number {mask_pan(pan)})"
    return _shown(text)


class Router:
    """Turns a :class:`RawRead` into an :class:`Identified`. Stateless, so thread-safe."""

    def __init__(self, settings: RouterSettings | None = None) -> None:
        self.settings = settings if settings is not None else RouterSettings()
        self._ranges = parse_card_ranges(self.settings.card_ranges)
        self._qr_pattern = (
            re.compile(self.settings.member_qr_pattern) if self.settings.member_qr_pattern else None
        )

    def route(self, raw: RawRead) -> Identified:
        """Classify one read. Never raises on any text."""
        result = self._classify(raw)
        if raw.error and result.value is not None:
            return Identified(
                kind=result.kind,
                source=result.source,
                raw=result.raw,
                value=None,
                message=f"The read was incomplete ({raw.error}); please try again.",
                card_kind=result.card_kind,
                detail=result.detail,
                at=raw.at,
            )
        return result

    # -- classification ------------------------------------------------------------------

    def _make(
        self,
        raw: RawRead,
        kind: ReadKind,
        shown: str,
        value: str | None,
        message: str = "",
        card_kind: str | None = None,
        detail: object = None,
    ) -> Identified:
        return Identified(
            kind=kind,
            source=raw.source,
            raw=shown,
            value=value,
            message=message,
            card_kind=card_kind,
            detail=detail,
            at=raw.at,
        )

    def _swipe(self, raw: RawRead) -> Identified:
        analysis = parse_swipe(raw.text, self.settings)
        value = analysis.card_number if analysis.accepted else None
        return self._make(
            raw,
            ReadKind.MAGSTRIPE,
            _shown(analysis.masked_raw()),
            value,
            analysis.message,
            card_kind=analysis.kind,
            detail=analysis,
        )

    def _strip(self, raw: RawRead) -> tuple[str, str | None, bool]:
        """Text without terminators, prefix/suffix and AIM id; the symbology; prefix seen."""
        s = self.settings
        text = raw.text.strip(FRAMING)
        had_prefix = bool(s.read_prefix) and text.startswith(s.read_prefix)
        text = strip_framing(text, s.read_prefix, s.read_suffix)
        symbology = raw.symbology_id
        if _AIM.match(text):
            symbology = symbology or text[:3]
            text = text[3:]
            text = strip_framing(text, s.read_prefix, s.read_suffix)
        # GS is data in a GS1 element string (FNC1): only CR, LF and TAB end the text.
        return text.strip("\r\n\t"), symbology, had_prefix

    def _classify(self, raw: RawRead) -> Identified:
        text, symbology, had_prefix = self._strip(raw)
        if not text:
            message = f"Nothing was read ({raw.error})." if raw.error else "Nothing was read."
            return self._make(raw, ReadKind.UNKNOWN, "", None, message)
        scanned_code = symbology is not None or raw.format is not None  # never a swipe
        if not scanned_code and (text[0] in "%;" or (text[0] in "+@#!&" and "?" in text)):
            return self._swipe(raw)
        if is_licence_barcode(text):
            return self._make(
                raw,
                ReadKind.UNKNOWN,
                "(driving licence or ID card barcode: not shown)",
                None,
                LICENCE_MESSAGE,
                card_kind="licence",
            )
        if len(text) > MAX_CODE_LENGTH:
            return self._make(
                raw,
                ReadKind.UNKNOWN,
                _safe_unknown_raw(text),
                None,
                f"The read is too long ({len(text)} characters) to be a card or code.",
            )
        result = self._classify_code(raw, text, symbology)
        if result.kind is ReadKind.UNKNOWN and had_prefix and not scanned_code:
            # The configured prefix belongs to the card reader: a swipe it could not frame.
            return self._swipe(raw)
        return result

    def _classify_code(self, raw: RawRead, text: str, symbology: str | None) -> Identified:
        keyboard = raw.source in self.settings.keyboard_sources or raw.source.startswith(
            "keyboard:"
        )
        gs1 = self._gs1(raw, text, symbology)
        if gs1 is not None:
            return gs1
        if self._is_product(text, symbology, raw.format, keyboard):
            return self._make(raw, ReadKind.PRODUCT_BARCODE, _shown(text), None, PRODUCT_MESSAGE)
        receipt = till_receipt_number(text)
        if receipt is not None:  # before the card check: its digits may pass Luhn
            return self._make(raw, ReadKind.RECEIPT, receipt, receipt, RECEIPT_MESSAGE)
        bank = self._bank_code(raw, text)
        if bank is not None:
            return bank
        member = self._member_qr(raw, text)
        if member is not None:
            return member
        phone = _phone_number(text)
        if keyboard:
            if phone is not None and not self._in_ranges(phone):
                return self._make(raw, ReadKind.PHONE, text, phone)
        elif phone is not None and _unambiguous_phone(text):
            return self._make(raw, ReadKind.PHONE, text, phone)
        card = self._member_barcode(raw, text)
        if card is not None:
            return card
        return self._make(raw, ReadKind.UNKNOWN, _safe_unknown_raw(text), None, UNKNOWN_MESSAGE)

    def _gs1(self, raw: RawRead, text: str, symbology: str | None) -> Identified | None:
        """A GS1 element string: a product when it names a trade item, else its fields."""
        if symbology not in GS1_SYMBOLOGIES and not (GS in text and text.lstrip(GS)[:2].isdigit()):
            return None
        fields = parse_element_string(text)
        if fields is None:
            if symbology in GS1_SYMBOLOGIES:
                return self._make(
                    raw,
                    ReadKind.UNKNOWN,
                    _safe_unknown_raw(text.replace(GS, " ")),
                    None,
                    "This GS1 code could not be read as GS1 data; it is no member code.",
                )
            return None
        shown = _safe_unknown_raw(human_readable(fields))
        if any(ai in PRODUCT_AIS for ai, _ in fields):
            return self._make(
                raw, ReadKind.PRODUCT_BARCODE, shown, None, PRODUCT_MESSAGE, detail=fields
            )
        return self._make(
            raw,
            ReadKind.UNKNOWN,
            shown,
            None,
            f"This is a GS1 code ({shown}), not a member code.",
            detail=fields,
        )

    def _bank_code(self, raw: RawRead, text: str) -> Identified | None:
        """A scanned or typed payment card number: 15-19 digits, Luhn, a network's IIN.

        15 digits and up, so that EAN-13 and GTIN-14 codes, which a Code 128 may carry, are
        not taken for card numbers; numbers inside this program's own ranges stay members.
        """
        digits = text.replace(" ", "").replace("-", "")
        if not (15 <= len(digits) <= 19 and digits.isascii() and digits.isdigit()):
            return None
        if not (looks_like_pan(digits) and card_network(digits)):
            return None
        if any(r.contains(digits) for r in self._ranges):
            return None
        return self._make(
            raw,
            ReadKind.MEMBER_BARCODE,
            f"(bank card number {mask_pan(digits)})",
            None,
            BANK_CARD_MESSAGE,
            card_kind="bank",
        )

    def _member_qr(self, raw: RawRead, text: str) -> Identified | None:
        prefix = self.settings.member_qr_prefix
        ref: str | None = None
        if prefix and text[: len(prefix)].upper() == prefix.upper():
            ref = text[len(prefix) :].strip()
        elif self._qr_pattern is not None:
            m = self._qr_pattern.fullmatch(text)
            if m is None:
                return None
            ref = (m.group("ref") or "").strip()
        else:
            return None
        if not ref or len(ref) > 64 or not ref.isprintable() or " " in ref:
            return self._make(
                raw,
                ReadKind.MEMBER_QR,
                _shown(text),
                None,
                "This member QR code holds no usable member reference; ask the member to "
                "refresh it in the app.",
            )
        return self._make(raw, ReadKind.MEMBER_QR, _shown(text), ref)

    @staticmethod
    def _is_product(text: str, symbology: str | None, fmt: str | None, keyboard: bool) -> bool:
        """EAN/UPC by AIM id or decoder format; else, from a silent scanner, by check digit."""
        if symbology is not None and symbology.startswith("]E"):
            return True
        if raw_format_is_product(fmt):
            return True
        if keyboard or symbology is not None or fmt is not None:
            return False
        return looks_like_product_code(text)

    def _in_ranges(self, phone: str) -> bool:
        digits = phone.lstrip("+")
        return bool(self._ranges) and any(r.contains(digits) for r in self._ranges)

    def _member_barcode(self, raw: RawRead, text: str) -> Identified | None:
        if not _CARD_NUMBER.fullmatch(text):
            return None
        number = text.upper()
        checks: list[Check] = check_reference(number, self._ranges, self.settings.require_luhn)
        failed = next((c for c in checks if not c.ok and c.blocking), None)
        if failed is not None:
            return self._make(
                raw,
                ReadKind.MEMBER_BARCODE,
                _shown(text),
                None,
                f"This code is not a loyalty card of this program. {failed.message}",
                detail=tuple(checks),
            )
        return self._make(raw, ReadKind.MEMBER_BARCODE, text, number, detail=tuple(checks))


def raw_format_is_product(fmt: str | None) -> bool:
    """True for a decoder format name of EAN/UPC family (zxing-cpp, pyzbar spellings)."""
    if not fmt:
        return False
    key = "".join(ch for ch in fmt.upper() if ch.isalnum())
    return key in _PRODUCT_FORMATS


def _phone_number(text: str) -> str | None:
    """Digits with an optional leading +, if the text is shaped like a phone number."""
    body = text[4:].strip() if text[:4].lower() == "tel:" else text.strip()
    if not _PHONE.fullmatch(body):
        return None
    digits = "".join(ch for ch in body if ch.isdigit())
    if not _PHONE_DIGITS[0] <= len(digits) <= _PHONE_DIGITS[1]:
        return None
    return ("+" if body.startswith("+") else "") + digits


def _unambiguous_phone(text: str) -> bool:
    """A scanned phone number must say so: ``tel:``, a leading ``+``, or separators."""
    stripped = text.strip()
    return (
        stripped[:4].lower() == "tel:"
        or stripped.startswith("+")
        or any(ch in _PHONE_SEPARATORS for ch in stripped)
    )
