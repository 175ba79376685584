"""``till-cardtest analyze``: the technician's view of one swipe, as a real process and in-process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from till.cardtest.cli import main

ROOT = Path(__file__).resolve().parents[3]
PAN = "4111111111111111"
BANK_SWIPE = f"%B{PAN}^DOE/JOHN^2512101000001234?;{PAN}=25121010000012345?\r\n"


def clean_env(tmp_path: Path) -> dict[str, str]:
    """No developer configuration leaks in: empty XDG dirs, no TILL_* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TILL_")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    env["PYTHONPATH"] = str(ROOT)
    return env


def run_cli(tmp_path: Path, swipe: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "till.cardtest.cli", "analyze", *args],
        input=swipe,
        capture_output=True,
        text=True,
        env=clean_env(tmp_path),
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_json_for_a_bank_card_is_masked(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, BANK_SWIPE, "--json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc == {
        "tracks": {
            "1": {"data": "B411111******1111", "error": False},
            "2": {"data": "411111******1111", "error": False},
            "3": None,
        },
        "kind": "bank",
        "card_number": "411111******1111",
        "checks": [{"id": "bank_card", "ok": False, "message": doc["checks"][0]["message"]}],
    }
    assert doc["checks"][0]["message"].startswith("This is a bank card, not a loyalty card.")
    assert PAN not in proc.stdout + proc.stderr and "DOE" not in proc.stdout + proc.stderr


def test_json_for_a_loyalty_card(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "%12345678?;12345678?\r\n", "--json", "--range", "10000000-19999999")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["kind"] == "loyalty" and doc["card_number"] == "12345678"
    assert doc["tracks"]["1"] == {"data": "12345678", "error": False}
    assert [c["id"] for c in doc["checks"]] == [
        "min_length",
        "track_placement",
        "tracks_agree",
        "range",
        "luhn",
    ]
    assert proc.stdout.count("\n") == 1  # one object, one line


def test_human_output_names_tracks_checks_and_sentences(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "%AB123456?;AB123456?;E?\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Track 1: ok    AB123456" in out
    assert "Track 2: ERROR AB123456" in out
    assert "Track 3: ERROR (no data)" in out and "read error" in out
    assert "Kind: loyalty" in out and "Card number: AB123456" in out
    assert (
        "Alphanumeric reference found on track 2: it can only be encoded on tracks 1 and 3." in out
    )
    assert "Verdict: the till accepts this card." in out


def test_configuration_file_supplies_prefix_and_ranges(tmp_path: Path) -> None:
    config = tmp_path / "till.toml"
    config.write_text(
        '[devices]\nread_prefix = "@@"\ncard_ranges = ["60000000-60999999"]\n', encoding="utf-8"
    )
    proc = run_cli(tmp_path, "@@%12345678?;12345678?\r", "--config", str(config))
    assert proc.returncode == 1
    assert "Card number 12345678 is outside this program's number ranges" in proc.stdout
    assert "Verdict: the till refuses this card." in proc.stdout


def run_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], swipe: bytes, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/till-cardtest-test-config")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(swipe)))
    code = main(["analyze", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_bad_range_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_in_process(monkeypatch, capsys, b"%12345678?", "--range", "99-1x")
    assert code == 2 and out == ""
    assert "99-1x" in err


def test_missing_config_file_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.toml"
    code, _, err = run_in_process(monkeypatch, capsys, b"", "--config", str(missing))
    assert code == 2 and "does not exist" in err


def test_invalid_utf8_and_control_characters_are_shown_not_fatal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_in_process(monkeypatch, capsys, b"%1234\x01\xff678?;12345678?\n")
    assert code == 0
    assert "1234\\x01\ufffd678" in out and "U+0001" in out


def test_unreadable_swipe_and_require_luhn(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_in_process(monkeypatch, capsys, b"%E?;E?\r\n", "--json")
    assert code == 1 and json.loads(out)["kind"] == "unreadable"
    code, out, _ = run_in_process(monkeypatch, capsys, b";12345678?\n", "--require-luhn")
    assert code == 1 and "FAIL  luhn" in out
