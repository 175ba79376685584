"""The demo cards (resources/demo/cards.json) route the way the demo and its tests expect.

Card barcodes are fed as a scanner with AIM identifiers sends them (Code 128 ``]C0``, EAN
``]E0``): without an identifier, an 8-digit card number such as 90417368 is also a valid EAN-8
and is refused as a product, by design.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from devices.events import RawRead, ReadKind
from devices.router import Router

CARDS_JSON = Path(__file__).resolve().parents[3] / "resources" / "demo" / "cards.json"


def demo_cards() -> list[dict[str, Any]]:
    cards: list[dict[str, Any]] = json.loads(CARDS_JSON.read_text(encoding="utf-8"))
    return cards


@pytest.mark.parametrize("card", demo_cards(), ids=lambda c: str(c["label"]))
def test_demo_card_routes(card: dict[str, Any]) -> None:
    router = Router()
    number, swipe, barcode, qr = card["number"], card["swipe"], card["barcode"], card["qr"]
    if swipe is not None:
        event = router.route(RawRead(swipe, "demo"))
        assert event.kind is ReadKind.MAGSTRIPE
        if swipe.startswith("%B"):
            assert event.card_kind == "bank" and event.value is None
            assert number not in event.raw and number not in event.message
        elif number is None:
            assert event.card_kind == "unreadable" and event.value is None
        else:
            assert event.card_kind == "loyalty" and event.value == number, event.message
    if barcode is not None:
        aim = "]C0" if number is not None else "]E0"
        event = router.route(RawRead(barcode, "demo", symbology_id=aim))
        if number is not None:
            assert event.kind is ReadKind.MEMBER_BARCODE and event.value == number
        else:
            assert event.kind is ReadKind.PRODUCT_BARCODE and event.value is None
    if qr is not None:
        event = router.route(RawRead(qr, "demo", symbology_id="]Q1"))
        assert event.kind is ReadKind.MEMBER_QR and event.value == qr.removeprefix("LOYALTY:")
