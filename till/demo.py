"""Demo mode (``till --demo``, ``make demo``): the reference backend on loopback, demo data.

Why a real backend process and not a mock: the demo shows the till exactly as it runs in a
store — HTTP, journal, sync, OTP by SMS (into an outbox file the demo panel shows) — and
its "backend off" switch shows real offline behaviour. Everything lives in a fresh
temporary directory, removed on exit; the backend is stopped on exit.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.demo_data import cards_json
from server.embedded import EmbeddedBackend

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoRead:
    """One button of the demo panel: what a device would have delivered."""

    label: str
    text: str
    kind: str  # "swipe" | "barcode" | "qr"
    symbology_id: str | None = None
    format: str | None = None


def demo_reads(entries: list[dict[str, Any]] | None = None) -> list[DemoRead]:
    """Sample swipes and scans of the demo data (``resources/demo/cards.json`` is a copy).

    Taken from :func:`server.demo_data.cards_json` itself, so an installed package (which
    has no ``resources/`` folder) shows the same buttons as a checkout.
    """
    if entries is None:
        entries = cards_json()
    reads: list[DemoRead] = []
    for entry in entries:
        label = str(entry.get("label") or "card")
        if entry.get("swipe"):
            reads.append(DemoRead(label, str(entry["swipe"]).rstrip("\r\n"), "swipe"))
        if entry.get("barcode"):
            code = str(entry["barcode"])
            fmt = "EAN13" if len(code) == 13 and code.isdigit() else "Code128"
            sym = "]E0" if fmt == "EAN13" else "]C0"
            reads.append(DemoRead(label, code, "barcode", sym, fmt))
        if entry.get("qr"):
            reads.append(DemoRead(label, str(entry["qr"]), "qr", "]Q1", "QRCode"))
    return reads


class DemoEnvironment:
    """A temporary directory holding the backend's files and the till's own files."""

    def __init__(self, root: Path | None = None, otp_ttl: int = 600) -> None:
        self._owned = root is None
        self.root = Path(tempfile.mkdtemp(prefix="till-demo-")) if root is None else root
        self.backend = EmbeddedBackend(self.root / "backend", otp_ttl=otp_ttl)
        self.till_dir = self.root / "till"

    def start(self) -> EmbeddedBackend:
        self.backend.start()
        return self.backend

    def stop(self) -> None:
        try:
            self.backend.stop()
        finally:
            if self._owned:
                shutil.rmtree(self.root, ignore_errors=True)


def sms_lines(outbox: Path, limit: int = 12) -> list[str]:
    """The newest SMS messages, newest first, as "time  to: text" lines (blocking read)."""
    try:
        raw = outbox.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    lines = []
    for line in raw[-limit:]:
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        at = str(msg.get("at", ""))[11:19]
        lines.append(f"{at}  {msg.get('to', '?')}: {msg.get('text', '')}")
    return lines[::-1]
