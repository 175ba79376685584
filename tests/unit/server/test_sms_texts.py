"""Issue 17: the backend's SMS in the store's language, none missing in a shipped one."""

from __future__ import annotations

import re

import pytest

from server import sms_texts
from server.sms_texts import LANGUAGES, TEXTS, sms_text

_FIELD = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_sms_is_written_in_every_language_with_the_same_fields(key: str) -> None:
    texts = TEXTS[key]
    assert sorted(texts) == sorted(LANGUAGES)
    fields = sorted(_FIELD.findall(texts["en"]))
    for lang in LANGUAGES:
        assert texts[lang].strip(), lang
        assert sorted(_FIELD.findall(texts[lang])) == fields, lang


def test_the_store_locale_picks_the_language_and_number_form() -> None:
    de = sms_text("earned", "de_DE", store="Laden", points=1200, balance=12500)
    assert de == "Laden: Sie haben 1.200 Punkte gesammelt. Ihr Punktestand: 12.500 Punkte."
    uk = sms_text("earned", "uk_UA", store="Крамниця", points=5, balance=1200)
    assert uk == "Крамниця: ви отримали 5 балів. Ваш баланс: 1 200 балів."
    en = sms_text("earned", "fr_FR", store="Shop", points=5, balance=1200)
    assert en.startswith("Shop: you earned 5 points")  # not shipped: English
    assert sms_texts.language(None) == "en"


@pytest.mark.parametrize("locale", ["en_GB", "de_DE", "uk_UA"])
def test_the_code_stays_six_plain_digits_so_the_outbox_blanks_it(locale: str) -> None:
    from server.sms import _CODE_RE

    text = sms_text("otp_code", locale, store="S", points=1500, code="004321", minutes=5)
    assert "004321" in text
    assert "004321" not in _CODE_RE.sub(r"\1******", text)


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        ("en_GB", "120 points expire on 1 March 2027."),
        ("de_DE", "120 Punkte verfallen am 1. März 2027."),
        ("uk_UA", "1 березня 2027 р. згорять 120 балів."),
        (None, "120 points expire on 1 March 2027."),
    ],
)
def test_the_earn_sms_names_the_next_expiry_as_the_store_writes_dates(
    locale: str | None, sentence: str
) -> None:
    from datetime import date

    text = sms_text(
        "earned_expiry", locale, store="S", points=5, balance=125, expiring=120, on=date(2027, 3, 1)
    )
    assert text.endswith(" " + sentence), text
