"""Issue 17: the doctor's findings (the CLI's text and the technician's Diagnostics tab) are in
the till's language: German here, with no English sentence left in the report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from till import i18n
from till.cardtest.doctor import DoctorInputs, run_doctor


@pytest.fixture
def german(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert i18n.install("de")
    yield
    i18n.install("en")


def test_the_report_is_in_german(german: None) -> None:
    report = run_doctor(DoctorInputs(backend_url="", client=None, card="40023817"))
    online = report.get("till_online")
    assert online.title == "Kasse online"
    assert online.detail == "Es ist keine Adresse des Treue-Servers eingestellt."
    assert report.get("card_known").detail.startswith("Übersprungen: ")
    text = report.to_text()
    assert text.startswith("Kassendiagnose um ")
    assert "[FEHLER] Kasse online" in text
    for english in ("Till online", "Skipped", "check(s) failed", "next: "):
        assert english not in text


def test_the_cli_speaks_the_language_asked_for(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``till-cardtest doctor --lang uk``: the same checks, in Ukrainian (port 9: nothing there)."""
    from till.cardtest.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    config = tmp_path / "till.toml"
    config.write_text('[backend]\nurl = "http://127.0.0.1:9"\n', encoding="utf-8")
    try:
        code = main(["doctor", "--lang", "uk", "--config", str(config)])
    finally:
        i18n.install("en")
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("Діагностика каси о ")
    assert "[ПОМИЛКА] Сервер лояльності працює" in out
    assert "Loyalty backend up" not in out
