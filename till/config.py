"""Typed till configuration: a TOML file, overridden by ``TILL_<SECTION>_<KEY>`` variables.

Why a hand-rolled loader: the till must refuse to start on a bad setting and name the key
(``devices.serial_baud: expected a whole number, got 'fast'``), and must never accept a
secret in the file. Secrets come from :mod:`till.secrets`.

Add a setting by adding a field to one of the section dataclasses below; a field's
``metadata`` may hold ``choices`` (allowed values) and ``min`` / ``max``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import platformdirs

from till.errors import ConfigError

APP_NAME = "loyalty-till"
ENV_PREFIX = "TILL_"
# Variables with the prefix that are not settings.
_ENV_NOT_SETTINGS = {"TILL_CONFIG", "TILL_API_KEY", "TILL_MANAGER_PIN"}
# Keys that would be secrets: refused in the file with a pointer to the keyring.
_SECRET_KEYS = {"api_key", "apikey", "key", "pin", "password", "secret", "token"}


@dataclass(frozen=True)
class BackendConfig:
    # Empty: the embedded reference backend (demo). Otherwise the loyalty backend's base URL.
    url: str = ""
    timeout_s: float = field(default=5.0, metadata={"min": 0.1, "max": 120.0})
    # How often the till checks the backend while offline.
    health_interval_s: float = field(default=2.0, metadata={"min": 0.2, "max": 600.0})


@dataclass(frozen=True)
class SecretsConfig:
    # A plaintext keyring (keyrings.alt PlaintextKeyring) keeps the API key readable on disk.
    allow_plaintext_keyring: bool = False
    keyring_service: str = APP_NAME


@dataclass(frozen=True)
class JournalConfig:
    # Empty: journal.sqlite3 in the platformdirs data directory.
    path: str = ""
    # Acknowledged operations (secrets removed) are kept this long and checked against the
    # backend every reconcile_interval_s: one it no longer knows (restored from a backup) is
    # sent again (issue 11).
    retention_days: int = field(default=30, metadata={"min": 1, "max": 3650})
    reconcile_interval_s: float = field(default=3600.0, metadata={"min": 10.0, "max": 86400.0})


@dataclass(frozen=True)
class LoggingConfig:
    level: str = field(default="INFO", metadata={"choices": ("DEBUG", "INFO", "WARNING", "ERROR")})
    # Empty: the platformdirs log directory.
    directory: str = ""
    max_bytes: int = field(default=2_000_000, metadata={"min": 10_000})
    backups: int = field(default=5, metadata={"min": 0, "max": 100})


@dataclass(frozen=True)
class DevicesConfig:
    # Keyboard-wedge readers: /dev/input/by-id/... paths or VID:PID (hex, e.g. "0801:0002").
    wedge_devices: list[str] = field(default_factory=list)
    wedge_layout: str = field(default="us", metadata={"choices": ("us", "de")})
    wedge_terminator: str = field(
        default="enter", metadata={"choices": ("enter", "kp_enter", "tab", "none")}
    )
    wedge_idle_timeout_ms: int = field(default=150, metadata={"min": 10, "max": 5000})
    # Qt key-event fallback: keys closer than this are a reader, not a person.
    wedge_max_key_gap_ms: int = field(default=35, metadata={"min": 1, "max": 1000})
    # ... and a burst shorter than this is a person too.
    wedge_min_chars: int = field(default=6, metadata={"min": 2, "max": 64})
    serial_port: str = ""
    serial_baud: int = field(default=9600, metadata={"min": 300, "max": 4_000_000})
    serial_framing: str = field(default="8N1", metadata={"choices": ("8N1", "7E1", "7O1", "8E1")})
    serial_terminator: str = field(default="cr", metadata={"choices": ("cr", "lf", "crlf", "etx")})
    serial_stx_etx: bool = False
    serial_bcc: bool = False
    # Camera: empty for none; an index ("0"), a V4L2 path, a video file or a stream URL.
    camera: str = ""
    decoder: str = field(default="zxing", metadata={"choices": ("zxing", "pyzbar")})
    repeat_window_s: float = field(default=3.0, metadata={"min": 0.0, "max": 60.0})
    # Reads starting with this prefix (or matching this URL pattern) are member QR codes.
    member_qr_prefix: str = "LOYALTY:"
    # Or a regular expression with a named group (?P<ref>...) matching member QR payloads/URLs.
    member_qr_pattern: str = field(default="", metadata={"check": "regex_ref"})
    read_prefix: str = ""
    read_suffix: str = ""
    # Card-number ranges of the loyalty program, "START-END" each; empty: any.
    card_ranges: list[str] = field(default_factory=list, metadata={"check": "card_ranges"})
    require_luhn: bool = False


@dataclass(frozen=True)
class UiConfig:
    language: str = "en"
    touch_target_px: int = field(default=44, metadata={"min": 32, "max": 200})
    currency: str = "EUR"
    # The backend's minimum time between two SMS codes for one redemption (resend cool-down).
    otp_resend_cooldown_s: int = field(default=30, metadata={"min": 1, "max": 600})


@dataclass(frozen=True)
class PrinterConfig:
    """The receipt printer (issue 17, :mod:`till.printing`); ``kind = "none"``: a PDF file."""

    kind: str = field(
        default="none", metadata={"choices": ("none", "usb", "serial", "network", "file")}
    )
    paper_mm: int = field(default=80, metadata={"choices": (58, 80)})
    # python-escpos capability profile (e.g. "TM-T88V"); empty: its default profile.
    profile: str = ""
    # usb: vendor and product id in hex ("04b8", "0202").
    usb_vendor_id: str = ""
    usb_product_id: str = ""
    serial_port: str = ""
    serial_baud: int = field(default=19200, metadata={"min": 300, "max": 4_000_000})
    # network: a printer listening on raw TCP (port 9100, "JetDirect").
    host: str = ""
    port: int = field(default=9100, metadata={"min": 1, "max": 65535})
    # file: a device file such as /dev/usb/lp0 (or any file).
    path: str = ""
    timeout_s: float = field(default=5.0, metadata={"min": 0.5, "max": 60.0})


@dataclass(frozen=True)
class Config:
    backend: BackendConfig = field(default_factory=BackendConfig)
    secrets: SecretsConfig = field(default_factory=SecretsConfig)
    journal: JournalConfig = field(default_factory=JournalConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)
    devices: DevicesConfig = field(default_factory=DevicesConfig)
    ui: UiConfig = field(default_factory=UiConfig)
    printer: PrinterConfig = field(default_factory=PrinterConfig)

    def journal_path(self) -> Path:
        if self.journal.path:
            return Path(self.journal.path).expanduser()
        return Path(platformdirs.user_data_dir(APP_NAME)) / "journal.sqlite3"

    def log_directory(self) -> Path:
        if self.logging.directory:
            return Path(self.logging.directory).expanduser()
        return Path(platformdirs.user_log_dir(APP_NAME))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "till.toml"


def load_config(
    path: Path | None = None, environ: Mapping[str, str] | None = None
) -> tuple[Config, Path | None]:
    """Load and validate the configuration; returns it and the file used (None: defaults).

    ``path`` given explicitly (``--config``) must exist; the default path may be absent.
    """
    env = os.environ if environ is None else environ
    explicit = (
        path if path is not None else (Path(env["TILL_CONFIG"]) if env.get("TILL_CONFIG") else None)
    )
    file_path = explicit if explicit is not None else default_config_path()
    raw: dict[str, Any] = {}
    used: Path | None = None
    if file_path.exists():
        try:
            raw = tomllib.loads(file_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{file_path}: not valid TOML ({exc})") from exc
        except OSError as exc:
            raise ConfigError(f"{file_path}: cannot be read ({exc.strerror})") from exc
        used = file_path
    elif explicit is not None:
        raise ConfigError(f"Configuration file {file_path} does not exist")
    return build_config(raw, env, source=str(file_path)), used


def build_config(raw: Mapping[str, Any], environ: Mapping[str, str], source: str = "") -> Config:
    """Validate ``raw`` (parsed TOML) plus environment overrides into a :class:`Config`."""
    sections = {f.name: f for f in dataclasses.fields(Config)}
    values: dict[str, dict[str, Any]] = {name: {} for name in sections}
    where = f"{source}: " if source else ""
    for section, body in raw.items():
        if section not in sections:
            raise ConfigError(f"{where}unknown section [{section}]; known: {', '.join(sections)}")
        if not isinstance(body, dict):
            raise ConfigError(f"{where}[{section}] must be a table")
        for key, value in body.items():
            values[section][key] = (value, f"{where}{section}.{key}")
    for name, text in environ.items():
        if not name.startswith(ENV_PREFIX) or name in _ENV_NOT_SETTINGS:
            continue
        rest = name[len(ENV_PREFIX) :].lower()
        section, _, key = rest.partition("_")
        if section not in sections or not key:
            raise ConfigError(
                f"Environment variable {name} is not a setting "
                f"(expected TILL_<SECTION>_<KEY>, sections: {', '.join(sections)})"
            )
        values[section][key] = (text, f"environment variable {name}")
    built: dict[str, Any] = {}
    hints = typing.get_type_hints(Config)
    for section in sections:
        built[section] = _build_section(hints[section], section, values[section])
    return Config(**built)


def _build_section(cls: type, section: str, values: dict[str, tuple[Any, str]]) -> Any:
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for key, (value, origin) in values.items():
        if key.lower() in _SECRET_KEYS:
            raise ConfigError(
                f"{origin}: secrets are not kept in the configuration; "
                "store the API key with 'till --set-api-key' (OS keyring) or a systemd credential"
            )
        if key not in fields:
            raise ConfigError(
                f"{origin}: unknown setting; known in [{section}]: {', '.join(fields)}"
            )
        kwargs[key] = _coerce(value, hints[key], fields[key].metadata, origin)
    return cls(**kwargs)


def _coerce(value: Any, hint: Any, meta: Mapping[str, Any], origin: str) -> Any:
    from_env = isinstance(value, str) and origin.startswith("environment")
    try:
        result = _convert(value, hint, from_env)
    except (ValueError, InvalidOperation, TypeError) as exc:
        raise ConfigError(f"{origin}: {exc}") from None
    choices = meta.get("choices")
    if choices is not None and result not in choices:
        raise ConfigError(f"{origin}: {result!r} is not one of {', '.join(map(str, choices))}")
    check = meta.get("check")
    if check is not None:
        _CHECKS[check](result, origin)
    low, high = meta.get("min"), meta.get("max")
    if low is not None and result < low:
        raise ConfigError(f"{origin}: {result} is below the minimum {low}")
    if high is not None and result > high:
        raise ConfigError(f"{origin}: {result} is above the maximum {high}")
    return result


def _convert(value: Any, hint: Any, from_env: bool) -> Any:
    if hint is bool:
        if isinstance(value, bool):
            return value
        if from_env and value.strip().lower() in {"1", "true", "yes", "on"}:
            return True
        if from_env and value.strip().lower() in {"0", "false", "no", "off", ""}:
            return False
        raise ValueError(f"expected true or false, got {value!r}")
    if hint is int:
        if isinstance(value, bool):
            raise ValueError(f"expected a whole number, got {value!r}")
        if isinstance(value, int):
            return value
        if from_env and value.strip().lstrip("-").isdigit():
            return int(value)
        raise ValueError(f"expected a whole number, got {value!r}")
    if hint is float:
        if isinstance(value, bool):
            raise ValueError(f"expected a number, got {value!r}")
        if isinstance(value, int | float):
            return float(value)
        if from_env:
            try:
                return float(value)
            except ValueError:
                pass
        raise ValueError(f"expected a number, got {value!r}")
    if hint is Decimal:
        if isinstance(value, bool | float):
            raise ValueError(f'expected a decimal amount as a string like "10.00", got {value!r}')
        return Decimal(str(value))
    if hint is str:
        if isinstance(value, str):
            return value
        raise ValueError(f"expected text, got {value!r}")
    if typing.get_origin(hint) is list:
        if from_env:
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise ValueError(f"expected a list of text, got {value!r}")
    raise TypeError(f"unsupported setting type {hint!r}")


def _check_card_ranges(ranges: list[str], origin: str) -> None:
    from devices.card_rules import parse_card_range

    for text in ranges:
        try:
            parse_card_range(text)
        except ValueError as exc:
            raise ConfigError(f"{origin}: card range {text!r} is not valid ({exc})") from None


def _check_regex_ref(pattern: str, origin: str) -> None:
    import re

    if not pattern:
        return
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"{origin}: not a valid regular expression ({exc})") from None
    if "ref" not in compiled.groupindex:
        raise ConfigError(
            f"{origin}: the pattern needs a named group (?P<ref>...) for the member reference"
        )


_CHECKS: dict[str, Any] = {"card_ranges": _check_card_ranges, "regex_ref": _check_regex_ref}
