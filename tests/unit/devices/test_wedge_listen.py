"""``till-cardtest listen --device``: the real command over python-evdev's API.

The trace is typed by the fake kernel device (tests/fixtures/input_devices.py; no
/dev/uinput here) into the real reader, router and output; a node that is no input device
is refused by the real python-evdev call, in a real subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.input_devices import FakeKernel
from till.cardtest.cli import main

ROOT = Path(__file__).resolve().parents[3]
TRACE = ROOT / "tests" / "data" / "wedge" / "magtek_us.json"
PATH = "/dev/input/by-id/usb-Mag-Tek_USB_Swipe_Reader-event-kbd"


def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in [k for k in os.environ if k.startswith("TILL_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def test_listen_decodes_a_wedge_trace(
    input_devices: FakeKernel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    clean_env(tmp_path, monkeypatch)
    trace = json.loads(TRACE.read_text(encoding="utf-8"))
    device = input_devices.plug(PATH)
    device.send(trace["events"])
    assert main(["listen", "--device", PATH, "--count", "2", "--json"]) == 0
    captured = capsys.readouterr()
    first, second = (json.loads(line) for line in captured.out.splitlines())
    assert first["source"] == f"wedge:{PATH}"
    assert second["text"] == trace["expected"][1]
    assert second["kind"] == "magstripe"
    assert "Stopped after 2 read(s)." in captured.err
    assert device.closed and not device.grabbed


def test_listen_reports_a_node_that_is_no_input_device(tmp_path: Path) -> None:
    fifo = tmp_path / "not-an-input-device"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TILL_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "till.cardtest.cli", "listen", "--device", str(fifo)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    finally:
        os.close(writer)
    assert proc.returncode == 1
    assert "is not an input (evdev) device" in proc.stderr and "Traceback" not in proc.stderr
