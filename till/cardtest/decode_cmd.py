"""``till-cardtest decode``: which codes would the till's camera read in these pictures?

A technician photographs a member card or a phone screen with the till camera (or any
camera) and checks it here with the same decoder the till runs, or with a raw library
call (``--decoder raw-zxing``) to see what the cascade adds. Output, per file:
``{"file", "codes": [{"text", "format", "symbology_id"}]}``, one object per line as each
file is done, or one JSON list with ``--json``. An unreadable file gets an ``"error"``
with the reason instead of codes.

Exit status: 0 a code was found in every file, 1 some file has none, 2 some file could
not be read (or bad arguments).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HELP = "decode barcodes and QR codes in image files (same decoder as the till's camera)"
DECODERS = ("zxing", "pyzbar", "raw-zxing", "raw-pyzbar")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("images", nargs="+", type=Path, metavar="IMAGE", help="image files")
    p.add_argument("--json", action="store_true", help="print one JSON list for all files")
    p.add_argument(
        "--decoder",
        choices=DECODERS,
        default="zxing",
        help="the till's decoder with zxing-cpp (default) or pyzbar first, or one raw library call",
    )


def _decode_file(path: Path, decoder: Any) -> dict[str, Any]:
    import cv2

    entry: dict[str, Any] = {"file": str(path), "codes": []}
    if not path.is_file():
        entry["error"] = "no such file" if not path.exists() else "not a file"
        return entry
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        entry["error"] = "not an image this tool can read (JPEG, PNG, BMP, TIFF, WebP…)"
        return entry
    entry["codes"] = [
        {"text": c.text, "format": c.format, "symbology_id": c.symbology_id}
        for c in decoder.decode(image)
    ]
    return entry


def run(args: argparse.Namespace) -> int:
    from devices.decoder import make_decoder

    decoder = make_decoder(args.decoder)
    results = []
    for path in args.images:
        entry = _decode_file(path, decoder)
        if "error" in entry:
            print(f"{path}: {entry['error']}", file=sys.stderr)
        results.append(entry)
        if not args.json:
            print(json.dumps(entry, ensure_ascii=False), flush=True)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    if any("error" in e for e in results):
        return 2
    return 0 if all(e["codes"] for e in results) else 1
