"""Routing: every kind of read lands in the right kind, and nothing sensitive leaks."""

from __future__ import annotations

import pytest

from devices.events import Identified, RawRead, ReadKind
from devices.magstripe import SwipeAnalysis
from devices.router import (
    Router,
    RouterSettings,
    gs1_check_ok,
    looks_like_product_code,
    raw_format_is_product,
    upce_to_upca,
)

PAN = "4111111111111111"
MASKED = "411111******1111"


def route(
    text: str,
    source: str = "wedge:scanner",
    symbology_id: str | None = None,
    fmt: str | None = None,
    settings: RouterSettings | None = None,
    error: str | None = None,
) -> Identified:
    raw = RawRead(text, source, symbology_id=symbology_id, format=fmt, error=error)
    return Router(settings).route(raw)


# -- swipes --------------------------------------------------------------------------------


def test_loyalty_swipe() -> None:
    r = route("%12345678?;12345678?\r\n", source="wedge:msr")
    assert r.kind is ReadKind.MAGSTRIPE
    assert r.card_kind == "loyalty"
    assert r.value == "12345678"
    assert r.message == ""
    assert r.source == "wedge:msr"
    assert isinstance(r.detail, SwipeAnalysis)
    assert r.raw == "%12345678?;12345678?"


def test_bank_swipe_is_refused_and_masked() -> None:
    r = route(f"%B{PAN}^DOE/JOHN^2512101123456?;{PAN}=2512101123456?\r")
    assert r.kind is ReadKind.MAGSTRIPE
    assert r.card_kind == "bank"
    assert r.value is None
    assert r.message.startswith("This is a bank card, not a loyalty card. ")
    assert MASKED in r.raw
    for text in (r.raw, r.message, repr(r)):
        assert PAN not in text and "DOE" not in text and "2512101123456" not in text


def test_unreadable_swipe() -> None:
    r = route("%E?;E?")
    assert r.kind is ReadKind.MAGSTRIPE and r.card_kind == "unreadable"
    assert r.value is None and "could not be read" in r.message


def test_swipe_failing_a_check_has_no_value() -> None:
    settings = RouterSettings(card_ranges=["60000000-60999999"])
    r = route("%12345678?;12345678?", settings=settings)
    assert r.card_kind == "loyalty" and r.value is None
    assert "outside this program's number ranges" in r.message


def test_swipe_with_reader_prefix() -> None:
    settings = RouterSettings(read_prefix="@@", read_suffix="##")
    r = route("@@%12345678?;12345678?##\r", settings=settings)
    assert r.kind is ReadKind.MAGSTRIPE and r.value == "12345678"


def test_prefix_of_the_card_reader_marks_an_unframed_swipe() -> None:
    settings = RouterSettings(read_prefix="@@")
    r = route("@@garbled stripe", settings=settings)
    assert r.kind is ReadKind.MAGSTRIPE and r.card_kind == "unreadable"


def test_a_decoded_code_is_never_a_swipe() -> None:
    r = route("%12345678?;12345678?", source="camera:0", symbology_id="]Q1", fmt="QRCode")
    assert r.kind is ReadKind.UNKNOWN


def test_magtek_track_3_swipe_is_not_a_phone_number() -> None:
    r = route("+AB123456?")
    assert r.kind is ReadKind.MAGSTRIPE


# -- member QR -----------------------------------------------------------------------------


def test_member_qr_prefix() -> None:
    r = route("LOYALTY:M-000123", source="camera:0", symbology_id="]Q1", fmt="QRCode")
    assert r.kind is ReadKind.MEMBER_QR and r.value == "M-000123"


def test_member_qr_prefix_with_aim_in_text_and_caps_lock() -> None:
    r = route("]Q1loyalty:M-000123\r\n")
    assert r.kind is ReadKind.MEMBER_QR and r.value == "M-000123"
    assert r.raw == "loyalty:M-000123"


def test_member_qr_custom_prefix() -> None:
    r = route("CLUB/42AB99", settings=RouterSettings(member_qr_prefix="CLUB/"))
    assert r.kind is ReadKind.MEMBER_QR and r.value == "42AB99"


def test_member_qr_url_pattern() -> None:
    settings = RouterSettings(
        member_qr_pattern=r"https://loyalty\.example/m/(?P<ref>[A-Z0-9-]+)(\?.*)?"
    )
    r = route("https://loyalty.example/m/M-77?utm=app", settings=settings)
    assert r.kind is ReadKind.MEMBER_QR and r.value == "M-77"
    other = route("https://elsewhere.example/m/M-77", settings=settings)
    assert other.kind is ReadKind.UNKNOWN


