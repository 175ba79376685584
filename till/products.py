"""From a scanned or typed product code to a sale line, or plain words why not (issue 16).

Why a module of its own: a product barcode used to be refused ("not a loyalty card"); now
the code is looked up in the cached catalogue (:mod:`till.catalogue_cache`) and becomes a
line with the product's name, price and category — offline too. A code the catalogue does
not hold is said in plain words; typed text that is no code at all stays a free line
("description, amount"), as before. Qt-free.

Code forms (GS1 General Specifications, section 3.3.2): a GTIN-14 read from a GS1 element
string (AI 01) and a GTIN-13 or UPC-A are the same product with leading zeros; a UPC-E is
the compressed UPC-A. All are tried against the catalogue, the code as read first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from devices.events import Identified, ReadKind
from devices.gs1 import expand_upce, gs1_check_ok
from devices.router import looks_like_product_code
from till.catalogue_cache import product_key
from till.rules_wire import CatalogueItem


class _Catalogue(Protocol):
    def item(self, code: str) -> CatalogueItem | None: ...


@dataclass(frozen=True)
class Found:
    item: CatalogueItem


@dataclass(frozen=True)
class NotFound:
    code: str
    scanned: bool = True

    @property
    def message(self) -> str:
        what = (
            f"That product barcode ({self.code})" if self.scanned else f"Product code {self.code}"
        )
        return f"{what} is not in the till's catalogue: type its description and price instead."


def code_forms(code: str) -> list[str]:
    """The code as read, then the same GTIN with leading zeros dropped or added, then a
    UPC-E expanded to its UPC-A."""
    key = product_key(code)
    forms = [key]
    if key.isdigit():
        bare = key.lstrip("0") or "0"
        forms += [bare.zfill(n) for n in (8, 12, 13, 14) if len(bare) <= n]
        if len(key) == 8 and key[0] in "01":  # UPC-E: number systems 0 and 1 only
            forms.append(expand_upce(key))
    seen: list[str] = []
    for form in forms:
        if form not in seen:
            seen.append(form)
    return seen


def scanned_code(event: Identified) -> str | None:
    """The product code a product-barcode read carries (None for any other read)."""
    if event.kind != ReadKind.PRODUCT_BARCODE:
        return None
    fields = event.detail if isinstance(event.detail, tuple) else ()
    for field in fields:
        if isinstance(field, tuple) and len(field) == 2 and field[0] in ("01", "02"):
            return str(field[1])
    code = product_key(event.raw)
    return code or None


def find(catalogue: _Catalogue, code: str) -> Found | NotFound:
    for form in code_forms(code):
        item = catalogue.item(form)
        if item is not None:
            return Found(item)
    return NotFound(product_key(code))


def typed_code(catalogue: _Catalogue, text: str) -> Found | NotFound | None:
    """What the cashier typed in the description field: a catalogue product, a product
    code the catalogue does not hold (a GTIN with a right check digit), or None: a free
    line's description."""
    code = product_key(text)
    if not code or len(code) > 32:
        return None
    found = find(catalogue, code)
    if isinstance(found, Found):
        return found
    known_shape = looks_like_product_code(code) or _gtin14(code)
    return NotFound(found.code, scanned=False) if known_shape else None


def _gtin14(code: str) -> bool:
    return len(code) == 14 and code.isdigit() and gs1_check_ok(code)
