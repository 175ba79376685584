"""The keyboard-wedge fallback covers for an evdev reader the till can't open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from till.app import close_till, open_till
from till.config import build_config
from till.wedge_fallback import WedgeFallback


def test_unusable_evdev_reader_falls_back_to_key_events(
    qtbot: QtBot, backend: Any, tmp_path: Path
) -> None:
    # Exists but is no input device: opening works, the exclusive grab (EVIOCGRAB) fails,
    # as it does when another program holds the reader.
    not_a_reader = tmp_path / "usb-Reader-event-kbd"
    not_a_reader.write_bytes(b"")
    missing = str(not_a_reader)
    config = build_config(
        {
            "backend": {"health_interval_s": 0.3},
            "devices": {"wedge_devices": [missing], "wedge_min_chars": 8},
        },
        {},
    )
    ctx, window = open_till(
        config, base_url=backend.url, api_key=backend.api_key, data_dir=tmp_path / "till"
    )
    qtbot.addWidget(window)
    try:
        assert isinstance(window.wedge_fallback, WedgeFallback)
        assert window.wedge_fallback.min_chars == 8
        # The cashier is told, in words, which reader can't be used.
        qtbot.waitUntil(lambda: "usb-Reader-event-kbd" in window.device_label.text(), timeout=5000)
    finally:
        close_till(ctx, window)
