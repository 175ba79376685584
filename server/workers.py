"""``till-server serve --workers N``: N server processes sharing one listening socket.

Why processes: one Python process serves requests on threads that share one interpreter
lock, so a busy backend stops scaling at about one core; N processes on one PostgreSQL
database use N cores (PostgreSQL decides their races with row and advisory locks, see
``server.db``). Why fork and one socket instead of a load balancer: the kernel spreads the
connections accepted on a shared listening socket over the processes waiting on it, the
port is bound once (or inherited with ``--fd``), and nothing else is to be deployed.

The parent binds, checks the schema once (``make_engine`` creates an empty database or
refuses an outdated one, before any child starts), forks the children and waits. SIGTERM or
SIGINT to the parent is passed on to every child; a child that dies takes the others down
with it (systemd's ``Restart=on-failure`` then starts the whole set again). Each child asks
the kernel for SIGTERM when the parent dies (``PR_SET_PDEATHSIG``), so none is left behind.
Each child opens its own engine: a connection pool must never cross a fork.
SQLite is refused: its one writer at a time makes more processes slower, not faster.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from types import FrameType

log = logging.getLogger("server.workers")
_PR_SET_PDEATHSIG = 1


def serve_workers(args: argparse.Namespace, serve_one: Callable[[argparse.Namespace], int]) -> int:
    from sqlalchemy.engine import make_url

    from server.db import make_engine

    if make_url(args.db).get_backend_name() == "sqlite":
        print("--workers needs PostgreSQL: SQLite has one writer at a time", file=sys.stderr)
        return 2
    make_engine(args.db).dispose()  # schema checked (or created) once, before any child
    if args.fd is None:
        sock = socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((args.host, args.port))
        sock.listen(2048)
        sock.set_inheritable(True)
        args.fd = sock.fileno()
    children: list[int] = []
    for _ in range(args.workers):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                _die_with_parent()
                code = serve_one(args)
            finally:
                os._exit(code)
        children.append(pid)
    log.info("Serving with %d worker processes: %s", len(children), children)

    def forward(signum: int, _frame: FrameType | None) -> None:
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    worst = 0
    alive = set(children)
    while alive:
        pid, status = os.wait()
        if pid not in alive:
            continue
        alive.discard(pid)
        code = os.waitstatus_to_exitcode(status)
        if code != 0 and alive:
            log.error("Worker %d exited with %d; stopping the others", pid, code)
            forward(signal.SIGTERM, None)
        worst = worst or (code if code > 0 else 0)
    return worst


def _die_with_parent() -> None:
    """SIGTERM when the parent process exits (Linux ``prctl``; elsewhere, nothing)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
