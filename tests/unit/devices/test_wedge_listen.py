"""``till-cardtest listen --device`` as a subprocess, on a FIFO of kernel-format key events."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from devices.wedge import pack_event

ROOT = Path(__file__).resolve().parents[3]
TRACE = ROOT / "tests" / "data" / "wedge" / "magtek_us.json"


def run_listen(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TILL_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return subprocess.Popen(
        [sys.executable, "-m", "till.cardtest.cli", "listen", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_listen_decodes_a_wedge_trace(tmp_path: Path) -> None:
    fifo = tmp_path / "usb-Mag-Tek_USB_Swipe_Reader-event-kbd"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        trace = json.loads(TRACE.read_text(encoding="utf-8"))
        os.write(writer, b"".join(pack_event(t, c, v, ts) for ts, t, c, v in trace["events"]))
        proc = run_listen(tmp_path, "--device", str(fifo), "--no-grab", "--count", "2", "--json")
        out, err = proc.communicate(timeout=30)
    finally:
        os.close(writer)
    assert proc.returncode == 0, err
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["source"] == f"wedge:{fifo}"
    assert second["text"] == trace["expected"][1]
    assert second["kind"] == "magstripe"


def test_listen_reports_a_device_it_cannot_grab(tmp_path: Path) -> None:
    fifo = tmp_path / "not-an-input-device"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        proc = run_listen(tmp_path, "--device", str(fifo))
        _out, err = proc.communicate(timeout=30)
    finally:
        os.close(writer)
    assert proc.returncode == 1
    assert "cannot be grabbed" in err and "Traceback" not in err
