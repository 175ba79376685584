"""``till-cardtest journal``: the operation journal's identity check, and the explicit reset.

``journal status`` says whether the journal is the one the till was writing, whole (exit 1
when not). ``journal reset --confirm`` starts a fresh journal after a journal problem (issue
11): the old journal, its -wal/-shm and the till's record of it are renamed aside with a UTC
time stamp, never deleted, so the operations in them can still be recovered by support. It
is refused while a till runs on the journal, and on a healthy journal unless ``--force``
(the pending operations would stop being sent).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "check the operation journal's identity; 'reset --confirm' starts a fresh one"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("status", "reset"), help="what to do")
    p.add_argument("--confirm", action="store_true", help="really reset (required for reset)")
    p.add_argument(
        "--force", action="store_true", help="reset even a healthy journal (its ops stop)"
    )
    p.add_argument("--config", type=Path, help="till configuration file (TOML)")
    p.add_argument("--journal", type=Path, help="journal file (default: from the configuration)")


def run(args: argparse.Namespace) -> int:
    from offline_queue.errors import JournalError
    from offline_queue.journal_identity import inspect_journal, reset_journal
    from till.cardtest import connection
    from till.errors import TillError

    try:
        path = args.journal or connection.load(args.config).journal_path()
    except TillError as exc:
        print(f"journal: {exc}", file=sys.stderr)
        return 2
    problem = inspect_journal(path)
    if args.action == "status":
        if problem is None:
            print(f"Journal {path}: OK" if path.exists() else f"Journal {path}: not created yet")
            return 0
        print(f"Journal problem: {problem.detail}.\n{problem.fix}")
        return 1
    if not args.confirm:
        print("journal: reset needs --confirm (the old files are kept aside)", file=sys.stderr)
        return 2
    if problem is None and path.exists() and not args.force:
        print(
            f"journal: {path} has no problem; its pending operations would stop being sent. "
            "Use --force to reset it anyway.",
            file=sys.stderr,
        )
        return 1
    try:
        moved = reset_journal(path)
    except (JournalError, OSError) as exc:
        print(f"journal: {exc}", file=sys.stderr)
        return 1
    print(f"New journal: {path}")
    for kept in moved:
        print(f"Kept aside: {kept}")
    return 0
