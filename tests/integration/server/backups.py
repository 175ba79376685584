"""A backend's database copied and restored, as an operator restores a nightly backup.

Both engines (issue 14): SQLite with its online backup API (the file replaced while the
server is stopped), PostgreSQL with ``CREATE DATABASE … TEMPLATE`` (a file-level copy; the
server is stopped around it because a template may have no other connection). The server's
pepper is not part of either copy (``server/pepper.py``: kept apart from backups), exactly
as in production, so a restored database is keyed as before.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from server.embedded import EmbeddedBackend


class Backup:
    """``take()`` once, ``restore()`` to go back to that copy (the server restarted)."""

    def __init__(
        self, srv: EmbeddedBackend, engine: str, request: pytest.FixtureRequest, tmp: Path
    ) -> None:
        self.srv, self.engine, self.request = srv, engine, request
        self.file = tmp / f"backup-{uuid.uuid4().hex[:8]}.db"
        self.copy_name = f"b_{uuid.uuid4().hex[:12]}"
        self.taken = False

    def _psql(self, sql: str) -> None:
        self.request.getfixturevalue("pg_templates").cluster.psql(sql)

    @property
    def _live(self) -> str:
        return self.srv.db_url.rsplit("/", 1)[1]

    def take(self) -> None:
        if self.engine == "postgres":
            self.srv.stop()
            self._psql(f"CREATE DATABASE {self.copy_name} TEMPLATE {self._live}")
            self.srv.start()
        else:
            source, target = sqlite3.connect(self.srv.db_path), sqlite3.connect(self.file)
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
        self.taken = True

    def restore(self) -> None:
        assert self.taken
        self.srv.stop()
        if self.engine == "postgres":
            self._psql(f"DROP DATABASE {self._live} WITH (FORCE)")
            self._psql(f"CREATE DATABASE {self._live} TEMPLATE {self.copy_name}")
        else:
            for suffix in ("-wal", "-shm"):
                Path(f"{self.srv.db_path}{suffix}").unlink(missing_ok=True)
            self.file.replace(self.srv.db_path)
            self.taken = False
        self.srv.start()
