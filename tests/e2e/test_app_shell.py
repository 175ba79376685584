from __future__ import annotations

import subprocess
import sys

from till import __version__


def test_version_flag() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "till", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in out.stdout
