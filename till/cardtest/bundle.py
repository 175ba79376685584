"""Support bundle: one zip a technician sends to support instead of a screen-share.

What support asks first, every time: which versions (Python, PySide6/Qt, zxing-cpp, OpenCV),
which settings, what the log says, which devices the till sees, and what the doctor says.

Nothing secret goes in: the configuration holds no secrets by design (:mod:`till.config`
refuses them), but every value is scrubbed again (secret-looking keys, passwords in URLs) and
the logs, already redacted when written, go through :func:`till.logs.redact` once more (a log
written by an older version, or by hand, may not be). Bank-card numbers are masked, first 6 /
last 4 (PCI DSS 3.4), track data dropped.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import json
import platform
import re
import sys
import zipfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from till.logs import redact

# Per log file; the newest end is kept (the problem is usually at the end).
LOG_TAIL_BYTES = 1_000_000
_SECRET_NAME = re.compile(r"(?i)(key|pin|password|passwd|secret|token|credential)")
_PACKAGES = (
    "loyalty-till",
    "PySide6-Essentials",
    "zxing-cpp",
    "opencv-python-headless",
    "numpy",
    "pillow",
    "python-barcode",
    "qrcode",
    "pyzbar",
    "pyserial",
    "evdev",
    "requests",
    "keyring",
)


def versions() -> dict[str, Any]:
    """Runtime and library versions; a library that is missing or broken says so."""
    found: dict[str, Any] = {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
    }
    for name in _PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = None
    try:
        import PySide6
        from PySide6 import QtCore

        found["PySide6"] = PySide6.__version__
        found["Qt"] = QtCore.qVersion()
    except ImportError as exc:
        found["PySide6"] = found["Qt"] = f"unavailable ({exc})"
    try:
        import cv2

        found["OpenCV (cv2)"] = cv2.__version__
    except ImportError as exc:
        found["OpenCV (cv2)"] = f"unavailable ({exc})"
    try:
        import zxingcpp

        found["zxing-cpp (module)"] = getattr(zxingcpp, "__version__", None)
    except ImportError as exc:
        found["zxing-cpp (module)"] = f"unavailable ({exc})"
    return found


def _scrub(value: Any, key: str = "") -> Any:
    if isinstance(value, Mapping):
        return {str(k): _scrub(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v, key) for v in value]
    if isinstance(value, str):
        if _SECRET_NAME.search(key) and value:
            return "***"
        parts = urlsplit(value)
        if parts.scheme and parts.password:
            host = parts.hostname or ""
            netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
            value = urlunsplit(parts._replace(netloc=netloc))
        return redact(value)
    return value


def scrubbed_config(config: Any) -> dict[str, Any]:
    """The configuration as JSON-ready data with anything secret-looking removed."""
    if dataclasses.is_dataclass(config) and not isinstance(config, type):
        raw = dataclasses.asdict(config)
    else:
        raw = dict(config)
    scrubbed = _scrub(raw)
    assert isinstance(scrubbed, dict)
    return scrubbed


def recent_logs(directory: Path, tail_bytes: int = LOG_TAIL_BYTES) -> dict[str, str]:
    """``till.log`` and its rotations (newest first), each cut to its last ``tail_bytes``."""
    logs: dict[str, str] = {}
    if not directory.is_dir():
        return logs
    files = sorted(
        (p for p in directory.glob("*.log*") if p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for path in files[:6]:
        size = path.stat().st_size
        with path.open("rb") as fh:
            if size > tail_bytes:
                fh.seek(size - tail_bytes)
            data = fh.read()
        text = data.decode("utf-8", errors="replace")
        if size > tail_bytes:
            text = text.split("\n", 1)[-1]  # drop the partial first line
        logs[path.name] = redact(text)
    return logs


def write_bundle(
    out: Path,
    *,
    config: Any,
    config_file: Path | None,
    log_directory: Path,
    devices: Sequence[Mapping[str, Any]],
    doctor_json: Mapping[str, Any],
    doctor_text: str,
) -> list[str]:
    """Write the zip; returns the names of its entries."""
    entries: dict[str, str] = {
        "versions.json": json.dumps(versions(), indent=2),
        "config.json": json.dumps(
            {
                "file": str(config_file) if config_file else None,
                "settings": scrubbed_config(config),
            },
            indent=2,
        ),
        "devices.json": json.dumps(_scrub(list(devices)), indent=2),
        "doctor.json": json.dumps(doctor_json, indent=2),
        "doctor.txt": redact(doctor_text),
    }
    for name, text in recent_logs(log_directory).items():
        entries[f"logs/{name}"] = text
    created = datetime.now(UTC).isoformat(timespec="seconds")
    entries["README.txt"] = (
        f"Loyalty till support bundle, created {created}.\n"
        "versions.json: runtime and libraries; config.json: settings (secrets removed);\n"
        "devices.json: readers, serial ports and cameras the till sees;\n"
        "doctor.json / doctor.txt: the seed 001 checklist; logs/: recent logs (redacted).\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, text in entries.items():
            zf.writestr(name, text)
    tmp.replace(out)
    return sorted(entries)
