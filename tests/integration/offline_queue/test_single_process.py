"""One till process per journal (issue 11, finding 9), with two real processes each time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from offline_queue.journal_lock import lock_path_for

HOLDER = """
import sys
from pathlib import Path
from offline_queue.journal_identity import open_till_journal
from offline_queue.journal_lock import JournalLockedError
try:
    journal = open_till_journal(Path(sys.argv[1]))
except JournalLockedError as exc:
    print(exc, flush=True)
    sys.exit(3)
journal.append("earn", "a", {"customer_id": "a", "points": 1})
print("ready", flush=True)
sys.stdin.readline()  # hold the journal until told
journal.close()
"""


def holder(journal: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )


def test_second_process_is_refused_while_the_first_runs(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    first = holder(journal)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "ready"
        second = holder(journal)
        out, _ = second.communicate(timeout=60)
        assert second.returncode == 3
        assert f"Another till is already running on the journal {journal}" in out
        assert f"(process {first.pid})" in out
    finally:
        first.communicate("\n", timeout=60)
    third = holder(journal)  # the first one is gone: the journal is free again
    out, _ = third.communicate("\n", timeout=60)
    assert third.returncode == 0 and out.strip() == "ready"


def test_a_killed_till_leaves_no_stale_lock(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    first = holder(journal)
    assert first.stdout is not None and first.stdout.readline().strip() == "ready"
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=60)
    second = holder(journal)
    out, _ = second.communicate("\n", timeout=60)
    assert second.returncode == 0 and out.strip() == "ready"


def till_env(tmp_path: Path, journal: Path) -> dict[str, str]:
    creds = tmp_path / "creds"
    creds.mkdir(exist_ok=True)
    (creds / "till-api-key").write_text("tk-test-0123456789\n")
    return dict(
        os.environ,
        CREDENTIALS_DIRECTORY=str(creds),
        TILL_BACKEND_URL="http://127.0.0.1:9",  # nothing there: the till starts offline
        TILL_JOURNAL_PATH=str(journal),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
    )


def test_a_second_real_till_refuses_to_start(tmp_path: Path) -> None:
    journal = tmp_path / "data" / "journal.sqlite3"
    env = till_env(tmp_path, journal)
    first = subprocess.Popen(
        [sys.executable, "-m", "till"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lock = lock_path_for(journal)
        deadline = time.monotonic() + 120
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
            assert first.poll() is None, first.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the first till did not take the journal"
            time.sleep(0.1)
        second = subprocess.run(
            [sys.executable, "-m", "till"], env=env, capture_output=True, text=True, timeout=120
        )
        assert second.returncode == 1
        assert "Another till is already running on the journal" in second.stderr
        assert f"(process {first.pid})" in second.stderr
        assert first.poll() is None  # the first one goes on
    finally:
        first.send_signal(signal.SIGTERM)
        _, err = first.communicate(timeout=60)
    assert first.returncode == 0, err[-2000:]
