"""Identify latency: from the last key of a swipe to the member panel filled.

What is timed, per swipe: a reader thread decodes the swipe's key events with the real
``WedgeDecoder`` (US layout, Enter terminator, as a USB magstripe reader types them); the
clock starts when the decoder receives the final key (Enter) and stops when the member
panel of the real window (offscreen) shows the member — through the hub, router, magstripe
parser, Qt signal, TaskRunner, HTTP lookup against the embedded backend on loopback, local
cache write and the panel refresh. Consecutive swipes alternate between demo cards, so every
swipe changes the member on the sale.

Usage: ``python bench/identify_bench.py [--swipes 200]``. Goal: p99 under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from devices import keymaps
from devices.events import RawRead, ReadCallback
from devices.wedge import WedgeDecoder
from server.embedded import EmbeddedBackend
from till.app import close_till, open_till
from till.config import build_config

EV_KEY = 1
CARDS = Path(__file__).resolve().parent.parent / "resources" / "demo" / "cards.json"


def key_events(text: str, layout: keymaps.Layout) -> list[tuple[float, int, int, int]]:
    """The key events a US-layout wedge reader sends to type ``text`` then Enter."""
    where: dict[str, tuple[int, bool]] = {}
    for code, (plain, shifted, _) in layout.keys.items():
        if plain and plain not in where:
            where[plain] = (code, False)
        if shifted and shifted not in where:
            where[shifted] = (code, True)
    events: list[tuple[float, int, int, int]] = []
    t = 0.0
    for ch in text:
        code, shift = where[ch]
        if shift:
            events.append((t, EV_KEY, keymaps.KEY_LEFTSHIFT, 1))
        events += [(t, EV_KEY, code, 1), (t, EV_KEY, code, 0)]
        if shift:
            events.append((t, EV_KEY, keymaps.KEY_LEFTSHIFT, 0))
        t += 0.002
    events += [(t, EV_KEY, keymaps.KEY_ENTER, 1), (t, EV_KEY, keymaps.KEY_ENTER, 0)]
    return events


class BenchWedgeReader:
    """A wedge reader whose "device" is a list of recorded key events (no /dev/input)."""

    name = "bench-wedge"

    def __init__(self) -> None:
        self.decoder = WedgeDecoder("us", "enter")
        self._on_read: ReadCallback | None = None

    def start(self, on_read: ReadCallback, on_status: Callable[[str], None] | None = None) -> None:
        self._on_read = on_read

    def stop(self) -> None:
        self._on_read = None

    def swipe(self, events: list[tuple[float, int, int, int]], mark: Callable[[], None]) -> None:
        """Decode on a reader thread; ``mark`` is called as the final key is fed."""

        def run() -> None:
            *head, enter_down, enter_up = events
            for ev in head:
                self.decoder.feed(*ev)
            mark()
            reads = self.decoder.feed(*enter_down) + self.decoder.feed(*enter_up)
            assert self._on_read is not None
            for r in reads:
                self._on_read(RawRead(r.text, source=self.name))

        thread = threading.Thread(target=run)
        thread.start()
        thread.join()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--swipes", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    cards = [c for c in json.loads(CARDS.read_text()) if c.get("swipe") and c.get("customer")]
    cards = [c for c in cards if "INACTIVE" not in str(c.get("notes", ""))]
    layout = keymaps.layout("us")
    with tempfile.TemporaryDirectory(prefix="identify-bench-") as tmp:
        backend = EmbeddedBackend(Path(tmp) / "backend")
        backend.start()
        reader = BenchWedgeReader()
        config = build_config({"backend": {"health_interval_s": 5.0}}, {})
        ctx, window = open_till(
            config,
            base_url=backend.url,
            api_key=backend.api_key,
            data_dir=Path(tmp) / "till",
            readers=[reader],
        )
        window.show()
        names = {c["number"]: c["label"] for c in cards}
        samples: list[float] = []
        started = [0.0]
        done = [0.0]

        def filled() -> None:
            member = window.member_panel.member
            if member is not None and window.member_panel.name_label.text() == member.name:
                done[0] = time.perf_counter()

        window.flow.changed.connect(filled)  # after the window's own refresh slot
        try:
            deadline = time.monotonic() + 30
            while ctx.session is None and time.monotonic() < deadline:
                app.processEvents()
            for i in range(args.swipes + 5):  # 5 warm-up swipes, not counted
                card = cards[i % len(cards)]
                events = key_events(card["swipe"].rstrip("\n"), layout)
                done[0] = 0.0

                def mark() -> None:
                    started[0] = time.perf_counter()

                reader.swipe(events, mark)
                limit = time.monotonic() + 10
                while (
                    not done[0]
                    or window.member_panel.name_label.text() != names[card["number"]].split(" (")[0]
                ):
                    app.processEvents()
                    if time.monotonic() > limit:
                        print(f"swipe {i}: member panel not filled in 10 s", file=sys.stderr)
                        return 1
                if i >= 5:
                    samples.append((done[0] - started[0]) * 1000)
        finally:
            close_till(ctx, window)
            backend.stop()
    samples.sort()
    p50 = statistics.median(samples)
    p99 = samples[min(len(samples) - 1, round(0.99 * len(samples)) - 1)]
    print(f"identify bench: {len(samples)} swipes (wedge decoding -> member panel filled)")
    print(f"  p50 {p50:.1f} ms   p99 {p99:.1f} ms   max {samples[-1]:.1f} ms")
    print(f"  goal p99 < 100 ms: {'met' if p99 < 100 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
