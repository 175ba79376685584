"""Administration of the loyalty rules (issue 16): the request bodies of the manager-approved
API calls and the use cases they share with ``till-server`` (``server.rules_cli``).

Every API write needs a manager of the key's store (``approval``, checked like ``PUT
/v1/policy``, PIN throttled before the write lock) and lands in the audit trail; the CLI is
the technician's, on the server itself, and needs none.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints
from sqlalchemy import Connection, insert, select, update

from server import approval, audit, campaigns, catalogue, tiers
from server.catalogue import check_multiplier
from server.db import iso, read, write
from server.errors import InvalidRequest
from server.models import Approval, Body, ItemCode, Money, Name, Timestamp, integral
from server.rules_schema import rule_settings
from server.schema import stores
from server.service import Backend

Multiplier = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,3}(\.[0-9]{1,4})?$")]
HhMm = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
Weekday = Annotated[int, Field(strict=True, ge=1, le=7), BeforeValidator(integral)]


class ProgramRules(Body):
    points_per_unit: Multiplier
    point_value: Money
    validity_days: Annotated[
        int | None, Field(strict=True, gt=0, le=36500), BeforeValidator(integral)
    ]
    approval: Approval | None = None


class CategoryPut(Body):
    name: Name
    earn: Annotated[bool, Field(strict=True)] = True
    multiplier: Multiplier = "1"
    approval: Approval | None = None


class ItemPut(Body):
    name: Name
    price: Money
    category: ItemCode | None = None
    approval: Approval | None = None


class Hours(Body):
    from_: HhMm = Field(alias="from")
    to: HhMm


class CampaignCreate(Body):
    name: Name
    from_: Timestamp = Field(alias="from")
    to: Timestamp
    weekdays: Annotated[list[Weekday], Field(min_length=1, max_length=7)] | None = None
    hours: Hours | None = None
    categories: Annotated[list[ItemCode], Field(min_length=1, max_length=100)] | None = None
    customer_types: Annotated[list[ItemCode], Field(min_length=1, max_length=20)] | None = None
    multiplier: Multiplier | None = None
    bonus: (
        Annotated[int, Field(strict=True, gt=0, le=1_000_000), BeforeValidator(integral)] | None
    ) = None
    approval: Approval | None = None


def set_program(
    conn: Connection,
    merchant_id: int,
    store_ids: list[int],
    points_per_unit: str | None,
    point_value: str | None,
    validity_days: int | None,
    *,
    keep_validity: bool = False,
) -> dict[str, Any]:
    """The earn rate and point value of ``store_ids`` and the merchant's points validity."""
    if points_per_unit is not None:
        check_multiplier(points_per_unit, "points_per_unit")
    if point_value is not None:
        value = Decimal(point_value)
        if value != value.quantize(Decimal("0.0001")) or not 0 <= value <= 1000:
            raise InvalidRequest("point_value: an amount like 0.01", field="point_value")
    changes = {
        k: v
        for k, v in {"points_per_unit": points_per_unit, "point_value": point_value}.items()
        if v is not None
    }
    if changes:
        conn.execute(update(stores).where(stores.c.id.in_(store_ids)).values(**changes))
    mine = rule_settings.c.merchant_id == merchant_id
    row = conn.execute(select(rule_settings).where(mine)).first()
    settings: dict[str, Any] = {}
    if not keep_validity:
        settings["validity_days"] = validity_days
    if row is None:
        conn.execute(insert(rule_settings).values(merchant_id=merchant_id, **settings))
    elif settings:
        conn.execute(update(rule_settings).where(mine).values(**settings))
    return program_json(conn, merchant_id, store_ids[0])


def program_json(conn: Connection, merchant_id: int, store_id: int) -> dict[str, Any]:
    store = conn.execute(select(stores).where(stores.c.id == store_id)).one()
    rules = conn.execute(
        select(rule_settings).where(rule_settings.c.merchant_id == merchant_id)
    ).first()
    return {
        "points_per_unit": store.points_per_unit,
        "point_value": store.point_value,
        "validity_days": rules.validity_days if rules else None,
    }


def new_campaign(body: CampaignCreate) -> campaigns.NewCampaign:
    return campaigns.NewCampaign(
        name=body.name,
        starts_at=body.from_,
        ends_at=body.to,
        weekdays=body.weekdays,
        hours=(body.hours.from_, body.hours.to) if body.hours else None,
        categories=body.categories,
        customer_types=body.customer_types,
        multiplier=body.multiplier,
        bonus=body.bonus,
    )


class RulesService:
    """The API's use cases over one ``Backend`` (its engine, clock and limits)."""

    def __init__(self, backend: Backend) -> None:
        self.b = backend

    def catalogue(self, merchant_id: int) -> dict[str, Any]:
        def body(c: Connection) -> dict[str, Any]:
            types = [
                {"code": t.code, "name": t.name, "multiplier": str(t.multiplier),
                 "threshold": t.threshold}
                for t in sorted(tiers.types_of(c, merchant_id), key=lambda t: t.code)
            ]  # fmt: skip
            return catalogue.catalogue_json(c, merchant_id, {"customer_types": types})

        return read(self.b.engine, body)

    def campaigns(self, merchant_id: int) -> dict[str, Any]:
        now = iso(self.b.clock.now())
        return read(self.b.engine, lambda c: campaigns.list_json(c, merchant_id, now))

    def approved(self, caller: Any, raw: Approval | None, action: str, fn: Any) -> Any:
        """``fn(conn)`` with a manager's approval, audited as ``action`` with its result."""

        def tx(conn: Connection) -> Any:
            member = approval.require_manager(
                conn, caller.store_id, raw, self.b.clock, self.b.limits
            )
            out = fn(conn)
            audit.record(conn, caller, member, action, out, iso(self.b.clock.now()))
            return out

        with self.b.pins_checked(caller, raw):
            return write(self.b.engine, tx)
