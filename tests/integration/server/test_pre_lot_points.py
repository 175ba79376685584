"""Revision 0010 (issue 16): points from before lots existed get a lot and so expire --
a full validity period after the migration, never at once -- on SQLite and PostgreSQL.

A database is built at the revision before (0009) with customers whose points are partly
or wholly in no lot, migrated to head, and then read through the backend: balances
unchanged, the carried points' next expiry ``validity_days`` after the migration's day, and
the expiry job writing them off only from then.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, insert, select
from sqlalchemy.pool import NullPool

from server import customers as customers_mod
from server import migrations, rules_cli
from server.db import make_engine, read
from server.rules_schema import lots, rule_settings
from server.schema import customers, ledger, merchants, stores

BEFORE = "0009_ledger_op_index"
TODAY = datetime.now(UTC).date()
AT = f"{TODAY - timedelta(days=300)}T10:00:00.000000Z"  # before lots: they opened none
SOON = TODAY + timedelta(days=19)  # the lot of the "mixed" customer's later earn
LATER = TODAY + timedelta(days=40)  # the "lotted" customer's lot
PEPPER = b"p" * 32


def _new_id(result: Any) -> int:
    return int(result.inserted_primary_key[0])


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'm.db'}"
    else:
        yield request.getfixturevalue("pg_cluster").create_database()


def _entry(conn: Any, customer_id: int, store_id: int, kind: str, points: int) -> int:
    return _new_id(
        conn.execute(
            insert(ledger).values(
                customer_id=customer_id,
                store_id=store_id,
                kind=kind,
                points=points,
                amount=f"{abs(points)}.00",
                receipt_no=f"R{customer_id}-{kind}-{points}",
                occurred_at=AT,
                created_at=AT,
            )
        )
    )


def _database_at_0009(url: str) -> dict[str, int]:
    """Customers: ``old`` 120 points in no lot; ``mixed`` 100 in no lot and a later earn of
    50 in a lot of which a redemption used 30; ``none`` nothing; ``lotted`` all in a lot."""
    engine: Engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        command.upgrade(migrations.alembic_config(conn), BEFORE)
    ids: dict[str, int] = {}
    with engine.begin() as conn:
        m = _new_id(conn.execute(insert(merchants).values(code="M", name="M")))
        s = _new_id(conn.execute(insert(stores).values(merchant_id=m, code="S", name="S")))
        conn.execute(insert(rule_settings).values(merchant_id=m, validity_days=365))
        for n, (tag, balance) in enumerate(
            [("old", 120), ("mixed", 120), ("none", 0), ("lotted", 40)], start=1
        ):
            ids[tag] = _new_id(
                conn.execute(
                    insert(customers).values(
                        merchant_id=m,
                        phone=f"+44770090010{n}",
                        name="",
                        status="active",
                        balance=balance,
                        created_at=AT,
                    )
                )
            )
        _entry(conn, ids["old"], s, "earn", 100)
        _entry(conn, ids["old"], s, "earn", 20)
        _entry(conn, ids["mixed"], s, "earn", 100)
        later = _entry(conn, ids["mixed"], s, "earn", 50)
        _entry(conn, ids["mixed"], s, "redeem", -30)
        conn.execute(
            insert(lots).values(
                customer_id=ids["mixed"],
                entry_id=later,
                points=50,
                remaining=20,
                expires_at=f"{SOON}T00:00:00.000000Z",
            )
        )
        own = _entry(conn, ids["lotted"], s, "earn", 40)
        conn.execute(
            insert(lots).values(
                customer_id=ids["lotted"],
                entry_id=own,
                points=40,
                remaining=40,
                expires_at=f"{LATER}T00:00:00.000000Z",
            )
        )
        ids["merchant"] = m
    engine.dispose()
    return ids


def test_pre_lot_points_get_a_full_validity_period_from_the_migration(url: str) -> None:
    ids = _database_at_0009(url)
    day_before = datetime.now(UTC).date()
    plain = create_engine(url, poolclass=NullPool)
    try:
        before, head = migrations.upgrade(plain)
    finally:
        plain.dispose()
    day_after = datetime.now(UTC).date()
    assert (before, head) == (BEFORE, migrations.head())
    on = {(d + timedelta(days=365)).isoformat() for d in (day_before, day_after)}
    engine = make_engine(url, pepper=PEPPER)
    m = ids["merchant"]
    now = datetime.now(UTC)
    try:

        def look(conn: Any) -> dict[str, Any]:
            return {
                tag: customers_mod.customer_json(conn, m, ids[tag])
                for tag in ("old", "mixed", "none", "lotted")
            }

        shown = read(engine, look)
        assert {t: c["balance"] for t, c in shown.items()} == {
            "old": 120,
            "mixed": 120,
            "none": 0,
            "lotted": 40,
        }
        assert shown["old"]["next_expiry"]["points"] == 120
        assert shown["old"]["next_expiry"]["on"] in on
        assert shown["mixed"]["next_expiry"] == {"points": 20, "on": SOON.isoformat()}
        assert shown["none"]["next_expiry"] is None
        assert shown["lotted"]["next_expiry"] == {"points": 40, "on": LATER.isoformat()}

        def carried(conn: Any) -> list[tuple[int, int, str | None]]:
            rows = conn.execute(
                select(lots.c.customer_id, lots.c.points, lots.c.expires_at)
                .where(lots.c.customer_id.in_([ids["old"], ids["mixed"], ids["none"]]))
                .order_by(lots.c.customer_id, lots.c.id)
            ).all()
            return [(r[0], r[1], r[2]) for r in rows]

        rows = read(engine, carried)
        assert [(c, p) for c, p, _ in rows] == [
            (ids["old"], 120),
            (ids["mixed"], 50),
            (ids["mixed"], 100),
        ]
        assert rows[0][2] == rows[2][2] and str(rows[0][2])[:10] in on
        # Every point is in a lot now: the balance is the lots' sum.
        assert read(engine, lambda c: _lots_sum(c, ids["mixed"])) == 120

        # The expiry job leaves the carried points alone until their day, then takes them.
        last_day = datetime.fromisoformat(max(on)).replace(tzinfo=UTC)
        rules_cli.expire(engine, last_day - timedelta(days=2))
        after = read(engine, look)
        assert after["old"]["balance"] == 120
        assert after["mixed"]["balance"] == 100  # its own lot of 20 ran out at SOON
        rules_cli.expire(engine, last_day + timedelta(seconds=1))
        gone = read(engine, look)
        assert gone["old"]["balance"] == 0 and gone["mixed"]["balance"] == 0
        assert now < last_day
    finally:
        engine.dispose()


def _lots_sum(conn: Any, customer_id: int) -> int:
    return int(
        sum(
            r.remaining
            for r in conn.execute(select(lots.c.remaining).where(lots.c.customer_id == customer_id))
        )
    )
