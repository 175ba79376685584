"""The swipe parser on the inputs real readers produce, one tricky case per test."""

from __future__ import annotations

import json

import pytest

from devices.cardnumber import luhn_check_digit
from devices.magstripe import (
    BANK_CARD_MESSAGE,
    SwipeAnalysis,
    SwipeSettings,
    parse_swipe,
    strip_framing,
)

VISA_TEST_PAN = "4111111111111111"
MASKED_VISA = "411111******1111"
BANK_SWIPE = (
    f"%B{VISA_TEST_PAN}^DOE/JOHN Q^2512101000001234567890?;{VISA_TEST_PAN}=25121010000012345678?"
)


def checks_of(analysis: SwipeAnalysis) -> dict[str, tuple[bool, str]]:
    return {c.id: (c.ok, c.message) for c in analysis.checks}


def track_data(analysis: SwipeAnalysis, number: int) -> str | None:
    track = analysis.tracks[number]
    assert track is not None
    return track.data


# -- plain reads ---------------------------------------------------------------------------


def test_numeric_card_on_tracks_1_and_2_is_accepted() -> None:
    a = parse_swipe("%12345678?;12345678?")
    assert a.kind == "loyalty"
    assert a.card_number == "12345678"
    assert a.accepted
    assert a.message == ""
    checks = checks_of(a)
    assert checks["min_length"][0] and checks["track_placement"][0] and checks["tracks_agree"][0]
    assert "range" not in checks  # not configured
    assert set(checks) == {"min_length", "track_placement", "tracks_agree", "luhn"}


@pytest.mark.parametrize("terminator", ["", "\r", "\n", "\r\n"])
def test_terminators_are_ignored(terminator: str) -> None:
    a = parse_swipe("%12345678?;12345678?" + terminator)
    assert a.card_number == "12345678"
    assert a.notes == ()


def test_per_track_line_breaks_are_separators() -> None:
    a = parse_swipe("%12345678?\r\n;12345678?\r\n")
    assert track_data(a, 1) == track_data(a, 2) == "12345678"


def test_configured_prefix_and_suffix_are_stripped() -> None:
    settings = SwipeSettings(read_prefix="MSR>", read_suffix="<END")
    a = parse_swipe("MSR>%12345678?;12345678?<END\r\n", settings)
    assert a.card_number == "12345678"
    assert a.notes == ()
    assert strip_framing("\r\nP%1?S\n", "P", "S") == "%1?"


def test_prefix_not_at_start_is_left_alone() -> None:
    a = parse_swipe("%12345678?MSR>", SwipeSettings(read_prefix="MSR>"))
    assert a.card_number == "12345678"
    assert any("outside the track sentinels" in n for n in a.notes)


# -- card-number selection -----------------------------------------------------------------


def test_track_2_wins_and_stops_at_field_separator() -> None:
    a = parse_swipe("%M12345678^MEMBER/ANNA^?;12345678=991200?")
    assert a.card_number == "12345678"
    assert checks_of(a)["tracks_agree"][0]  # track 1's number is read after the format code


def test_track_1_in_iso7813_layout_gives_number_after_format_code() -> None:
    a = parse_swipe("%M87654321^MEMBER/ANNA^?;E?")
    assert a.card_number == "87654321"


def test_track_1_without_separators_is_the_whole_reference() -> None:
    assert parse_swipe("%LC123456789?").card_number == "LC123456789"


def test_track_3_used_when_nothing_else_is_readable() -> None:
    a = parse_swipe("%E?;E?;ZX99887766?")
    assert a.card_number == "ZX99887766"
    track3 = a.tracks[3]
    assert track3 is not None and track3.sentinel == ";"


def test_magtek_plus_sentinel_is_track_3() -> None:
    a = parse_swipe("%AB123456?+AB123456?")
    assert track_data(a, 3) == "AB123456"
    assert a.tracks[2] is None
    assert checks_of(a)["track_placement"][0]


# -- errors and tolerance --------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["%E?", ";E?", "+E?", "%e?", ";e?"])
def test_read_error_markers(marker: str) -> None:
    a = parse_swipe(marker)
    assert a.kind == "unreadable"
    present = [t for t in a.tracks.values() if t is not None]
    assert len(present) == 1
    assert present[0].error and present[0].data is None
    assert "read error" in present[0].message


