"""The rules at earn time: a sale's lines, the merchant's categories, campaigns and the
customer's type in, points per line and per campaign out -- and kept with the entry.

The database side of ``earn_rules`` (which stays pure). What a line earned and which rule
gave it is written next to the ledger entry (``earn_lines``, ``earn_campaigns``), because a
return weeks later must take back what *that* sale earned, not what today's rules would.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, insert, select

from server import campaigns, catalogue, store_locale, tiers
from server.db import iso
from server.earn_rules import Evaluation, Line, evaluate
from server.errors import Conflict, InvalidRequest
from server.models import ClaimRequest, EarnRequest
from server.return_records import not_reversed
from server.rules_schema import earn_campaigns, earn_lines
from server.schema import ledger


@dataclass(frozen=True)
class SaleLine:
    line_no: int
    amount: Decimal
    code: str | None
    category: str | None


@dataclass(frozen=True)
class Earned:
    lines: list[SaleLine]
    evaluation: Evaluation

    @property
    def points(self) -> int:
        return self.evaluation.points

    def json(self) -> dict[str, Any]:
        return {
            "lines": [{"line_no": p.line_no, "points": p.points} for p in self.evaluation.lines],
            "campaigns": [
                {"id": c.id, "name": c.name, "points": c.points} for c in self.evaluation.campaigns
            ],
        }


def zone_of(conn: Connection, store_id: int, name: str | None = None) -> ZoneInfo:
    """The selling store's zone (``name`` if the caller has the store's row already):
    campaign weekdays and hours are its local time."""
    name = name or store_locale.store_locale(conn, store_id)["time_zone"]
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - store_locale checks it
        return ZoneInfo(store_locale.DEFAULT_TIME_ZONE)


def sale_lines(
    conn: Connection, merchant_id: int, req: EarnRequest | ClaimRequest
) -> list[SaleLine]:
    """The request's lines with their categories resolved (docs/rules.md, "Earn with lines");
    a plain claim's lines are a sale's lines too."""
    if req.lines is None:
        return [SaleLine(1, Decimal(req.amount), None, None)]
    total = sum((Decimal(line.amount) for line in req.lines), Decimal(0))
    if total != Decimal(req.amount):
        raise InvalidRequest(
            f"lines: the line amounts add up to {total:.2f}, not {Decimal(req.amount):.2f}",
            field="lines",
        )
    known = catalogue.category_map(conn, merchant_id)
    of_item = catalogue.item_categories(
        conn, merchant_id, [line.code for line in req.lines if line.code]
    )
    out = []
    for line in req.lines:
        category = line.category if line.category is not None else of_item.get(line.code or "")
        out.append(
            SaleLine(
                line.line_no,
                Decimal(line.amount),
                line.code,
                category if category in known else None,
            )
        )
    return out


def evaluate_sale(
    conn: Connection,
    merchant_id: int,
    store: Any,
    customer_id: int,
    lines: list[SaleLine],
    at: datetime,
) -> Earned:
    """``store``: the selling store's row (rate and zone)."""
    ctype = tiers.type_of(conn, merchant_id, customer_id, at)
    evaluation = evaluate(
        [Line(line.line_no, line.amount, line.category) for line in lines],
        catalogue.category_map(conn, merchant_id),
        campaigns.running_at(conn, merchant_id, iso(at)),
        ctype,
        Decimal(store.points_per_unit),
        at,
        zone_of(conn, int(store.id), getattr(store, "time_zone", None)),
    )
    return Earned(lines, evaluation)


def record(conn: Connection, entry_id: int, earned: Earned, store_id: int, receipt_no: str) -> None:
    by_no = {p.line_no: p for p in earned.evaluation.lines}
    conn.execute(
        insert(earn_lines),
        [
            {
                "entry_id": entry_id,
                "line_no": line.line_no,
                "amount": f"{line.amount:.2f}",
                "code": line.code,
                "category": line.category,
                "points": by_no[line.line_no].points,
                "rule": json.dumps(by_no[line.line_no].rule, sort_keys=True),
            }
            for line in earned.lines
        ],
    )
    for c in earned.evaluation.campaigns:
        conn.execute(
            insert(earn_campaigns).values(
                entry_id=entry_id,
                campaign_id=c.id,
                kind=c.kind,
                points=c.points,
                receipt_no=receipt_no,
                store_id=store_id,
            )
        )


def campaign_claim(
    conn: Connection,
    merchant_id: int,
    customer_id: int,
    campaign_id: int,
    amount: Decimal,
    points_per_unit: Decimal,
    at: datetime,
    store_id: int,
    receipt_no: str,
) -> tuple[int, dict[str, Any]]:
    """The points a campaign would have given ``amount`` at ``at`` (seed 004, case 4), and
    the claim's ``lines``/``campaigns`` as an earn result names them (no line: all campaign).

    The amount is taken as the campaign's own kind of goods (its first category, if it
    names any); refused if the campaign did not apply then or was already given.
    """
    campaign = campaigns.one(conn, merchant_id, campaign_id)
    given = conn.execute(
        select(earn_campaigns.c.entry_id)
        .join(ledger, ledger.c.id == earn_campaigns.c.entry_id)
        .where(
            earn_campaigns.c.campaign_id == campaign_id,
            earn_campaigns.c.store_id == store_id,
            earn_campaigns.c.receipt_no == receipt_no,
            not_reversed(),
        )
    ).first()
    if given is not None:
        raise Conflict(
            "This campaign's points were already given for this receipt",
            code="campaign_already_claimed",
            transaction_id=given.entry_id,
        )
    category = sorted(campaign.categories)[0] if campaign.categories else None
    ctype = tiers.type_of(conn, merchant_id, customer_id, at)
    known = catalogue.category_map(conn, merchant_id)
    evaluation = evaluate(
        [Line(1, amount, category)],
        known,
        [campaign],
        ctype,
        points_per_unit,
        at,
        zone_of(conn, store_id),
    )
    points = sum(c.points for c in evaluation.campaigns)
    if not evaluation.campaigns or points <= 0:
        raise Conflict(
            f"Campaign {campaign.name!r} did not apply to this customer at that time",
            code="campaign_not_applicable",
        )
    return points, {
        "lines": [],
        "campaigns": [{"id": campaign.id, "name": campaign.name, "points": points}],
    }


def record_campaign_claim(
    conn: Connection, entry_id: int, campaign_id: int, points: int, store_id: int, receipt_no: str
) -> None:
    conn.execute(
        insert(earn_campaigns).values(
            entry_id=entry_id,
            campaign_id=campaign_id,
            kind="claim",
            points=points,
            receipt_no=receipt_no,
            store_id=store_id,
        )
    )
