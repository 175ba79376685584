"""Issue 17: the member page in every shipped language, none missing, no text left in English.

A template sentence must come from ``server.ordering.page_texts`` (``_("key")``); this fails
when a key lacks a language, a field or a plural form, when a template or page module names a
key that is not in the table, when a template holds words outside ``_()``, or when a code the
page can show has no sentence. Formats and the choice of language are checked here too.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel import Locale

from server.errors import InvalidRequest, ServerError, TooMany
from server.ordering import i18n, pages
from server.ordering.i18n import Words
from server.ordering.page_texts import TEXTS
from server.sms_texts import LANGUAGES

ORDERING = Path(pages.__file__).parent
TEMPLATES = sorted((ORDERING / "templates").glob("*.html"))
_FIELD = re.compile(r"\{([a-z_]+)\}")
_KEY_CALL = re.compile(r"""_\(\s*["']([a-z_.]+)["']""")
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_TAG = re.compile(r"<[^>]*>", re.S)
_SHOWN_ATTR = re.compile(r"""\b(?:aria-label|title|placeholder|alt|value)="([^"]*)\"""")
_LETTER = re.compile(r"[^\W\d_]")


def _forms(entry: str | dict[str, str]) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [entry]


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_sentence_is_written_in_every_language_with_the_same_fields(key: str) -> None:
    entry = TEXTS[key]
    assert sorted(entry) == sorted(LANGUAGES), key
    fields = sorted(set(_FIELD.findall(_forms(entry["en"])[0])))
    for lang in LANGUAGES:
        text = entry[lang]
        if isinstance(text, dict):  # every plural category CLDR has for the language
            assert set(Locale.parse(lang).plural_form.tags | {"other"}) <= set(text), (key, lang)
        for form in _forms(text):
            assert form.strip(), (key, lang)
            assert sorted(set(_FIELD.findall(form))) == fields, (key, lang)


def _keys_used() -> set[str]:
    used = set()
    for path in TEMPLATES:
        used |= set(_KEY_CALL.findall(path.read_text(encoding="utf-8")))
    for path in ORDERING.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""["']((?:plain|notice|error)\.[a-z_.]+)["']""", text))
        used |= set(re.findall(r"""words\(\s*["']([a-z_]+\.[a-z_.]+)["']""", text))
    return {key for key in used if not key.endswith(".html")}


def test_every_key_the_pages_use_is_in_the_table() -> None:
    used = _keys_used()
    assert len(used) > 40
    assert sorted(used - set(TEXTS)) == []


def _bare_text(template: str) -> list[str]:
    """Words a template shows that do not come from ``_()`` or a context value."""
    found = []
    for value in _SHOWN_ATTR.findall(template):
        rest = _JINJA.sub("", value)
        if _LETTER.search(rest):
            found.append(rest)
    body = _TAG.sub(" ", _JINJA.sub(" ", template))
    found += [w for w in body.split() if _LETTER.search(w)]
    return found


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_templates_hold_no_words_outside_the_table(path: Path) -> None:
    assert _bare_text(path.read_text(encoding="utf-8")) == []


def test_the_bare_text_check_sees_english_in_a_template() -> None:
    assert _bare_text('<p>{{ _("total") }} Total</p>') == ["Total"]
    assert _bare_text('<button aria-label="One more {{ x }}">+</button>') == ["One more "]
    assert _bare_text('<p id="x">{{ _("total") }} · {{ money(total) }}</p>') == []


def _raised_codes() -> set[str]:
    codes = set()
    for name in ("member_auth.py", "throttle.py", "orders.py"):
        text = (ORDERING / name).read_text(encoding="utf-8")
        codes |= set(re.findall(r"""code="([a-z_]+)\"""", text))
    return codes | {"login_failed", "invalid_phone", "sms_unavailable"}


def test_every_refusal_the_page_shows_has_a_sentence() -> None:
    page_codes = _raised_codes() - {"order_not_found", "order_taken", "order_closed"}
    missing = sorted(c for c in page_codes if f"error.{c}" not in TEXTS)
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_refusals_read_in_the_page_language(lang: str) -> None:
    words = Words.of(lang, "de_DE")
    wait = words.error(TooMany("x", code="login_throttled", retry_after_s=120))
    assert wait == words("error.login_throttled", wait=words.wait(120))
    length = InvalidRequest("x", code="password_length", field="password", min=8, max=128)
    assert "8" in words.error(length) and "128" in words.error(length)
    phone = words.error(InvalidRequest("x", code="invalid_phone", region="DE"))
    assert words.country("DE") in phone
    assert words.error(ServerError("anything")) == words("error.other")
    if lang == "de":
        assert (
            wait
            == "Zu viele Versuche. Bitte warten Sie 2 Minuten und versuchen Sie es dann erneut."
        )
        assert words.country("DE") == "Deutschland"


def test_plurals_follow_cldr_rules() -> None:
    uk = Words.of("uk")
    assert uk("rewards.expiry", count=1, points="1", date="d").startswith("1 бал ")
    assert uk("rewards.expiry", count=3, points="3", date="d").startswith("3 бали ")
    assert uk("rewards.expiry", count=5, points="5", date="d").startswith("5 балів ")
    assert uk("rewards.expiry", count=21, points="21", date="d").startswith("21 бал ")
    de = Words.of("de")
    assert de("rewards.expiry", count=1, points="1", date="d") == "1 Punkt verfällt am d."


def test_money_points_and_dates_in_the_store_locale() -> None:
    de = Words.of("de", "de_DE", "EUR")
    when = datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert de.money(Decimal("1234.50")) == "1.234,50\xa0€"
    assert de.points(12500) == "12.500" and de.signed_points(-40) == "-40"
    assert de.day(when) == "01.12.2026" and de.tag == "de-DE"
    gb = Words.of("en", "en_GB", "GBP")
    assert gb.money(Decimal("9.75")) == "£9.75" and gb.day(when) == "1 Dec 2026"
    assert gb.signed_points(120) == "+120"
    # Another language than the store's: that language's own conventions.
    uk = Words.of("uk", "de_DE", "EUR")
    assert uk.tag == "uk" and uk.points(1200) == "1\xa0200"
    assert Words.of("en", "de_AT").tag == "en"


def test_the_language_is_the_guests_then_the_stores_then_the_browsers() -> None:
    assert i18n.choose("uk", "de_DE", "en") == "uk"
    assert i18n.choose(None, "de_DE", "uk,en;q=0.5") == "de"  # the store's wins
    assert i18n.choose("fr", "de_AT", None) == "de"  # not shipped: ignored
    assert i18n.choose(None, "fr_FR", "fr-CH, uk;q=0.9, de;q=0.8") == "uk"
    assert i18n.choose(None, "fr_FR", "fr, de-CH;q=0.5") == "de"
    assert i18n.choose(None, "fr_FR", "de;q=0, en;q=0.1") == "en"
    assert i18n.choose(None, "fr_FR", "fr, *;q=0.1") == "en"
    assert i18n.choose(None, None, "garbage;q=x, ,;;") == "en"


def test_a_german_page_has_no_english_left() -> None:
    menu_item = type("Item", (), {"code": "LATTE", "name": "Latte", "price": Decimal("3.50")})
    rendered = pages.ENV.get_template("menu.html").render(
        words=Words.of("de", "de_DE", "EUR"),
        _=Words.of("de", "de_DE", "EUR"),
        money=Words.of("de", "de_DE", "EUR").money,
        token="T",
        table="4",
        menu=[menu_item],
        cart={"LATTE": 2},
        total=Decimal("7.00"),
        max_quantity=20,
        currency="EUR",
        here="/t/T",
    )
    assert 'lang="de-DE"' in rendered and "Tisch 4" in rendered and "Speisekarte" in rendered
    assert "7,00\xa0€" in rendered and "Ein Latte mehr" in rendered
    for english in ("Table", "Total", "Menu", "View cart", "One more"):
        assert english not in rendered, english
    assert 'href="/t/T?lang=en"' in rendered and ">Українська<" in rendered
