"""``till-cardtest doctor`` names a journal problem; ``till-cardtest journal reset --confirm``
starts a fresh journal explicitly, keeping the old files aside (issue 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from offline_queue.journal_identity import open_checked, open_till_journal
from till.cardtest.check_result import FAIL, PASS, SKIP
from till.cardtest.cli import main
from till.cardtest.journal_check import check_journal, journal_file_stats


def till_journal(path: Path, ops: int = 2) -> None:
    with open_checked(path) as j:
        for i in range(ops):
            j.append("earn", "a", {"customer_id": "a", "points": i + 1})


def doctor_check(path: Path) -> tuple[str, str, str]:
    result = check_journal(journal_file_stats(path), lambda: 0.0, backend_ok=True)
    return result.status, result.detail, result.next_step


def test_doctor_passes_a_healthy_journal_and_skips_a_new_till(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    assert doctor_check(path)[0] == SKIP
    assert not path.exists()
    till_journal(path)
    assert doctor_check(path)[0] == PASS


def test_doctor_names_a_deleted_journal_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    till_journal(path)
    path.unlink()
    status, detail, fix = doctor_check(path)
    assert status == FAIL
    assert detail.startswith("Journal problem: the operation journal") and "is missing" in detail
    assert "till-cardtest journal reset --confirm" in fix
    assert not path.exists()


def test_doctor_names_a_journal_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    till_journal(path, 1)
    shutil.copyfile(path, tmp_path / "old.sqlite3")
    till_journal(path, 1)
    shutil.copyfile(tmp_path / "old.sqlite3", path)
    status, detail, _ = doctor_check(path)
    assert status == FAIL and "ends at operation #1" in detail and "#2" in detail


def test_journal_status_and_reset_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "journal.sqlite3"
    till_journal(path)
    assert main(["journal", "status", "--journal", str(path)]) == 0
    assert "OK" in capsys.readouterr().out
    path.write_bytes(b"")  # 0-byte journal
    assert main(["journal", "status", "--journal", str(path)]) == 1
    assert "is empty (0 bytes" in capsys.readouterr().out
    assert main(["journal", "reset", "--journal", str(path)]) == 2  # no --confirm
    assert "needs --confirm" in capsys.readouterr().err
    assert main(["journal", "reset", "--confirm", "--journal", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"New journal: {path}" in out
    kept = {p.name.split("Z", 1)[1]: p for p in tmp_path.glob("journal.sqlite3.aside-*")}
    assert out.count("Kept aside:") == len(kept) and {"", ".identity.json"} <= set(kept)
    assert kept[""].stat().st_size == 0  # the 0-byte file, kept as found
    with open_till_journal(path) as j:
        assert j.problem is None and j.pending() == []


def test_reset_refuses_a_healthy_journal_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "journal.sqlite3"
    till_journal(path)
    assert main(["journal", "reset", "--confirm", "--journal", str(path)]) == 1
    assert "has no problem" in capsys.readouterr().err
    assert main(["journal", "reset", "--confirm", "--force", "--journal", str(path)]) == 0
    assert len(list(tmp_path.glob("journal.sqlite3.aside-*"))) >= 2


def test_reset_refuses_while_a_till_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "journal.sqlite3"
    till_journal(path)
    path.unlink()
    with open_till_journal(path) as running:
        assert running.problem is not None
        assert main(["journal", "reset", "--confirm", "--journal", str(path)]) == 1
        assert "Another till is already running" in capsys.readouterr().err
    assert list(tmp_path.glob("journal.sqlite3.aside-*")) == []
