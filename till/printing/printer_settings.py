"""``[printer]`` written back to the till's TOML file, for the manager's Settings. No Qt here.

Same rules as :mod:`till.manager.config_file` (whose writer this reuses): only keys that
differ from the defaults, every other section kept, validated with the loader the till
starts with, replaced atomically.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from till.config import Config, PrinterConfig, build_config
from till.errors import ConfigError
from till.manager.config_file import dump_toml
from till.translate import translate


def save_printer(path: Path, printer: PrinterConfig) -> Config:
    existing: dict[str, Any] = {}
    if path.exists():
        try:
            existing = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(
                translate(
                    "Printing", "{path}: not valid TOML ({exc}); fix or remove it first"
                ).format(path=path, exc=exc)
            ) from exc
    raw = {str(k): dict(v) for k, v in existing.items() if isinstance(v, dict)}
    default = PrinterConfig()
    raw["printer"] = {
        f.name: getattr(printer, f.name)
        for f in dataclasses.fields(PrinterConfig)
        if getattr(printer, f.name) != getattr(default, f.name)
    }
    raw = {k: v for k, v in raw.items() if v}
    config = build_config(raw, {}, source=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".till-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(dump_toml(raw))
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return config