def test_product_wins_over_a_qr_pattern_that_matches_digits() -> None:
    settings = RouterSettings(member_qr_pattern=r"(?P<ref>[0-9]+)")
    assert route("4006381333931", settings=settings).kind is ReadKind.PRODUCT_BARCODE
    assert route("LOYALTY:1", symbology_id="]E0").kind is ReadKind.PRODUCT_BARCODE
    assert route("12345", settings=settings).value == "12345"


def test_member_qr_without_reference() -> None:
    r = route("LOYALTY:")
    assert r.kind is ReadKind.MEMBER_QR and r.value is None
    assert "no usable member reference" in r.message


@pytest.mark.parametrize(
    ("pattern", "words"),
    [("(unclosed", "not a valid regular expression"), (r"https://x/(\d+)", "named group")],
)
def test_bad_qr_pattern_is_refused_with_a_sentence(pattern: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        RouterSettings(member_qr_pattern=pattern)


def test_bad_card_range_is_refused_at_settings_time() -> None:
    with pytest.raises(ValueError, match="START-END"):
        RouterSettings(card_ranges=["60000000"])


def test_settings_from_a_config_object() -> None:
    class Devices:
        member_qr_prefix = "M:"
        read_prefix = "<"
        read_suffix = ">"
        card_ranges = ("10000000-19999999",)
        require_luhn = True

    s = RouterSettings.from_config(Devices())
    assert s.member_qr_prefix == "M:" and s.card_ranges == ("10000000-19999999",)
    assert s.require_luhn and s.read_prefix == "<" and s.read_suffix == ">"


# -- product barcodes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "4006381333931",  # EAN-13
        "96385074",  # EAN-8
        "036000291452",  # UPC-A
        "01234565",  # UPC-E (expands to 012345000065)
    ],
)
def test_product_codes_from_a_silent_scanner(code: str) -> None:
    r = route(code)
    assert r.kind is ReadKind.PRODUCT_BARCODE and r.value is None
    assert "product barcode" in r.message


@pytest.mark.parametrize("aim", ["]E0", "]E4", "]E3"])
def test_product_by_aim_symbology_in_text(aim: str) -> None:
    r = route(aim + "4006381333931")
    assert r.kind is ReadKind.PRODUCT_BARCODE
    assert r.raw == "4006381333931"


def test_product_by_aim_even_inside_card_ranges() -> None:
    settings = RouterSettings(card_ranges=["4000000000000-4999999999999"])
    r = route("4006381333931", symbology_id="]E0", settings=settings)
    assert r.kind is ReadKind.PRODUCT_BARCODE


@pytest.mark.parametrize("fmt", ["EAN13", "EAN-8", "UPCA", "upc_e"])
def test_product_by_decoder_format(fmt: str) -> None:
    assert route("12345670", source="camera:0", fmt=fmt).kind is ReadKind.PRODUCT_BARCODE
    assert raw_format_is_product(fmt)


def test_product_never_becomes_a_member_even_from_the_keyboard_with_aim() -> None:
    r = route("4006381333931", source="keyboard", symbology_id="]E0")
    assert r.kind is ReadKind.PRODUCT_BARCODE


def test_gs1_helpers() -> None:
    assert gs1_check_ok("4006381333931") and not gs1_check_ok("4006381333932")
    assert upce_to_upca("01234565") == "012345000065"
    assert upce_to_upca("21234565") is None
    assert not looks_like_product_code("40063813339")
    assert not looks_like_product_code("ABCDEFGH")


# -- member barcodes -----------------------------------------------------------------------


def test_code128_card_number() -> None:
    r = route("]C060000001")
    assert r.kind is ReadKind.MEMBER_BARCODE and r.value == "60000001"


def test_gs1_valid_digits_with_a_code128_symbology_are_a_card() -> None:
    r = route("4006381333931", symbology_id="]C0", fmt="Code128")
    assert r.kind is ReadKind.MEMBER_BARCODE and r.value == "4006381333931"


def test_barcode_with_reader_prefix_suffix_and_aim() -> None:
    settings = RouterSettings(read_prefix="@@", read_suffix="##")
    r = route("@@]C060000001##\r\n", settings=settings)
    assert r.kind is ReadKind.MEMBER_BARCODE and r.value == "60000001"


