"""GS1 element strings: application identifiers split by the GS1 General Specifications."""

from __future__ import annotations

import pytest

from devices.events import RawRead, ReadKind
from devices.gs1 import GS, human_readable, parse_element_string
from devices.router import Router


def test_fixed_and_variable_fields() -> None:
    fields = parse_element_string(f"0109506000134352172012251012345{GS}21ABC")
    assert fields == (("01", "09506000134352"), ("17", "201225"), ("10", "12345"), ("21", "ABC"))
    assert human_readable(fields) == "(01)09506000134352(17)201225(10)12345(21)ABC"


def test_measures_have_four_digit_ais_and_six_digits() -> None:
    assert parse_element_string("3103000750") == (("3103", "000750"),)


def test_a_gs_after_a_fixed_field_and_a_leading_gs_are_tolerated() -> None:
    assert parse_element_string(f"{GS}01095060001343521{GS}") is None  # '1' is no AI
    assert parse_element_string(f"{GS}0109506000134352{GS}10A") == (
        ("01", "09506000134352"),
        ("10", "A"),
    )


@pytest.mark.parametrize(
    "text",
    ["", "hello", "0109506000", "05123", "10" + "A" * 91, f"10{GS}", "01095060001343AB"[:15]],
)
def test_not_element_strings(text: str) -> None:
    assert parse_element_string(text) is None


def test_a_gs1_code_that_is_no_element_string_is_said_so() -> None:
    event = Router().route(RawRead("]C1hello world", "wedge:scanner"))
    assert event.kind is ReadKind.UNKNOWN and event.value is None
    assert "could not be read as GS1 data" in event.message


def test_gs1_fields_never_echo_a_bank_number() -> None:
    event = Router().route(RawRead("]C19104111111111111111", "wedge:scanner"))
    assert event.kind is ReadKind.UNKNOWN and "4111111111111111" not in event.raw + event.message


def test_a_program_range_keeps_its_own_network_like_numbers() -> None:
    from devices.router import RouterSettings

    router = Router(RouterSettings(card_ranges=["4000000000000000-4999999999999999"]))
    event = router.route(RawRead("]C04111111111111111", "wedge:scanner"))
    assert event.kind is ReadKind.MEMBER_BARCODE and event.value == "4111111111111111"
