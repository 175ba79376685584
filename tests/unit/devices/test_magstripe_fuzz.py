"""Property tests: the parser and router take any text, answer in shape, and never leak a PAN."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devices.cardnumber import luhn_check_digit, mask_pan
from devices.events import RawRead, ReadKind
from devices.magstripe import TRACK_MAX_LENGTH, SwipeSettings, parse_swipe, reference_of
from devices.router import Router, RouterSettings, gs1_check_ok

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Characters that matter to the parser, plus ordinary and hostile ones.
SWIPE_ALPHABET = st.sampled_from(
    list("%;+?^=E\r\n") + list("0123456789") + list("ABCZabz $()-./#'") + ["\x00", "é", "€"]
)
swipe_like = st.text(SWIPE_ALPHABET, max_size=300)
any_text = st.text(max_size=200)


NETWORK_PREFIXES = ["4", "51", "55", "2221", "2720", "34", "37", "6011", "62", "3530", "67"]


def pans() -> st.SearchStrategy[str]:
    """Luhn-valid 13-19 digit numbers in a card network's IIN range: bank card PANs."""
    return st.tuples(st.sampled_from(NETWORK_PREFIXES), st.integers(13, 19)).flatmap(
        lambda pn: st.text("0123456789", min_size=pn[1] - len(pn[0]) - 1).map(
            lambda body: (pn[0] + body)[: pn[1] - 1] + luhn_check_digit((pn[0] + body)[: pn[1] - 1])
        )
    )


def assert_well_formed(doc: dict[str, Any]) -> None:
    assert set(doc) == {"tracks", "kind", "card_number", "checks"}
    assert set(doc["tracks"]) == {"1", "2", "3"}
    for number, track in doc["tracks"].items():
        if track is None:
            continue
        assert set(track) == {"data", "error"}
        assert isinstance(track["error"], bool)
        data = track["data"]
        assert data is None or (isinstance(data, str) and len(data) > 0)
        if data is not None:
            assert len(data) <= TRACK_MAX_LENGTH[int(number)]
    assert doc["kind"] in {"loyalty", "bank", "licence", "unreadable"}
    assert (doc["card_number"] is None) == (doc["kind"] in ("unreadable", "licence"))
    assert doc["card_number"] != ""
    assert doc["checks"], "every analysis explains itself"
    for check in doc["checks"]:
        assert set(check) == {"id", "ok", "message"}
        assert isinstance(check["id"], str) and isinstance(check["ok"], bool)
        assert isinstance(check["message"], str) and check["message"]
    assert json.loads(json.dumps(doc)) == doc


@FUZZ
@given(swipe_like)
def test_parser_answers_any_swipe_like_text_in_shape(text: str) -> None:
    a = parse_swipe(text)
    assert_well_formed(a.to_json())
    if a.kind == "loyalty":
        readable = [t for t in a.tracks.values() if t is not None and t.readable]
        assert a.card_number in {reference_of(t) for t in readable}


@FUZZ
@given(any_text, st.text(max_size=5), st.text(max_size=5))
def test_parser_answers_any_text_with_any_framing(text: str, prefix: str, suffix: str) -> None:
    a = parse_swipe(text, SwipeSettings(read_prefix=prefix, read_suffix=suffix))
    assert_well_formed(a.to_json())


