from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot


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


def _shot(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(tmp_path),
        XDG_CACHE_HOME=str(tmp_path),
    )
    return subprocess.run(
        [sys.executable, "-m", "till", *args],
        env=env,
        timeout=180,
        capture_output=True,
        text=True,
    )


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@pytest.mark.parametrize("demo", [False, True], ids=["till", "demo"])
def test_screenshot_at_a_till_screen_size_fits(tmp_path: Path, demo: bool) -> None:
    """Issue 12's acceptance: 1024x768, nothing cut; the demo panel is a window apart."""
    out = tmp_path / "out.png"
    args = ["--demo"] if demo else []
    done = _shot(tmp_path, *args, "--screenshot", str(out), "--size", "1024x768")
    assert done.returncode == 0, done.stderr
    assert _png_size(out) == (1024, 768)


def test_screenshot_names_what_a_small_screen_cuts(tmp_path: Path) -> None:
    out = tmp_path / "small.png"
    done = _shot(tmp_path, "--screenshot", str(out), "--size", "800x600")
    assert done.returncode == 1
    assert "does not fit 800x600" in done.stderr
    assert "Pending operations" in done.stderr  # the status bar, named
    assert "Print (Ctrl+P)" in done.stderr
    assert _png_size(out) == (800, 600)


def test_the_checker_names_a_cut_placeholder_label_and_button(qtbot: QtBot) -> None:
    """What ``--size`` checks besides position: a field's hint shown cut ("Amou…", issue
    12), a one-line label or a button too narrow for its text. Whole texts are not named."""
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

    from till.screenshots import cut_texts

    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    cut, whole = QLineEdit(), QLineEdit()
    cut.setPlaceholderText("Amount (Enter adds)")
    whole.setPlaceholderText("Qty")
    label, button = QLabel("Pending operations: 12345"), QPushButton("Complete sale (F9)")
    for widget in (cut, whole, label, button):
        widget.setFixedWidth(70)
        row.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    found = cut_texts(window)
    assert len(found) == 3, found
    assert "placeholder 'Amount (Enter adds)' cut" in found[0]
    assert "'Pending operations: 12345' cut" in found[1]
    assert "'Complete sale (F9)' cut" in found[2]
    cut.setText("12.50")  # the placeholder is not shown once the field has text
    assert len(cut_texts(window)) == 2


def test_a_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    done = _shot(tmp_path, "--screenshot", str(tmp_path / "x.png"), "--size", "big")
    assert done.returncode == 2
    assert "1024x768" in done.stderr


def test_a_screenshot_needs_no_display(tmp_path: Path) -> None:
    """On a server or in CI there is no X display and nobody sets QT_QPA_PLATFORM: the
    screenshot renders offscreen instead of Qt aborting for want of a display."""
    out = tmp_path / "out.png"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(XDG_STATE_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "till", "--screenshot", str(out), "--size", "1024x768"],
        env=env,
        timeout=180,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert _png_size(out) == (1024, 768)
