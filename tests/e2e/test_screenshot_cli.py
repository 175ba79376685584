from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_screenshot_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(tmp_path),
        XDG_CACHE_HOME=str(tmp_path),
    )
    subprocess.run(
        [sys.executable, "-m", "till", "--screenshot", str(out)],
        check=True,
        env=env,
        timeout=120,
        capture_output=True,
    )
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 1000
