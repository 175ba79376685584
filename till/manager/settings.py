"""Device and backend settings: readers, scanner layout and terminator, serial line, camera,
decoder, member QR prefix, backend URL — and the backend API key.

Why two stores: settings go to the till's TOML file (only what differs from the defaults,
see :mod:`till.manager.config_file`); the API key is a secret and goes to the OS keyring
through :func:`till.secrets.store_api_key`, never to the file and never shown back in full
(only its last four characters). Readers are opened at start-up, so device and URL changes
apply after a restart; a new API key is handed to the running client at once.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from till.backend_client import BackendClient, Session
from till.config import Config, DevicesConfig
from till.errors import TillError
from till.manager.config_file import save_settings
from till.manager.widgets import EnterChain, StatusLine, plain_error, run_for, touch
from till.secrets import load_api_key, mask_key, store_api_key
from till.tasks import TaskRunner
from till.translate import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

RESTART_NOTE = "Restart the till to apply device and backend address changes."


def restart_note() -> str:
    return translate("Manager", "Restart the till to apply device and backend address changes.")


BAUD_RATES = ("1200", "2400", "4800", "9600", "19200", "38400", "57600", "115200")
#: (field, label) of the device settings shown here; other device keys are kept as they are.
DEVICE_FIELDS: tuple[tuple[str, str], ...] = (
    ("wedge_devices", QT_TRANSLATE_NOOP("Manager", "&Keyboard-wedge readers")),
    ("wedge_layout", QT_TRANSLATE_NOOP("Manager", "Scanner keyboard la&yout")),
    ("wedge_terminator", QT_TRANSLATE_NOOP("Manager", "Scanner &terminator")),
    ("serial_port", QT_TRANSLATE_NOOP("Manager", "Serial po&rt")),
    ("serial_baud", QT_TRANSLATE_NOOP("Manager", "Serial &baud rate")),
    ("serial_framing", QT_TRANSLATE_NOOP("Manager", "Serial &framing")),
    ("serial_terminator", QT_TRANSLATE_NOOP("Manager", "Serial termi&nator")),
    ("camera", QT_TRANSLATE_NOOP("Manager", "&Camera")),
    ("decoder", QT_TRANSLATE_NOOP("Manager", "Barcode &decoder")),
    ("member_qr_prefix", QT_TRANSLATE_NOOP("Manager", "Member &QR prefix")),
)
_HINTS = {
    "wedge_devices": QT_TRANSLATE_NOOP(
        "Manager", "comma-separated /dev/input/by-id/… paths or VID:PID, empty: none"
    ),
    "serial_port": QT_TRANSLATE_NOOP("Manager", "e.g. /dev/ttyUSB0, empty: none"),
    "camera": QT_TRANSLATE_NOOP(
        "Manager", "index (0), /dev/video0, file or stream URL; empty: none"
    ),
}


def _choices(name: str) -> tuple[str, ...] | None:
    for f in dataclasses.fields(DevicesConfig):
        if f.name == name:
            found = f.metadata.get("choices")
            return tuple(found) if found else None
    return None


class SettingsPanel(QWidget):
    """Edits ``[devices]`` and ``backend.url`` in ``config_path``; the key in the keyring."""

    saved = Signal(object)  # the Config the till will start with
    key_stored = Signal(str)  # masked key

    def __init__(
        self,
        config: Config,
        config_path: Path,
        client: BackendClient,
        runner: TaskRunner,
        apply_api_key: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._config = config
        self.config_path = config_path
        self._client = client
        self._runner = runner
        self._apply_api_key = apply_api_key or client.set_api_key
        self.editors: dict[str, QWidget] = {}

        # backend
        self.url_edit = QLineEdit(config.backend.url)
        self.url_edit.setPlaceholderText(translate("Manager", "empty: the built-in demo backend"))
        self.key_label = QLabel(translate("Manager", "Stored API key: checking…"))
        self.key_label.setWordWrap(True)
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(
            translate("Manager", "New API key (leave empty to keep the stored one)")
        )
        self.key_edit.setAccessibleName("New API key")
        self.store_key_button = QPushButton(translate("Manager", "Store key &in keyring"))
        self.test_button = QPushButton(translate("Manager", "Test c&onnection"))
        self.backend_status = StatusLine()
        touch(self.url_edit, self.key_edit, self.store_key_button, self.test_button)
        backend_box = QGroupBox(translate("Manager", "Loyalty backend"))
        backend_form = QFormLayout(backend_box)
        backend_form.addRow(translate("Manager", "Backend &URL"), self.url_edit)
        backend_form.addRow(self.key_label)
        backend_form.addRow(translate("Manager", "New &API key"), self.key_edit)
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.store_key_button)
        key_buttons.addWidget(self.test_button)
        backend_form.addRow(key_buttons)
        backend_form.addRow(self.backend_status)

        # devices
        devices_box = QGroupBox(translate("Manager", "Card and code readers"))
        devices_form = QFormLayout(devices_box)
        for name, label in DEVICE_FIELDS:
            editor = self._editor(name, getattr(config.devices, name))
            self.editors[name] = editor
            devices_form.addRow(translate("Manager", label), editor)
        self.save_button = QPushButton(translate("Manager", "Sav&e settings"))
        self.status = StatusLine()
        touch(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(backend_box)
        layout.addWidget(devices_box)
        from till.printing.settings_hook import PrinterSettings  # issue 17

        self.printer_box = PrinterSettings(config, config_path, runner)
        layout.addWidget(self.printer_box)
        layout.addWidget(QLabel(restart_note()))
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.store_key_button.clicked.connect(self.store_key)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        # Keyboard only: Enter goes down the form; in the last field it saves. (The key is
        # stored with Alt+G: Enter in it goes on, so a half-typed key is never stored.)
        EnterChain([self.url_edit, self.key_edit, *self.editors.values()], self.save)
        self.setFocusProxy(self.url_edit)

    def _editor(self, name: str, value: Any) -> QWidget:
        choices = _choices(name)
        editor: QWidget
        if choices:
            combo = QComboBox()
            combo.addItems(list(choices))
            combo.setCurrentText(str(value))
            editor = combo
        elif name == "serial_baud":
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(list(BAUD_RATES))
            combo.setCurrentText(str(value))
            editor = combo
        elif isinstance(value, bool):
            editor = QCheckBox()
            editor.setChecked(value)
        else:
            text = ", ".join(value) if isinstance(value, list) else str(value)
            line = QLineEdit(text)
            line.setPlaceholderText(translate("Manager", _HINTS[name]) if name in _HINTS else "")
            editor = line
        editor.setAccessibleName(name.replace("_", " "))
        touch(editor)
        return editor

    # -- reading the form -------------------------------------------------------------------

    def devices_from_form(self) -> DevicesConfig:
        """The device settings as typed; raises :class:`TillError` naming a bad field."""
        values: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                text = editor.currentText().strip()
            elif isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
                continue
            else:
                assert isinstance(editor, QLineEdit)
                text = editor.text().strip()
            if name == "wedge_devices":
                values[name] = [p.strip() for p in text.split(",") if p.strip()]
            elif name == "serial_baud":
                if not text.isdigit():
                    raise TillError(
                        translate(
                            "Manager", "The serial baud rate must be a whole number, like 9600."
                        )
                    )
                values[name] = int(text)
            else:
                values[name] = text
        return dataclasses.replace(self._config.devices, **values)

    # -- actions ----------------------------------------------------------------------------

    def load(self) -> None:
        """Show the stored key, masked (the keyring may block: through the runner)."""
        secrets = self._config.secrets

        def work() -> str:
            return mask_key(
                load_api_key(secrets.keyring_service, secrets.allow_plaintext_keyring).value
            )

        def done(masked: str) -> None:
            self.key_label.setText(
                translate("Manager", "Stored API key: {masked}").format(masked=masked)
            )

        def failed(exc: BaseException) -> None:
            self.key_label.setText(
                translate("Manager", "Stored API key: none ({value})").format(
                    value=plain_error(exc)
                )
            )

        run_for(self, self._runner, work, done, failed)

    def save(self) -> None:
        try:
            devices = self.devices_from_form()
        except TillError as exc:
            self.status.error(str(exc))
            return
        url = self.url_edit.text().strip()
        if url and not url.startswith(("http://", "https://")):
            self.status.error(
                translate("Manager", "The backend URL must start with http:// or https://.")
            )
            self.url_edit.setFocus()
            return
        path = self.config_path
        self.save_button.setEnabled(False)

        def done(config: Config) -> None:
            self.save_button.setEnabled(True)
            self._config = config
            log.info("settings saved to %s", path)
            self.status.ok(
                translate("Manager", "Saved to {path}. {RESTART_NOTE}").format(
                    path=path, RESTART_NOTE=restart_note()
                )
            )
            self.saved.emit(config)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            if not isinstance(exc, TillError):
                log.error("saving settings failed", exc_info=exc)
                self.status.error(
                    translate("Manager", "The settings could not be saved to {path}: {exc}").format(
                        path=path, exc=exc
                    )
                )
                return
            self.status.error(plain_error(exc))

        run_for(self, self._runner, lambda: save_settings(path, devices, url), done, failed)

    def store_key(self) -> None:
        key = self.key_edit.text().strip()
        if not key:
            self.backend_status.error(translate("Manager", "Type the new API key first."))
            self.key_edit.setFocus()
            return
        secrets = self._config.secrets

        def work() -> str:
            store_api_key(key, secrets.keyring_service, secrets.allow_plaintext_keyring)
            return mask_key(key)

        def done(masked: str) -> None:
            self.key_edit.clear()
            self._apply_api_key(key)
            self.key_label.setText(
                translate("Manager", "Stored API key: {masked}").format(masked=masked)
            )
            self.backend_status.ok(
                translate("Manager", "API key {masked} stored in the OS keyring.").format(
                    masked=masked
                )
            )
            log.info("API key %s stored in the keyring", masked)
            self.key_stored.emit(masked)

        def failed(exc: BaseException) -> None:
            self.backend_status.error(plain_error(exc))

        run_for(self, self._runner, work, done, failed)

    def test_connection(self) -> None:
        """``GET /v1/session`` with the URL and key in the form (or the till's current ones)."""
        url = self.url_edit.text().strip() or self._client.base_url
        typed = self.key_edit.text().strip()
        client = self._client
        secrets = self._config.secrets
        self.test_button.setEnabled(False)
        self.backend_status.info(translate("Manager", "Connecting…"))

        def work() -> Session:
            if not typed and url.rstrip("/") == client.base_url:
                return client.session()
            key = (
                typed
                or load_api_key(secrets.keyring_service, secrets.allow_plaintext_keyring).value
            )
            return BackendClient(url, key, timeout_s=client.timeout_s).session()

        def done(session: Session) -> None:
            self.test_button.setEnabled(True)
            self.backend_status.ok(
                translate("Manager", "Connected: store {store}, till {till}.").format(
                    store=session.store, till=session.till
                )
            )

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            if not isinstance(exc, TillError):
                log.error("connection test failed", exc_info=exc)
            self.backend_status.error(
                translate("Manager", "No connection: {value}").format(value=plain_error(exc))
            )

        run_for(self, self._runner, work, done, failed)
