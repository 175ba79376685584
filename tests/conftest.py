"""Shared test setup: offscreen Qt, and fixture modules from tests/fixtures/ loaded as plugins.

Each area keeps its fixtures in its own module under tests/fixtures/ (backend server,
journal, devices, …) so that no one file is edited by everybody.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep tests away from the developer's real config, data and keyring.
os.environ.pop("TILL_CONFIG", None)

pytest_plugins = sorted(
    f"tests.fixtures.{p.stem}"
    for p in (Path(__file__).parent / "fixtures").glob("*.py")
    if p.stem != "__init__"
)
