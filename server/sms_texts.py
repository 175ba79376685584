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

from datetime import date
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

LANGUAGES = ("en", "de", "uk")

TEXTS: dict[str, dict[str, str]] = {
    "earned": {
        "en": "{store}: you earned {points} points. Your balance is {balance} points.",
        "de": "{store}: Sie haben {points} Punkte gesammelt. Ihr Punktestand: {balance} Punkte.",
        "uk": "{store}: ви отримали {points} балів. Ваш баланс: {balance} балів.",
    },
    # The earn SMS when points are live: it names the next ones to expire (issue 16).
    "earned_expiry": {
        "en": "{store}: you earned {points} points. Your balance is {balance} points. "
        "{expiring} points expire on {on}.",
        "de": "{store}: Sie haben {points} Punkte gesammelt. Ihr Punktestand: {balance} Punkte. "
        "{expiring} Punkte verfallen am {on}.",
        "uk": "{store}: ви отримали {points} балів. Ваш баланс: {balance} балів. "
        "{on} згорять {expiring} балів.",
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
    "password_code": {
        "en": "{store}: your code to set your password is {code}. "
        "It expires in {minutes} minutes. Never share it.",
        "de": "{store}: Ihr Code zum Festlegen Ihres Passworts: {code}. "
        "Gültig {minutes} Min. Geben Sie ihn nie weiter.",
        "uk": "{store}: ваш код для встановлення пароля: {code}. "
        "Дійсний {minutes} хв. Нікому його не повідомляйте.",
    },
}


def language(locale_name: str | None) -> str:
    """``de`` for ``de_DE``; ``en`` for anything not shipped (or empty)."""
    lang = (locale_name or "").replace("-", "_").split("_")[0].lower()
    return lang if lang in LANGUAGES else "en"


def _locale(locale_name: str | None) -> Locale | None:
    try:
        return Locale.parse((locale_name or "").replace("-", "_")) if locale_name else None
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def _number(value: int, locale_name: str | None) -> str:
    locale = _locale(locale_name)
    if locale is None:
        return str(value)
    return _plain(format_decimal(value, "#,##0", locale=locale))


def _date(value: date, locale_name: str | None) -> str:
    """CLDR's long date of the locale ("1 March 2027", "1. März 2027"); no locale (or an
    unknown one): British English, the shipped default store locale."""
    return _plain(format_date(value, "long", locale=_locale(locale_name) or Locale("en", "GB")))


def sms_text(key: str, locale_name: str | None, **fields: Any) -> str:
    """The SMS ``key`` in the store's language; int fields (points, balance) grouped as
    the store writes numbers, except ``code`` and ``minutes``, which stay plain; dates as
    the store writes them in words."""
    table = TEXTS[key]
    shown = {name: _shown(name, value, locale_name) for name, value in fields.items()}
    return table[language(locale_name)].format(**shown)


def _shown(name: str, value: Any, locale_name: str | None) -> Any:
    if isinstance(value, date):
        return _date(value, locale_name)
    if isinstance(value, int) and name not in ("code", "minutes"):
        return _number(value, locale_name)
    return value


def store_locale_of(store: Any) -> str | None:
    """The locale column of a store row (None on a row without one)."""
    value = getattr(store, "locale", None)
    return value if isinstance(value, str) else None
