"""Backends, AIM identifiers and the cascade's false-positive guards.

Backends are exercised on codes rendered here (real images, real library calls); the
cascade's merge and guard rules are exercised with scripted decoders, because a library
cannot be made to misread on demand.
"""

from __future__ import annotations

import numpy as np
import pytest

from devices.decoder import (
    CascadeDecoder,
    DecodedCode,
    Image,
    Pass,
    PyzbarBackend,
    ZxingBackend,
    make_decoder,
)
from devices.decoding.cascade import whole
from devices.decoding.symbology import gs1_check_digit_ok, plausible, upce_to_upca
from tests.fixtures.codes import load_make_frames


def clean_label(kind: str, payload: str) -> Image:
    """A crisp code on a white margin: every library must read it."""
    label = load_make_frames().render_code(kind, payload, 3.0)
    return np.pad(label, 40, constant_values=255)


@pytest.mark.parametrize(
    ("kind", "payload", "fmt", "aim"),
    [
        ("qr", "LOYALTY:AIMTEST1", "QRCode", "]Q1"),
        ("code128", "98765432109", "Code128", "]C0"),
        ("ean13", "4006381333931", "EAN13", "]E0"),
        ("ean8", "96385074", "EAN8", "]E4"),
        ("upca", "036000291452", "UPCA", "]E0"),
    ],
)
def test_both_backends_agree_on_text_format_and_aim_identifier(
    kind: str, payload: str, fmt: str, aim: str
) -> None:
    image = clean_label(kind, payload)
    expected = [DecodedCode(payload, fmt, aim)]
    assert ZxingBackend().decode(image) == expected
    assert PyzbarBackend().decode(image) == expected


def test_backends_take_color_frames() -> None:
    gray = clean_label("qr", "LOYALTY:COLOUR")
    bgr = np.repeat(gray[..., None], 3, axis=2)
    assert [c.text for c in PyzbarBackend().decode(bgr)] == ["LOYALTY:COLOUR"]
    assert [c.text for c in ZxingBackend().decode(bgr)] == ["LOYALTY:COLOUR"]


def test_gs1_check_digits() -> None:
    assert gs1_check_digit_ok("4006381333931")
    assert not gs1_check_digit_ok("4006381333932")
    assert gs1_check_digit_ok("036000291452")
    assert gs1_check_digit_ok("96385074")
    assert upce_to_upca("04252614") == "042100005264"
    assert gs1_check_digit_ok(upce_to_upca("04252614"))


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        (DecodedCode("4006381333931", "EAN13", "]E0"), True),
        (DecodedCode("4006381333932", "EAN13", "]E0"), False),  # bad check digit
        (DecodedCode("400638133393", "EAN13", "]E0"), False),  # wrong length
        (DecodedCode("04252614", "UPCE", "]E0"), True),
        (DecodedCode("04252615", "UPCE", "]E0"), False),
        (DecodedCode("ab\x07c", "Code128", "]C0"), False),  # control character
        (DecodedCode("LOYALTY:X", "QRCode", "]Q1"), True),
    ],
)
def test_plausible(code: DecodedCode, ok: bool) -> None:
    assert plausible(code) is ok


class Scripted:
    """A decoder that returns fixed codes: stands in for a library's misread."""

    def __init__(self, name: str, codes: list[DecodedCode]) -> None:
        self.name = name
        self.codes = codes
        self.calls = 0

    def decode(self, image: Image) -> list[DecodedCode]:
        self.calls += 1
        return list(self.codes)


BLANK = np.full((48, 64), 200, np.uint8)
QR = DecodedCode("LOYALTY:ONE", "QRCode", "]Q1")


def test_cascade_stops_at_the_first_pass_that_finds_a_code() -> None:
    first = Scripted("a", [QR])
    second = Scripted("b", [DecodedCode("OTHER1", "QRCode", "]Q1")])
    cascade = CascadeDecoder([Pass("one", whole, first), Pass("two", whole, second)])
    assert cascade.decode(BLANK) == [QR]
    assert (first.calls, second.calls, cascade.last_pass) == (1, 0, "one")


def test_cascade_merges_passes_by_text() -> None:
    cascade = CascadeDecoder(
        [Pass("one", whole, Scripted("a", [])), Pass("two", whole, Scripted("b", [QR, QR]))]
    )
    assert cascade.decode(BLANK) == [QR]


def test_short_results_of_retries_are_dropped() -> None:
    short = DecodedCode("12", "Codabar", "]F0")
    retry_only = CascadeDecoder(
        [Pass("one", whole, Scripted("a", [])), Pass("binarised", whole, Scripted("b", [short]))]
    )
    assert retry_only.decode(BLANK) == []


def test_weak_symbology_needs_both_libraries() -> None:
    upce = DecodedCode("04252614", "UPCE", "]E0")
    same_library_twice = CascadeDecoder(
        [
            Pass("one", whole, Scripted("raw-zxing", [upce])),
            Pass("two", whole, Scripted("raw-zxing", [upce])),
        ]
    )
    assert same_library_twice.decode(BLANK) == []
    both = CascadeDecoder(
        [
            Pass("one", whole, Scripted("raw-zxing", [upce])),
            Pass("two", whole, Scripted("raw-pyzbar", [upce])),
        ]
    )
    assert both.decode(BLANK) == [upce]


def test_bad_check_digit_from_any_pass_is_dropped() -> None:
    bad = DecodedCode("4006381333932", "EAN13", "]E0")
    assert CascadeDecoder([Pass("one", whole, Scripted("a", [bad]))]).decode(BLANK) == []


def test_nothing_in_a_blank_frame() -> None:
    assert make_decoder("zxing").decode(np.full((480, 640, 3), 128, np.uint8)) == []


def test_unknown_decoder_name_lists_the_choices() -> None:
    with pytest.raises(ValueError, match="zxing, pyzbar, raw-zxing, raw-pyzbar"):
        make_decoder("quagga")


def test_retry_backend_drops_linear_reads_spanning_few_rows() -> None:
    mf = load_make_frames()
    strip = np.pad(
        mf.render_code("code128", "24680135", 3.0, bar_height_px=4), 20, constant_values=255
    )
    tall = np.pad(
        mf.render_code("code128", "24680135", 3.0, bar_height_px=40), 20, constant_values=255
    )
    assert [c.text for c in ZxingBackend().decode(strip)] == ["24680135"]
    assert ZxingBackend(min_rows=8).decode(strip) == []
    assert [c.text for c in ZxingBackend(min_rows=8).decode(tall)] == ["24680135"]
    # Matrix codes check themselves and are never dropped for their size.
    small_qr = clean_label("qr", "LOYALTY:TINY")
    assert [c.text for c in ZxingBackend(min_rows=10_000).decode(small_qr)] == ["LOYALTY:TINY"]
