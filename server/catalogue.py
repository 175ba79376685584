"""The merchant's catalogue: items (EAN/UPC/internal code, name, price, category) and the
categories that say whether, and how much, a line earns (issue 16).

The till caches the whole catalogue (it must sell offline) and re-downloads it only when
``version`` changes: the version is a digest of the content, so it changes exactly when an
item or a category does, whoever changed it, with no counter to keep in step.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from server.earn_rules import Category
from server.errors import InvalidRequest, NotFound
from server.rules_schema import catalogue_items, categories

CODE = re.compile(r"^[A-Za-z0-9_\-]{1,32}$")
CSV_COLUMNS = ("code", "name", "price", "category")


_CATEGORIES = select(categories).where(categories.c.merchant_id == bindparam("merchant_id"))


def category_map(conn: Connection, merchant_id: int) -> dict[str, Category]:
    rows = conn.execute(_CATEGORIES, {"merchant_id": merchant_id}).all()
    return {r.code: Category(r.code, bool(r.earn), Decimal(r.multiplier)) for r in rows}


def item_categories(conn: Connection, merchant_id: int, codes: list[str]) -> dict[str, str | None]:
    if not codes:
        return {}
    rows = conn.execute(
        select(catalogue_items.c.code, catalogue_items.c.category).where(
            catalogue_items.c.merchant_id == merchant_id, catalogue_items.c.code.in_(codes)
        )
    ).all()
    return {r.code: r.category for r in rows}


def _category_json(r: Any) -> dict[str, Any]:
    return {"code": r.code, "name": r.name, "earn": bool(r.earn), "multiplier": r.multiplier}


def _item_json(r: Any) -> dict[str, Any]:
    return {"code": r.code, "name": r.name, "price": r.price, "category": r.category}


def catalogue_json(
    conn: Connection, merchant_id: int, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Items and categories (and ``extra``, e.g. the customer types), with the digest of all
    of it as ``version``."""
    items = conn.execute(
        select(catalogue_items)
        .where(catalogue_items.c.merchant_id == merchant_id)
        .order_by(catalogue_items.c.code)
    ).all()
    cats = conn.execute(
        select(categories)
        .where(categories.c.merchant_id == merchant_id)
        .order_by(categories.c.code)
    ).all()
    body = {
        "items": [_item_json(r) for r in items],
        "categories": [_category_json(r) for r in cats],
        **(extra or {}),
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
    return {"version": digest, **body}


def check_multiplier(raw: str, field: str, minimum: Decimal = Decimal(0)) -> Decimal:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < minimum or value > 100 or value != round(value, 4):
        raise InvalidRequest(
            f"{field}: must be a number from {minimum} to 100 (at most 4 decimals)", field=field
        )
    return value


def set_category(
    conn: Connection, merchant_id: int, code: str, name: str, earn: bool, multiplier: str
) -> dict[str, Any]:
    if not CODE.fullmatch(code):
        raise InvalidRequest("code: 1 to 32 letters, digits, _ or -", field="code")
    m = check_multiplier(multiplier, "multiplier")
    values = {"name": name, "earn": earn, "multiplier": str(m)}
    mine = (categories.c.merchant_id == merchant_id, categories.c.code == code)
    if conn.execute(select(categories.c.id).where(*mine)).first() is None:
        conn.execute(insert(categories).values(merchant_id=merchant_id, code=code, **values))
    else:
        conn.execute(update(categories).where(*mine).values(**values))
    return _category_json(conn.execute(select(categories).where(*mine)).one())


def put_item(
    conn: Connection, merchant_id: int, code: str, name: str, price: str, category: str | None
) -> dict[str, Any]:
    if not CODE.fullmatch(code):
        raise InvalidRequest("code: 1 to 32 letters, digits, _ or -", field="code")
    try:
        amount = Decimal(price)
    except InvalidOperation:
        amount = Decimal(-1)
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise InvalidRequest('price: must be an amount like "1.99"', field="price")
    if category is not None and category not in category_map(conn, merchant_id):
        raise NotFound(f"No category {category!r}", code="not_found", field="category")
    values = {"name": name, "price": f"{amount:.2f}", "category": category}
    mine = (catalogue_items.c.merchant_id == merchant_id, catalogue_items.c.code == code)
    if conn.execute(select(catalogue_items.c.id).where(*mine)).first() is None:
        conn.execute(insert(catalogue_items).values(merchant_id=merchant_id, code=code, **values))
    else:
        conn.execute(update(catalogue_items).where(*mine).values(**values))
    return _item_json(conn.execute(select(catalogue_items).where(*mine)).one())


def import_csv(conn: Connection, merchant_id: int, text: str) -> int:
    """Items from CSV (header ``code,name,price,category``; RFC 4180), all or nothing: the
    caller's transaction rolls every row back if one is refused, naming its line."""
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or set(CSV_COLUMNS) - set(reader.fieldnames):
        raise InvalidRequest(f"The CSV needs the columns {', '.join(CSV_COLUMNS)}", field="file")
    count = 0
    for row in reader:
        try:
            put_item(
                conn,
                merchant_id,
                (row["code"] or "").strip(),
                (row["name"] or "").strip(),
                (row["price"] or "").strip(),
                (row["category"] or "").strip() or None,
            )
        except (InvalidRequest, NotFound) as exc:
            raise InvalidRequest(f"line {reader.line_num}: {exc.message}", field="file") from None
        count += 1
    return count