track1_data = st.text(st.sampled_from(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $()-./^")))
track2_data = st.text(st.sampled_from(list("0123456789=")), max_size=37)


@FUZZ
@given(
    track1_data.filter(lambda s: 0 < len(s) <= 76 and s != "E"),
    track2_data.filter(lambda s: len(s) > 0),
    st.sampled_from(["", "\r", "\n", "\r\n"]),
    st.booleans(),
)
def test_valid_tracks_come_back_exactly(t1: str, t2: str, end: str, caps_lock: bool) -> None:
    typed1 = t1.lower() if caps_lock else t1
    a = parse_swipe(f"%{typed1}?;{t2}?{end}")
    if a.kind in ("bank", "licence"):
        return  # a random track that happens to be in bank layout is masked, tested below
    assert a.tracks[1] is not None and a.tracks[1].data == t1 and not a.tracks[1].error
    assert a.tracks[2] is not None and a.tracks[2].data == t2 and not a.tracks[2].error
    first_field = t1.split("^", 1)[0]
    track1_ref = first_field[1:] if "^" in t1 and first_field[:1].isalpha() else first_field
    if not track1_ref.isalnum():  # spaces, '/', '$'...: not a card number
        track1_ref = ""
    expected = t2.split("=", 1)[0] or track1_ref or None
    assert a.card_number == expected


@FUZZ
@given(
    pans(),
    st.text(st.sampled_from(list("ABCXYZ/ ")), min_size=2, max_size=26),
    st.text("0123456789", min_size=4, max_size=16),
    st.sampled_from(["", "\r\n", "\n"]),
    st.booleans(),
    st.sampled_from(["", "Q", "?", ";", "%"]),
    st.sampled_from(["both", "track1", "track2", "track2-err1"]),
)
def test_bank_pans_never_leave_unmasked(
    pan: str,
    name: str,
    discretionary: str,
    end: str,
    caps_lock: bool,
    lrc: str,
    layout: str,
) -> None:
    track1 = f"%B{pan}^{name}^{discretionary}?{lrc}"
    if caps_lock:
        track1 = track1.lower()
    track2 = f";{pan}={discretionary}?{lrc}"
    text = {
        "both": track1 + track2,
        "track1": track1,
        "track2": track2,
        "track2-err1": "%E?" + track2,
    }[layout] + end
    a = parse_swipe(text)
    assert a.kind == "bank"
    assert a.card_number == mask_pan(pan)
    assert not a.accepted
    event = Router().route(RawRead(text, "wedge:msr"))
    assert event.kind is ReadKind.MAGSTRIPE and event.card_kind == "bank" and event.value is None
    shown = [json.dumps(a.to_json()), a.masked_raw(), event.raw]
    for out in [*shown, repr(a), a.message, *a.notes, event.message, repr(event)]:
        assert pan not in out
    for out in shown:  # what is displayed holds nothing but the masked PAN and sentinels
        assert discretionary not in out or discretionary in mask_pan(pan)
        if len(name.strip(" /")) >= 3:
            assert name not in out


@FUZZ
@given(
    st.one_of(st.text(max_size=120), st.text(max_size=40).map(lambda t: "LOYALTY:" + t)),
    st.sampled_from([None, "]Q1", "]C0", "]E0", "]A0", "]d2"]),
)
def test_router_answers_any_text(text: str, symbology: str | None) -> None:
    router = Router(RouterSettings(card_ranges=["60000000-69999999"]))
    for source in ("keyboard", "wedge:scanner", "camera:0"):
        event = router.route(RawRead(text, source, symbology_id=symbology))
        assert isinstance(event.kind, ReadKind)
        assert event.source == source
        if event.kind in (ReadKind.PRODUCT_BARCODE, ReadKind.UNKNOWN):
            assert event.value is None
        if event.value is not None:
            assert event.value.strip() == event.value and event.value
        if symbology == "]E0":
            assert event.value is None


@FUZZ
@given(st.text("0123456789", min_size=12, max_size=12), st.sampled_from(["wedge", "camera:0"]))
def test_scanned_ean13_is_never_a_member(body: str, source: str) -> None:
    check = next(d for d in "0123456789" if gs1_check_ok(body + d))
    event = Router().route(RawRead(body + check, source))
    assert event.kind is ReadKind.PRODUCT_BARCODE and event.value is None


@FUZZ
@given(pans(), st.text(max_size=20), st.text(max_size=20))
def test_unknown_reads_never_echo_a_pan(pan: str, before: str, after: str) -> None:
    text = f"{before} {pan} {after}"
    event = Router().route(RawRead(text, "wedge:scanner"))
    if event.kind is ReadKind.UNKNOWN:
        assert pan not in event.raw
