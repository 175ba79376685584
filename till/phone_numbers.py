"""Phone numbers at the till: typed in the national form of the store's region, sent and
cached in E.164 (ITU-T E.164), shown in the national form again.

Why at the till as well as at the backend: a cashier must read "That is not a phone number
for United Kingdom" at once, without a round trip, and offline identification from the
account cache must find "07700 900123" under the member's "+447700900123". The region is
the store's setting the backend returns in ``/v1/session`` (``store.phone_region``); the
rule for a number is the backend's (server/phones.py): *possible* for its country, as
libphonenumber (``phonenumbers``) knows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import phonenumbers
from babel import Locale, UnknownLocaleError
from phonenumbers import geocoder

from till.errors import TillError
from till.translate import language, translate

_POSSIBLE = phonenumbers.ValidationResult.IS_POSSIBLE


class NotAPhoneNumber(TillError):
    """``str()``: "That is not a phone number for United Kingdom"."""


def region_name(region: str) -> str:
    """The country's name in the till's language (CLDR through Babel), "GB" if unknown."""
    code = region.upper()
    try:
        name = Locale.parse(language()).territories.get(code)
    except (ValueError, UnknownLocaleError):
        name = None
    return str(name or geocoder._region_display_name(code, "en") or code)


def region_of(session: Any) -> str | None:
    """The store's region from a :class:`~till.backend_client.Session` (its raw answer)."""
    raw = getattr(session, "raw", None)
    store = raw.get("store") if isinstance(raw, Mapping) else None
    region = store.get("phone_region") if isinstance(store, Mapping) else None
    return str(region).upper() if region else None


def to_e164(raw: str, region: str) -> str:
    try:
        number = phonenumbers.parse(raw, region.upper()) if len(raw) <= 40 else None
    except phonenumbers.NumberParseException:
        number = None
    if number is None or phonenumbers.is_possible_number_with_reason(number) != _POSSIBLE:
        raise NotAPhoneNumber(
            translate("PhoneNumber", "That is not a phone number for {country}").format(
                country=region_name(region)
            )
        )
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def national(phone: str, region: str | None) -> str:
    """The store region's own numbers in national form ("07700 900123"); others
    international ("+49 30 123456"); what cannot be parsed, unchanged."""
    if not phone or not region:
        return phone
    try:
        number = phonenumbers.parse(phone, region.upper())
    except phonenumbers.NumberParseException:
        return phone
    # By country calling code: numbers set aside for fiction have no region of their own.
    ours = number.country_code == phonenumbers.country_code_for_region(region.upper())
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if ours
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, style))
