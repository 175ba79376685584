"""Card programs: number ranges per program and batches of issued cards (seed 001).

Seed 001 asks for distinct number ranges per program and random (not sequential) card
references; ranges are compared as integers and must not overlap. Registering a batch is all
or nothing, so a technician never has to work out which half of a batch went in.
Programs and cards are a merchant's own (issue 13): ranges must not overlap within one
merchant, and two brands may issue the same number without seeing each other's cards.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from server.errors import Conflict, InvalidRequest, NotFound
from server.schema import cards, programs


def put_program(
    conn: Connection, merchant_id: int, name: str, start: str, end: str
) -> tuple[bool, dict[str, Any]]:
    """Creates or updates a program of the merchant; returns (created, program)."""
    lo, hi = int(start), int(end)
    if lo > hi:
        raise InvalidRequest("range_end: must not be below range_start", field="range_end")
    others = select(programs).where(programs.c.merchant_id == merchant_id, programs.c.name != name)
    for other in conn.execute(others).all():
        if lo <= int(other.range_end) and int(other.range_start) <= hi:
            raise Conflict(
                f"The range overlaps program {other.name!r}",
                code="range_overlap",
                program=other.name,
            )
    row = conn.execute(select(programs.c.id).where(*_named(merchant_id, name))).first()
    if row is None:
        conn.execute(
            insert(programs).values(
                merchant_id=merchant_id, name=name, range_start=start, range_end=end
            )
        )
    else:
        conn.execute(
            update(programs).where(programs.c.id == row.id).values(range_start=start, range_end=end)
        )
    return row is None, program_json(conn, merchant_id, name)


def _named(merchant_id: int, name: str) -> tuple[Any, Any]:
    return programs.c.merchant_id == merchant_id, programs.c.name == name


def program_json(conn: Connection, merchant_id: int, name: str) -> dict[str, Any]:
    row = conn.execute(select(programs).where(*_named(merchant_id, name))).first()
    if row is None:
        raise NotFound(f"No program {name!r}", code="not_found")
    issued = conn.execute(
        select(func.count()).select_from(cards).where(cards.c.program_id == row.id)
    ).scalar_one()
    return {
        "name": row.name,
        "range_start": row.range_start,
        "range_end": row.range_end,
        "issued": int(issued),
    }


def list_programs(conn: Connection, merchant_id: int) -> dict[str, Any]:
    names = (
        conn.execute(
            select(programs.c.name)
            .where(programs.c.merchant_id == merchant_id)
            .order_by(programs.c.name)
        )
        .scalars()
        .all()
    )
    return {"programs": [program_json(conn, merchant_id, n) for n in names]}


def register_cards(
    conn: Connection, merchant_id: int, name: str, numbers: list[str], now: str
) -> dict[str, Any]:
    row = conn.execute(select(programs).where(*_named(merchant_id, name))).first()
    if row is None:
        raise NotFound(f"No program {name!r}", code="not_found")
    unique = list(dict.fromkeys(numbers))
    lo, hi = int(row.range_start), int(row.range_end)
    outside = [n for n in unique if not n.isdigit() or not lo <= int(n) <= hi]
    if outside:
        raise InvalidRequest(
            f"numbers: {len(outside)} outside the program's range",
            field="numbers",
            numbers=outside[:100],
        )
    existing = (
        conn.execute(
            select(cards.c.number).where(
                cards.c.merchant_id == merchant_id, cards.c.number.in_(unique)
            )
        )
        .scalars()
        .all()
    )
    if existing:
        raise Conflict(
            "Some cards are already issued; nothing was registered",
            code="card_exists",
            numbers=sorted(existing),
        )
    conn.execute(
        insert(cards),
        [
            {
                "merchant_id": merchant_id,
                "number": n,
                "program_id": row.id,
                "status": "unassigned",
                "created_at": now,
            }
            for n in unique
        ],
    )
    return {"registered": len(unique)}
