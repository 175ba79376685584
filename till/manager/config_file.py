"""Write the manager's device and backend settings back to the till's TOML file. No Qt here.

Why only the keys that differ from the defaults: a file that repeats every default pins
today's defaults for ever, and hides what somebody actually chose. Sections and keys this
screen does not manage (logging, journal, ...) are kept as they are. Nothing secret is ever
written (the API key lives in the OS keyring); the result is validated with the same loader
the till starts with, then replaced atomically so a power cut leaves the old or the new file,
never half of one. Comments in the file are not preserved (tomllib cannot round-trip them).
"""

from __future__ import annotations

import dataclasses
import math
import os
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from till.config import BackendConfig, Config, DevicesConfig, build_config
from till.errors import ConfigError
from till.translate import translate

#: Settings the manager's settings screen owns, by section.
MANAGED: dict[str, tuple[str, ...]] = {
    "devices": tuple(f.name for f in dataclasses.fields(DevicesConfig)),
    "backend": ("url",),
}


def _string(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ConfigError(
                translate("Manager", "{value!r} cannot be written to the configuration").format(
                    value=value
                )
            )
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise ConfigError(
        translate("Manager", "{kind} values cannot be written to the configuration").format(
            kind=type(value).__name__
        )
    )


def dump_toml(raw: Mapping[str, Mapping[str, Any]]) -> str:
    """Sections of scalar/list values (the shape of the till's config) as TOML text."""
    parts: list[str] = []
    for section, body in raw.items():
        if not body:
            continue
        lines = [f"[{section}]"]
        lines += [f"{key} = {toml_value(value)}" for key, value in body.items()]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + ("\n" if parts else "")


def merged(
    existing: Mapping[str, Any], devices: DevicesConfig, backend_url: str
) -> dict[str, dict[str, Any]]:
    """``existing`` (parsed TOML) with the managed keys set to what differs from defaults."""
    raw: dict[str, dict[str, Any]] = {
        str(k): dict(v) for k, v in existing.items() if isinstance(v, Mapping)
    }
    default_devices = DevicesConfig()
    section = raw.setdefault("devices", {})
    for name in MANAGED["devices"]:
        value = getattr(devices, name)
        if value == getattr(default_devices, name):
            section.pop(name, None)
        else:
            section[name] = list(value) if isinstance(value, list) else value
    backend = raw.setdefault("backend", {})
    if backend_url == BackendConfig().url:
        backend.pop("url", None)
    else:
        backend["url"] = backend_url
    return {k: v for k, v in raw.items() if v}


def read_existing(path: Path) -> dict[str, Any]:
    """The configuration file as it is (empty when absent); refused in words when it is not
    TOML, so a save never overwrites a file the technician must look at first."""
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            translate("Manager", "{path}: not valid TOML ({exc}); fix or remove it first").format(
                path=path, exc=exc
            )
        ) from exc


def write_config(path: Path, raw: Mapping[str, Any]) -> Config:
    """Validate ``raw``, then replace the file atomically (same mode; fsync, then rename):
    a power cut leaves the old file or the new one. Returns the configuration the till will
    start with next time."""
    config = build_config(dict(raw), {}, source=str(path))
    text = dump_toml(raw)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".till-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return config


def save_settings(path: Path, devices: DevicesConfig, backend_url: str) -> Config:
    """Validate and write; returns the configuration the till will start with next time."""
    return write_config(path, merged(read_existing(path), devices, backend_url))
