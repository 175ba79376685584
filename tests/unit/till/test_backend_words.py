"""Issue 17: a cashier never reads the backend's English ``message``: the till has its own
sentence for every error code the backend can send, translated in every shipped language,
and a generic translated sentence for a code it does not know.

The codes are read from the server's source (every ``code="..."`` given to an error, every
error class's ``code``), so a code added to the backend without a sentence here fails.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.unit.till.i18n_scan import ROOT
from till import backend_words, i18n
from till.backend_client import BackendClient, BackendError
from till.translate import translate

# Codes no till screen meets: the member web page's own (sign-in, basket), demo-data keys
# and the test clock. Their sentences are the member page's (server/ordering/page_texts.py).
NOT_FOR_THE_TILL = {
    "DEMO",
    "NORTH",
    "test_clock_refused",
    "cart_empty",
    "cart_item_gone",
    "cart_too_big",
    "code_invalid",
    "code_rate_limited",
    "login_failed",
    "login_throttled",
    "password_length",
    "password_mismatch",
}


def server_error_codes() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "server").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "code":
                value: Any = node.value
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    codes.add(value.value)
            elif isinstance(node, ast.ClassDef):
                for item in node.body:
                    if (
                        isinstance(item, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == "code" for t in item.targets)
                        and isinstance(item.value, ast.Constant)
                        and isinstance(item.value.value, str)
                    ):
                        codes.add(item.value.value)
    return codes


def test_every_backend_error_code_has_a_till_sentence() -> None:
    codes = server_error_codes()
    assert {"otp_invalid", "not_found", "forbidden", "claim_token_invalid"} <= codes  # it reads
    missing = sorted(codes - NOT_FOR_THE_TILL - set(backend_words.SENTENCES))
    assert missing == [], f"backend error codes without a till sentence: {missing}"


@pytest.fixture
def german(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    yield
    i18n.install("en")


@pytest.mark.parametrize("lang", i18n.SHIPPED)
def test_every_sentence_is_translated(german: None, lang: str) -> None:
    assert i18n.install(lang)
    texts = [
        *backend_words.SENTENCES.values(),
        *backend_words.MEMBER_EXISTS.values(),
        backend_words.GENERIC,
        backend_words.ATTEMPTS_LEFT,
        backend_words.ATTEMPT_LEFT,
        backend_words.RETRY_IN,
        backend_words.NOT_A_PHONE_FOR,
    ]
    same = [t for t in texts if translate(backend_words.CONTEXT, t) == t]
    assert same == [], f"English left in {lang}: {same}"


def test_the_backends_english_message_is_never_shown(german: None, backend: Any) -> None:
    """A real refusal over HTTP, in German: the till's sentence, not the backend's words."""
    assert i18n.install("de")
    client = BackendClient(backend.url, backend.api_key, timeout_s=5.0)
    with pytest.raises(BackendError) as info:
        client.lookup(card="99999999")
    assert info.value.code == "not_found"
    english = info.value.reply.error.get("message") if info.value.reply.error else None
    assert english and english not in str(info.value)
    assert str(info.value) == "Es wurde kein Treuekonto gefunden."


@pytest.mark.parametrize(
    ("code", "error", "german_text"),
    [
        ("no_such_code_yet", {"message": "Some new English words"}, "(Fehler 418)"),
        ("otp_invalid", {"attempts_left": 2}, "Noch 2 Versuche."),
        ("otp_resend_limited", {"retry_after_s": 30}, "in 30 Sekunden"),
        ("customer_exists", {"field": "email"}, "E-Mail"),
        ("invalid_phone", {"region": "GB"}, "keine Telefonnummer aus Vereinigtes Königreich"),
    ],
)
def test_unknown_codes_and_details_are_translated_too(
    german: None, code: str, error: dict[str, Any], german_text: str
) -> None:
    assert i18n.install("de")
    text = backend_words.plain_message(code, error, 418)
    assert german_text in text
    assert "English" not in text and "attempts" not in text
