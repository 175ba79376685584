"""``make demo`` without a display (scripts/demo_headless.py): it says how to see and stop it,
and Ctrl+C leaves no process of the demo behind — not the till, its backend, x11vnc or Xvfb.

The launcher runs in a session of its own, so every process it starts (and they start) is
found by its session id in ``/proc``; none may remain once it has exited.
"""

from __future__ import annotations

import ipaddress
import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "scripts" / "demo_headless.py"
WAIT_S = 60.0  # a bound, not a pace: the loop returns as soon as the demo is up

missing = [p for p in ("Xvfb", "x11vnc") if shutil.which(p) is None]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(missing), reason=f"{' and '.join(missing)} not installed (scripts/bootstrap-system.sh)"
    ),
]


def session_members(sid: int) -> dict[int, str]:
    """pid -> command line of every live process in session ``sid`` (from /proc)."""
    members: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue  # gone meanwhile
        fields = stat[stat.rfind(")") + 2 :].split()
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            members[int(entry)] = cmdline.replace(b"\0", b" ").decode(errors="replace")
    return members


def rfb_banner(port: int) -> bytes:
    """The RFB protocol version the VNC server sends first (RFC 6143, 7.1.1)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        return conn.recv(12)


def listen_addresses(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on ``port`` (from /proc/net/tcp{,6})."""
    found: set[str] = set()
    for table, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state != "0A" or int(port_hex, 16) != port:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            # The kernel prints each 32-bit word in host (little-endian) order.
            words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
            found.add(str(ipaddress.ip_address(words)) if v6 or len(words) == 4 else "?")
    assert found, f"nothing listens on port {port}"
    return found


def read_until(proc: subprocess.Popen[str], wanted: list[str]) -> str:
    """The launcher's output up to the line holding the last of ``wanted``."""
    assert proc.stdout is not None
    out = ""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + WAIT_S
    while not all(w in out for w in wanted):
        assert time.monotonic() < deadline, f"no {wanted!r} in:\n{out}"
        if sel.select(timeout=1.0):
            line = proc.stdout.readline()
            assert line, f"the launcher exited early:\n{out}"
            out += line
    return out


def wait_for(sid: int, *needles: str) -> dict[int, str]:
    deadline = time.monotonic() + WAIT_S
    while True:
        members = session_members(sid)
        if all(any(n in cmd for cmd in members.values()) for n in needles):
            return members
        assert time.monotonic() < deadline, f"not all of {needles} started: {members}"
        time.sleep(0.2)


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_headless_demo_says_how_to_see_it_and_leaves_nothing_behind(
    tmp_path: Path, stop_signal: signal.Signals
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env = {k: v for k, v in env.items() if not k.startswith("TILL_")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), PYTHONUNBUFFERED="1")
    till = Path(sys.executable).with_name("till")
    proc = subprocess.Popen(
        [sys.executable, str(LAUNCHER), "--port", "5960", "--till", str(till)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        out = read_until(proc, ["connect a VNC viewer to 127.0.0.1:", "Ctrl+C stops the demo"])
        assert "(password " in out
        assert rfb_banner(5960).startswith(b"RFB 003.")  # a VNC viewer can connect
        assert listen_addresses(5960) <= {"127.0.0.1", "::1"}  # and only from this machine
        # Everything is up, the backend the till starts included: the check below is not void.
        members = wait_for(proc.pid, "Xvfb", "x11vnc", "--demo", "--exit-with-stdin")
        assert len(members) >= 5, members
        proc.send_signal(stop_signal)
        rest, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 0, rest
    assert "Demo stopped" in rest
    assert session_members(proc.pid) == {}
