"""Response shapes of the loyalty-rules endpoints (issue 16), for the OpenAPI document.

Like ``server.responses``: the handlers build plain dicts, these only describe them.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from server.responses import NextExpiry


class Item(BaseModel):
    code: str
    name: str
    price: str
    category: str | None


class Category(BaseModel):
    code: str
    name: str
    earn: bool
    multiplier: str


class CustomerTypeOut(BaseModel):
    code: str
    name: str
    multiplier: str
    threshold: int | None = Field(description="Points in 12 months for this tier; null: assigned")


class Catalogue(BaseModel):
    version: str = Field(description="Changes whenever an item, a category or a type changes")
    items: list[Item]
    categories: list[Category]
    customer_types: list[CustomerTypeOut] = Field(description="v1+ (docs/rules.md)")


class Hours(BaseModel):
    from_: str = Field(alias="from")
    to: str


class Campaign(BaseModel):
    id: int
    name: str
    from_: str = Field(alias="from")
    to: str
    weekdays: list[int] | None = Field(description="ISO 8601: 1 Monday .. 7 Sunday")
    hours: Hours | None = Field(description="[from, to) in the store's time zone")
    categories: list[str] | None
    customer_types: list[str] | None
    multiplier: str | None
    bonus: int | None


class Campaigns(BaseModel):
    campaigns: list[Campaign]


class Shortfall(BaseModel):
    points: int
    value: str = Field(description="Money to deduct from the refund, per store policy")


class ReturnResult(BaseModel):
    transaction_id: int | None
    points_reversed: int
    points_restored: int
    balance: int
    shortfall: Shortfall
    next_expiry: NextExpiry | None


class CampaignEffect(BaseModel):
    id: int
    name: str
    points: int
    sales: int


class CampaignsReport(BaseModel):
    from_: str = Field(alias="from")
    to: str
    campaigns: list[CampaignEffect]


class ProgramRules(BaseModel):
    points_per_unit: str
    point_value: str
    validity_days: int | None
