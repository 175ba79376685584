"""Settings: only changed keys go to the TOML file; the API key goes to the keyring, masked."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from server.embedded import free_port
from tests.fixtures.manager import MemoryKeyring, wait_idle
from till.config import Config, load_config
from till.manager.config_file import save_settings
from till.manager.settings import RESTART_NOTE, SettingsPanel
from till.secrets import KEYRING_USERNAME


@pytest.fixture
def manager_backend(manager_module_backend: Any) -> Any:
    """These tests leave no trace on the server: one backend for the module."""
    return manager_module_backend


def _panel(ctx: Any, qtbot: QtBot) -> SettingsPanel:
    panel = SettingsPanel(ctx.config, ctx.config_path, ctx.client, ctx.runner)
    qtbot.addWidget(panel)
    panel.load()
    wait_idle(qtbot, ctx.runner)
    return panel


def _all_text(panel: SettingsPanel) -> str:
    texts = [w.text() for w in panel.findChildren(QLabel)]
    texts += [w.text() for w in panel.findChildren(QLineEdit)]
    return "\n".join(texts)


def test_device_settings_saved_as_differences(
    manager_ctx: Any, qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    path: Path = manager_ctx.config_path
    path.write_text('[logging]\nlevel = "DEBUG"\n\n[devices]\nwedge_layout = "de"\n')
    panel = _panel(manager_ctx, qtbot)
    e = panel.editors
    e["wedge_layout"].setCurrentText("us")  # back to the default: the key goes away
    e["wedge_terminator"].setCurrentText("tab")
    e["serial_port"].setText("/dev/ttyUSB0")
    e["serial_baud"].setCurrentText("19200")
    e["serial_framing"].setCurrentText("7E1")
    e["camera"].setText("0")
    e["decoder"].setCurrentText("pyzbar")
    e["member_qr_prefix"].setText('M"Q:')
    e["wedge_devices"].setText("0801:0002, /dev/input/by-id/usb-scanner")
    panel.url_edit.setText("https://loyalty.example.com")
    with qtbot.waitSignal(panel.saved, timeout=10_000):
        panel.save_button.click()
    assert RESTART_NOTE in panel.status.text()

    raw = tomllib.loads(path.read_text())
    assert raw["logging"] == {"level": "DEBUG"}  # other sections kept
    assert raw["backend"] == {"url": "https://loyalty.example.com"}
    assert raw["devices"] == {
        "wedge_devices": ["0801:0002", "/dev/input/by-id/usb-scanner"],
        "wedge_terminator": "tab",
        "serial_port": "/dev/ttyUSB0",
        "serial_baud": 19200,
        "serial_framing": "7E1",
        "camera": "0",
        "decoder": "pyzbar",
        "member_qr_prefix": 'M"Q:',
    }
    config, used = load_config(path, environ={})
    assert used == path
    assert config.devices.serial_baud == 19200 and config.devices.wedge_layout == "us"
    assert config.backend.url == "https://loyalty.example.com"
    assert "key" not in path.read_text().lower().replace("keyring", "")


def test_bad_values_are_named_and_nothing_is_written(
    manager_ctx: Any, qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    panel = _panel(manager_ctx, qtbot)
    panel.editors["serial_baud"].setCurrentText("fast")
    panel.save_button.click()
    assert "baud rate" in panel.status.text()
    panel.editors["serial_baud"].setCurrentText("9600")
    panel.url_edit.setText("loyalty.example.com")
    panel.save_button.click()
    assert "http://" in panel.status.text()
    panel.url_edit.setText("")
    panel.editors["serial_baud"].setCurrentText("100")  # below the loader's minimum
    panel.save_button.click()
    wait_idle(qtbot, manager_ctx.runner)
    assert panel.status.kind == "error" and "serial_baud" in panel.status.text()
    assert not manager_ctx.config_path.exists()


def test_defaults_write_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "till.toml"
    save_settings(path, Config().devices, "")
    assert path.read_text() == ""


def test_api_key_goes_to_the_keyring_and_is_shown_masked(
    manager_ctx: Any, qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    panel = _panel(manager_ctx, qtbot)
    assert "none" in panel.key_label.text()
    real_key = manager_ctx.backend.api_key
    panel.key_edit.setText(real_key)
    assert panel.key_edit.echoMode() == QLineEdit.EchoMode.Password
    with qtbot.waitSignal(panel.key_stored, timeout=10_000):
        panel.store_key_button.click()
    service = manager_ctx.config.secrets.keyring_service
    assert memory_keyring.passwords[(service, KEYRING_USERNAME)] == real_key
    assert panel.key_label.text() == f"Stored API key: ****{real_key[-4:]}"
    assert real_key not in _all_text(panel)
    assert not manager_ctx.config_path.exists()  # never in the file

    # Test connection: the URL typed, the key from the keyring.
    panel.url_edit.setText(manager_ctx.backend.url)
    panel.test_button.click()
    wait_idle(qtbot, manager_ctx.runner)
    assert panel.backend_status.text() == "Connected: store DEMO, till T1."

    # A wrong key typed in the form is refused in plain words, and not shown back.
    panel.key_edit.setText("not-the-key-1234")
    panel.test_button.click()
    wait_idle(qtbot, manager_ctx.runner)
    assert panel.backend_status.kind == "error"
    assert "API key was refused" in panel.backend_status.text()
    assert "not-the-key" not in panel.backend_status.text()


def test_test_connection_says_when_backend_is_down(
    manager_ctx: Any, qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    panel = _panel(manager_ctx, qtbot)
    panel.url_edit.setText(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    panel.key_edit.setText("some-key-5678")
    panel.test_button.click()
    wait_idle(qtbot, manager_ctx.runner)
    assert "No connection" in panel.backend_status.text()
    assert "cannot be reached" in panel.backend_status.text()
