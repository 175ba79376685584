"""The receipt: what the customer takes away, as plain text (screen and printer alike).

Why plain text: a receipt printer prints lines of ~40 characters; the same text is shown
on screen, so what the cashier sees is what is printed. It says exactly what happened to
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

from till.core.sale import TENDER_NAMES, RedemptionState, Sale, SaleState

log = logging.getLogger(__name__)

WIDTH = 40


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


def local_time(utc_iso: str, zone: tzinfo | None) -> str:
    """``2026-01-15T17:30:00Z`` -> ``2026-01-15 18:30 CET`` in ``zone`` (UTC when None)."""
    when = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo("UTC"))
    local = when.astimezone(zone or ZoneInfo("UTC"))
    return local.strftime("%Y-%m-%d %H:%M:%S ") + (local.tzname() or "")


def _row(left: str, right: str) -> str:
    space = max(1, WIDTH - len(left) - len(right))
    return f"{left}{' ' * space}{right}"


def _money(value: Decimal, currency: str) -> str:
    return f"{currency} {value:,.2f}".strip()


def render_receipt(
    sale: Sale, store: str = "", currency: str = "", zone: tzinfo | None = None
) -> str:
    lines: list[str] = []
    if store:
        lines.append(store.center(WIDTH).rstrip())
    lines.append(f"Receipt {sale.receipt_no}")
    lines.append(local_time(sale.completed_at or sale.created_at, zone).rstrip())
    lines.append("-" * WIDTH)
    for line in sale.lines:
        lines.append(_row(line.description[: WIDTH - 14], _money(line.amount, currency)))
    lines.append("-" * WIDTH)
    lines.append(_row("TOTAL", _money(sale.total, currency)))
    r = sale.redemption
    if r is not None and r.state in (RedemptionState.COMMITTED, RedemptionState.REVERSING):
        lines.append(_row(f"Loyalty Redemption {r.points} pt", _money(r.value, currency)))
    for tender in sale.tenders:
        lines.append(
            _row(TENDER_NAMES.get(tender.kind, tender.kind), _money(tender.amount, currency))
        )
    if sale.change:
        lines.append(_row("Change", _money(sale.change, currency)))
    if sale.state == SaleState.VOIDED:
        lines.append("")
        lines.append("*** SALE VOIDED ***")
        if r is not None and r.state == RedemptionState.REVERSED:
            lines.append(f"Points given back: {r.points}")
    member = sale.member
    if member is not None:
        lines.append("-" * WIDTH)
        lines.append(f"Member: {member.name} ({member.masked_phone})")
        if sale.state != SaleState.VOIDED:
            if r is not None and r.state == RedemptionState.COMMITTED:
                lines.append(f"Points redeemed: {r.points}")
            if sale.earn_op_id and sale.earned_points is not None:
                lines.append(f"Points earned: {sale.earned_points}")
            elif sale.earn_op_id:
                lines.append("Points earned: pending")
                lines.append("(points pending: they will be added")
                lines.append(" when the loyalty server is back)")
        balance = sale.balance_after
        if balance is None and r is not None and sale.earned_points is None and not sale.earn_op_id:
            balance = r.balance_after
        if balance is not None:
            lines.append(f"New balance: {balance} points")
        elif sale.earn_op_id and sale.earned_points is None:
            lines.append("New balance: points pending")
    lines.append("")
    lines.append("Thank you!".center(WIDTH).rstrip())
    return "\n".join(lines) + "\n"
