"""Campaigns (issue 16): a period, optional weekdays and hours in the store's zone,
categories, customer types, and a multiplier or a fixed bonus.

Stored as rows, evaluated as ``earn_rules.Campaign`` values: the database keeps what a
manager typed, the pure rules decide what it means. How several combine is ``earn_rules``'
rule (best multiplier per line, every bonus once per sale).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select

from server.catalogue import check_multiplier
from server.db import inserted_id, iso, parse_iso
from server.earn_rules import Campaign
from server.errors import InvalidRequest, NotFound
from server.return_records import not_reversed
from server.rules_schema import campaigns, earn_campaigns
from server.schema import ledger

HHMM = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


@dataclass(frozen=True)
class NewCampaign:
    name: str
    starts_at: datetime
    ends_at: datetime
    weekdays: list[int] | None = None
    hours: tuple[str, str] | None = None
    categories: list[str] | None = None
    customer_types: list[str] | None = None
    multiplier: str | None = None
    bonus: int | None = None


def _check(c: NewCampaign) -> None:
    if c.ends_at <= c.starts_at:
        raise InvalidRequest("to: must be after from", field="to")
    if (c.multiplier is None) == (c.bonus is None):
        raise InvalidRequest("Give exactly one of multiplier and bonus", field="multiplier")
    if c.multiplier is not None:
        check_multiplier(c.multiplier, "multiplier", Decimal(1))
    if c.bonus is not None and not 0 < c.bonus <= 1_000_000:
        raise InvalidRequest("bonus: must be 1 to 1000000 points", field="bonus")
    if c.weekdays is not None and (not c.weekdays or any(not 1 <= d <= 7 for d in c.weekdays)):
        raise InvalidRequest("weekdays: ISO weekdays 1 (Monday) to 7 (Sunday)", field="weekdays")
    if c.hours is not None and not all(HHMM.fullmatch(h) for h in c.hours):
        raise InvalidRequest("hours: from and to as HH:MM", field="hours")
    if c.hours is not None and c.hours[0] == c.hours[1]:
        raise InvalidRequest("hours: from and to must differ", field="hours")


def add_campaign(conn: Connection, merchant_id: int, c: NewCampaign, now: str) -> dict[str, Any]:
    _check(c)
    campaign_id = inserted_id(
        conn.execute(
            insert(campaigns).values(
                merchant_id=merchant_id,
                name=c.name,
                starts_at=iso(c.starts_at),
                ends_at=iso(c.ends_at),
                weekdays=",".join(str(d) for d in sorted(set(c.weekdays))) if c.weekdays else None,
                hours_from=c.hours[0] if c.hours else None,
                hours_to=c.hours[1] if c.hours else None,
                categories=json.dumps(sorted(set(c.categories))) if c.categories else None,
                customer_types=json.dumps(sorted(set(c.customer_types)))
                if c.customer_types
                else None,
                multiplier=str(Decimal(c.multiplier)) if c.multiplier is not None else None,
                bonus=c.bonus,
                created_at=now,
            )
        )
    )
    return campaign_json(_row(conn, merchant_id, campaign_id))


def _row(conn: Connection, merchant_id: int, campaign_id: int) -> Any:
    row = conn.execute(
        select(campaigns).where(
            campaigns.c.id == campaign_id, campaigns.c.merchant_id == merchant_id
        )
    ).first()
    if row is None:
        raise NotFound("No such campaign", code="not_found", campaign_id=campaign_id)
    return row


def _wire_time(stored: str) -> str:
    return parse_iso(stored).strftime("%Y-%m-%dT%H:%M:%SZ")


def campaign_json(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "from": _wire_time(r.starts_at),
        "to": _wire_time(r.ends_at),
        "weekdays": [int(d) for d in r.weekdays.split(",")] if r.weekdays else None,
        "hours": {"from": r.hours_from, "to": r.hours_to} if r.hours_from else None,
        "categories": json.loads(r.categories) if r.categories else None,
        "customer_types": json.loads(r.customer_types) if r.customer_types else None,
        "multiplier": r.multiplier,
        "bonus": r.bonus,
    }


def to_rule(r: Any) -> Campaign:
    def hhmm(s: str) -> time:
        return time(int(s[:2]), int(s[3:]))

    return Campaign(
        id=int(r.id),
        name=r.name,
        starts_at=parse_iso(r.starts_at),
        ends_at=parse_iso(r.ends_at),
        weekdays=frozenset(int(d) for d in r.weekdays.split(",")) if r.weekdays else None,
        hours=(hhmm(r.hours_from), hhmm(r.hours_to)) if r.hours_from and r.hours_to else None,
        categories=frozenset(json.loads(r.categories)) if r.categories else None,
        customer_types=frozenset(json.loads(r.customer_types)) if r.customer_types else None,
        multiplier=Decimal(r.multiplier) if r.multiplier is not None else None,
        bonus=r.bonus,
    )


_RUNNING = select(campaigns).where(
    campaigns.c.merchant_id == bindparam("merchant_id"),
    campaigns.c.starts_at <= bindparam("at"),
    campaigns.c.ends_at > bindparam("at"),
)


def running_at(conn: Connection, merchant_id: int, at: str) -> list[Campaign]:
    """Campaigns whose period contains ``at`` (weekdays and hours are ``earn_rules``')."""
    rows = conn.execute(_RUNNING, {"merchant_id": merchant_id, "at": at}).all()
    return [to_rule(r) for r in rows]


def one(conn: Connection, merchant_id: int, campaign_id: int) -> Campaign:
    return to_rule(_row(conn, merchant_id, campaign_id))


def list_json(conn: Connection, merchant_id: int, now: str) -> dict[str, Any]:
    """Running and planned campaigns (``to`` still ahead), oldest first."""
    rows = conn.execute(
        select(campaigns)
        .where(campaigns.c.merchant_id == merchant_id, campaigns.c.ends_at > now)
        .order_by(campaigns.c.starts_at, campaigns.c.id)
    ).all()
    return {"campaigns": [campaign_json(r) for r in rows]}


def effect(conn: Connection, till_id: int, start: str, end: str) -> dict[str, Any]:
    """What each campaign gave at this till in ``[start, end)`` (the end-of-shift report):
    points and the number of sales or claims, reversed entries left out."""
    rows = conn.execute(
        select(
            campaigns.c.id,
            campaigns.c.name,
            func.sum(earn_campaigns.c.points).label("points"),
            func.count(earn_campaigns.c.entry_id).label("sales"),
        )
        .join(earn_campaigns, earn_campaigns.c.campaign_id == campaigns.c.id)
        .join(ledger, ledger.c.id == earn_campaigns.c.entry_id)
        .where(
            ledger.c.till_id == till_id,
            ledger.c.created_at >= start,
            ledger.c.created_at < end,
            not_reversed(),
        )
        .group_by(campaigns.c.id, campaigns.c.name)
        .order_by(campaigns.c.id)
    ).all()
    return {
        "from": start,
        "to": end,
        "campaigns": [
            {"id": r.id, "name": r.name, "points": int(r.points), "sales": int(r.sales)}
            for r in rows
        ],
    }
