"""``till-cardtest doctor --demo``: the running demo's backend, found through the link file
``till --demo`` writes (issue 12, finding 14)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from server.embedded import EmbeddedBackend
from till.cardtest import demo_link
from till.cardtest.cli import main


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "till.toml"
    config.write_text(f'[journal]\npath = "{tmp_path / "journal.sqlite3"}"\n', encoding="utf-8")
    return config


def test_doctor_checks_the_demo_backend_from_its_link(
    backend: EmbeddedBackend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = demo_link.publish(backend.url, backend.api_key, tmp_path, tmp_path / "link.json")
    key_file = Path(json.loads(link.read_text(encoding="utf-8"))["key_file"])
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert backend.api_key not in link.read_text(encoding="utf-8")  # the link names the file

    code = main(["doctor", "--demo", str(link), "--config", str(_config(tmp_path)), "--json"])
    out = capsys.readouterr().out
    report = json.loads(out)
    status = {c["id"]: c["status"] for c in report["checks"]}
    assert status["till_online"] == status["backend_health"] == status["api_key"] == "pass"
    assert backend.api_key not in out
    assert code == (0 if report["ok"] else 1)

    demo_link.withdraw(link)
    assert not link.exists()


def test_without_a_running_demo_the_doctor_says_how_to_start_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.json"
    code = main(["doctor", "--demo", str(missing), "--config", str(_config(tmp_path))])
    assert code == 2
    assert "start 'till --demo'" in capsys.readouterr().err


def test_a_link_of_another_demo_is_left_alone(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.write_text(json.dumps({"url": "http://127.0.0.1:1", "key_file": "k", "pid": 1}))
    demo_link.withdraw(link)
    assert link.exists() and os.getpid() != 1
