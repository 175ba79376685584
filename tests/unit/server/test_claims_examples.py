"""The "Claims" worked examples of docs/rules.md, each row a test through the backend.

A plain missed-points claim (seed 004) earns by the rules of an earn of that sale at its
``occurred_at``: type, categories of its lines, campaigns running then (docs/rules.md,
"Claims"). The rows are parsed from the page, and the categories and campaigns from the
page's own tables, so the page, the claim path and the pure rules cannot drift apart; each
row is also checked against ``earn_rules.evaluate`` of the same sale.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine

from server import accounts, campaigns, catalogue, customers, tiers
from server.context import Caller
from server.db import iso, make_engine, write
from server.earn_rules import Line, evaluate
from server.errors import ServerError
from server.models import Approval, ClaimRequest, CustomerCreate, EarnLine, EarnRequest
from server.service import Backend
from server.sms import DiscardGateway
from server.store_locale import set_store_locale
from tests.unit.server.fake_clock import FakeClock
from tests.unit.server.test_rules_examples import TYPES, ZONE, _campaigns, _categories, _table

CLAIMS = _table("| # | occurred_at |")
MANAGER = ("Mara", "9361")
_n = itertools.count(1)


class ClaimDay(FakeClock):
    """The day the claims are made: after every sale of the table."""

    def __init__(self) -> None:
        super().__init__()
        self.t = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Backend, Caller]]:
    engine: Engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('claims') / 'c.db'}")
    backend = Backend(engine, sms=DiscardGateway(), clock=ClaimDay())

    def setup(conn: Any) -> Caller:
        merchant_id = accounts.ensure_merchant(conn, "EX", "Examples")
        store_id = accounts.ensure_store(conn, "EX1", "Examples", merchant="EX")
        set_store_locale(conn, store_id, "Europe/London", "en_GB")
        accounts.create_staff(conn, "EX1", MANAGER[0], "manager", MANAGER[1], merchant="EX")
        for cat in _categories().values():
            catalogue.set_category(
                conn, merchant_id, cat.code, cat.code, cat.earn, str(cat.multiplier)
            )
        for t in TYPES.values():
            tiers.set_type(conn, merchant_id, t.code, t.code, str(t.multiplier), t.threshold)
        for c in _campaigns():
            campaigns.add_campaign(
                conn,
                merchant_id,
                campaigns.NewCampaign(
                    name=c.name,
                    starts_at=c.starts_at,
                    ends_at=c.ends_at,
                    weekdays=sorted(c.weekdays) if c.weekdays else None,
                    hours=(c.hours[0].strftime("%H:%M"), c.hours[1].strftime("%H:%M"))
                    if c.hours
                    else None,
                    categories=sorted(c.categories) if c.categories else None,
                    customer_types=sorted(c.customer_types) if c.customer_types else None,
                    multiplier=str(c.multiplier) if c.multiplier is not None else None,
                    bonus=c.bonus,
                ),
                iso(backend.clock.now()),
            )
        return accounts.caller_for(conn, "EX1", "T1")

    yield backend, write(engine, setup)
    engine.dispose()


def _customer(backend: Backend, caller: Caller, type_code: str) -> int:
    n = next(_n)

    def create(conn: Any) -> int:
        body = customers.create_customer(
            conn,
            caller.merchant_id,
            CustomerCreate(phone=f"+4477009{n:05d}"),
            iso(backend.clock.now()),
        )
        if type_code != "standard":
            tiers.assign(conn, caller.merchant_id, int(body["id"]), type_code)
        return int(body["id"])

    return write(backend.engine, create)


def _lines(cell: str) -> list[EarnLine] | None:
    if cell == "-":
        return None
    out = []
    for n, part in enumerate(cell.split(";"), start=1):
        amount, category = part.split()
        out.append(EarnLine(line_no=n, amount=amount, category=category))
    return out


def _expected_campaigns(cell: str) -> dict[int, int]:
    if cell == "-":
        return {}
    return {int(k): int(v) for k, v in (p.strip().split(":") for p in cell.split(","))}


def test_the_page_has_the_claim_examples() -> None:
    assert len(CLAIMS) >= 6


@pytest.mark.parametrize("row", CLAIMS, ids=[f"claim-{r[0]}" for r in CLAIMS])
def test_claim_example(row: list[str], shop: tuple[Backend, Caller]) -> None:
    no, when, type_code, amount, lines, points, campaign_points, _why = row
    backend, caller = shop
    customer_id = _customer(backend, caller, type_code)
    at = datetime.fromisoformat(when.replace("Z", "+00:00"))
    req = ClaimRequest(
        op_id=f"claim-example-{no}",
        customer_id=customer_id,
        receipt_no=f"EX-{no}",
        occurred_at=at,
        amount=amount,
        lines=_lines(lines),
        approval=Approval(staff=MANAGER[0], pin=MANAGER[1]),
    )
    body = backend.run("claim", caller, req)[1]
    assert body["points"] == int(points)
    named = {c["id"]: c["points"] for c in body["campaigns"]}
    assert named == _expected_campaigns(campaign_points)
    # The same as the pure rules give the sale (what an earn at that time would have given).
    sale = [Line(n.line_no, Decimal(n.amount), n.category) for n in req.lines or []] or [
        Line(1, Decimal(amount))
    ]
    pure = evaluate(sale, _categories(), _campaigns(), TYPES[type_code], Decimal(1), at, ZONE)
    assert body["points"] == pure.points
    assert [p["points"] for p in body["lines"]] == [p.points for p in pure.lines]


def test_a_claimed_receipt_is_earned(shop: tuple[Backend, Caller]) -> None:
    """After a plain claim the receipt is earned: an earn of it is refused, not paid twice."""
    backend, caller = shop
    customer_id = _customer(backend, caller, "standard")
    at = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
    claim = ClaimRequest(
        op_id="claim-then-earn",
        customer_id=customer_id,
        receipt_no="EX-twice",
        occurred_at=at,
        amount="5.00",
        lines=[EarnLine(line_no=1, amount="5.00", category="fresh")],
        approval=Approval(staff=MANAGER[0], pin=MANAGER[1]),
    )
    assert backend.run("claim", caller, claim)[1]["points"] == 10
    again = EarnRequest(
        op_id="earn-after-claim",
        customer_id=customer_id,
        amount="5.00",
        receipt_no="EX-twice",
        occurred_at=at,
    )
    with pytest.raises(ServerError, match="already given"):
        backend.run("earn", caller, again)
