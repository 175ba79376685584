"""A store's time zone and locale: how its tills show times and figures on screen and paper.

Why the backend holds them: times travel in UTC (ISO 8601) everywhere, and the customer
reads the receipt in the store's local time; a till's own clock zone may be set wrong (or
to UTC, as images often are), and a chain's tills in other countries must not guess. The
zone is an IANA tz database name (``Europe/London``; RFC 6557), checked against the tz data
the server has; the locale is a CLDR locale identifier (``en_GB``), checked with Babel, the
Python library of CLDR data. Both go to the tills in ``GET /v1/session`` (``store``).
"""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from sqlalchemy import Connection, Engine, select, update

from server.db import read
from server.errors import InvalidRequest
from server.schema import stores

DEFAULT_TIME_ZONE = "Europe/London"
DEFAULT_LOCALE = "en_GB"
# language, then script/territory/variant subtags (Unicode TR35 unicode_locale_id, "_" form)
_LOCALE_FORM = re.compile(r"[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})*")


def check_time_zone(name: str) -> str:
    """``name`` when the tz database knows it, else a sentence naming an example."""
    zone = name.strip()
    try:
        if zone:
            return str(ZoneInfo(zone).key)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    raise InvalidRequest(
        f"{name!r} is not a time zone of the tz database (e.g. Europe/London, Europe/Berlin)",
        field="time_zone",
    )


def check_locale(name: str) -> str:
    """``name`` in CLDR's form (``en_GB``; ``en-GB`` is read too), else a plain sentence."""
    text = name.strip().replace("-", "_")
    try:
        if _LOCALE_FORM.fullmatch(text):  # Babel reads much more than identifiers
            return str(Locale.parse(text))
    except (UnknownLocaleError, ValueError, TypeError):
        pass
    raise InvalidRequest(f"{name!r} is not a locale (e.g. en_GB, de_DE, fr_FR)", field="locale")


def set_store_locale(
    conn: Connection, store_id: int, time_zone: str | None = None, locale: str | None = None
) -> dict[str, str]:
    """Set either or both; returns the store's settings after the change."""
    values: dict[str, str] = {}
    if time_zone is not None:
        values["time_zone"] = check_time_zone(time_zone)
    if locale is not None:
        values["locale"] = check_locale(locale)
    if values:
        conn.execute(update(stores).where(stores.c.id == store_id).values(**values))
    return store_locale(conn, store_id)


def store_locale(conn: Connection, store_id: int) -> dict[str, str]:
    row = conn.execute(
        select(stores.c.time_zone, stores.c.locale).where(stores.c.id == store_id)
    ).first()
    if row is None:
        return {"time_zone": DEFAULT_TIME_ZONE, "locale": DEFAULT_LOCALE}
    return {
        "time_zone": str(row.time_zone or DEFAULT_TIME_ZONE),
        "locale": str(row.locale or DEFAULT_LOCALE),
    }


def add_to_session(engine: Engine, store_id: int, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` (the ``/v1/session`` answer) with the store's zone and locale in ``store``."""
    store = body.setdefault("store", {})
    store.update(read(engine, lambda c: store_locale(c, store_id)))
    return body
