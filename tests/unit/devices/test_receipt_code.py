"""A till's receipt number scanned back (the Return flow) is a receipt, never a masked card.

The case that failed: one receipt number in five has a Luhn-valid 14-digit time, and the
router masked the whole read as a payment card number."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from devices.cardnumber import luhn_checksum_ok
from devices.events import RawRead, ReadKind
from devices.router import Router
from till.core.sale import Sale, new_receipt_no

TILL_CODES = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=12)


def scanned(text: str) -> tuple[ReadKind, str, str | None]:
    read = Router().route(RawRead(text, "wedge:scanner", symbology_id="]C0"))
    return read.kind, read.raw, read.value


def test_a_receipt_whose_digits_pass_luhn_is_still_a_receipt() -> None:
    number = "T1-20261201203001-3FA9C1"
    assert luhn_checksum_ok("20261201203001")  # the shape that used to be masked
    assert scanned(number) == (ReadKind.RECEIPT, number, number)


@given(till=TILL_CODES)
def test_every_receipt_number_the_till_prints_scans_back_as_itself(till: str) -> None:
    number = new_receipt_no(till, Sale())
    assert scanned(number) == (ReadKind.RECEIPT, number, number)


@given(
    stamp=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    sale=st.text("0123456789ABCDEF", min_size=6, max_size=6),
)
def test_any_time_and_sale_id(stamp: datetime, sale: str) -> None:
    number = f"T7-{stamp.replace(tzinfo=UTC):%Y%m%d%H%M%S}-{sale}"
    assert scanned(number)[0] is ReadKind.RECEIPT


def test_card_numbers_are_not_taken_for_receipts() -> None:
    for text in ("4111-1111-1111-1111", "4111111111111111", "T1-4111111111111111-ABCDEF"):
        kind, raw, _ = scanned(text)
        assert kind is not ReadKind.RECEIPT
        assert "1111111111" not in raw
