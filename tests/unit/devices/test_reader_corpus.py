"""The reader corpus: what real magstripe readers and scanners send, each case with its source.

``tests/data/readers/cases.jsonl`` holds one case a line (see ``docs/readers.md``): the text a
reader delivers (JSON escapes for CR, TAB, ESC, GS...), the device it came from, and what the
till must make of it. Each case is routed the way the till routes a read; secrets listed in
``hidden`` (bank numbers, names, licence numbers) must appear in no output: the event, the
parser's analysis and ``till-cardtest analyze``.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from devices.events import RawRead
from devices.magstripe import SwipeAnalysis, parse_swipe
from devices.router import Router
from till.cardtest.cli import main
from till.cardtest.listen_cmd import describe

CORPUS = Path(__file__).resolve().parents[2] / "data" / "readers" / "cases.jsonl"
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()
]


def test_the_corpus_is_big_and_every_case_names_its_source() -> None:
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)
    for c in CASES:
        assert c["source"].strip() and c["taken"].strip(), c["id"]
        if c["taken"].startswith("verbatim"):
            assert c.get("licence"), f"{c['id']}: a verbatim case states its licence"


def outputs_of(raw: RawRead, event: Any, analysis: SwipeAnalysis | None) -> list[str]:
    texts = [event.raw, event.message, repr(event), str(event.value)]
    texts.append(json.dumps(describe(raw, event), ensure_ascii=False))  # till-cardtest listen
    if analysis is not None:
        texts += [json.dumps(analysis.to_json()), analysis.masked_raw(), *analysis.notes]
        texts += [t.message for t in analysis.tracks.values() if t is not None]
    return texts


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_reader_case(case: dict[str, Any]) -> None:
    expect = case["expect"]
    raw = RawRead(case["input"], case["reader"], symbology_id=case.get("symbology"))
    event = Router().route(raw)
    assert event.kind.value == expect["kind"], (event.kind, event.message, event.raw)
    assert event.value == expect["value"], event.message
    if "card_kind" in expect:
        assert event.card_kind == expect["card_kind"], event.message
    analysis = event.detail if isinstance(event.detail, SwipeAnalysis) else None
    if expect["kind"] == "magstripe":
        assert analysis is not None
        assert analysis == parse_swipe(case["input"])  # the router adds nothing of its own
    if "number" in expect:
        assert analysis is not None and analysis.card_number == expect["number"]
    for number, state in expect.get("tracks", {}).items():
        assert analysis is not None
        track = analysis.tracks[int(number)]
        if state is None:
            assert track is None, number
        else:
            assert track is not None, number
            assert track.error == (state == "error"), (number, track.message)
    for number, sentinel in expect.get("sentinels", {}).items():
        assert analysis is not None
        track = analysis.tracks[int(number)]
        assert track is not None and track.sentinel == sentinel
    if "check_failed" in expect:
        assert analysis is not None
        failed = {c.id: c.message for c in analysis.checks if not c.ok}
        assert expect["check_failed"] in failed, failed
        if "check_message" in expect:
            assert failed[expect["check_failed"]] == expect["check_message"]
    if "message_has" in expect:
        assert expect["message_has"] in event.message
    if "note_has" in expect:
        assert analysis is not None and any(expect["note_has"] in n for n in analysis.notes)
    if "shown_has" in expect:
        assert expect["shown_has"] in event.raw
    for secret in expect.get("hidden", []):
        for text in outputs_of(raw, event, analysis):
            assert secret not in text


SWIPES_WITH_SECRETS = [
    c for c in CASES if c["expect"]["kind"] == "magstripe" and c["expect"].get("hidden")
]


@pytest.mark.parametrize("case", SWIPES_WITH_SECRETS, ids=[c["id"] for c in SWIPES_WITH_SECRETS])
def test_analyze_cli_never_prints_the_secrets(
    case: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/till-cardtest-test-config")
    for args in ([], ["--json"]):
        stdin = io.TextIOWrapper(io.BytesIO(case["input"].encode("utf-8")))
        monkeypatch.setattr(sys, "stdin", stdin)
        assert main(["analyze", *args]) == 1  # a bank card or a licence is always refused
        out, err = capsys.readouterr()
        assert f"Kind: {case['expect']['card_kind']}" in out or args
        for secret in case["expect"]["hidden"]:
            assert secret not in out + err
