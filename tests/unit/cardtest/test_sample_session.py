"""Sample-card sessions: per-track read consistency and number agreement (seed 001)."""

from __future__ import annotations

import pytest

from devices.magstripe import parse_swipe
from till.cardtest.sample_session import SampleSession, visible_controls

GOOD = "%40023817?;40023817?\r"
TRACK2_BAD = "%40023817?;E?\r"
TRACK2_MISSING = "%40023817?\r"
OTHER = "%40023818?;40023818?\r"


def swipe(session: SampleSession, text: str) -> None:
    session.add(parse_swipe(text).to_json())


def test_reliable_sample_passes():
    session = SampleSession(target=10)
    for _ in range(10):
        swipe(session, GOOD)
    summary = session.summary()
    assert summary.verdict == "pass"
    assert summary.same_number
    assert "Track 1 read in all 10 swipes." in summary.lines
    assert "Track 2 read in all 10 swipes." in summary.lines
    assert "Track 3 is not encoded on this card." in summary.lines
    assert "All 10 swipes gave the same card number 40023817." in summary.lines


def test_track_two_failing_twice_in_ten_is_reported_and_fails_the_sample():
    session = SampleSession(target=10)
    for text in [GOOD] * 8 + [TRACK2_BAD, TRACK2_MISSING]:
        swipe(session, text)
    summary = session.summary()
    assert "Track 2 failed 2 of 10 swipes." in summary.lines
    assert "Track 1 read in all 10 swipes." in summary.lines
    assert summary.same_number  # track 1 still gave the number every time
    assert summary.verdict == "fail"
    assert "card manufacturer" in summary.lines[-1]


def test_different_numbers_are_listed():
    session = SampleSession(target=3)
    for text in (GOOD, GOOD, OTHER):
        swipe(session, text)
    summary = session.summary()
    assert not summary.same_number
    assert "The swipes gave 2 different card numbers: 40023817 (2x), 40023818 (1x)." in (
        summary.lines
    )
    assert summary.verdict == "fail"


def test_incomplete_session_asks_for_more_swipes_and_reset_starts_over():
    session = SampleSession(target=5)
    swipe(session, GOOD)
    summary = session.summary()
    assert summary.verdict == "incomplete"
    assert "Swipe the card 4 more time(s)." in summary.lines
    session.reset(target=2)
    assert session.count == 0 and session.target == 2
    with pytest.raises(ValueError):
        SampleSession(target=0)


def test_unreadable_swipes_count_against_the_number():
    session = SampleSession(target=2)
    swipe(session, GOOD)
    swipe(session, "%E?;E?\r")
    summary = session.summary()
    assert summary.unreadable == 1
    assert "1 swipes gave card number 40023817; 1 gave none." in summary.lines
    assert summary.verdict == "fail"


def test_control_characters_are_made_visible():
    assert visible_controls("%1?\r\n\t\x02x\x7f\x85") == "%1?<CR><LF><TAB><STX>x<DEL><0x85>"


def test_barcode_backup_comparison():
    from till.cardtest.barcode_backup import compare

    same = compare("40023817", "40023817", "member_barcode", "Code128")
    assert same.same is True
    assert same.sentence == "Barcode (Code128) and magstripe carry the same reference 40023817."
    differ = compare("40023817", "40023818", "member_barcode")
    assert differ.same is False
    assert "magstripe 40023817, barcode 40023818" in differ.sentence
    assert "extra characters" in compare("40023817", "X40023817", "unknown").sentence
    product = compare("40023817", "40023817", "product_barcode")
    assert product.same is False and "product barcode" in product.sentence
    assert compare(None, "40023817", "member_barcode").same is None