def test_alphanumeric_code39_card_number_is_upper_cased() -> None:
    r = route("lc12345678", symbology_id="]A0")
    assert r.kind is ReadKind.MEMBER_BARCODE and r.value == "LC12345678"


def test_card_outside_range_is_refused() -> None:
    settings = RouterSettings(card_ranges=["60000000-60999999"])
    r = route("]C070000001", settings=settings)
    assert r.kind is ReadKind.MEMBER_BARCODE and r.value is None
    assert "not a loyalty card of this program" in r.message


def test_card_luhn_required() -> None:
    settings = RouterSettings(require_luhn=True)
    assert route("]C012345674", settings=settings).value == "12345674"
    assert route("]C012345675", settings=settings).value is None


def test_short_code_is_unknown() -> None:
    r = route("]C01234")
    assert r.kind is ReadKind.UNKNOWN and r.value is None


# -- phone numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("0170 1234567", "01701234567"),
        ("+49 170-123 4567", "+491701234567"),
        ("(030) 1234567", "0301234567"),
        ("1234567", "1234567"),
        ("123456789012345", "123456789012345"),
    ],
)
def test_typed_phone_numbers(typed: str, value: str) -> None:
    r = route(typed, source="keyboard")
    assert r.kind is ReadKind.PHONE and r.value == value


@pytest.mark.parametrize("typed", ["123456", "1234567890123456", "12-34", "+"])
def test_typed_non_phone_numbers(typed: str) -> None:
    assert route(typed, source="keyboard").kind is not ReadKind.PHONE


def test_typed_number_inside_card_range_is_a_card() -> None:
    settings = RouterSettings(card_ranges=["60000000-60999999"])
    r = route("60000001", source="keyboard", settings=settings)
    assert r.kind is ReadKind.MEMBER_BARCODE and r.value == "60000001"


def test_typed_ean_is_a_phone_number_not_a_product() -> None:
    assert route("4006381333931", source="keyboard").kind is ReadKind.PHONE


@pytest.mark.parametrize("scanned", ["+491701234567", "tel:+491701234567", "0170 1234567"])
def test_scanned_unambiguous_phone_numbers(scanned: str) -> None:
    r = route(scanned, source="camera:0", symbology_id="]Q1")
    assert r.kind is ReadKind.PHONE


def test_scanned_plain_digits_are_not_a_phone_number() -> None:
    r = route("01701234567", source="serial:/dev/ttyUSB0", symbology_id="]C0")
    assert r.kind is ReadKind.MEMBER_BARCODE


# -- unknown, errors, safety ---------------------------------------------------------------


def test_unknown_text() -> None:
    r = route("hello world!")
    assert r.kind is ReadKind.UNKNOWN and r.value is None
    assert r.message == "Not a loyalty card, member code or phone number."
    assert r.raw == "hello world!"


def test_empty_read() -> None:
    r = route("\r\n")
    assert r.kind is ReadKind.UNKNOWN and r.message == "Nothing was read."


def test_unknown_read_holding_a_pan_is_not_echoed() -> None:
    r = route(f"{PAN}=25121011234?")  # a bank track 2 without its start sentinel
    assert r.kind is ReadKind.UNKNOWN
    assert PAN not in r.raw and "25121011234" not in r.raw and MASKED in r.raw


def test_huge_read_is_unknown_and_shortened() -> None:
    r = route("A" * 100_000)
    assert r.kind is ReadKind.UNKNOWN and "too long" in r.message
    assert len(r.raw) < 400


def test_incomplete_read_never_identifies_a_member() -> None:
    r = route("]C060000001", error="read timed out")
    assert r.kind is ReadKind.MEMBER_BARCODE and r.value is None
    assert "incomplete" in r.message and "read timed out" in r.message


def test_failed_empty_read_explains() -> None:
    r = route("", error="reader unplugged during the read")
    assert r.kind is ReadKind.UNKNOWN and "reader unplugged" in r.message


def test_events_are_hashable_and_comparable() -> None:
    raw = RawRead("%12345678?;12345678?", "wedge:msr")
    first, second = Router().route(raw), Router().route(raw)
    assert first == second and hash(first) == hash(second)
    assert len({first, route("]C060000001")}) == 2


def test_event_keeps_the_read_time() -> None:
    raw = RawRead("]C060000001", "wedge")
    assert Router().route(raw).at == raw.at
