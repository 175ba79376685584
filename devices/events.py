"""What every reader produces and what the till subscribes to.

Readers (wedge, serial, camera, demo feed) emit :class:`RawRead`; the router classifies each
into an :class:`Identified` event. One stream of events, whatever the hardware.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol


def utc_now() -> datetime:
    return datetime.now(UTC)


class ReadKind(StrEnum):
    MAGSTRIPE = "magstripe"  # a card swipe (value: the loyalty card number, or None if refused)
    MEMBER_QR = "member_qr"  # a member QR payload (value: the member reference it carries)
    MEMBER_BARCODE = "member_barcode"  # a 1D/2D code carrying a loyalty card number
    PHONE = "phone"  # a phone number (value: normalised, digits with optional leading +)
    PRODUCT_BARCODE = "product_barcode"  # EAN/UPC: a product, never a member
    RECEIPT = "receipt"  # a till's receipt number (value: it), scanned for a return
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class RawRead:
    """One complete read from one device, before classification.

    ``text`` is exactly what the device delivered (terminator removed); for a swipe it is the
    raw track text. It may hold bank-card track data: it must never be logged or stored; the
    router masks it before anything leaves the devices package.
    """

    text: str
    source: str  # e.g. "wedge:/dev/input/by-id/usb-MagTek-event-kbd", "serial:/dev/ttyUSB0", "camera:0", "demo"
    symbology_id: str | None = None  # AIM identifier (e.g. "]Q1", "]C0", "]E0") when known
    format: str | None = None  # decoder's format name (e.g. "QRCode", "Code128") when known
    at: datetime = field(default_factory=utc_now)
    error: str | None = None  # a partial or failed read, in plain words (e.g. "read timed out")


@dataclass(frozen=True)
class Identified:
    """A classified read: what the till acts on.

    ``raw`` is safe to show and log: bank-card data in it is already masked. ``value`` is the
    member reference to look up (card number, QR member reference, phone), or None when the
    read cannot identify a member (bank card, unreadable swipe, product barcode, unknown).
    ``message`` explains, in plain words, a refusal or problem (empty when all is well).
    """

    kind: ReadKind
    source: str
    raw: str
    value: str | None
    message: str = ""
    # "loyalty" | "bank" | "licence" | "unreadable" for swipes; "bank" for a scanned or typed
    # payment card number and "licence" for a scanned driving licence; else None.
    card_kind: str | None = None
    detail: Any = None  # parser output (e.g. the magstripe analysis) for the technician views
    at: datetime = field(default_factory=utc_now)


ReadCallback = Callable[[RawRead], None]
IdentifiedCallback = Callable[[Identified], None]


class Reader(Protocol):
    """A device that delivers complete reads on its own worker thread.

    ``start`` returns at once; ``on_read`` is called from the reader's thread. ``on_status``
    receives plain-words state changes ("reader unplugged", "reader back") for the UI.
    """

    name: str

    def start(
        self, on_read: ReadCallback, on_status: Callable[[str], None] | None = None
    ) -> None: ...

    def stop(self) -> None: ...
