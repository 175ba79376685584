"""The two small files beside the journal that say which journal it is and how far it got.

Why two (issue 11; :mod:`offline_queue.journal_identity` checks them at start):

- The **identity record** (``<journal>.identity.json``): journal id, current generation
  (:mod:`offline_queue.journal_file`) and the highest seq known when it was written. Written
  atomically and durably (temporary file, fsync, rename, fsync of the directory), but only
  when it changes meaning: at open, once per generation (every ~500 writes) and at close —
  never per append, so the append rate stays that of SQLite itself.
- The **mark** (``<journal>.identity.mark``): the highest seq committed, rewritten in place
  after every append's COMMIT without fsync (one ``pwrite``, microseconds). It survives a
  killed process (the page cache is the kernel's), so a journal restored from a copy taken
  in the same generation is still caught; after a power cut it may be older or torn (its
  checksum then fails and it is ignored) — never ahead of what was committed, because it is
  written only after the commit's fsync. The power-loss guarantee rests on the record and
  the generations, the mark only sharpens it.
"""

from __future__ import annotations

import json
import os
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from offline_queue.database import fsync_directory

_MARK_FORMAT = "{journal_id:<36} {seq:020d} {crc:08x}\n"
_MARK_SIZE = len(_MARK_FORMAT.format(journal_id="", seq=0, crc=0))


@dataclass(frozen=True, slots=True)
class IdentityRecord:
    journal_id: str
    high_seq: int
    generation: str = ""  # "" in a record written before generations existed


class RecordUnreadable(Exception):
    """The record exists but cannot be read or parsed (the caller names the problem)."""


def record_path_for(journal_path: Path) -> Path:
    """The record lives beside the journal, in the till's data directory."""
    return journal_path.with_name(journal_path.name + ".identity.json")


def mark_path_for(record_path: Path) -> Path:
    return record_path.with_name(record_path.name.removesuffix(".json") + ".mark")


def load_record(record_path: Path) -> IdentityRecord | None:
    """None when there is no record; :class:`RecordUnreadable` when it cannot be used."""
    try:
        text = record_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise RecordUnreadable(f"{type(exc).__name__}: {exc}") from exc
    try:
        data = json.loads(text)
        return IdentityRecord(
            str(data["journal_id"]), int(data["high_seq"]), str(data.get("generation") or "")
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RecordUnreadable(f"{type(exc).__name__}: {exc}") from None


def save_record(record_path: Path, record: IdentityRecord) -> None:
    """Temporary file, fsync, rename over the old record, fsync the directory: after a power
    cut the record is the old one or the new one, whole, never torn."""
    body = json.dumps(
        {
            "journal_id": record.journal_id,
            "high_seq": record.high_seq,
            "generation": record.generation,
            "journal": record_path.name.removesuffix(".identity.json"),
            "written_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
    ).encode()
    tmp = record_path.with_name(record_path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, body)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, record_path)
    fsync_directory(record_path.parent)


def _mark_bytes(journal_id: str, seq: int) -> bytes:
    crc = zlib.crc32(f"{journal_id} {seq}".encode())
    return _MARK_FORMAT.format(journal_id=journal_id, seq=seq, crc=crc).encode()


def read_mark(mark_path: Path, journal_id: str) -> int:
    """The highest seq the mark vouches for, 0 when it is absent, torn or another journal's."""
    try:
        data = mark_path.read_bytes()[:_MARK_SIZE]
    except OSError:
        return 0
    try:
        found_id, seq_text, _crc = data.decode().split()
        seq = int(seq_text)
    except ValueError:
        return 0
    if found_id != journal_id or _mark_bytes(found_id, seq) != data:
        return 0
    return seq


class Mark:
    """The mark, kept open; :meth:`advance` after each COMMIT (never backwards, no fsync)."""

    def __init__(self, mark_path: Path, journal_id: str, seq: int) -> None:
        self._journal_id = journal_id
        self._seq = -1
        self._lock = threading.Lock()
        self._fd: int | None = os.open(mark_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        self.advance(seq)

    @property
    def seq(self) -> int:
        return max(self._seq, 0)

    def advance(self, seq: int) -> None:
        with self._lock:
            if seq <= self._seq or self._fd is None:
                return
            os.pwrite(self._fd, _mark_bytes(self._journal_id, seq), 0)
            self._seq = seq

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
