"""The texts of the SMS the backend sends, in the store's language (issue 17).

Why a table here and not Qt's ``.ts`` files: the server is Qt-free and knows nothing of the
till (``tests/unit/test_layering.py``); its handful of sentences live in one table, one
entry per message, each in every shipped language, and a test checks none is missing. The
language is the store's CLDR locale (``stores.locale``, :mod:`server.store_locale`); its
first subtag picks the table column (``de_AT`` -> ``de``), anything else gets English.
Numbers are written as the locale writes them (Babel: CLDR, the same data the till uses in
``till.formatting``), with CLDR's no-break spaces kept plain: some SMS gateways send GSM
7-bit (3GPP TS 23.038), which has no such character.

The one-time code stays six plain digits in every language: :mod:`server.sms` blanks it in
the outbox by that shape.
"""

from __future__ import annotations

from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal

LANGUAGES = ("en", "de", "uk")

TEXTS: dict[str, dict[str, str]] = {
    "earned": {
        "en": "{store}: you earned {points} points. Your balance is {balance} points.",
        "de": "{store}: Sie haben {points} Punkte gesammelt. Ihr Punktestand: {balance} Punkte.",
        "uk": "{store}: ви отримали {points} балів. Ваш баланс: {balance} балів.",
    },
    "missed_points": {
        "en": "{store}: {points} missed points were added. Your balance is {balance} points.",
        "de": "{store}: {points} fehlende Punkte wurden gutgeschrieben. Ihr Punktestand: {balance} Punkte.",
        "uk": "{store}: нараховано {points} пропущених балів. Ваш баланс: {balance} балів.",
    },
    "receipt_claim": {
        "en": "{store}: {points} points added for receipt {receipt}. Balance {balance}.",
        "de": "{store}: {points} Punkte für Beleg {receipt} gutgeschrieben. Punktestand {balance}.",
        "uk": "{store}: нараховано {points} балів за чек {receipt}. Баланс {balance}.",
    },
    "otp_code": {
        "en": "{store}: your code to spend {points} points is {code}. "
        "It expires in {minutes} min. Never share it with anyone who calls you.",
        "de": "{store}: Ihr Code zum Einlösen von {points} Punkten: {code}. "
        "Gültig {minutes} Min. Geben Sie ihn nie an Anrufer weiter.",
        "uk": "{store}: ваш код для списання {points} балів: {code}. "
        "Дійсний {minutes} хв. Нікому не повідомляйте його телефоном.",
    },
}


def language(locale_name: str | None) -> str:
    """``de`` for ``de_DE``; ``en`` for anything not shipped (or empty)."""
    lang = (locale_name or "").replace("-", "_").split("_")[0].lower()
    return lang if lang in LANGUAGES else "en"


def _number(value: int, locale_name: str | None) -> str:
    try:
        locale = Locale.parse((locale_name or "").replace("-", "_")) if locale_name else None
    except (UnknownLocaleError, ValueError, TypeError):
        locale = None
    if locale is None:
        return str(value)
    return format_decimal(value, "#,##0", locale=locale).replace("\u202f", " ").replace("\xa0", " ")


def sms_text(key: str, locale_name: str | None, **fields: Any) -> str:
    """The SMS ``key`` in the store's language; int fields (points, balance) grouped as
    the store writes numbers, except ``code`` and ``minutes``, which stay plain."""
    table = TEXTS[key]
    shown = {
        name: _number(value, locale_name)
        if isinstance(value, int) and name not in ("code", "minutes")
        else value
        for name, value in fields.items()
    }
    return table[language(locale_name)].format(**shown)


def store_locale_of(store: Any) -> str | None:
    """The locale column of a store row (None on a row without one)."""
    value = getattr(store, "locale", None)
    return value if isinstance(value, str) else None
