"""``till-server`` commands of the loyalty rules (issue 16): programme, categories, items,
campaigns, customer types, and the expiry run.

``expire`` writes the expiry entries of every lot due at ``--now`` (default: the clock). It
is idempotent -- a lot once expired has nothing left -- so a systemd timer may run it as
often as it likes, and a missed run only delays entries the API already accounts lazily
(``server.lots``). Stores and merchants are named by code, as in the other admin commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select

from server import accounts, campaigns, catalogue, lots, tiers
from server.db import Clock, iso, write
from server.errors import InvalidRequest
from server.rules_admin import set_program
from server.schema import customers, stores

COMMANDS = frozenset(
    {
        "expire",
        "set-program",
        "set-category",
        "set-item",
        "import-catalogue",
        "add-campaign",
        "set-customer-type",
        "assign-customer-type",
    }
)


def _when(raw: str) -> datetime:
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r}: a time like 2027-01-01T00:00:00Z") from None


def _csv(raw: str) -> list[str]:
    return [p.strip() for p in raw.split(",") if p.strip()]


def add_commands(sub: Any, db: Callable[[argparse.ArgumentParser], None]) -> None:
    e = sub.add_parser("expire", help="write off points past their validity (idempotent)")
    db(e)
    e.add_argument("--now", type=_when, help="as of this UTC time (default: now)")

    p = sub.add_parser("set-program", help="earn rate, point value and points validity")
    db(p)
    p.add_argument("--store", required=True, help="the store (its merchant's validity)")
    p.add_argument("--points-per-unit", help="points per 1.00 spent, e.g. 1")
    p.add_argument("--point-value", help="money value of one point, e.g. 0.01")
    p.add_argument("--validity-days", type=int, help="days points stay valid; 0: for ever")

    c = sub.add_parser("set-category", help="create or change a catalogue category")
    db(c)
    c.add_argument("--store", required=True)
    c.add_argument("--code", required=True)
    c.add_argument("--name", required=True)
    c.add_argument("--earn", choices=["yes", "no"], default="yes")
    c.add_argument("--multiplier", default="1")

    i = sub.add_parser("set-item", help="create or change a catalogue item")
    db(i)
    i.add_argument("--store", required=True)
    i.add_argument("--code", required=True)
    i.add_argument("--name", required=True)
    i.add_argument("--price", required=True)
    i.add_argument("--category")

    im = sub.add_parser("import-catalogue", help="items from CSV: code,name,price,category")
    db(im)
    im.add_argument("--store", required=True)
    im.add_argument("file", type=Path)

    a = sub.add_parser("add-campaign", help="a campaign: multiplier or bonus over a period")
    db(a)
    a.add_argument("--store", required=True)
    a.add_argument("--name", required=True)
    a.add_argument("--from", dest="start", type=_when, required=True)
    a.add_argument("--to", dest="end", type=_when, required=True)
    a.add_argument("--weekdays", type=_csv, help="ISO weekdays, e.g. 6,7")
    a.add_argument("--hours", help="store time HH:MM-HH:MM, e.g. 08:00-12:00")
    a.add_argument("--categories", type=_csv)
    a.add_argument("--customer-types", type=_csv)
    effect = a.add_mutually_exclusive_group(required=True)
    effect.add_argument("--multiplier")
    effect.add_argument("--bonus", type=int)

    t = sub.add_parser("set-customer-type", help="a customer type or tier")
    db(t)
    t.add_argument("--store", required=True)
    t.add_argument("--code", required=True)
    t.add_argument("--name", required=True)
    t.add_argument("--multiplier", default="1")
    t.add_argument("--threshold", type=int, help="points in 12 months (a tier); none: assigned")

    s = sub.add_parser("assign-customer-type", help="give a customer a type")
    db(s)
    s.add_argument("--store", required=True)
    s.add_argument("--phone", required=True, help="the customer's phone, E.164")
    s.add_argument("--code", required=True)


def _merchant(conn: Connection, store: str) -> tuple[int, int]:
    store_id = accounts.store_id_of(conn, store)
    merchant = conn.execute(
        select(stores.c.merchant_id).where(stores.c.id == store_id)
    ).scalar_one()
    return int(merchant), store_id


def expire(engine: Engine, now: datetime) -> tuple[int, int]:
    """(customers, points) written off as of ``now``; one transaction per customer."""
    stamp = iso(now)

    def due(conn: Connection) -> list[int]:
        return lots.customers_due(conn, stamp)

    people = points = 0
    for customer_id in write(engine, due):

        def one(conn: Connection, cid: int = customer_id) -> int:
            row = conn.execute(
                select(customers).where(customers.c.id == cid).with_for_update()
            ).one()
            after = lots.settle(conn, row, now)
            return int(row.balance) - int(after.balance)

        taken = write(engine, one)
        people += 1 if taken else 0
        points += taken
    return people, points


def run(engine: Engine, clock: Clock, args: argparse.Namespace) -> int:
    if args.command == "expire":
        people, points = expire(engine, args.now or clock.now())
        print(f"Expired {points} points of {people} customer(s)")
        return 0

    def tx(conn: Connection) -> Any:
        merchant_id, store_id = _merchant(conn, args.store)
        if args.command == "set-program":
            days = args.validity_days
            return set_program(
                conn,
                merchant_id,
                [store_id],
                args.points_per_unit,
                args.point_value,
                None if days == 0 else days,
                keep_validity=days is None,
            )
        if args.command == "set-category":
            return catalogue.set_category(
                conn, merchant_id, args.code, args.name, args.earn == "yes", args.multiplier
            )
        if args.command == "set-item":
            return catalogue.put_item(
                conn, merchant_id, args.code, args.name, args.price, args.category
            )
        if args.command == "import-catalogue":
            text = args.file.read_text(encoding="utf-8-sig")
            return {"imported": catalogue.import_csv(conn, merchant_id, text)}
        if args.command == "add-campaign":
            hours = None
            if args.hours:
                parts = args.hours.split("-")
                if len(parts) != 2:
                    raise InvalidRequest("--hours: HH:MM-HH:MM", field="hours")
                hours = (parts[0], parts[1])
            new = campaigns.NewCampaign(
                name=args.name,
                starts_at=args.start,
                ends_at=args.end,
                weekdays=[int(d) for d in args.weekdays] if args.weekdays else None,
                hours=hours,
                categories=args.categories,
                customer_types=args.customer_types,
                multiplier=args.multiplier,
                bonus=args.bonus,
            )
            return campaigns.add_campaign(conn, merchant_id, new, iso(clock.now()))
        if args.command == "set-customer-type":
            return tiers.set_type(
                conn, merchant_id, args.code, args.name, args.multiplier, args.threshold
            )
        customer = conn.execute(
            select(customers.c.id).where(
                customers.c.merchant_id == merchant_id, customers.c.phone == args.phone
            )
        ).scalar()
        if customer is None:
            raise InvalidRequest(f"No customer with phone {args.phone}", field="phone")
        tiers.assign(conn, merchant_id, int(customer), args.code)
        return {"customer_id": int(customer), "customer_type": args.code}

    try:
        out = write(engine, tx)
    except ValueError as exc:  # a malformed weekday list
        print(f"{exc}", file=sys.stderr)
        return 2
    print(json.dumps(out, sort_keys=True))
    return 0
