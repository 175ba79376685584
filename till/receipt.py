"""The receipt: what the customer takes away, as plain text (screen and printer alike).

Why plain text: a receipt printer prints lines of ~40 characters; the same text is shown
on screen, so what the cashier sees is what is printed. Lines are laid out by
:mod:`till.receipt_columns`, the rule the ESC/POS layout (:mod:`till.printing.layout`) uses
too: a long name wraps, an amount is never cut. It says exactly what happened to
the points: earned, redeemed, new balance — or "points pending" while the earn waits in
the journal for the backend.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError

from till import formatting, receipt_columns
from till.core.sale import RedemptionState, Sale, SaleState
from till.receipt_rules import campaign_lines, expiry_lines
from till.translate import translate
from till.words import tender_name

log = logging.getLogger(__name__)

WIDTH = receipt_columns.SCREEN


def store_zone(session_body: Mapping[str, Any] | None) -> tzinfo:
    """The store's time zone: the backend's store setting (``/v1/session``: ``time_zone``,
    an IANA name such as ``Europe/London``) when it sends one, else the till's own zone —
    the till stands in the store. Times travel in UTC (ISO 8601); the customer reads local."""
    body = session_body or {}
    store = body.get("store")
    scopes = [store] if isinstance(store, Mapping) else []
    for scope in [*scopes, body]:
        name = scope.get("time_zone") or scope.get("timezone")
        if isinstance(name, str) and name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                log.warning("the store's time zone %r is unknown: using the till's", name)
    return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")


def store_locale(session_body: Mapping[str, Any] | None) -> Locale | None:
    """The store's locale (``/v1/session``: ``store.locale``, a CLDR identifier such as
    ``en_GB``), or None when the backend sends none (an older backend): the receipt then
    keeps the locale-neutral forms (ISO 8601 dates, ``1,234.50``)."""
    body = session_body or {}
    store = body.get("store")
    name = store.get("locale") if isinstance(store, Mapping) else None
    if not isinstance(name, str) or not name:
        return None
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        log.warning("the store's locale %r is unknown: using ISO dates", name)
        return None


def local_time(utc_iso: str, zone: tzinfo | None, locale: Locale | None = None) -> str:
    """``2026-01-15T17:30:00Z`` -> ``2026-01-15 18:30:00 CET`` in ``zone`` (UTC when None);
    with ``locale``, the date as that locale writes it (en_GB ``15 Jan 2026, 18:30:00``).
    (:mod:`till.formatting` does it: one formatting module for screen, paper and SMS.)"""
    return formatting.local_time(utc_iso, zone, locale)


def _money(value: Decimal, currency: str, locale: Locale | None = None) -> str:
    return formatting.money(value, currency, locale)


_plain = formatting.plain


def render_receipt(
    sale: Sale,
    store: str = "",
    currency: str = "",
    zone: tzinfo | None = None,
    locale: Locale | None = None,
    width: int = WIDTH,
) -> str:
    """The receipt's text; ``zone`` and ``locale`` are the store's (:func:`store_zone`,
    :func:`store_locale`): a customer reads local time and the figures as written there.
    Every line is laid out by :mod:`till.receipt_columns` in ``width`` columns: long names
    wrap, amounts and points stay whole and right-aligned."""

    def money(value: Decimal) -> str:
        return _money(value, currency, locale)

    lines: list[str] = []

    def say(text: str) -> None:
        lines.extend(receipt_columns.wrap(text, width))

    def row(left: str, right: str) -> None:
        lines.extend(receipt_columns.row(left, right, width))

    if store:
        lines.extend(receipt_columns.centred(store, width))
    say(translate("Receipt", "Receipt {number}").format(number=sale.receipt_no))
    say(local_time(sale.completed_at or sale.created_at, zone, locale))
    lines.append("-" * width)
    for line in sale.lines:
        row(line.description, money(line.amount))
    lines.append("-" * width)
    row(translate("Receipt", "TOTAL"), money(sale.total))
    r = sale.redemption
    if r is not None and r.state in (RedemptionState.COMMITTED, RedemptionState.REVERSING):
        row(
            translate("Receipt", "Loyalty Redemption {points} pt").format(points=r.points),
            money(r.value),
        )
    for tender in sale.tenders:
        row(tender_name(tender.kind), money(tender.amount))
    if sale.change:
        row(translate("Receipt", "Change"), money(sale.change))
    if sale.state == SaleState.VOIDED:
        lines.append("")
        say(translate("Receipt", "*** SALE VOIDED ***"))
        if r is not None and r.state == RedemptionState.REVERSED:
            say(translate("Receipt", "Points given back: {points}").format(points=r.points))
    member = sale.member
    if member is not None:
        lines.append("-" * width)
        say(
            translate("Receipt", "Member: {name} ({phone})").format(
                name=member.name, phone=member.masked_phone
            )
        )
        if sale.state != SaleState.VOIDED:
            if r is not None and r.state == RedemptionState.COMMITTED:
                say(translate("Receipt", "Points redeemed: {points}").format(points=r.points))
            if sale.earn_op_id and sale.earned_points is not None:
                say(
                    translate("Receipt", "Points earned: {points}").format(
                        points=sale.earned_points
                    )
                )
                # issue 16: which campaign gave which
                lines.extend(campaign_lines(sale, width))
            elif sale.earn_op_id:
                say(translate("Receipt", "Points earned: pending"))
                say(
                    translate(
                        "Receipt",
                        "(points pending: they will be added when the loyalty server is back)",
                    )
                )
        balance = sale.balance_after
        if balance is None and r is not None and sale.earned_points is None and not sale.earn_op_id:
            balance = r.balance_after
        if balance is not None:
            say(translate("Receipt", "New balance: {points} points").format(points=balance))
        elif sale.earn_op_id and sale.earned_points is None:
            say(translate("Receipt", "New balance: points pending"))
        if sale.state != SaleState.VOIDED:
            lines.extend(expiry_lines(sale, locale, width))  # issue 16: the next expiry
    lines.append("")
    lines.extend(receipt_columns.centred(translate("Receipt", "Thank you!"), width))
    return "\n".join(lines) + "\n"