def test_error_on_one_track_still_reads_the_other() -> None:
    a = parse_swipe("%E?;12345678?")
    assert a.accepted and a.card_number == "12345678"
    t1 = a.tracks[1]
    assert t1 is not None and t1.error


def test_lrc_after_end_sentinel_is_removed() -> None:
    a = parse_swipe("%12345678?Z;12345678?7\r\n")
    assert track_data(a, 1) == "12345678"
    assert track_data(a, 2) == "12345678"
    assert a.notes == ()


@pytest.mark.parametrize("lrc", [";", "%", "+", "?"])
def test_lrc_that_looks_like_a_sentinel_is_still_an_lrc(lrc: str) -> None:
    a = parse_swipe(f"%12345678?{lrc};12345678?{lrc}")
    assert track_data(a, 1) == track_data(a, 2) == "12345678"
    assert a.tracks[3] is None
    assert a.accepted


def test_caps_lock_lower_case_letters_are_read_as_upper_case() -> None:
    a = parse_swipe("%m12345678^member/anna^?;12345678?")
    assert track_data(a, 1) == "M12345678^MEMBER/ANNA^"
    assert any("Caps Lock" in n for n in a.notes)
    assert a.accepted


def test_caps_lock_alphanumeric_reference() -> None:
    a = parse_swipe("%lc12345678?")
    assert a.card_number == "LC12345678"


def test_over_length_track_is_an_error_not_a_crash() -> None:
    a = parse_swipe("%" + "1" * 77 + "?;12345678?")
    t1 = a.tracks[1]
    assert t1 is not None and t1.error and t1.data is None
    assert "77 characters" in t1.message and "at most 76" in t1.message
    assert a.card_number == "12345678"


@pytest.mark.parametrize(("number", "limit"), [(1, 76), (2, 37), (3, 104)])
def test_track_limits_are_inclusive(number: int, limit: int) -> None:
    sentinel = {1: "%", 2: ";", 3: "+"}[number]
    at_limit = parse_swipe(f"{sentinel}{'1' * limit}?").tracks[number]
    over = parse_swipe(f"{sentinel}{'1' * (limit + 1)}?").tracks[number]
    assert at_limit is not None and not at_limit.error
    assert over is not None and over.error


def test_out_of_charset_track_is_flagged_but_kept() -> None:
    a = parse_swipe("%12345678?;1234#678?")
    t2 = a.tracks[2]
    assert t2 is not None and t2.error and t2.data == "1234#678"
    assert "'#'" in t2.message
    assert a.card_number == "12345678"  # track 1 is the first readable one


def test_control_character_named_in_the_message() -> None:
    t1 = parse_swipe("%1234\x015678?").tracks[1]
    assert t1 is not None and t1.error and "U+0001" in t1.message


def test_missing_end_sentinel_is_a_cut_short_track() -> None:
    a = parse_swipe("%12345678;12345678?")
    t1 = a.tracks[1]
    assert t1 is not None and t1.error and t1.data is None
    assert "cut short" in t1.message
    assert a.card_number == "12345678"


def test_empty_track() -> None:
    a = parse_swipe("%?;12345678?")
    t1 = a.tracks[1]
    assert t1 is not None and t1.data is None and not t1.error
    assert a.card_number == "12345678"


def test_empty_reference_field_is_skipped() -> None:
    a = parse_swipe("%12345678?;=991200?")
    assert a.card_number == "12345678"
    b = parse_swipe(";=991200?")
    assert b.kind == "unreadable" and "no card number" in b.checks[0].message


def test_garbage_is_unreadable_with_a_reason() -> None:
    a = parse_swipe("hello, world")
    assert a.kind == "unreadable" and a.card_number is None
    assert a.tracks == {1: None, 2: None, 3: None}
    assert "no start sentinel" in a.checks[0].message
    assert "could not be read" in a.message


def test_empty_input() -> None:
    a = parse_swipe("")
    assert a.kind == "unreadable"
    assert a.to_json() == {
        "tracks": {"1": None, "2": None, "3": None},
        "kind": "unreadable",
        "card_number": None,
        "checks": [{"id": "readable", "ok": False, "message": a.checks[0].message}],
    }


