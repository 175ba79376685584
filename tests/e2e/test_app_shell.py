from __future__ import annotations

import subprocess
import sys

from pytestqt.qtbot import QtBot

from till import __version__
from till.main_window import MainWindow


def test_main_window_shows_status(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Loyalty Till" in window.windowTitle()
    assert "Pending" in window.pending_label.text()
    window.close()
    assert not window.isVisible()


def test_version_flag() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "till", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in out.stdout
