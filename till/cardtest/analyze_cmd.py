"""``till-cardtest analyze``: what exactly is on this card, and would the till take it?

A technician pipes in (or, on a terminal, swipes into) exactly what a wedge reader typed,
terminator included, and gets the same analysis the till makes: each track, the card kind,
the card number and every seed-001 check with its sentence. The same parser as the till runs
here, so a sample card that passes here passes at the till (seed 001 asks for sample-card
testing before a batch is ordered). Bank cards are shown masked only.

Exit status: 0 the till would accept the card, 1 it would refuse it (bank card, unreadable,
a check failed), 2 bad arguments or configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "analyse one raw card swipe read from standard input (tracks, kind, number, checks)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--config", type=Path, help="till configuration file (TOML)")
    p.add_argument("--prefix", help="reader prefix to strip (default: devices.read_prefix)")
    p.add_argument("--suffix", help="reader suffix to strip (default: devices.read_suffix)")
    p.add_argument(
        "--range",
        action="append",
        dest="ranges",
        metavar="START-END",
        help="program card range, repeatable (default: devices.card_ranges)",
    )
    p.add_argument(
        "--require-luhn",
        action="store_true",
        default=None,
        help="refuse cards whose Luhn check digit is wrong (default: devices.require_luhn)",
    )


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _visible(text: str) -> str:
    """Control characters written as escapes, so a technician sees what the reader typed."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def _read_swipe() -> str:
    stdin = sys.stdin
    if stdin is None:
        return ""
    if stdin.isatty():
        _say("Swipe the card now (the reader types into this terminal, ending with Enter).")
        return stdin.readline()
    return stdin.buffer.read().decode("utf-8", errors="replace")


def run(args: argparse.Namespace) -> int:
    from devices.card_rules import parse_card_range
    from devices.magstripe import SwipeSettings, parse_swipe
    from till.config import load_config
    from till.errors import ConfigError

    try:
        config, _ = load_config(args.config)
    except ConfigError as exc:
        _say(f"till-cardtest analyze: {exc}")
        return 2
    devices = config.devices
    ranges = list(args.ranges) if args.ranges else list(devices.card_ranges)
    for text in ranges:
        try:
            parse_card_range(text)
        except ValueError as exc:
            _say(f"till-cardtest analyze: {exc}")
            return 2
    settings = SwipeSettings(
        read_prefix=devices.read_prefix if args.prefix is None else args.prefix,
        read_suffix=devices.read_suffix if args.suffix is None else args.suffix,
        card_ranges=tuple(ranges),
        require_luhn=devices.require_luhn if args.require_luhn is None else args.require_luhn,
    )
    analysis = parse_swipe(_read_swipe(), settings)
    if args.json:
        print(json.dumps(analysis.to_json()))
    else:
        for number in (1, 2, 3):
            track = analysis.tracks.get(number)
            if track is None:
                print(f"Track {number}: absent")
                continue
            shown = "(no data)" if track.data is None else _visible(track.data)
            state = "ERROR" if track.error else "ok"
            line = f"Track {number}: {state:5} {shown}"
            print(f"{line}  - {track.message}" if track.message else line)
        print(f"Kind: {analysis.kind}")
        print(f"Card number: {analysis.card_number or '(none)'}")
        print("Checks:")
        for check in analysis.checks:
            mark = "ok" if check.ok else ("FAIL" if check.blocking else "note")
            print(f"  {mark:4}  {check.id:16} {check.message}")
        for note in analysis.notes:
            print(f"Note: {note}")
        if analysis.accepted:
            print("Verdict: the till accepts this card.")
        else:
            print(f"Verdict: the till refuses this card. {analysis.message}".rstrip())
    return 0 if analysis.accepted else 1
