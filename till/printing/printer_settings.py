"""``[printer]`` written back to the till's TOML file, for the manager's Settings. No Qt here.

Same rules as :mod:`till.manager.config_file` (whose writer this reuses): only keys that
differ from the defaults, every other section kept, validated with the loader the till
starts with, replaced atomically.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from till.config import Config, PrinterConfig
from till.manager.config_file import read_existing, write_config


def save_printer(path: Path, printer: PrinterConfig) -> Config:
    """The ``[printer]`` section replaced (only what differs from the defaults), the rest of
    the file kept; validated and written like the manager's other settings."""
    existing = read_existing(path)
    raw = {str(k): dict(v) for k, v in existing.items() if isinstance(v, dict)}
    default = PrinterConfig()
    raw["printer"] = {
        f.name: getattr(printer, f.name)
        for f in dataclasses.fields(PrinterConfig)
        if getattr(printer, f.name) != getattr(default, f.name)
    }
    return write_config(path, {k: v for k, v in raw.items() if v})
