"""The member page's language and formats: which language a page is in, and its sentences,
money, points, dates and waits written as that language and the store write them (issue 17).

Which language, first that applies:

1. the guest's own choice, from the page's language links (``?lang=de``), kept in a cookie;
2. the store's language (``stores.locale``, ``server.store_locale``), when it is shipped
   (``server.sms_texts.LANGUAGES``): a German café's page is German for everyone;
3. the browser's ``Accept-Language`` (RFC 9110 12.5.4), only when the store's language is
   not shipped (an ``fr_FR`` store), matched by Babel's ``negotiate_locale``;
4. English.

Formats follow CLDR through Babel, the data the till (``till.formatting``) and the SMS use:
in the store's own locale when the page is in the store's language (``de_AT`` keeps Austrian
conventions), else in the chosen language's default. Sentences come from
``server.ordering.page_texts``, one mechanism with ``server.sms_texts``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import negotiate_locale
from babel.dates import format_date, format_timedelta
from babel.numbers import format_currency, format_decimal

from server.errors import ServerError
from server.ordering.page_texts import TEXTS
from server.sms_texts import LANGUAGES, language

COOKIE = "__Host-order_lang"
MAX_ACCEPT_ITEMS = 20


def _locale(name: str | None) -> Locale | None:
    try:
        return Locale.parse(name.replace("-", "_")) if name else None
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def shipped(code: str | None) -> str | None:
    """``code`` when it names a shipped language (``de``), else None."""
    lang = (code or "").strip().lower()
    return lang if lang in LANGUAGES else None


def from_accept_language(header: str | None) -> str | None:
    """The shipped language the browser prefers most, or None (q-values, RFC 9110 12.4.2)."""
    ranked: list[tuple[float, int, str]] = []
    for i, item in enumerate((header or "").split(",")[:MAX_ACCEPT_ITEMS]):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                continue
        if tag and tag != "*" and q > 0:
            ranked.append((-q, i, tag.replace("-", "_")))
    preferred = [tag for _, _, tag in sorted(ranked)]
    found = negotiate_locale(preferred, list(LANGUAGES))
    if found is None:  # "de_CH" names German too: match on the language subtag
        found = negotiate_locale([t.split("_")[0].lower() for t in preferred], list(LANGUAGES))
    return found


def choose(chosen: str | None, store_locale: str | None, accept_language: str | None) -> str:
    """The page's language (see the module's docstring for the order)."""
    own = shipped(chosen)
    if own:
        return own
    store_lang = (store_locale or "").replace("-", "_").split("_")[0].lower()
    if store_lang in LANGUAGES:
        return store_lang
    return from_accept_language(accept_language) or language(None)


@dataclass(frozen=True)
class Words:
    """One page's language: its sentences (``words("key", field=…)``) and formats."""

    lang: str
    locale: Locale = field(repr=False)
    currency: str = ""

    @classmethod
    def of(cls, lang: str, store_locale: str | None = None, currency: str = "") -> Words:
        store = _locale(store_locale)
        own = store if store is not None and store.language == lang else None
        return cls(lang, own or Locale.parse(lang), currency)

    @property
    def tag(self) -> str:
        """BCP 47 (``de-DE``), for ``<html lang>`` and the script's ``Intl``."""
        return "-".join(p for p in (self.locale.language, self.locale.territory) if p)

    def __call__(self, key: str, count: int | None = None, **fields: Any) -> str:
        text = TEXTS[key][self.lang]
        if isinstance(text, dict):
            form = Locale.parse(self.lang).plural_form(count if count is not None else 0)
            text = text.get(form, text["other"])
        return text.format(**fields)

    def money(self, amount: Decimal | str) -> str:
        value = Decimal(str(amount))
        if not self.currency:
            return format_decimal(value, "#,##0.00", locale=self.locale)
        return format_currency(value, self.currency, locale=self.locale)

    def points(self, value: int) -> str:
        return format_decimal(value, "#,##0", locale=self.locale)

    def signed_points(self, value: int) -> str:
        return format_decimal(value, "+#,##0;-#,##0", locale=self.locale)

    def day(self, when: datetime) -> str:
        return format_date(when, format="medium", locale=self.locale)

    def wait(self, seconds: int) -> str:
        return format_timedelta(
            timedelta(seconds=max(1, seconds)), format="long", threshold=1.5, locale=self.locale
        )

    def country(self, region: str) -> str:
        return str(self.locale.territories.get(region.upper(), region.upper()))

    def error(self, exc: ServerError) -> str:
        """The page's sentence for a refusal, by its code (``error.other`` if it has none)."""
        key = f"error.{exc.code}"
        if key not in TEXTS:
            return self("error.other")
        wait = exc.extra.get("retry_after_s")
        return self(
            key,
            wait=self.wait(int(wait)) if isinstance(wait, int) else "",
            country=self.country(str(exc.extra.get("region", ""))),
            **{k: v for k, v in exc.extra.items() if k in ("min", "max", "lines", "quantity")},
        )

    def switch(self) -> list[tuple[str, str]]:
        """The other shipped languages as (code, name in that language) for the links."""
        return [
            (code, (Locale.parse(code).get_display_name(code) or code).capitalize())
            for code in LANGUAGES
            if code != self.lang
        ]
