"""Where a running demo's backend can be found: ``till --demo`` publishes it, ``till-cardtest
doctor --demo`` reads it.

Why: the demo backend listens on a random loopback port with a key made for that run, so a
technician cannot type either. ``till --demo`` writes a small link file at a fixed place
(``demo-backend.json`` in the platformdirs data directory) naming the URL and the file that
holds the key; the key file lives in the demo's own temporary directory, readable by its
owner only (mode 0600), and both go when the demo ends. The key is never printed: the link
names the file, not its content.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from till.config import APP_NAME
from till.errors import TillError

LINK_NAME = "demo-backend.json"


def default_link() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / LINK_NAME


@dataclass(frozen=True)
class DemoLink:
    url: str
    key_file: Path

    def api_key(self) -> str:
        try:
            return self.key_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise TillError(
                f"The demo's API key file {self.key_file} cannot be read "
                f"({exc.strerror or exc}): is 'till --demo' still running?"
            ) from None


def publish(url: str, api_key: str, demo_root: Path, link: Path | None = None) -> Path:
    """Write the key file (0600) under ``demo_root`` and the link; returns the link path."""
    key_file = demo_root / "demo-api-key"
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(api_key + "\n")
    target = link or default_link()
    target.parent.mkdir(parents=True, exist_ok=True)
    body = {"url": url, "key_file": str(key_file), "pid": os.getpid()}
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    temporary.replace(target)
    return target


def withdraw(link: Path | None = None) -> None:
    """Remove the link if it is this process's (a second demo may have replaced it)."""
    target = link or default_link()
    try:
        if json.loads(target.read_text(encoding="utf-8")).get("pid") == os.getpid():
            target.unlink()
    except (OSError, ValueError):
        pass


def read(link: Path | None = None) -> DemoLink:
    target = link or default_link()
    try:
        body = json.loads(target.read_text(encoding="utf-8"))
        return DemoLink(str(body["url"]), Path(body["key_file"]))
    except FileNotFoundError:
        raise TillError(
            f"No demo is running (no {target}): start 'till --demo' (or 'make demo') first."
        ) from None
    except (OSError, ValueError, KeyError, TypeError):
        raise TillError(
            f"The demo link {target} cannot be read: start 'till --demo' again."
        ) from None
