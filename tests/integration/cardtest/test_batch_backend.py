"""``till-cardtest batch`` against the real backend on loopback: register, refuse, redraw."""

from __future__ import annotations

import csv
import json

import pytest

from till.backend_client import BackendClient, BackendError
from till.cardtest.cli import main

# The demo program DEMO owns 10000000-999999999999 (8 to 12 digits), so new programs here use
# 13-digit numbers (no Luhn: a Luhn-valid 13-digit number would look like a payment card).
GOLD = "2000000000000-2000000999999"


@pytest.fixture(scope="module")
def backend(module_backend_factory):
    """One server for this module; each test uses its own program names."""
    return module_backend_factory(otp_ttl=600)


@pytest.fixture
def cli_env(backend, tmp_path, monkeypatch):
    config = tmp_path / "till.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("TILL_API_KEY", backend.api_key)
    monkeypatch.setenv("TILL_MANAGER_PIN", backend.manager[1])

    def run(*args: str) -> int:
        return main(
            [
                "batch",
                "--backend",
                backend.url,
                "--manager",
                backend.manager[0],
                "--config",
                str(config),
                *args,
            ]
        )

    return run


def _rows(directory):
    with (directory / "cards.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _client(backend) -> BackendClient:
    return BackendClient(backend.url, backend.api_key)


def test_batch_registers_the_program_and_cards_and_writes_the_files(
    backend, cli_env, tmp_path, capsys
):
    out = tmp_path / "gold"
    code = cli_env(
        "--program",
        "GOLD",
        "--range",
        GOLD,
        "--count",
        "2000",
        "--out",
        str(out),
        "--images",
        "none",
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert backend.manager[1] not in captured.out + captured.err
    rows = _rows(out)
    assert len(rows) == 2000
    assert all(r["number"] == r["track1"] == r["track2"] == r["barcode"] for r in rows)
    assert len({r["number"] for r in rows}) == 2000
    assert not (out / "images").exists()
    summary = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    assert summary["registered"] is True
    assert summary["card_numbers"] == GOLD
    programs = {p.name: p for p in _client(backend).programs()}
    assert programs["GOLD"].issued == 2000
    assert programs["GOLD"].range_start == "2000000000000"
    # registered cards are unassigned until a customer gets one
    with pytest.raises(BackendError) as info:
        _client(backend).lookup(card=rows[0]["number"])
    assert info.value.code == "card_unassigned"
    assert "Longest run of consecutive numbers in the order drawn" in captured.out


def test_overlap_with_another_program_is_refused_by_the_backend(backend, cli_env, tmp_path, capsys):
    out = tmp_path / "silver"
    code = cli_env(
        "--program",
        "SILVER",
        "--range",
        "40000000-40999999",
        "--count",
        "10",
        "--luhn",
        "--out",
        str(out),
        "--images",
        "none",
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "overlaps program DEMO (10000000-999999999999)" in err
    assert "choose a range outside" in err
    assert not out.exists()
    assert "SILVER" not in {p.name for p in _client(backend).programs()}


def test_numbers_already_issued_are_excluded_and_a_full_range_refused(
    backend, cli_env, tmp_path, capsys
):
    tiny = "3000000000000-3000000000009"
    first = tmp_path / "first"
    assert (
        cli_env(
            "--program",
            "TINY",
            "--range",
            tiny,
            "--count",
            "6",
            "--out",
            str(first),
            "--images",
            "none",
        )
        == 0
    )
    second = tmp_path / "second"
    assert (
        cli_env(
            "--program",
            "TINY",
            "--range",
            tiny,
            "--count",
            "4",
            "--out",
            str(second),
            "--images",
            "none",
        )
        == 0
    )
    numbers = [row["number"] for d in (first, second) for row in _rows(d)]
    assert sorted(numbers) == [str(3000000000000 + i) for i in range(10)]
    capsys.readouterr()
    third = tmp_path / "third"
    assert (
        cli_env(
            "--program",
            "TINY",
            "--range",
            tiny,
            "--count",
            "1",
            "--out",
            str(third),
            "--images",
            "none",
        )
        == 1
    )
    assert "has 0 numbers not yet issued" in capsys.readouterr().err
    assert not third.exists()


def test_a_wrong_manager_pin_registers_nothing(backend, cli_env, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TILL_MANAGER_PIN", "0000")
    out = tmp_path / "bronze"
    code = cli_env(
        "--program",
        "BRONZE",
        "--range",
        "4000000000000-4000000999999",
        "--count",
        "5",
        "--out",
        str(out),
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "The manager name or PIN is not right." in err
    assert "0000" not in err
    assert not out.exists()
    assert "BRONZE" not in {p.name for p in _client(backend).programs()}


def test_count_beyond_the_range_is_refused_before_anything_happens(tmp_path, capsys):
    code = main(
        [
            "batch",
            "--program",
            "X",
            "--range",
            "50000000-50000009",
            "--count",
            "11",
            "--out",
            str(tmp_path / "x"),
        ]
    )
    assert code == 2
    assert "holds only 10 numbers, fewer than the 11 cards" in capsys.readouterr().err


def test_without_a_backend_the_files_are_written_and_flagged_unregistered(tmp_path, capsys):
    config = tmp_path / "till.toml"
    config.write_text("", encoding="utf-8")
    out = tmp_path / "proof"
    code = main(
        [
            "batch",
            "--program",
            "PROOF",
            "--range",
            "0100000-0199999",
            "--luhn",
            "--count",
            "3",
            "--out",
            str(out),
            "--images",
            "both",
            "--config",
            str(config),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert "NOT registered" in captured.err
    rows = _rows(out)
    assert len(rows) == 3 and all(len(r["number"]) == 8 for r in rows)
    for row in rows:
        assert (out / "images" / f"{row['number']}.svg").exists()
        assert (out / "images" / f"{row['number']}.png").exists()
    assert json.loads((out / "batch.json").read_text(encoding="utf-8"))["registered"] is False
