"""The till names where its API key came from (never the key itself)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_key_source_is_named_and_the_key_is_not(tmp_path: Path) -> None:
    creds = tmp_path / "creds"
    creds.mkdir()
    (creds / "till-api-key").write_text("tk-secret-0123456789\n")
    env = dict(
        os.environ,
        CREDENTIALS_DIRECTORY=str(creds),
        TILL_BACKEND_URL="http://127.0.0.1:9",
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        QT_QPA_PLATFORM="offscreen",
    )
    out = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-m", "till", "--screenshot", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "systemd credential" in done.stderr
    assert "tk-secret-0123456789" not in done.stderr + done.stdout
