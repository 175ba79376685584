"""Words several screens and the receipt share, in the till's language (:mod:`till.translate`).

Why apart: ``TENDER_NAMES`` (``till.core.parts``) is Qt-free data keyed by the wire's tender
kinds; its English names are the source texts, translated at the moment they are shown.
"""

from __future__ import annotations

from till.core.sale import TENDER_NAMES
from till.translate import translate


def tender_name(kind: str) -> str:
    """``cash`` -> "Cash" / "Bar" / "Готівка"; an unknown kind as it came."""
    names = {
        "cash": translate("Tender", "Cash"),
        "card": translate("Tender", "Card (terminal)"),
        "points": translate("Tender", "Loyalty Redemption"),
    }
    return names.get(kind, TENDER_NAMES.get(kind, kind))