def test_extra_tracks_are_ignored_with_a_note() -> None:
    a = parse_swipe("%12345678?;12345678?;12345678?;99999999?%99999999?")
    assert a.card_number == "12345678"
    assert any("2 extra track" in n for n in a.notes)


def test_megabyte_inputs_are_handled() -> None:
    # Linear-time parsing: each of these would take minutes with a backtracking parser.
    for text in (
        "%" + "A" * 1_000_000 + "?",
        "%?" * 500_000,
        ";" * 1_000_000,
        "?" * 1_000_000,
        "x" * 1_000_000,
        "%" + "A" * 1_000_000,
    ):
        a = parse_swipe(text)
        assert a.kind in ("loyalty", "unreadable")
        json.dumps(a.to_json())


def test_megabyte_track_data_is_not_kept() -> None:
    a = parse_swipe("%" + "A" * 1_000_000 + "?")
    t1 = a.tracks[1]
    assert t1 is not None and t1.data is None and "1000000 characters" in t1.message


# -- named checks of seed 001 --------------------------------------------------------------


def test_short_reference_fails_min_length() -> None:
    a = parse_swipe("%1234567?;1234567?")
    ok, message = checks_of(a)["min_length"]
    assert not ok and "7 characters" in message and "at least 8" in message
    assert not a.accepted
    assert a.message.startswith("This card cannot be used here.")


def test_alphanumeric_on_track_2_fails_placement_with_the_technicians_sentence() -> None:
    a = parse_swipe("%AB123456?;AB123456?")
    ok, message = checks_of(a)["track_placement"]
    assert not ok
    assert message == (
        "Alphanumeric reference found on track 2: it can only be encoded on tracks 1 and 3."
    )
    t2 = a.tracks[2]
    assert t2 is not None and t2.error and t2.data == "AB123456"


def test_alphanumeric_only_on_track_3_fails_placement() -> None:
    ok, message = checks_of(parse_swipe("%E?+AB123456?"))["track_placement"]
    assert not ok and "at least track 1" in message


def test_numeric_only_on_track_3_fails_placement() -> None:
    ok, message = checks_of(parse_swipe("%E?;E?;12345678?"))["track_placement"]
    assert not ok and "tracks 1 and 2" in message


def test_numeric_on_one_track_passes_placement_with_a_recommendation() -> None:
    ok, message = checks_of(parse_swipe(";12345678?"))["track_placement"]
    assert ok and "recommended" in message


def test_placement_is_informational() -> None:
    assert parse_swipe("%AB123456?;AB123456?").accepted


def test_tracks_that_disagree_refuse_the_card() -> None:
    a = parse_swipe("%12345678?;12345679?")
    ok, message = checks_of(a)["tracks_agree"]
    assert not ok
    assert "track 1 reads 12345678" in message and "track 2 reads 12345679" in message
    assert not a.accepted


def test_range_check_when_configured() -> None:
    settings = SwipeSettings(card_ranges=("60000000-60999999", "AA000000-AZ999999"))
    inside = parse_swipe("%60123456?;60123456?", settings)
    outside = parse_swipe("%61123456?;61123456?", settings)
    alpha = parse_swipe("%AB123456?", settings)
    assert checks_of(inside)["range"][0] and inside.accepted
    assert not checks_of(outside)["range"][0] and not outside.accepted
    assert "60000000-60999999" in checks_of(outside)["range"][1]
    assert checks_of(alpha)["range"][0]


def test_invalid_range_setting_fails_the_range_check_instead_of_raising() -> None:
    a = parse_swipe(";12345678?", SwipeSettings(card_ranges=("banana",)))
    ok, message = checks_of(a)["range"]
    assert not ok and "banana" in message


