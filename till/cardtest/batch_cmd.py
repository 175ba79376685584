"""``till-cardtest batch``: draw a card batch, register it, write the manufacturer's files.

Order matters: the program's range and the cards are registered with the backend *before*
any file is written, so a manufacturer never receives numbers the backend doesn't know, and
a refusal (range overlap, numbers already issued, wrong manager PIN) leaves nothing behind.
Numbers the backend reports as already issued are excluded and the whole batch is drawn
again, which keeps the draw uniform over the numbers still free.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from till.errors import TillError

HELP = "draw random card numbers for a program, register them and write the manufacturer's CSV"

CSV_NAME = "cards.csv"
SUMMARY_NAME = "batch.json"
IMAGES_DIR = "images"
PARTIAL_NAME = "registered-before-failure.csv"
CHUNK = 1000  # the backend's limit of numbers per POST /v1/cards
_REDRAWS = 20


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--program", required=True, help="card program name, e.g. GOLD")
    p.add_argument(
        "--range",
        required=True,
        metavar="START-END",
        help="references without check digit, same number of digits, e.g. 40000000-49999999",
    )
    p.add_argument("--count", required=True, type=int, help="how many cards")
    p.add_argument("--luhn", action="store_true", help="append an ISO/IEC 7812 check digit")
    p.add_argument("--out", required=True, type=Path, help="new directory for the files")
    p.add_argument("--backend", help="backend URL (default: backend.url of the configuration)")
    p.add_argument("--manager", help="manager who approves the registration (PIN is asked)")
    p.add_argument(
        "--images",
        choices=("svg", "png", "both", "none"),
        default="svg",
        help="card front per number with Code 128 and QR (default svg)",
    )
    p.add_argument("--config", type=Path, help="till configuration file (TOML)")


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from till.cardtest import batch as batchlib
    from till.cardtest import connection

    try:
        rng = batchlib.NumberRange.parse(args.range)
        batchlib.check_request(rng, args.count, args.luhn)
    except batchlib.BatchError as exc:
        _say(f"batch: {exc}")
        return 2
    out: Path = args.out
    if (out / CSV_NAME).exists():
        _say(f"batch: {out} already holds {CSV_NAME}; choose a new directory for this batch.")
        return 2
    try:
        config = connection.load(args.config)
    except TillError as exc:
        _say(f"batch: {exc}")
        return 2
    url = connection.backend_url(config, args.backend)
    registered = False
    try:
        if url:
            batch = _register(args, rng, url, config)
            registered = True
        else:
            _say(
                "batch: no backend given (--backend URL or backend.url): the cards are NOT "
                "registered and numbers already issued are not excluded."
            )
            batch = batchlib.make_batch(args.program, rng, args.count, args.luhn)
    except batchlib.BatchError as exc:
        _say(f"batch: {exc}")
        return 1
    except PartialRegistration as exc:
        out.mkdir(parents=True, exist_ok=True)
        (out / PARTIAL_NAME).write_text("number\n" + "".join(f"{n}\n" for n in exc.registered))
        _say(f"batch: {exc}")
        return 1
    except TillError as exc:
        _say(f"batch: {exc}")
        return 1
    _write(out, batch, args.images, registered, url)
    stats = batch.statistics()
    print(f"{len(batch.rows):,} cards for program {args.program} written to {out / CSV_NAME}")
    print("registered with the backend" if registered else "NOT registered with any backend")
    for line in stats.lines():
        print(line)
    for warning in batch.warnings:
        _say(f"note: {warning}")
    return 0


def _register(args: argparse.Namespace, rng: Any, url: str, config: Any) -> Any:
    from till.backend_client import BackendError
    from till.cardtest import batch as batchlib
    from till.cardtest import connection

    if not args.manager:
        raise TillError("--manager NAME is needed: registering cards needs a manager's approval.")
    key = connection.api_key(config)
    if key.value is None:
        raise TillError(f"No API key for {url}: {key.problem}")
    client = connection.make_client(config, url, key.value)
    approval_ = connection.manager_approval(args.manager)
    first, last = rng.card_number_range(args.luhn)
    try:
        client.put_program(args.program, first, last, approval_)
    except BackendError as exc:
        if exc.code != "range_overlap":
            raise
        other = str(exc.details.get("program") or "")
        ranges = {p.name: p for p in client.programs()}
        span = ranges.get(other)
        where = f" ({span.range_start}-{span.range_end})" if span else ""
        raise batchlib.BatchError(
            f"The backend refused the range {first}-{last} for program {args.program}: it "
            f"overlaps program {other or 'another program'}{where}. Seed 001 asks for distinct "
            "number ranges per program: choose a range outside every other program's range."
        ) from None
    return _register_cards(client, args, rng, approval_)


class PartialRegistration(TillError):
    """Some chunks were registered before a failure: those numbers exist in the backend."""

    def __init__(self, message: str, registered: list[str]) -> None:
        super().__init__(message)
        self.registered = registered


def _register_cards(client: Any, args: argparse.Namespace, rng: Any, approval_: Any) -> Any:
    """POST /v1/cards in chunks (the backend takes at most ``CHUNK`` numbers a request, each
    request all or nothing); numbers reported as issued are replaced by fresh draws."""
    from till.backend_client import BackendError
    from till.cardtest import batch as batchlib

    issued: set[str] = set()
    batch = batchlib.make_batch(args.program, rng, args.count, args.luhn)
    done = 0
    redraws = 0
    while done < len(batch.rows):
        chunk = batch.numbers[done : done + CHUNK]
        try:
            client.register_cards(args.program, chunk, approval_)
        except BackendError as exc:
            clash = exc.details.get("numbers") if exc.code == "card_exists" else None
            if clash and redraws < _REDRAWS:
                redraws += 1
                issued.update(str(n) for n in clash)
                try:
                    batch = batchlib.replace_numbers(batch, issued, issued)
                except batchlib.BatchError as full:
                    raise _partial(str(full), batch.numbers[:done]) from None
                continue
            raise _partial(str(exc), batch.numbers[:done]) from None
        done += len(chunk)
    return batch


def _partial(reason: str, registered: list[str]) -> TillError:
    if not registered:
        return TillError(f"{reason} Nothing was registered.")
    return PartialRegistration(
        f"{reason} {len(registered):,} cards were registered before this; they are listed in "
        f"{PARTIAL_NAME} (registered, not yet given to anyone). No manufacturer file was written.",
        registered,
    )


def _write(out: Path, batch: Any, images: str, registered: bool, url: str) -> None:
    from till.cardtest.card_image import write_card

    out.mkdir(parents=True, exist_ok=True)
    tmp = out / (CSV_NAME + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["number", "track1", "track2", "barcode"])
        for row in batch.rows:
            writer.writerow([row.number, row.track1, row.track2, row.barcode])
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(out / CSV_NAME)
    formats = {"svg": ("svg",), "png": ("png",), "both": ("svg", "png"), "none": ()}[images]
    if formats:
        for row in batch.rows:
            write_card(
                row.barcode, out / IMAGES_DIR, formats, title=f"{batch.program} loyalty card"
            )
    stats = batch.statistics()
    first, last = batch.range.card_number_range(batch.luhn)
    summary = {
        "program": batch.program,
        "range": str(batch.range),
        "card_numbers": f"{first}-{last}",
        "luhn": batch.luhn,
        "count": len(batch.rows),
        "registered": registered,
        "backend": url or None,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "csv_columns": ["number", "track1", "track2", "barcode"],
        "encoding": "tracks 1 and 2 carry the number without sentinels; the encoder adds "
        "the ISO/IEC 7811 start/end sentinels and LRC",
        "statistics": {
            "longest_draw_run": stats.longest_draw_run,
            "draw_run_bound": stats.draw_run_bound,
            "adjacent_pairs": stats.adjacent_pairs,
            "adjacent_expected": round(stats.adjacent_expected, 1),
            "adjacent_sd": round(stats.adjacent_sd, 1),
            "longest_sorted_run": stats.longest_sorted_run,
            "sorted_run_bound": stats.sorted_run_bound,
        },
        "warnings": list(batch.warnings),
    }
    (out / SUMMARY_NAME).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
