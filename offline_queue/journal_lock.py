"""One till process per journal: an exclusive ``flock`` held for the process's life.

Why a lock at all: two tills on one journal would both replay the same pending operations
and both write high-water marks (issue 11, finding 9). SQLite's own locks serialise writes
but do not stop a second process from running. ``flock(2)`` is tied to the open file
description: it is released when the process exits, however it exits (SIGKILL, power cut
leaves no lock on disk), so a stale lock file never blocks a restart. It is taken on a
separate ``<journal>.lock`` file, never on the database, so it cannot interfere with
SQLite's POSIX advisory locks (https://www.sqlite.org/lockingv3.html, "How To Corrupt",
section 2.2: closing any descriptor of a database file drops that process's POSIX locks).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from offline_queue.errors import JournalError

__all__ = ["JournalLock", "JournalLockedError", "lock_path_for"]


class JournalLockedError(JournalError):
    """Another process holds the journal: this till must not start.

    ``journal_path`` and ``holder`` (the other process's id, "" when unknown) let the till
    say it in its own language (``till/journal_words.py``)."""

    code = "locked"

    def __init__(self, message: str, journal_path: Path | None = None, holder: str = "") -> None:
        super().__init__(message)
        self.journal_path = journal_path
        self.holder = holder


def lock_path_for(journal_path: Path) -> Path:
    return journal_path.with_name(journal_path.name + ".lock")


class JournalLock:
    """The held lock; :meth:`release` (or process exit) gives it back."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, journal_path: Path) -> JournalLock:
        """Take the lock without waiting; :class:`JournalLockedError` names the holder."""
        path = lock_path_for(journal_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            who = f" (process {holder})" if holder else ""
            raise JournalLockedError(
                f"Another till is already running on the journal {journal_path}{who}. "
                "Only one till may use a journal: close the other one first.",
                journal_path,
                holder,
            ) from None
        except BaseException:
            os.close(fd)
            raise
        # Informational only (the kernel lock is what counts): who holds it, for the message.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            os.close(fd)  # closing the descriptor drops the flock


def _read_pid(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""
