"""One code per place: two different texts read from one code's place are not two codes.

Why: on the public black-box sets a library reported a misread beside the right code from
the same label, and the till would have got two codes from one scan. The rule (see
devices/decoding/evidence.py): keep the read both libraries agree on, else drop them all.
Libraries cannot be made to misread on demand, so scripted decoders stand in for them;
the real-image test checks that two codes in two places are both still reported.
"""

from __future__ import annotations

import numpy as np

from devices.decoder import CascadeDecoder, DecodedCode, Image, Pass, make_decoder
from devices.decoding.cascade import whole
from devices.decoding.evidence import Evidence, same_place
from devices.decoding.symbology import identity
from tests.fixtures.codes import load_make_frames

BLANK = np.full((240, 320), 200, np.uint8)
LABEL = (40.0, 60.0, 240.0, 180.0)  # where the scripted label lies in BLANK
EAN13 = DecodedCode("4006381333931", "EAN13", "]E0", LABEL)
# A UPC-E "read" from a scan line through the EAN-13's bars: valid check digit, wrong code.
GRAZE = DecodedCode("04252614", "UPCE", "]E0", (120.0, 100.0, 200.0, 101.0))


class Scripted:
    """A library that reports fixed reads (with their boxes) for any image."""

    def __init__(self, name: str, codes: list[DecodedCode]) -> None:
        self.name = name
        self.codes = codes

    def decode(self, image: Image) -> list[DecodedCode]:
        return list(self.codes)


def two_libraries(zxing: list[DecodedCode], zbar: list[DecodedCode]) -> CascadeDecoder:
    return CascadeDecoder(
        [
            Pass("whole", whole, Scripted("raw-zxing", zxing), min_length=1, whole_frame=True),
            Pass("other", whole, Scripted("raw-pyzbar", zbar), min_length=1, whole_frame=True),
        ]
    )


def test_a_misread_beside_the_right_code_is_dropped_when_the_other_library_agrees() -> None:
    cascade = two_libraries([EAN13, GRAZE], [EAN13])
    assert cascade.decode(BLANK) == [EAN13]


def test_two_libraries_disagreeing_on_one_place_yield_no_code() -> None:
    """zxing-cpp's weak read waits for ZBar, which reads something else there: neither."""
    upce = DecodedCode("04252614", "UPCE", "]E0", LABEL)
    other = DecodedCode("5901234123457", "EAN13", "]E0", (50.0, 70.0, 230.0, 170.0), 40.0)
    assert two_libraries([upce], [other]).decode(BLANK) == []
    # Either alone would have been reported: the conflict is what drops them.
    assert two_libraries([upce], []).decode(BLANK) == [upce]
    assert two_libraries([], [other]).decode(BLANK) == [other]


def test_a_conflict_makes_the_cascade_ask_the_other_library() -> None:
    """The first pass alone is unsettled: it must not stop there and report both."""
    zbar = Scripted("raw-pyzbar", [EAN13])
    cascade = CascadeDecoder(
        [
            Pass("whole", whole, Scripted("raw-zxing", [EAN13, GRAZE]), 1, whole_frame=True),
            Pass("other", whole, zbar, min_length=1, whole_frame=True),
        ]
    )
    assert cascade.decode(BLANK) == [EAN13]
    assert cascade.last_pass == "other"


def test_a_zbar_read_from_few_scan_lines_is_not_enough_alone() -> None:
    """ZBar's lone reads from a handful of lines were mostly another code's bars."""
    thin = DecodedCode("5901234123457", "EAN13", "]E0", LABEL, 3.0)
    assert two_libraries([], [thin]).decode(BLANK) == []
    assert two_libraries([thin], [thin]).decode(BLANK) == [thin]  # zxing-cpp agrees


def test_codes_in_different_places_are_all_kept() -> None:
    qr = DecodedCode("LOYALTY:ONE", "QRCode", "]Q1", (250.0, 10.0, 310.0, 70.0))
    cascade = two_libraries([EAN13, qr], [])
    cascade.expected = 2
    assert cascade.decode(BLANK) == [EAN13, qr]


def test_one_code_spelt_two_ways_is_one_code() -> None:
    """ZBar reports a UPC-E as its 13-digit EAN form: the same GTIN, so no conflict."""
    zxing = DecodedCode("0042100005264", "UPCE", "]E0", LABEL)
    zbar = DecodedCode("042100005264", "UPCA", "]E0", LABEL)
    assert identity(zxing) == identity(zbar) == "00042100005264"
    assert two_libraries([zxing], [zbar]).decode(BLANK) == [zxing]


def test_same_place_treats_a_one_row_read_as_its_code() -> None:
    assert same_place(LABEL, GRAZE.box or LABEL)
    assert not same_place(LABEL, (250.0, 10.0, 310.0, 70.0))


def test_reads_without_a_box_never_conflict() -> None:
    evidence = Evidence()
    evidence.add(DecodedCode("ABC123", "Code128", "]C0"), "raw-zxing", whole_frame=True, box=None)
    evidence.add(EAN13, "raw-zxing", whole_frame=True, box=LABEL)
    found, unsettled = evidence.verdict(final=True)
    assert [c.text for c in found] == ["ABC123", EAN13.text] and not unsettled


def test_a_real_frame_with_two_labels_yields_both() -> None:
    mf = load_make_frames()
    qr = np.pad(mf.render_code("qr", "LOYALTY:PLACES1", 4.0), 20, constant_values=255)
    ean = np.pad(mf.render_code("ean13", "4006381333931", 3.0, 90), 20, constant_values=255)
    frame = np.full((300, qr.shape[1] + ean.shape[1] + 40), 255, np.uint8)
    frame[10 : 10 + qr.shape[0], 10 : 10 + qr.shape[1]] = qr
    frame[10 : 10 + ean.shape[0], 30 + qr.shape[1] : 30 + qr.shape[1] + ean.shape[1]] = ean
    cascade = make_decoder("zxing")
    assert isinstance(cascade, CascadeDecoder)
    cascade.expected = 2
    assert sorted(c.text for c in cascade.decode(frame)) == ["4006381333931", "LOYALTY:PLACES1"]
