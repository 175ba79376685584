"""The project's decoder on camera-like frames, all drawn by the tests (tests/fixtures/codes.py).

What must hold: every payload a raw library call finds, the cascade finds too (it starts
with that call); nothing outside the truth is reported; and on hard frames (small, tilted,
washed-out, soft codes) it finds more than either library alone.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.decoder import DecodedCode, make_decoder
from tests.fixtures.codes import CodeSamples, load_make_frames


def same_code(found: str, truth: str) -> bool:
    """Equal, or one GTIN spelt as UPC-A (12 digits) and as EAN-13 (leading 0)."""
    if found == truth:
        return True
    return {len(found), len(truth)} == {12, 13} and (found == "0" + truth or truth == "0" + found)


def found_in(truth: list[str], codes: list[DecodedCode]) -> set[str]:
    return {t for t in truth if any(same_code(c.text, t) for c in codes)}


def outside(truth: list[str], codes: list[DecodedCode]) -> list[str]:
    return [c.text for c in codes if not any(same_code(c.text, t) for t in truth)]


def test_sample_frames_cascade_keeps_every_raw_find_and_adds_more(
    code_samples: CodeSamples,
) -> None:
    ours, raw_zxing, raw_zbar = (
        make_decoder("zxing"),
        make_decoder("raw-zxing"),
        make_decoder("raw-pyzbar"),
    )
    totals = {"ours": 0, "raw-zxing": 0, "raw-pyzbar": 0}
    for name, truth in sorted(code_samples.set_truth.items()):
        image = cv2.imread(str(code_samples.set_dir / name), cv2.IMREAD_COLOR)
        assert image is not None, name
        mine = ours.decode(image)
        zx, zb = raw_zxing.decode(image), raw_zbar.decode(image)
        assert outside(truth, mine) == [], f"{name}: reported a code that is not there"
        # The first pass is the raw zxing call and the cascade also runs ZBar; anything
        # either finds alone must survive. (Raw zxing's own false positives are not truth.)
        raw_found = found_in(truth, zx) | found_in(truth, zb)
        assert raw_found <= found_in(truth, mine), f"{name}: lost a code a raw call finds"
        totals["ours"] += len(found_in(truth, mine))
        totals["raw-zxing"] += len(found_in(truth, zx))
        totals["raw-pyzbar"] += len(found_in(truth, zb))
    assert totals["ours"] > max(totals["raw-zxing"], totals["raw-pyzbar"]), totals


def test_color_and_gray_frames_give_the_same_codes(code_samples: CodeSamples) -> None:
    decoder = make_decoder("zxing")
    image = cv2.imread(str(code_samples.path("member-qr.jpg")), cv2.IMREAD_COLOR)
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert decoder.decode(image) == decoder.decode(gray)
    assert [c.text for c in decoder.decode(gray)] == code_samples.truth["member-qr.jpg"]


# Hard cases made here, one fault each, so a regression names the fault it broke.
HARD_CASES = {
    "tilted-code128": (
        "code128",
        "4006381333931",
        dict(module_px=2.2, angle_deg=23.0, blur_sigma=0.8),
    ),
    "tilted-ean13": (
        "ean13",
        "5901234123457",
        dict(module_px=2.4, angle_deg=-31.0, noise_sigma=6.0),
    ),
    "small-qr": ("qr", "LOYALTY:SMALLQR1", dict(module_px=1.5, angle_deg=12.0, noise_sigma=3.0)),
    "washed-out-qr": (
        "qr",
        "https://rewards.example/m/ab12cd34",
        dict(module_px=2.2, contrast=0.15, noise_sigma=6.0),
    ),
    "soft-code128": ("code128", "123456789012", dict(module_px=2.6, blur_sigma=1.6, angle_deg=4.0)),
    "upright-upca": ("upca", "036000291452", dict(module_px=2.5, angle_deg=2.0, noise_sigma=4.0)),
}


@pytest.mark.parametrize("case", sorted(HARD_CASES))
def test_generated_hard_frames_are_read(case: str) -> None:
    mf = load_make_frames()
    kind, payload, spoil = HARD_CASES[case]
    rng = np.random.default_rng(sum(map(ord, case)))
    frame, truth = mf.make_frame(rng, kind, mf.Spoil(**spoil), payload=payload)
    frame = mf.jpeg_roundtrip(frame, 80)
    codes = make_decoder("zxing").decode(frame)
    assert found_in(truth, codes) == set(truth), f"{case}: got {[c.text for c in codes]}"
    assert outside(truth, codes) == []


def test_generated_set_more_than_either_library_and_no_false_positives() -> None:
    mf = load_make_frames()
    rng = np.random.default_rng(20261123)
    ours, raw_zxing, raw_zbar = (
        make_decoder("zxing"),
        make_decoder("raw-zxing"),
        make_decoder("raw-pyzbar"),
    )
    totals = {"ours": 0, "raw-zxing": 0, "raw-pyzbar": 0, "codes": 0}
    for i in range(36):
        kind = None if i % 6 == 5 else mf.KINDS[i % 4]
        frame, truth = mf.make_frame(rng, kind)
        frame = mf.jpeg_roundtrip(frame, int(rng.integers(50, 90)))
        mine = ours.decode(frame)
        assert outside(truth, mine) == [], f"frame {i}: false positive"
        totals["codes"] += len(truth)
        totals["ours"] += len(found_in(truth, mine))
        totals["raw-zxing"] += len(found_in(truth, raw_zxing.decode(frame)))
        totals["raw-pyzbar"] += len(found_in(truth, raw_zbar.decode(frame)))
    best_raw = max(totals["raw-zxing"], totals["raw-pyzbar"])
    assert totals["ours"] >= best_raw * 1.1 and totals["ours"] > best_raw, totals