def test_luhn_is_informational_unless_required() -> None:
    good = "1234567" + luhn_check_digit("1234567")
    bad = "1234567" + str((int(luhn_check_digit("1234567")) + 1) % 10)
    assert checks_of(parse_swipe(f";{good}?"))["luhn"][0]
    relaxed = parse_swipe(f";{bad}?")
    assert not checks_of(relaxed)["luhn"][0] and relaxed.accepted
    assert "informational" in checks_of(relaxed)["luhn"][1]
    strict = parse_swipe(f";{bad}?", SwipeSettings(require_luhn=True))
    assert not checks_of(strict)["luhn"][0] and not strict.accepted
    assert parse_swipe(f";{good}?", SwipeSettings(require_luhn=True)).accepted


def test_luhn_required_refuses_alphanumeric_references() -> None:
    assert not parse_swipe("%AB123456?", SwipeSettings(require_luhn=True)).accepted


# -- bank cards ----------------------------------------------------------------------------


def assert_no_pan(a: SwipeAnalysis, pan: str, *secrets: str) -> None:
    for text in (json.dumps(a.to_json()), repr(a), a.masked_raw(), a.message, *a.notes):
        assert pan not in text
        for secret in secrets:
            assert secret not in text


def test_bank_card_is_classified_and_masked() -> None:
    a = parse_swipe(BANK_SWIPE + "\r\n")
    assert a.kind == "bank"
    assert a.card_number == MASKED_VISA
    assert not a.accepted
    assert a.message == BANK_CARD_MESSAGE
    assert a.message.startswith("This is a bank card, not a loyalty card.")
    assert track_data(a, 1) == "B" + MASKED_VISA
    assert track_data(a, 2) == MASKED_VISA
    assert_no_pan(a, VISA_TEST_PAN, "DOE", "JOHN", "1234567890")


def test_bank_card_by_track_2_alone() -> None:
    a = parse_swipe(f"%E?;{VISA_TEST_PAN}=2512101?")
    assert a.kind == "bank" and a.card_number == MASKED_VISA
    assert_no_pan(a, VISA_TEST_PAN, "2512101")


def test_bank_card_with_caps_lock_and_lrc() -> None:
    a = parse_swipe(f"%b{VISA_TEST_PAN}^doe/john^2512?x")
    assert a.kind == "bank"
    assert_no_pan(a, VISA_TEST_PAN, "DOE", "doe")


def test_bank_card_with_bad_characters_or_over_length_is_still_masked() -> None:
    for text in (
        f"%B{VISA_TEST_PAN}^O'BRIEN/PAT^2512?",
        f";{VISA_TEST_PAN}=" + "9" * 60 + "?",
        f";{VISA_TEST_PAN}=2512",  # cut short
    ):
        a = parse_swipe(text)
        assert a.kind == "bank", text
        assert_no_pan(a, VISA_TEST_PAN, "BRIEN")


def test_bank_card_with_spaces_in_the_track_1_pan() -> None:
    a = parse_swipe("%B4111 1111 1111 1111^DOE/JOHN^2512?")
    assert a.kind == "bank" and a.card_number == MASKED_VISA
    assert track_data(a, 1) == "B" + MASKED_VISA
    assert_no_pan(a, "4111 1111 1111 1111", "DOE")


def test_luhn_invalid_pan_shape_is_not_a_bank_card() -> None:
    a = parse_swipe(";4111111111111112=2512?")
    assert a.kind == "loyalty"
    assert a.card_number == "4111111111111112"


def test_loyalty_number_with_luhn_but_no_bank_layout_stays_loyalty() -> None:
    a = parse_swipe(f"%{VISA_TEST_PAN}?;{VISA_TEST_PAN}?")
    assert a.kind == "loyalty" and a.card_number == VISA_TEST_PAN


# -- JSON shape ----------------------------------------------------------------------------


def test_to_json_shape() -> None:
    a = parse_swipe("%12345678?Q;E?")
    doc = a.to_json()
    assert doc == {
        "tracks": {
            "1": {"data": "12345678", "error": False},
            "2": {"data": None, "error": True},
            "3": None,
        },
        "kind": "loyalty",
        "card_number": "12345678",
        "checks": [{"id": c.id, "ok": c.ok, "message": c.message} for c in a.checks],
    }
    assert [c["id"] for c in doc["checks"]] == [
        "min_length",
        "track_placement",
        "tracks_agree",
        "luhn",
    ]
    assert json.loads(json.dumps(doc)) == doc
