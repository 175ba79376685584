"""A kiosk without a window manager (issue 12, finding 11): under the xcb platform on a
bare Xvfb, after a dialog closes, the F-keys (real X key events) reach the till again
without anyone clicking it; dialogs are modal to the till window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHILD = Path(__file__).with_name("kiosk_child.py")
ROOT = Path(__file__).resolve().parents[3]


def _free_display() -> int:
    for number in range(90, 190):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def bare_x_server() -> Iterator[str]:
    """An Xvfb with no window manager at all, stopped at the end."""
    if shutil.which("Xvfb") is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is needed for the kiosk test (apt-get install xvfb)")
        pytest.skip("Xvfb is not installed (apt-get install xvfb); CI runs this test")
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 20
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Xvfb :{number} did not start")
            time.sleep(0.05)  # waiting for another process's socket, not for the code under test
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_f_keys_work_after_a_dialog_without_a_window_manager(
    bare_x_server: str, backend: Any, tmp_path: Path
) -> None:
    env = dict(
        os.environ,
        DISPLAY=bare_x_server,
        QT_QPA_PLATFORM="xcb",
        PYTHONPATH=str(ROOT),
        XDG_STATE_HOME=str(tmp_path),
        XDG_CACHE_HOME=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, str(CHILD), backend.url, backend.api_key, str(tmp_path / "till")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.strip().endswith("OK"), (done.stdout, done.stderr[-3000:])
    assert done.returncode == 0
