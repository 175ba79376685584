"""``till-cardtest listen``: watch one reader live, byte for byte, as the till would see it.

The technician's question is usually "what exactly does this reader send?": a missing
terminator, a prefix, a wrong keyboard layout or parity all show in the hex at once. Each read
is printed as hex and text, then as the till's router classifies it. Bank-card data is shown
masked only (PCI DSS: never display full track data), hex included.

Exit status: 0 after Ctrl-C or ``--count`` reads, 1 when the reader cannot be opened,
2 bad arguments or configuration.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

HELP = "print each read of one wedge or serial reader live (hex and parsed); Ctrl-C stops"


def add_arguments(p: argparse.ArgumentParser) -> None:
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--device", metavar="PATH|VID:PID", help="keyboard-wedge reader (/dev/input/by-id/...)"
    )
    which.add_argument("--serial", metavar="PORT", help="serial reader (/dev/serial/by-id/...)")
    p.add_argument("--config", type=Path, help="till configuration file (TOML) for defaults")
    p.add_argument("--layout", choices=("us", "de"), help="wedge keyboard layout")
    p.add_argument(
        "--terminator",
        help="end of a read: enter|kp_enter|tab|none (wedge), cr|lf|crlf|etx (serial)",
    )
    p.add_argument("--no-grab", action="store_true", help="do not take the wedge exclusively")
    p.add_argument("--baud", type=int, help="serial speed")
    p.add_argument("--framing", help="serial framing: 8N1, 7E1, 7O1, 8E1, ...")
    p.add_argument("--stx-etx", action="store_true", default=None, help="STX ... ETX blocks")
    p.add_argument("--bcc", action="store_true", default=None, help="BCC byte after ETX")
    p.add_argument("--count", type=int, default=0, help="stop after this many reads (0: never)")
    p.add_argument("--json", action="store_true", help="one JSON object per read")


def _hex(text: str) -> str:
    return text.encode("utf-8").hex(" ")


def _visible(text: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def describe(raw: Any, ident: Any) -> dict[str, Any]:
    """The printable facts of one read; raw text only when it holds no card-like data."""
    from devices.router import holds_card_number
    from till.logs import redact

    masked = (
        ident.card_kind in ("bank", "licence")
        or redact(raw.text) != raw.text
        or holds_card_number(raw.text)
    )
    shown = ident.raw if masked else raw.text
    detail = getattr(ident.detail, "to_json", None)
    return {
        "at": raw.at.isoformat(),
        "source": raw.source,
        "length": len(raw.text),
        "hex": _hex(shown),
        "text": shown,
        "masked": masked,
        "error": raw.error,
        "kind": str(ident.kind),
        "card_kind": ident.card_kind,
        "value": ident.value,
        "message": ident.message,
        "analysis": detail() if callable(detail) else None,
    }


def _print_text(facts: dict[str, Any]) -> None:
    at = datetime.fromisoformat(facts["at"]).astimezone().strftime("%H:%M:%S")
    lines = [f"[{at}] {facts['source']}: {facts['length']} characters"]
    if facts["masked"]:
        lines.append("  (bank card or identity document: shown masked)")
    lines.append(f"  hex:   {facts['hex']}")
    lines.append(f"  text:  {_visible(facts['text'])}")
    if facts["error"]:
        lines.append(f"  error: {facts['error']}")
    value = facts["value"] if facts["value"] is not None else "-"
    lines.append(f"  till:  {facts['kind']} -> {value}")
    if facts["message"]:
        lines.append(f"         {facts['message']}")
    print("\n".join(lines), flush=True)


def _make_reader(args: argparse.Namespace, devices: Any) -> Any:
    if args.device:
        from devices.wedge import EvdevWedgeReader

        return EvdevWedgeReader(
            args.device,
            layout=args.layout or devices.wedge_layout,
            terminator=args.terminator or devices.wedge_terminator,
            idle_timeout_ms=devices.wedge_idle_timeout_ms,
            grab=not args.no_grab,
        )
    from devices.serial_reader import SerialReader

    return SerialReader(
        args.serial,
        baud=args.baud or devices.serial_baud,
        framing=args.framing or devices.serial_framing,
        terminator=args.terminator or devices.serial_terminator,
        stx_etx=devices.serial_stx_etx if args.stx_etx is None else args.stx_etx,
        use_bcc=devices.serial_bcc if args.bcc is None else args.bcc,
    )


def run(args: argparse.Namespace) -> int:
    from devices.errors import DeviceError
    from devices.events import RawRead
    from devices.router import Router, RouterSettings
    from till.config import load_config
    from till.errors import ConfigError

    try:
        config, _used = load_config(args.config)
        router = Router(RouterSettings.from_config(config.devices))
        reader = _make_reader(args, config.devices)
    except (ConfigError, ValueError) as exc:
        print(f"till-cardtest listen: {exc}", file=sys.stderr)
        return 2

    reads: queue.Queue[RawRead] = queue.Queue()

    def status(message: str) -> None:
        print(f"{reader.name}: {message}", file=sys.stderr, flush=True)

    try:
        reader.start(reads.put, status)
    except DeviceError as exc:
        print(f"till-cardtest listen: {exc}", file=sys.stderr)
        return 1
    print(f"Listening on {reader.name}; Ctrl-C stops.", file=sys.stderr, flush=True)
    seen = 0
    try:
        while not args.count or seen < args.count:
            try:
                raw = reads.get(timeout=0.5)  # a timeout keeps Ctrl-C responsive
            except queue.Empty:
                continue
            seen += 1
            facts = describe(raw, router.route(raw))
            if args.json:
                print(json.dumps(facts, ensure_ascii=False), flush=True)
            else:
                _print_text(facts)
    except KeyboardInterrupt:
        pass
    finally:
        reader.stop()
    print(f"Stopped after {seen} read(s).", file=sys.stderr, flush=True)
    return 0
