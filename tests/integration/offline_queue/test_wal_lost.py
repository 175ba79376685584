"""A real till process killed with 5 committed ops in the WAL, then the -wal file lost
(issue 11, finding 2): the next start is a journal problem, not an empty journal."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from offline_queue.journal_identity import ProblemKind, open_till_journal

CHILD = """
import sys
from pathlib import Path
from offline_queue.journal_identity import open_till_journal
journal = open_till_journal(Path(sys.argv[1]))
if sys.argv[2] == "checkpoint":
    journal.append("earn", "a", {"customer_id": "a", "points": 1})
    journal.checkpoint()
for i in range(5):
    journal.append("earn", "a", {"customer_id": "a", "points": i + 2})
print("committed", flush=True)
sys.stdin.readline()  # killed here, never closed: the WAL is not checkpointed
"""


@pytest.mark.parametrize(
    ("mode", "kind"), [("checkpoint", ProblemKind.BEHIND), ("none", ProblemKind.REPLACED)]
)
def test_lost_wal_after_a_kill_is_a_journal_problem(
    tmp_path: Path, mode: str, kind: ProblemKind
) -> None:
    journal = tmp_path / "journal.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(journal), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "committed"
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    wal = Path(f"{journal}-wal")
    assert wal.stat().st_size > 0
    wal.unlink()  # lost (a file-system repair, a copy of the main file only, ...)
    Path(f"{journal}-shm").unlink(missing_ok=True)
    with open_till_journal(journal) as j:
        assert j.problem is not None and j.problem.kind is kind  # type: ignore[attr-defined]
        assert "-wal" in str(j.problem)


def test_the_same_kill_with_the_wal_kept_loses_nothing(tmp_path: Path) -> None:
    """The control: with its -wal, the killed journal has all 6 ops and no problem."""
    journal = tmp_path / "journal.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(journal), "checkpoint"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "committed"
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    with open_till_journal(journal) as j:
        assert j.problem is None and len(j.pending()) == 6
