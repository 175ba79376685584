"""A public photo corpus for the decode bench: zxing's and zxing-cpp's black-box test images.

Why: frames we render ourselves (bench/make_frames.py) share our own blind spots; the two
libraries' black-box sets are real photos and scans, collected over years by their
maintainers, of every symbology, with the expected text beside each image. The images are
test data of Apache-2.0 projects (zxing: github.com/zxing/zxing, zxing-cpp:
github.com/zxing-cpp/zxing-cpp) under the Apache License 2.0.

Layout read (both projects use it): ``DIR/<symbology>-<n>/<name>.<png|jpg|webp|gif>`` with
``<name>.txt`` holding the expected text. ``falsepositives*`` folders hold images with no
code (every read there is a false positive). Images whose truth is binary (``.bin``) and
folders of symbologies a till never meets are skipped.

The bench never downloads. Fill the cache once from a checkout (zxing-cpp marks
test/samples ``export-ignore``, hence ``--worktree-attributes``)::

    mkdir -p ~/.cache/loyalty-till/zxing-cpp-samples
    git -C zxing-cpp archive --worktree-attributes HEAD test/samples \
        | tar -x -C ~/.cache/loyalty-till/zxing-cpp-samples --strip-components=2
    mkdir -p ~/.cache/loyalty-till/zxing-blackbox
    git -C zxing archive HEAD core/src/test/resources/blackbox \
        | tar -x -C ~/.cache/loyalty-till/zxing-blackbox --strip-components=5
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from devices.gs1 import expand_upce

# Folder prefix -> zxing-cpp format name. Only what a till may meet; the rest is skipped.
SYMBOLOGY_FORMATS = {
    "aztec": "Aztec",
    "codabar": "Codabar",
    "code128": "Code128",
    "code39": "Code39",
    "code93": "Code93",
    "datamatrix": "DataMatrix",
    "ean13": "EAN13",
    "ean8": "EAN8",
    "itf": "ITF",
    "pdf417": "PDF417",
    "qrcode": "QRCode",
    "microqrcode": "MicroQRCode",
    "rss14": "DataBar",
    "rssexpanded": "DataBarExpanded",
    "upca": "UPCA",
    "upce": "UPCE",
    "falsepositives": "",
}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp")
_FOLDER = re.compile(r"^([a-z0-9]+?)(?:-\d+)?$")


@dataclass(frozen=True)
class Sample:
    """One corpus image: where it is, its symbology folder, and the texts it holds."""

    path: Path
    symbology: str
    truth: tuple[str, ...]


def symbology_of(folder: str) -> str | None:
    """``ean8-1`` -> ``ean8``; None for a folder the bench does not use."""
    match = _FOLDER.match(folder)
    if match is None or match.group(1) not in SYMBOLOGY_FORMATS:
        return None
    return match.group(1)


def _truth_text(image: Path) -> str | None:
    txt = image.with_suffix(".txt")
    if not txt.is_file():
        return None
    return txt.read_bytes().decode("utf-8", errors="replace").rstrip("\r\n")


def load_corpus(root: Path, only: frozenset[str] = frozenset()) -> list[Sample]:
    """Every usable image under ``root`` (symbology folders one level down), sorted."""
    if not root.is_dir():
        raise SystemExit(f"{root}: no such corpus folder (see bench/decode_corpus.py)")
    samples: list[Sample] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        symbology = symbology_of(folder.name)
        if symbology is None or (only and symbology not in only):
            continue
        for image in sorted(folder.iterdir()):
            if image.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            if symbology == "falsepositives":
                samples.append(Sample(image, symbology, ()))
                continue
            text = _truth_text(image)
            if text is not None and text:
                samples.append(Sample(image, symbology, (text,)))
    if not samples:
        raise SystemExit(f"{root}: no corpus images found (layout: see bench/decode_corpus.py)")
    return samples


def canonical(text: str, upce: bool = False) -> str:
    """One spelling per GTIN: UPC-E expanded, UPC-A/EAN-13/GTIN as 14 digits; else as is."""
    if not text.isdigit():
        return text
    if upce and len(text) == 8:
        return expand_upce(text).zfill(14)
    if len(text) in (12, 13, 14):
        return text.zfill(14)
    return text


def _spelling(text: str, upce: bool) -> str:
    """Differences of spelling only: line ends, Codabar start/stop, GS1 HRI, ``(01)``."""
    text = text.replace("\r\n", "\n")
    if text.startswith("(") or "\x1d" in text:
        # GS1 element strings: zxing-cpp shows them as HRI, "(10)ABC(11)010101"; the
        # truth files and ZBar give the raw string with GS after variable-length fields.
        text = text.replace("(", "").replace(")", "").replace("\x1d", "")
    if len(text) > 2 and text[0] in "ABCD" and text[-1] in "ABCD" and text[1:-1].isascii():
        text = text[1:-1]  # Codabar start/stop characters, which the truth files omit
    if text.startswith("(01)") and len(text) == 18:
        text = text[4:]  # DataBar Omnidirectional as HRI
    elif text.startswith("01") and len(text) == 16 and text.isdigit():
        text = text[2:]  # ... and as ZBar spells it
    return canonical(text, upce)


def matches(found: str, found_format: str, truth: str, symbology: str) -> bool:
    """Whether a read is the truth text, allowing the spellings the libraries use."""
    if found == truth:
        return True
    return _spelling(found, found_format == "UPCE") == _spelling(truth, symbology == "upce")
