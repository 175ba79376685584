"""A real virtual keyboard (``evdev.UInput``) types a swipe; the real reader reads it back.

This is the whole transport against the kernel: the node is created by uinput, opened with
``evdev.InputDevice``, grabbed, and read through ``read_one()``. Machines without
``/dev/uinput`` (containers, this project's CI) skip it; the recorded-trace tests
(tests/unit/devices/test_wedge_*.py) stay the gate there.
"""

from __future__ import annotations

import json
import os
import queue
from pathlib import Path

import pytest

from devices.events import RawRead
from devices.wedge import EvdevWedgeReader

TRACE = Path(__file__).resolve().parents[2] / "data" / "wedge" / "magtek_us.json"
UINPUT = Path("/dev/uinput")

pytestmark = pytest.mark.skipif(
    not (UINPUT.exists() and os.access(UINPUT, os.W_OK)),
    reason="no writable /dev/uinput on this machine (load the uinput module, or run where "
    "it exists): the virtual-keyboard test cannot run; the recorded-trace tests still gate",
)


def test_a_swipe_typed_by_a_uinput_keyboard_is_read_grabbed() -> None:
    from evdev import UInput, ecodes

    trace = json.loads(TRACE.read_text(encoding="utf-8"))
    keys = sorted({code for _ts, ev_type, code, _v in trace["events"] if ev_type == ecodes.EV_KEY})
    reads: queue.Queue[RawRead] = queue.Queue()
    statuses: queue.Queue[str] = queue.Queue()
    with UInput({ecodes.EV_KEY: keys}, name="loyalty-till test wedge") as keyboard:
        path = keyboard.device.path
        reader = EvdevWedgeReader(str(path), "us", "enter", idle_timeout_ms=5000)
        reader.start(reads.put, statuses.put)
        try:
            assert "connected" in statuses.get(timeout=10)
            for _ts, ev_type, code, value in trace["events"]:
                keyboard.write(ev_type, code, value)
                if ev_type == ecodes.EV_KEY:
                    keyboard.syn()
            got = [reads.get(timeout=10).text, reads.get(timeout=10).text]
        finally:
            reader.stop()
    assert got == trace["expected"]
