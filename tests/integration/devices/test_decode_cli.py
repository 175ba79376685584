"""``till-cardtest decode`` run as a real subprocess on real image files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np

from tests.fixtures.codes import CodeSamples

ROOT = Path(__file__).resolve().parents[3]


def cardtest(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "till.cardtest.cli", "decode", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_json_lists_every_file_with_its_codes(code_samples: CodeSamples) -> None:
    qr, ean, empty = (
        code_samples.path(n) for n in ("member-qr.jpg", "product-ean13.jpg", "no-code.jpg")
    )
    result = cardtest(str(qr), str(ean), str(empty), "--json")
    assert result.returncode == 1, result.stderr  # one file has no code
    assert json.loads(result.stdout) == [
        {
            "file": str(qr),
            "codes": [{"text": "LOYALTY:46P3YD25", "format": "QRCode", "symbology_id": "]Q1"}],
        },
        {
            "file": str(ean),
            "codes": [{"text": "5112532870466", "format": "EAN13", "symbology_id": "]E0"}],
        },
        {"file": str(empty), "codes": []},
    ]


def test_without_json_one_object_per_line(code_samples: CodeSamples) -> None:
    qr, card = code_samples.path("member-qr.jpg"), code_samples.path("card-code128.jpg")
    result = cardtest(str(qr), str(card))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["file"], [c["text"] for c in e["codes"]]) for e in lines] == [
        (str(qr), ["LOYALTY:46P3YD25"]),
        (str(card), ["1931417058646"]),
    ]
    assert lines[1]["codes"][0]["symbology_id"] == "]C0"


def test_decoder_choice_and_what_the_cascade_adds(code_samples: CodeSamples) -> None:
    # A tilted Code 128: one raw zxing-cpp call misses it, the till's decoder reads it.
    tilted = str(code_samples.path("tilted-code128.jpg"))
    raw = cardtest(tilted, "--json", "--decoder", "raw-zxing")
    ours = cardtest(tilted, "--json", "--decoder", "zxing")
    zbar_first = cardtest(tilted, "--json", "--decoder", "pyzbar")
    assert json.loads(raw.stdout)[0]["codes"] == []
    assert raw.returncode == 1
    for result in (ours, zbar_first):
        assert result.returncode == 0, result.stderr
        assert [c["text"] for c in json.loads(result.stdout)[0]["codes"]] == ["112565178800212"]


def test_missing_and_unreadable_files_are_named(tmp_path: Path) -> None:
    notes = tmp_path / "notes.png"
    notes.write_text("not a picture", encoding="utf-8")
    missing = tmp_path / "gone.jpg"
    result = cardtest(str(missing), str(notes), "--json")
    assert result.returncode == 2
    entries = json.loads(result.stdout)
    assert entries[0] == {"file": str(missing), "codes": [], "error": "no such file"}
    assert entries[1]["error"].startswith("not an image this tool can read")
    assert f"{missing}: no such file" in result.stderr


def test_generated_png_in_color(tmp_path: Path) -> None:
    import qrcode

    qr = qrcode.QRCode(border=4)
    qr.add_data("LOYALTY:CLI-PNG")
    qr.make(fit=True)
    matrix = np.array(qr.get_matrix(), dtype=bool)
    gray = np.where(matrix, 0, 255).astype(np.uint8).repeat(6, 0).repeat(6, 1)
    color = cv2.merge([gray, (gray * 0.8).astype(np.uint8), gray])
    path = tmp_path / "member.png"
    assert cv2.imwrite(str(path), color)
    result = cardtest(str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["codes"][0]["text"] == "LOYALTY:CLI-PNG"


def test_unknown_decoder_is_refused(code_samples: CodeSamples) -> None:
    result = cardtest(str(code_samples.path("member-qr.jpg")), "--decoder", "quagga")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
