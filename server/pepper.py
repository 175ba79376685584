"""The server-side pepper: a secret key for the PIN and OTP hashes that is not in the database.

Why (issue 13, finding 4): a 6-digit code or a 4-digit PIN has so few values that its salted
hash falls to brute force in seconds once someone holds a copy of the database (a live code
was recovered from a row in 3.2 s). Keyed with a pepper kept elsewhere, the same rows are
worthless on their own (NIST SP 800-63B 5.1.1.2 recommends exactly this "secret salt"
stored apart from the hashes; OWASP Password Storage Cheat Sheet, "Peppering").

Where it comes from, first match wins:

1. ``TILL_SERVER_PEPPER``: the pepper itself, hex (containers, a secrets manager);
2. ``TILL_SERVER_PEPPER_FILE``: a file holding it;
3. for a SQLite file ``x.db``, the file ``x.db.pepper`` beside it.

A missing file is created on first use (``till-server init``, ``create-key``, ``seed-demo``,
``serve``), mode 0600, 32 random bytes. Keep it out of database backups, or back it up
separately: without it every PIN and pending code is unusable (PINs can be set again with
``create-staff``). An in-memory database gets a pepper that lives as long as the process.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
from pathlib import Path

from sqlalchemy.engine import make_url

log = logging.getLogger("server.pepper")

ENV_VALUE = "TILL_SERVER_PEPPER"
ENV_FILE = "TILL_SERVER_PEPPER_FILE"
PEPPER_BYTES = 32
MIN_BYTES = 16


class PepperError(RuntimeError):
    """The pepper is unusable or cannot be found; the message says what to set."""


def pepper_path(db_url: str) -> Path | None:
    """The pepper file for this database, or None (an in-memory SQLite database)."""
    explicit = os.environ.get(ENV_FILE)
    if explicit:
        return Path(explicit)
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file::memory:"):
            return None
        return Path(database + ".pepper")
    raise PepperError(f"Set {ENV_FILE} (or {ENV_VALUE}) for a database that is not a SQLite file")


def load_pepper(db_url: str) -> bytes:
    """The pepper for ``db_url``, creating its file on first use (see the module docstring)."""
    value = os.environ.get(ENV_VALUE)
    if value:
        return _decode(value, ENV_VALUE)
    path = pepper_path(db_url)
    if path is None:
        return secrets.token_bytes(PEPPER_BYTES)
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it just now
        return _read(path)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_hex(PEPPER_BYTES) + "\n")
        f.flush()
        os.fsync(f.fileno())
    log.info("Created the server pepper file %s (mode 0600); keep it apart from backups", path)
    return _read(path)


def _read(path: Path) -> bytes:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("The pepper file %s was readable by others (mode %o): now 0600", path, mode)
        path.chmod(0o600)
    return _decode(path.read_text(encoding="ascii").strip(), str(path))


def _decode(text: str, source: str) -> bytes:
    try:
        raw = bytes.fromhex(text.strip())
    except ValueError:
        raise PepperError(f"The pepper in {source} is not hexadecimal") from None
    if len(raw) < MIN_BYTES:
        raise PepperError(f"The pepper in {source} is shorter than {MIN_BYTES} bytes")
    return raw
