"""The backend as a child process of the till (``make demo``) or of a test.

The child is ``python -m server serve`` on 127.0.0.1 with a SQLite file (or the database
``db_url`` names, e.g. a test's PostgreSQL database) and an SMS outbox in ``workdir``. It must never outlive its parent: it watches its stdin pipe (EOF = the parent is
gone, whichever thread started it; ``PR_SET_PDEATHSIG`` would fire when the *starting thread*
exits) and ``stop()`` runs at interpreter exit. ``stop()`` then ``start()`` keeps the database
and the port, so the till's URL stays valid across the demo's "backend off/on" switch. The
port is bound here and the socket handed to the child (``--fd``): nothing else (another test
worker's backend or outgoing connection) can take the port while the child starts up, and a
health check can't be answered by some other server. The API key is created at the first
start and kept in memory only (the same key after a restart).
"""

from __future__ import annotations

import atexit
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import requests
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from server import demo_data
from server.db import Clock, make_engine, write
from server.models import normalise_phone

STORE = demo_data.STORE
TILL = demo_data.TILL
START_TIMEOUT_S = 60.0  # a loaded 2-core CI machine starting several workers


class EmbeddedBackendError(RuntimeError):
    """The child server did not come up; the message carries the end of its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EmbeddedBackend:
    def __init__(
        self,
        workdir: Path,
        otp_ttl: int = 600,
        port: int = 0,
        demo_data: bool = True,
        db_url: str | None = None,
        pepper_file: Path | None = None,
    ) -> None:
        """``db_url``: another database than ``workdir/loyalty.db`` (a database that is not
        a SQLite file needs ``pepper_file``, see ``server.pepper``)."""
        self.workdir = Path(workdir)
        self._db_url = db_url
        self.pepper_file = pepper_file
        self.otp_ttl = otp_ttl
        self._auto_port = not port  # free to move before the first start only
        self.port = port or free_port()
        self.demo_data = demo_data
        self.db_path = self.workdir / "loyalty.db"
        self.sms_outbox = self.workdir / "sms-outbox.jsonl"
        self.log_path = self.workdir / "server.log"
        self.extra_args: list[str] = []
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._api_key: str | None = None
        atexit.register(self.stop)

    # -- contract properties --------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db_url(self) -> str:
        return self._db_url or f"sqlite:///{self.db_path}"

    @property
    def child_env(self) -> dict[str, str]:
        """The environment the server (and a test's ``till-server`` command) runs with."""
        env = dict(os.environ)
        if self.pepper_file is not None:
            env["TILL_SERVER_PEPPER_FILE"] = str(self.pepper_file)
        return env

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs (tests read its memory use from /proc)."""
        return self._proc.pid if self.running and self._proc is not None else None

    @property
    def api_key(self) -> str:
        if self._api_key is None:
            raise EmbeddedBackendError("The embedded backend has not been started")
        return self._api_key

    @property
    def manager(self) -> tuple[str, str]:
        return demo_data.MANAGER

    @property
    def cashier(self) -> tuple[str, str]:
        return demo_data.CASHIER

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._prepare_database()
        sock = self._bind()
        self._log = self.log_path.open("ab")
        env = self.child_env
        package_root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p
        )
        cmd = [
            sys.executable,
            "-m",
            "server",
            "serve",
            "--db",
            self.db_url,
            "--fd",
            str(sock.fileno()),
            "--sms-outbox",
            str(self.sms_outbox),
            "--otp-ttl",
            str(self.otp_ttl),
            "--exit-with-stdin",
            *self.extra_args,
        ]
        try:
            self._proc = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=self.workdir,
                pass_fds=(sock.fileno(),),
            )
        finally:
            sock.close()  # the child's copy is the only one: when it stops, the port refuses
        try:
            self._wait_healthy()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)
            if proc.stdin is not None:
                proc.stdin.close()
        if self._log is not None:
            self._log.close()
            self._log = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def _bind(self) -> socket.socket:
        """The listening socket for the child, on ``self.port`` (kept across restarts)."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", self.port))
            except OSError:
                if not self._auto_port:
                    raise
                # The port picked at construction was taken since, before the first start
                # (no one knows this URL yet): any free port will do.
                sock.bind(("127.0.0.1", 0))
                self.port = int(sock.getsockname()[1])
            sock.listen(128)
            self._auto_port = False  # from now on the URL is known: the port stays
        except BaseException:
            sock.close()
            raise
        return sock

    def _prepare_database(self) -> None:
        """Seeds on first start (in-process: same code as ``till-server seed-demo``) and
        creates the till key. The engine is closed before the child opens the file."""
        from server import accounts, migrations
        from server.service import Backend
        from server.sms import DiscardGateway

        probe = create_engine(self.db_url, poolclass=NullPool)
        try:
            with probe.connect() as conn:
                found = migrations.state(conn)
            fresh = found == migrations.EMPTY
            if found != migrations.CURRENT and not fresh:
                # The till's own backend brings its database along (a chain's server waits
                # for ``till-server migrate`` instead, see server.migrations).
                migrations.upgrade(probe)
        finally:
            probe.dispose()
        pepper = None
        if self.pepper_file is not None:
            pepper = bytes.fromhex(self.pepper_file.read_text(encoding="ascii").strip())
        engine = make_engine(self.db_url, pepper=pepper)
        try:
            if fresh and self.demo_data:
                demo_data.seed(Backend(engine, sms=DiscardGateway()))
            if self._api_key is None:  # one key per EmbeddedBackend: the till keeps using it
                clock = Clock()
                self._api_key = write(engine, lambda c: accounts.create_key(c, STORE, TILL, clock))
        finally:
            engine.dispose()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        session = requests.Session()
        try:
            while time.monotonic() < deadline:
                proc = self._proc
                if proc is None or proc.poll() is not None:
                    raise EmbeddedBackendError(f"The backend exited at start:\n{self.log_tail()}")
                try:
                    if session.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                        return
                except requests.RequestException:
                    pass
                time.sleep(0.05)  # polling a health endpoint with a deadline
        finally:
            session.close()
        raise EmbeddedBackendError(f"The backend did not answer in time:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    # -- SMS outbox -----------------------------------------------------------------------
    def last_sms_to(self, phone: str) -> str | None:
        try:
            target = normalise_phone(phone)
        except ValueError:
            return None
        try:
            lines = self.sms_outbox.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return None
        for line in reversed(lines):
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line being written right now
            if message.get("to") == target:
                return str(message.get("text", ""))
        return None

    def last_otp_for(self, phone: str) -> str | None:
        """The code of the newest code SMS to ``phone`` (earn SMS carry no code), read from
        the outbox record's ``code`` field, never from the wording: that is the store's
        language (issue 17). None once the outbox has blanked it (used, replaced, expired)."""
        try:
            target = normalise_phone(phone)
            lines = self.sms_outbox.read_text(encoding="utf-8").splitlines()
        except (ValueError, FileNotFoundError):
            return None
        for line in reversed(lines):
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue
            code = message.get("code")
            if message.get("to") == target and isinstance(code, str) and code.isdigit():
                return code
        return None
