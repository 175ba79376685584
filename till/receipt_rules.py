"""What the receipt says about the loyalty rules (issue 16): campaigns and the next expiry.

Why apart from :mod:`till.receipt`: these lines come from the earn's answer (kept on the
sale, :func:`till.core.earn_lines.record_earned`) and are the same on screen and on paper:
each campaign that gave points, by name, and "120 points expire on 1 March 2027". The
expiry day is the backend's, already a day of the store's calendar (docs/rules.md), so it
is printed as it is: no time-zone shift can move it to the day before.
"""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_date

from till import receipt_columns
from till.core.sale import Sale
from till.translate import translate

WIDTH = receipt_columns.SCREEN
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def day_text(day: date, locale: Locale | None = None) -> str:
    """``1 March 2027``; with the store's locale, its long date form."""
    if locale is not None:
        return format_date(day, "long", locale=locale).replace("\xa0", " ")
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def campaign_lines(sale: Sale, width: int = WIDTH) -> list[str]:
    """Each campaign that gave points, its name wrapped and its points on the last line:
    ``  Double points on fresh   +12`` (:func:`till.receipt_columns.row`)."""
    out: list[str] = []
    for credit in sale.campaigns:
        out.extend(receipt_columns.row(credit.name, f"+{credit.points}", width, indent="  "))
    return out


def expiry_lines(sale: Sale, locale: Locale | None = None, width: int = WIDTH) -> list[str]:
    """``120 points expire on 1 March 2027`` when the earn's answer named an expiry, wrapped
    in ``width`` columns (German and Ukrainian say it in more letters)."""
    if not sale.next_expiry_on or not sale.next_expiry_points:
        return []
    try:
        day = date.fromisoformat(sale.next_expiry_on)
    except ValueError:
        return []
    n = sale.next_expiry_points
    if n == 1:
        text = translate("Receipt", "{n} point expires on {day}")
    else:
        text = translate("Receipt", "{n} points expire on {day}")
    return receipt_columns.wrap(text.format(n=n, day=day_text(day, locale)), width)
