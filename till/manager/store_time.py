"""Times in the manager's and technician's windows, in the store's zone.

Why the store's and not the machine's: the backend keeps times in UTC (ISO 8601) and the
store's zone is a store setting (``/v1/session``: ``store.time_zone``, an IANA name), the
same one the receipt uses (:func:`till.receipt.store_zone`). A till whose clock is set to
another zone (a spare machine, a technician's laptop, a server in UTC) must still show a
manager "10:15" for the sale the receipt printed at 10:15, and an end-of-shift period must
be the store's calendar days. Without a zone from the backend (an older one, or before the
first answer) the till's own zone stands in: the till stands in the store.

Qt-free: the windows hand over what they show.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from till.receipt import store_zone

if TYPE_CHECKING:
    from till.backend_client import Session


def zone_of(session: Session | None) -> tzinfo:
    """The store's zone from the session (``/v1/session``), else the till's own."""
    return store_zone(session.raw if session is not None else None)


def parse_utc(text: str) -> datetime | None:
    """A backend or journal time ("…Z" or with an offset); naive means UTC."""
    try:
        value = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def local_time(text: str | None, zone: tzinfo | None = None) -> str:
    """A time as "2026-12-01 10:15" in ``zone`` (None: the till's own zone); unparsable
    text as it came."""
    if not text:
        return ""
    value = parse_utc(text)
    if value is None:
        return str(text)
    local = value.astimezone(zone) if zone is not None else value.astimezone()
    return local.strftime("%Y-%m-%d %H:%M")


def clock_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """A moment as "10:15:07" in ``zone`` (None: the till's own zone); naive means UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    local = aware.astimezone(zone) if zone is not None else aware.astimezone()
    return local.strftime("%H:%M:%S")


def today(zone: tzinfo | None = None, now: datetime | None = None) -> date:
    """The store's calendar day now (it differs from the machine's around midnight)."""
    moment = now or datetime.now(UTC)
    return (moment.astimezone(zone) if zone is not None else moment.astimezone()).date()


def day_bounds(first: date, last: date, zone: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The calendar days [first, last] in ``zone`` as an aware window [start, end).

    Midnight is taken in the zone itself, so a day with a DST change is 23 or 25 hours
    long, as the store lived it.
    """
    if zone is None:
        start = datetime.combine(first, time.min).astimezone()
        end = datetime.combine(last + timedelta(days=1), time.min).astimezone()
        return start, end
    start = datetime.combine(first, time.min, tzinfo=zone)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)
    return start, end
