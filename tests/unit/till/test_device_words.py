"""Issue 17: what the readers say reaches the cashier in the till's language.

The device layer (Qt-free, English) is read from its source: every sentence it gives an
:class:`Identified` (``message=``, ``_make(..., message)``, ``*_MESSAGE`` constants,
``message = ...``) and every reader state (``_status(...)``, ``_refuse(...)``). Each must be
known to :mod:`till.device_words` and come out translated in German and Ukrainian — a new
device sentence without a translation fails here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from devices.card_rules import Check, check_reference
from devices.events import Identified, ReadKind
from devices.magstripe import UNREADABLE_MESSAGE
from tests.unit.till.i18n_scan import ROOT
from till import device_words, i18n
from till.translate import translate

STATUS_CALLS = {"_status", "_refuse"}


def _sample(node: ast.expr) -> list[str]:
    """The English sentence(s) an expression can give, each placeholder as ``X``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(str(v.value) if isinstance(v, ast.Constant) else "X" for v in node.values)]
    if isinstance(node, ast.IfExp):
        return _sample(node.body) + _sample(node.orelse)
    if isinstance(node, ast.BinOp):
        return [a + b for a in _sample(node.left) for b in _sample(node.right)]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        return _sample(node.func.value)
    return []


def device_sentences() -> tuple[set[str], set[str]]:
    """(read messages, reader states) written in devices/."""
    reads: set[str] = set()
    states: set[str] = set()
    for path in (ROOT / "devices").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                for kw in node.keywords:
                    if kw.arg == "message" and name != "Check":
                        reads.update(_sample(kw.value))
                if name == "_make" and len(node.args) >= 5:
                    reads.update(_sample(node.args[4]))
                if name in STATUS_CALLS and node.args:
                    states.update(_sample(node.args[0]))
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and (
                        target.id.endswith("_MESSAGE") or target.id == "message"
                    ):
                        (reads if path.name in READ_FILES else states).update(_sample(node.value))
                    if isinstance(target, ast.Name) and target.id == "PERMISSION_HINT":
                        states.update(_sample(node.value))
    return (
        {r for r in reads if any(ch.isalpha() for ch in r.replace("X", ""))},
        # As the hub passes them on: "<reader>: <state>"; "X: X" is that composition itself.
        {f"reader: {s}" for s in states if s and s != "X: X" and not s.startswith("X: ")}
        | {f"reader: {s[3:]}" for s in states if s.startswith("X: ") and s != "X: X"},
    )


READ_FILES = {
    "router.py",
    "magstripe.py",
    "idcard.py",
    "hub.py",
    "card_rules.py",
    "receipt_code.py",
}


@pytest.fixture
def installed(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    yield
    i18n.install("en")


def test_the_device_layer_is_read() -> None:
    reads, states = device_sentences()
    assert UNREADABLE_MESSAGE in reads
    assert "The read was incomplete (X); please try again." in reads
    assert "reader: reader unplugged; waiting for it to come back" in states
    assert any("dialout" in s for s in states)


@pytest.mark.parametrize("lang", i18n.SHIPPED)
def test_every_device_sentence_is_known_and_translated(installed: None, lang: str) -> None:
    assert i18n.install(lang)
    reads, states = device_sentences()
    generic_read = translate(device_words.CONTEXT, device_words.GENERIC_READ)
    generic_state = translate(device_words.CONTEXT, device_words.GENERIC_STATUS)
    unknown = sorted(r for r in reads if device_words.sentence(r) == generic_read)
    unknown += sorted(s for s in states if device_words.status_message(s).endswith(generic_state))
    assert unknown == [], f"device sentences till.device_words does not know: {unknown}"
    english = sorted(r for r in reads if device_words.sentence(r) == r)
    english += sorted(s for s in states if device_words.status_message(s) == s)
    assert english == [], f"device sentences left in English in {lang}: {english}"
    texts = [
        *device_words.EXACT.values(),
        *(t for _, t in device_words.PREFIXES),
        *device_words.CHECK_REASONS.values(),
        *device_words.STATUS.values(),
        *(t for _, t in device_words.STATUS_PARTS),
        device_words.GENERIC_READ,
        device_words.GENERIC_STATUS,
    ]
    same = [t for t in texts if translate(device_words.CONTEXT, t) == t]
    assert same == [], f"untranslated in {lang}: {same}"


def test_a_refused_card_says_why_in_german(installed: None) -> None:
    assert i18n.install("de")
    checks = tuple(check_reference("1234567", (), False))  # too short
    event = Identified(
        ReadKind.MEMBER_BARCODE,
        "scanner",
        "1234567",
        None,
        "This code is not a loyalty card of this program. Card number has only 7 characters.",
        detail=checks,
    )
    assert any(isinstance(c, Check) and c.id == "min_length" and not c.ok for c in checks)
    text = device_words.read_message(event)
    assert "Card number" not in text and "loyalty card" not in text
    assert text == (
        translate("Devices", "This code is not a loyalty card of this program.")
        + " "
        + translate("Devices", "The card number is too short.")
    )
    assert device_words.status_message("wedge:/dev/input/event3: reader connected") == (
        "wedge:/dev/input/event3: " + translate("Devices", "reader connected")
    )


def test_in_english_an_unknown_sentence_stays_as_the_device_wrote_it() -> None:
    assert device_words.sentence("A sentence from a newer reader.") == (
        "A sentence from a newer reader."
    )
    assert device_words.sentence("") == ""
