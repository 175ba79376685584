"""``make demo`` on a machine without a display: a virtual screen you can look at, then the till.

Starts Xvfb (the virtual X server), x11vnc on it — listening on 127.0.0.1 only, with a
password made for this run and printed once — and ``till --demo`` (which starts the embedded
reference backend itself). It says in plain words where to look and how to stop. On Ctrl+C
or SIGTERM it stops the till, the VNC server and the X server, each by its process group,
and waits for them: nothing of the demo is left running (tests/e2e/test_demo_cli.py checks).

Why a password and not ``-nopw``: loopback-only still lets every local user (and anything
tunnelled to the machine) watch and drive the till. VNC passwords are at most 8 characters
(RFB 3.8 DES challenge), so it keeps a demo honest, not secure.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCREEN = "1920x1080x24"


class DemoError(Exception):
    """Something the user can fix, said in words (a missing program, a port in use)."""


def _free_port(first: int) -> int:
    """The first TCP port from ``first`` that nothing listens on at 127.0.0.1."""
    for port in range(first, first + 100):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise DemoError(f"no free VNC port between {first} and {first + 99} on 127.0.0.1")


def _need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise DemoError(
            f"{program} is not installed: run scripts/bootstrap-system.sh as root "
            f"(or apt-get install {'xvfb' if program == 'Xvfb' else program})"
        )
    return path


class Demo:
    """The three process groups of a headless demo, stopped in reverse order."""

    def __init__(self, till: list[str], port: int) -> None:
        self.till_cmd = till
        self.first_port = port
        self.procs: list[tuple[str, subprocess.Popen[bytes]]] = []
        self.workdir = Path(tempfile.mkdtemp(prefix="till-demo-"))

    def _spawn(self, name: str, cmd: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        # Own process group: a Ctrl+C reaches only this launcher, which stops each group in
        # order; killing the group also takes any child the program started. Should the
        # launcher itself be killed outright, the kernel sends each child SIGTERM.
        proc: subprocess.Popen[bytes] = subprocess.Popen(
            cmd, process_group=0, preexec_fn=_terminate_with_parent, **kwargs
        )
        self.procs.append((name, proc))
        return proc

    def start_x(self) -> str:
        read_fd, write_fd = os.pipe()
        self._spawn(
            "X server",
            [_need("Xvfb"), "-displayfd", str(write_fd), "-screen", "0", SCREEN],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=(self.workdir / "xvfb.log").open("wb"),
        )
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as pipe:
            number = pipe.readline().strip().decode()  # Xvfb writes it once it accepts clients
        if not number.isdigit():
            raise DemoError(f"the virtual X server did not start (see {self.workdir}/xvfb.log)")
        return f":{number}"

    def start_vnc(self, display: str) -> tuple[int, str]:
        password = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(8))
        passfile = self.workdir / "vnc.passwd"
        subprocess.run(
            [_need("x11vnc"), "-storepasswd", password, str(passfile)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port = _free_port(self.first_port)
        log = (self.workdir / "x11vnc.log").open("wb")
        self._spawn(
            "VNC server",
            [
                _need("x11vnc"),
                "-display",
                display,
                "-localhost",
                "-rfbport",
                str(port),
                "-rfbauth",
                str(passfile),
                "-forever",
                "-shared",
                "-nossl",
                "-quiet",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return port, password
            if self.procs[-1][1].poll() is not None:
                break
            time.sleep(0.1)
        raise DemoError(f"x11vnc did not start (see {self.workdir}/x11vnc.log)")

    def start_till(self, display: str) -> subprocess.Popen[bytes]:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        return self._spawn("till", self.till_cmd, env=env, cwd=ROOT)

    def stop(self) -> None:
        """SIGTERM every group (newest first), then SIGKILL what is left after 10 s."""
        for _name, proc in reversed(self.procs):
            _signal_group(proc, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for _name, proc in reversed(self.procs):
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(max(0.1, deadline - time.monotonic()))
            _signal_group(proc, signal.SIGKILL)  # anything the group still holds
            proc.wait()
        self.procs.clear()
        shutil.rmtree(self.workdir, ignore_errors=True)


def _terminate_with_parent() -> None:
    """In the child before exec: prctl(PR_SET_PDEATHSIG, SIGTERM) (Linux only)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG = 1 (linux/prctl.h)
    except (OSError, AttributeError):
        pass


def _signal_group(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5900, help="first VNC port to try")
    parser.add_argument(
        "--till", default=str(ROOT / ".venv/bin/till"), help="the till program to run"
    )
    args = parser.parse_args(argv)
    demo = Demo([args.till, "--demo"], args.port)
    stopping = False

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise KeyboardInterrupt

    # SIGHUP too: closing the terminal (or the ssh session) must not orphan the demo.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    try:
        print("No display found: starting a virtual screen (Xvfb) and a VNC server to see it.")
        display = demo.start_x()
        port, password = demo.start_vnc(display)
        till = demo.start_till(display)
        print(f"The demo till is starting on the virtual screen {display}.")
        print(f"connect a VNC viewer to 127.0.0.1:{port} (password {password}),")
        print(
            f"  e.g. vncviewer 127.0.0.1::{port}  — from another machine: ssh -L {port}:"
            f"127.0.0.1:{port} this-host, then the same address there."
        )
        print("Ctrl+C stops the demo (the till, its backend, the VNC and X servers).", flush=True)
        code = till.wait()
        print(f"The till exited (status {code}); stopping the VNC and X servers.")
        return 0 if code == 0 else 1
    except KeyboardInterrupt:
        print("\nStopping the demo…", flush=True)
        return 0
    except DemoError as exc:
        print(f"make demo: {exc}", file=sys.stderr)
        return 1
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        demo.stop()
        print("Demo stopped: nothing of it is left running.", flush=True)


if __name__ == "__main__":
    sys.exit(main())
