"""Disk full and I/O errors on append: a JournalWriteError, no partial row, and recovery.

Two real failures: SQLite's own page limit (``PRAGMA max_page_count``: SQLITE_FULL, the same
path as a full disk) and the kernel refusing a write (``RLIMIT_FSIZE``: write() fails with
EFBIG, which SQLite reports as an I/O error), in a child process so the limit cannot touch
pytest's own files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from offline_queue import Journal, JournalWriteError
from offline_queue.errors import JournalError

ROOT = Path(__file__).resolve().parents[3]
BIG = "x" * 3000  # a few of these fill a page each


def body(i: int) -> dict[str, object]:
    return {"customer_id": "c1", "amount": "1.00", "receipt_no": f"R{i}", "note": BIG}


def test_database_full_then_space_returns(journal: Journal) -> None:
    for i in range(3):
        journal.append("earn", "c1", body(i))
    conn = journal._conn  # the limit is per connection: set it on the journal's own
    assert conn is not None
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    appended = 3
    with pytest.raises(JournalWriteError) as caught:
        for i in range(3, 50):
            journal.append("earn", "c1", body(i), op_id=f"op-{i}")
            appended += 1
    failed = f"op-{appended}"
    assert "Sale not recorded, call a manager" in str(caught.value)
    assert isinstance(caught.value, JournalError)
    assert "FULL" in caught.value.detail
    assert journal.get(failed) is None  # no partial row
    assert journal.stats().pending == appended
    assert journal.integrity_check() == ["ok"]

    conn.execute("PRAGMA max_page_count = 1073741823")  # space is back
    assert journal.append("earn", "c1", body(999), op_id=failed) == failed
    assert journal.stats().pending == appended + 1
    assert [op.op_id for op in journal.pending()][-1] == failed


CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys
    from offline_queue import Journal, JournalWriteError

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG
    path, limit = sys.argv[1], int(sys.argv[2])
    j = Journal(path)
    j.append("earn", "c1", {"customer_id": "c1", "amount": "1.00"}, op_id="before")
    j.checkpoint()  # the WAL starts empty: the next writes grow it from 0 bytes
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    report = {"ok": [], "error": None}
    try:
        for i in range(100):
            j.append("earn", "c1", {"customer_id": "c1", "note": "x" * 3000}, op_id=f"op-{i}")
            report["ok"].append(f"op-{i}")
    except JournalWriteError as exc:
        report["error"] = str(exc)
        report["failed"] = f"op-{len(report['ok'])}"
    report["failed_present"] = j.get(report.get("failed", "")) is not None
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # the disk is back
    j.append("earn", "c1", {"customer_id": "c1", "amount": "2.00"}, op_id="after")
    report["pending"] = [op.op_id for op in j.pending()]
    report["integrity"] = j.integrity_check()
    j.close()
    print(json.dumps(report))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_io_error_from_the_kernel_then_recovery(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(64 * 1024)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    report = json.loads(done.stdout)
    assert report["error"] is not None and "Sale not recorded" in report["error"]
    assert report["failed_present"] is False
    assert 0 < len(report["ok"]) < 100
    assert report["pending"] == ["before", *report["ok"], "after"]
    assert report["integrity"] == ["ok"]
    with Journal(path) as j:  # and the file is sound for the next process too
        assert [op.op_id for op in j.pending()] == report["pending"]
