"""The decode bench on a public-corpus layout: per-symbology table, offline, from a folder.

Why: the bench's corpus mode is how the decoder is held to issue 15's targets; it must
read zxing's / zxing-cpp's black-box layout from a cache folder (never the network),
count the spellings the libraries use as the same code, and print one row per symbology.
The corpus here is drawn in the test, in that layout.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from bench import decode_bench
from bench.decode_corpus import load_corpus, matches
from tests.fixtures.codes import load_make_frames


def write_corpus(root: Path) -> None:
    mf = load_make_frames()
    codes = {
        "ean8-1": ("ean8", "96385074"),
        "ean13-1": ("ean13", "4006381333931"),
        "qrcode-1": ("qr", "LOYALTY:CORPUS1"),
    }
    for folder, (kind, payload) in codes.items():
        (root / folder).mkdir(parents=True)
        label = np.pad(mf.render_code(kind, payload, 3.0), 30, constant_values=255)
        assert cv2.imwrite(str(root / folder / "1.png"), label)
        (root / folder / "1.txt").write_text(payload, encoding="utf-8")
    (root / "falsepositives-1").mkdir()
    blank = np.full((120, 160), 180, np.uint8)
    assert cv2.imwrite(str(root / "falsepositives-1" / "blank.png"), blank)
    (root / "maxicode-1").mkdir()  # a symbology no till meets: skipped
    assert cv2.imwrite(str(root / "maxicode-1" / "1.png"), blank)
    (root / "maxicode-1" / "1.txt").write_text("x", encoding="utf-8")


def test_corpus_layout_is_read_by_symbology(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    samples = load_corpus(tmp_path)
    assert sorted((s.symbology, s.truth) for s in samples) == [
        ("ean13", ("4006381333931",)),
        ("ean8", ("96385074",)),
        ("falsepositives", ()),
        ("qrcode", ("LOYALTY:CORPUS1",)),
    ]
    assert [s.symbology for s in load_corpus(tmp_path, frozenset({"ean8"}))] == ["ean8"]


def test_bench_prints_a_row_per_symbology_and_the_verdicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_corpus(tmp_path)
    decode_bench.main(["--corpus", str(tmp_path), str(tmp_path / "absent")])
    out = capsys.readouterr().out
    assert "absent: not here, skipped" in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line[:2] == "  "}
    assert rows["ean8"][:4] == ["1", "1/1", "[0]", "1/1"]  # images, then the cascade
    assert rows["falsepositives"][0] == "1"
    assert "symbologies below the best raw library: none (ok)" in out
    assert "vs raw-zxing" in out and "time x" in out


@pytest.mark.parametrize(
    ("found", "fmt", "truth", "symbology"),
    [
        ("0012345000065", "UPCE", "01234565", "upce"),  # zxing-cpp's UPC-E spelling
        ("012345000065", "UPCA", "01234565", "upce"),  # ZBar's
        ("A1234567890A", "Codabar", "1234567890", "codabar"),  # start/stop characters
        ("(01)04412345678909", "DataBarOmni", "04412345678909", "rss14"),
        ("0104412345678909", "DataBarOmni", "04412345678909", "rss14"),
        ("(10)567(11)010101", "DataBarExp", "10567\x1d11010101", "rssexpanded"),
        ("BEGIN:VCARD\r\nN:X", "QRCode", "BEGIN:VCARD\nN:X", "qrcode"),
    ],
)
def test_spellings_of_one_code_match(found: str, fmt: str, truth: str, symbology: str) -> None:
    assert matches(found, fmt, truth, symbology)


def test_a_different_code_does_not_match() -> None:
    assert not matches("4006381333931", "EAN13", "4006381333948", "ean13")
    assert not matches("0012345000072", "UPCE", "01234565", "upce")
