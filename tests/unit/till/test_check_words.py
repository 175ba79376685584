"""Issue 17: the card checks' sentences (devices.card_rules, English) in the technician
bench's language: every sentence the checks write has a known shape, translated in German
and Ukrainian, with its variable part (number, range, tracks) kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devices.card_rules import Check, check_reference, parse_card_ranges, swipe_checks
from till import i18n
from till.techbench.check_words import check_sentence, known


def every_check() -> list[Check]:
    """The checks over inputs that reach each of their sentences."""
    out: list[Check] = []
    out += check_reference("1234")
    out += check_reference("79927398713", parse_card_ranges(["70000000000-79999999999"]), True)
    out += check_reference("79927398710", parse_card_ranges(["10000000000-19999999999"]), True)
    out += check_reference("79927398710", [], require_luhn=False)
    out += check_reference("AB12345678", [], require_luhn=True)
    out += check_reference("AB12345678", [], require_luhn=False)
    out += swipe_checks("AB12345678", {2: "AB12345678"}, {2: "AB12345678"})
    out += swipe_checks("AB12345678", {3: "AB12345678"}, {3: "AB12345678"})
    out += swipe_checks("12345678", {3: "12345678"}, {3: "12345678"})
    out += swipe_checks("12345678", {}, {})
    out += swipe_checks("12345678", {1: "12345678", 2: "12345679"}, {1: "12345678", 2: "12345679"})
    out += swipe_checks("12345678", {1: "12345678", 2: "12345678"}, {1: "12345678"})
    out += swipe_checks("12345678", {1: "1", 2: "1"}, {1: "1", 2: "1"}, ["not a range"])
    return out


@pytest.fixture(params=["de", "uk"])
def translated(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    assert i18n.install(request.param)
    try:
        yield request.param
    finally:
        i18n.install("en")


def test_the_inputs_reach_many_sentences() -> None:
    assert len({c.message for c in every_check()}) >= 14


def test_every_check_sentence_is_known_but_the_placement_summary() -> None:
    """A new sentence in devices/card_rules.py without a shape here fails (the passing
    placement summary is composed from parts: it is shown inside "{check}: {detail}")."""
    unknown = {
        c.message for c in every_check() if not known(c.message) and c.id != "track_placement"
    }
    assert unknown == set()


def test_english_stays_the_devices_words() -> None:
    for c in every_check():
        assert check_sentence(c.id, c.message) == c.message


def test_every_check_sentence_is_translated(translated: str) -> None:
    for c in every_check():
        said = check_sentence(c.id, c.message)
        assert said != c.message, (translated, c.message)
        if "1234" in c.message:
            assert "1234" in said
