"""Phone numbers stored and looked up as E.164 (ITU-T E.164), parsed with ``phonenumbers``.

Why: a cashier types the number the way the customer says it, usually in the national form
("07700 900123"); the same customer registered as "+447700900123" must be found, and a
second registration of the same line must be refused as a duplicate. So every number is
parsed against the store's default region (a store setting, ``stores.phone_region``, ISO
3166-1 alpha-2, returned in ``/v1/session``) and kept in E.164 form.

A number is accepted when libphonenumber finds it *possible* for its country (the right
length for the numbering plan), not when it is *valid* (inside a range assigned today):
range assignments change faster than a till's metadata is updated, and numbers set aside
for fiction and tests (Ofcom's 07700 900xxx drama range, used by the demo) are never
"valid". Existing rows are rewritten to E.164 once, by the migration ``0008_phones_e164``
(:func:`rewrite_to_e164`).
"""

from __future__ import annotations

import logging
from typing import Any

import phonenumbers
from phonenumbers import geocoder
from sqlalchemy import Connection, select, update

from server.errors import InvalidRequest
from server.schema import customers, stores

log = logging.getLogger(__name__)

DEFAULT_REGION = "GB"
_POSSIBLE = phonenumbers.ValidationResult.IS_POSSIBLE


def region_name(region: str) -> str:
    """ "United Kingdom" for "GB"; the code itself when libphonenumber has no English name."""
    return str(geocoder._region_display_name(region.upper(), "en") or region.upper())


def is_region(region: str) -> bool:
    return region.upper() in phonenumbers.SUPPORTED_REGIONS


class InvalidPhone(InvalidRequest):
    """Not a phone number of the store's country (or of the country its + prefix names)."""

    code = "invalid_phone"


def _refuse(raw: str, region: str) -> InvalidPhone:
    where = region
    if raw.strip().startswith("+"):
        digits = "".join(c for c in raw if c.isdigit())
        for length in (1, 2, 3):
            named = phonenumbers.region_code_for_country_code(int(digits[:length] or "0"))
            if named != phonenumbers.UNKNOWN_REGION:
                where = named
                break
    return InvalidPhone(
        f"That is not a phone number for {region_name(where)}",
        field="phone",
        region=where,
    )


def to_e164(raw: str, region: str = DEFAULT_REGION) -> str:
    """``raw`` (national form for ``region``, or international with +) as E.164; else
    :class:`InvalidPhone` with a sentence a cashier can read."""
    if len(raw) > 40:
        raise _refuse(raw, region)
    try:
        number = phonenumbers.parse(raw, region.upper())
    except phonenumbers.NumberParseException:
        raise _refuse(raw, region) from None
    if phonenumbers.is_possible_number_with_reason(number) != _POSSIBLE:
        raise _refuse(raw, region)
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def set_store_region(conn: Connection, store_id: int, region: str) -> str:
    """Set the store's region (ISO 3166-1 alpha-2, as libphonenumber knows it). Stored
    numbers stay as they are: E.164 does not depend on the region."""
    code = region.strip().upper()
    if not is_region(code):
        raise InvalidRequest(
            f"{region!r} is not a country code libphonenumber knows (e.g. GB, DE, US)",
            field="phone_region",
        )
    conn.execute(update(stores).where(stores.c.id == store_id).values(phone_region=code))
    return code


def store_region(conn: Connection, store_id: int) -> str:
    row = conn.execute(select(stores.c.phone_region).where(stores.c.id == store_id)).first()
    return str(row.phone_region) if row is not None and row.phone_region else DEFAULT_REGION


def rewrite_to_e164(conn: Connection) -> int:
    """Rewrite stored phone numbers to E.164 (each merchant's numbers against its first
    store's region): the data part of Alembic revision ``0008_phones_e164``, run once by
    ``till-server migrate``, never at start-up. Idempotent; a row that cannot be parsed, or
    whose E.164 form another customer already has, is left as it is and logged (a manager
    must merge or correct it). Returns the rows rewritten."""
    regions: dict[Any, str] = {}
    for store in conn.execute(
        select(stores.c.merchant_id, stores.c.phone_region).order_by(stores.c.id)
    ):
        regions.setdefault(store.merchant_id, store.phone_region or DEFAULT_REGION)
    rows = conn.execute(select(customers.c.id, customers.c.merchant_id, customers.c.phone)).all()
    taken = {(r.merchant_id, r.phone) for r in rows}
    changed = 0
    for row in rows:
        try:
            e164 = to_e164(row.phone, regions.get(row.merchant_id, DEFAULT_REGION))
        except InvalidPhone:
            log.warning("customer %s: stored phone number is not a phone number", row.id)
            continue
        if e164 == row.phone:
            continue
        if (row.merchant_id, e164) in taken:
            log.warning("customer %s: phone number duplicates another customer's", row.id)
            continue
        conn.execute(update(customers).where(customers.c.id == row.id).values(phone=e164))
        taken.discard((row.merchant_id, row.phone))
        taken.add((row.merchant_id, e164))
        changed += 1
    if changed:
        log.info("%d stored phone numbers rewritten to E.164", changed)
    return changed
