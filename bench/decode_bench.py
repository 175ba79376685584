"""Codes found, false positives and time per frame: the project's decoder vs raw libraries.

Usage:
    python bench/decode_bench.py DIR [DIR...]        frame sets with truth.json
    python bench/decode_bench.py --generate N OUTDIR  make N frames (bench/make_frames.py),
                                                      then measure them

All decoders see the same frames in the same run, interleaved frame by frame so that a
busy machine slows them alike. A result counts as found when it equals a truth payload
(a UPC-A also when spelt as its 13-digit EAN form); anything else is a false positive.
Targets (issue 4): >= 10% more codes than the best raw library, no more false positives
than it, mean under 33 ms per frame (a 30 fps camera).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from devices.decoder import CascadeDecoder, Decoder, make_decoder  # noqa: E402

RAW = ("raw-zxing", "raw-pyzbar")
TARGET_GAIN, TARGET_MS = 1.10, 33.0


@dataclass
class Tally:
    found: int = 0
    false_positives: int = 0
    ms: list[float] = field(default_factory=list)
    passes: Counter[str] = field(default_factory=Counter)

    def mean_ms(self) -> float:
        return statistics.fmean(self.ms) if self.ms else 0.0

    def p95_ms(self) -> float:
        if len(self.ms) < 2:
            return self.mean_ms()
        return statistics.quantiles(self.ms, n=20, method="inclusive")[18]


def same_code(found: str, truth: str) -> bool:
    """Equal, or the same GTIN spelt with and without the UPC-A leading zero."""
    if found == truth:
        return True
    if found.isdigit() and truth.isdigit():
        return found.lstrip("0") == truth.lstrip("0") and {len(found), len(truth)} == {12, 13}
    return False


def load_set(folder: Path) -> dict[Path, list[str]]:
    truth_file = folder / "truth.json"
    if not truth_file.is_file():
        raise SystemExit(f"{folder}: no truth.json here (file -> list of payloads)")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    return {folder / name: list(payloads) for name, payloads in sorted(truth.items())}


def measure(frames: dict[Path, list[str]], decoders: dict[str, Decoder]) -> dict[str, Tally]:
    tallies = {name: Tally() for name in decoders}
    for path, truth in frames.items():
        read = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if read is None:
            raise SystemExit(f"{path}: not a readable image")
        image = np.asarray(read, dtype=np.uint8)
        for name, decoder in decoders.items():
            start = time.perf_counter()
            codes = decoder.decode(image)
            elapsed = (time.perf_counter() - start) * 1000.0
            tally = tallies[name]
            tally.ms.append(elapsed)
            texts = {c.text for c in codes}
            tally.found += sum(1 for t in truth if any(same_code(x, t) for x in texts))
            tally.false_positives += sum(
                1 for x in texts if not any(same_code(x, t) for t in truth)
            )
            if isinstance(decoder, CascadeDecoder):
                tally.passes[decoder.last_pass or "(nothing)"] += 1
    return tallies


def report(label: str, frames: dict[Path, list[str]], tallies: dict[str, Tally]) -> bool:
    total = sum(len(v) for v in frames.values())
    print(f"\n{label}: {len(frames)} frames, {total} codes in truth")
    print(f"  {'decoder':<12}{'found':>7}{'false+':>8}{'ms/frame':>10}{'p95 ms':>9}")
    for name, t in tallies.items():
        print(
            f"  {name:<12}{t.found:>7}{t.false_positives:>8}{t.mean_ms():>10.1f}{t.p95_ms():>9.1f}"
        )
    best_raw = max(RAW, key=lambda n: (tallies[n].found, -tallies[n].false_positives))
    ours, best = tallies["zxing"], tallies[best_raw]
    ratio = ours.found / best.found if best.found else float("inf")
    ok_found = ratio >= TARGET_GAIN
    ok_fp = ours.false_positives <= best.false_positives
    ok_ms = ours.mean_ms() < TARGET_MS
    print(
        f"  project decoder vs best raw ({best_raw}): found x{ratio:.2f} "
        f"({'ok' if ok_found else 'MISSED'} >= x{TARGET_GAIN:.2f}), "
        f"false positives {ours.false_positives} vs {best.false_positives} "
        f"({'ok' if ok_fp else 'MISSED'}), "
        f"{ours.mean_ms():.1f} ms mean ({'ok' if ok_ms else 'MISSED'} < {TARGET_MS:.0f})"
    )
    settled = ", ".join(f"{k} {v}" for k, v in ours.passes.most_common())
    print(f"  frames settled by pass: {settled}")
    return ok_found and ok_fp and ok_ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, help="frame folders with truth.json")
    parser.add_argument(
        "--generate",
        nargs=2,
        metavar=("N", "OUTDIR"),
        help="first make N camera-like frames in OUTDIR (bench/make_frames.py), then measure",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for --generate (default 1)")
    args = parser.parse_args(argv)
    dirs: list[Path] = list(args.dirs)
    if args.generate:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import make_frames

        count, outdir = int(args.generate[0]), Path(args.generate[1])
        make_frames.make_set(count, outdir, seed=args.seed)
        dirs.append(outdir)
    if not dirs:
        parser.error("give a frame folder, or --generate N OUTDIR")
    decoders: dict[str, Decoder] = {
        name: make_decoder(name) for name in ("zxing", "raw-zxing", "raw-pyzbar")
    }
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{os.cpu_count()} CPUs, load average {load:.1f} at start "
        "(times scale with load: compare against the raw calls in the same run)"
    )
    all_ok = True
    for folder in dirs:
        frames = load_set(folder)
        first = next(iter(frames))
        warm = np.asarray(cv2.imread(str(first), cv2.IMREAD_COLOR), dtype=np.uint8)
        for decoder in decoders.values():
            decoder.decode(warm)
        all_ok &= report(str(folder), frames, measure(frames, decoders))
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
