"""Money, points, dates and times as the store writes them: the one place the till formats.

Why Babel and not QLocale: the receipt (:mod:`till.receipt`, :mod:`till.printing.layout`)
is Qt-free and must stay so (``tests/unit/test_layering.py``), the screen shows the same
receipt text, and the backend checks the store's locale with Babel too
(:mod:`server.store_locale`): one CLDR data set (Unicode TR35) on screen, paper and in the
server's SMS, where QLocale would bring the (different) CLDR release built into Qt.

The store's locale is a CLDR identifier from ``/v1/session`` (``de_DE``); with None (an
older backend) the locale-neutral forms are used: ``1,234.50`` and ISO 8601 dates.
CLDR's no-break spaces become plain spaces: a receipt printer's code page has none.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_decimal

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def plain(text: str) -> str:
    """U+00A0 and U+202F (CLDR's grouping and unit spaces) as plain spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def money(value: Decimal, currency: str = "", locale: Locale | None = None) -> str:
    """``EUR 1.234,50`` (de_DE), ``GBP 1,234.50`` (en_GB): the code first, as receipts
    print it, then the amount with the locale's separators and always two decimals."""
    if locale is None:
        return f"{currency} {value:,.2f}".strip()
    return f"{currency} {plain(format_decimal(value, '#,##0.00', locale=locale))}".strip()


def points(value: int, locale: Locale | None = None) -> str:
    """``12,500`` / ``12.500`` (de) / ``12 500`` (uk): grouped, no decimals."""
    if locale is None:
        return f"{value:,}"
    return plain(format_decimal(value, "#,##0", locale=locale))


def to_local(utc_iso: str, zone: tzinfo | None) -> datetime:
    """An ISO 8601 UTC time from the wire (``...Z``) in the store's zone (UTC when None)."""
    when = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo("UTC"))
    return when.astimezone(zone or ZoneInfo("UTC"))


def local_time(utc_iso: str, zone: tzinfo | None, locale: Locale | None = None) -> str:
    """``2026-01-15 18:30:00 CET``; with ``locale`` its medium form (de_DE
    ``15.01.2026, 18:30:00 CET``)."""
    local = to_local(utc_iso, zone)
    if locale is None:
        text = local.strftime("%Y-%m-%d %H:%M:%S")
    else:
        text = plain(format_datetime(local, "medium", tzinfo=local.tzinfo, locale=locale))
    return f"{text} {local.tzname() or ''}".rstrip()


def clock_time(utc_iso: str, zone: tzinfo | None, locale: Locale | None = None) -> str:
    """``18:30`` (screens: the time alone)."""
    local = to_local(utc_iso, zone)
    if locale is None:
        return local.strftime("%H:%M")
    return plain(format_time(local, "short", tzinfo=local.tzinfo, locale=locale))


def day(value: date, locale: Locale | None = None) -> str:
    """``1 March 2027`` / ``1. März 2027`` / ``1 березня 2027 р.``: the long date form."""
    if locale is None:
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    return plain(format_date(value, "long", locale=locale))
