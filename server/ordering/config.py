"""A store's ordering configuration and menu (seed 000, "ECMS configuration").

Seed 000 has the merchant set, per store: the CRM program name, the password-reset link of
the member login page, and the rewards-portal link behind "My Rewards". Here each is
optional in the same way: no reset link means the built-in reset by SMS code, no portal
link the built-in "My rewards" page. ``public_url`` is where the member pages are reached
from a phone (the base of the QR codes' URLs).

The menu lists item codes in display order. A code in the merchant's catalogue (issue 16)
takes its name and price from there, so the till and the table never show two prices;
an item not catalogued carries its own name and price.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Connection, delete, insert, select, update

from server.errors import InvalidRequest
from server.ordering.models import MenuItemIn
from server.ordering.tables import ordering_menu, ordering_stores
from server.rules_schema import catalogue_items


@dataclass(frozen=True)
class Settings:
    store_id: int
    enabled: bool
    program_name: str
    reset_url: str | None
    portal_url: str | None
    public_url: str | None


@dataclass(frozen=True)
class MenuEntry:
    code: str
    name: str
    price: Decimal


def settings(conn: Connection, store_id: int) -> Settings:
    """The store's settings; a store never configured has ordering off."""
    row = conn.execute(
        select(ordering_stores).where(ordering_stores.c.store_id == store_id)
    ).first()
    if row is None:
        return Settings(store_id, False, "", None, None, None)
    return Settings(
        store_id,
        bool(row.enabled),
        str(row.program_name),
        row.reset_url,
        row.portal_url,
        row.public_url,
    )


def ensure_row(conn: Connection, store_id: int, now: str) -> None:
    exists = conn.execute(
        select(ordering_stores.c.store_id).where(ordering_stores.c.store_id == store_id)
    ).first()
    if exists is None:
        conn.execute(
            insert(ordering_stores).values(
                store_id=store_id, enabled=False, program_name="", seq=0, updated_at=now
            )
        )


def put(
    conn: Connection,
    store_id: int,
    now: str,
    fields: dict[str, Any],
    menu: list[MenuItemIn] | None,
) -> None:
    """Writes the settings given (``fields``: a subset of the columns) and, unless None,
    replaces the menu."""
    ensure_row(conn, store_id, now)
    conn.execute(
        update(ordering_stores)
        .where(ordering_stores.c.store_id == store_id)
        .values(**fields, updated_at=now)
    )
    if menu is not None:
        codes = [m.code for m in menu]
        if len(set(codes)) != len(codes):
            raise InvalidRequest("menu: an item code is listed twice", field="menu")
        conn.execute(delete(ordering_menu).where(ordering_menu.c.store_id == store_id))
        if menu:
            conn.execute(
                insert(ordering_menu),
                [
                    {
                        "store_id": store_id,
                        "code": m.code,
                        "name": m.name,
                        "price": m.price,
                        "position": i,
                    }
                    for i, m in enumerate(menu)
                ],
            )


def menu(conn: Connection, store_id: int, merchant_id: int) -> list[MenuEntry]:
    """The menu as members see it: catalogue name and price first, the item's own next; an
    item with neither is left out (a price of nothing cannot be ordered)."""
    rows = conn.execute(
        select(
            ordering_menu.c.code,
            ordering_menu.c.name,
            ordering_menu.c.price,
            catalogue_items.c.name.label("cat_name"),
            catalogue_items.c.price.label("cat_price"),
        )
        .select_from(
            ordering_menu.outerjoin(
                catalogue_items,
                (catalogue_items.c.code == ordering_menu.c.code)
                & (catalogue_items.c.merchant_id == merchant_id),
            )
        )
        .where(ordering_menu.c.store_id == store_id)
        .order_by(ordering_menu.c.position)
    ).all()
    out: list[MenuEntry] = []
    for r in rows:
        name = r.cat_name or r.name
        price = r.cat_price or r.price
        if name and price:
            out.append(MenuEntry(str(r.code), str(name), Decimal(price)))
    return out


def settings_json(
    conn: Connection, store_id: int, store_code: str, merchant_id: int
) -> dict[str, Any]:
    s = settings(conn, store_id)
    return {
        "store": store_code,
        "enabled": s.enabled,
        "program_name": s.program_name,
        "reset_url": s.reset_url,
        "portal_url": s.portal_url,
        "public_url": s.public_url,
        "menu": [
            {"code": m.code, "name": m.name, "price": f"{m.price:.2f}"}
            for m in menu(conn, store_id, merchant_id)
        ],
    }


_MENU = TypeAdapter(list[MenuItemIn])


def read_menu_file(path: Path) -> list[MenuItemIn]:
    """A menu file: JSON (a list of ``{"code", "name"?, "price"?}``) or CSV with the header
    ``code,name,price`` (name and price may be empty for catalogued codes)."""
    text = path.read_text(encoding="utf-8")
    raw: Any
    if path.suffix.lower() == ".csv":
        raw = [
            {k: v for k, v in row.items() if v not in (None, "")}
            for row in csv.DictReader(text.splitlines())
        ]
    else:
        raw = json.loads(text)
    try:
        return _MENU.validate_python(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise InvalidRequest(f"menu file: item {where}: {first.get('msg')}", field="menu") from None


def bump_seq(conn: Connection, store_id: int, now: str) -> int:
    """The store's next change number (the feed cursor). The UPDATE comes first so that on
    PostgreSQL it takes the row lock: numbers are then handed out in commit order."""
    ensure_row(conn, store_id, now)
    conn.execute(
        update(ordering_stores)
        .where(ordering_stores.c.store_id == store_id)
        .values(seq=ordering_stores.c.seq + 1)
    )
    return int(
        conn.execute(
            select(ordering_stores.c.seq).where(ordering_stores.c.store_id == store_id)
        ).scalar_one()
    )


def current_seq(conn: Connection, store_id: int) -> int:
    value = conn.execute(
        select(ordering_stores.c.seq).where(ordering_stores.c.store_id == store_id)
    ).scalar()
    return int(value or 0)
