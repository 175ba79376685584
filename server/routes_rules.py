"""HTTP API v1 of the loyalty rules (issue 16): catalogue, campaigns, returns, administration.

Thin like ``server.routes``: parse, authenticate, call. A return goes through the same
exactly-once runner as every ledger operation, so ``POST /v1/returns`` and op kind
``return`` in ``POST /v1/ops`` are one code path. The contract is docs/rules.md.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse

from server import campaigns, catalogue
from server import rules_responses as RR
from server.db import iso, read
from server.models import ReturnRequest
from server.responses import documented
from server.routes import Auth, Period, Svc
from server.rules_admin import (
    CampaignCreate,
    CategoryPut,
    ItemPut,
    ProgramRules,
    RulesService,
    new_campaign,
    set_program,
)

router = APIRouter(prefix="/v1")
Code = Annotated[str, Path(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_\-]+$")]


@router.get("/catalogue", responses=documented(200, RR.Catalogue))
def get_catalogue(caller: Auth, svc: Svc) -> dict[str, Any]:
    """Items and categories of the merchant; ``version`` changes when either does."""
    return RulesService(svc).catalogue(caller.merchant_id)


@router.get("/campaigns", responses=documented(200, RR.Campaigns))
def get_campaigns(caller: Auth, svc: Svc) -> dict[str, Any]:
    """Running and planned campaigns (``to`` still ahead)."""
    return RulesService(svc).campaigns(caller.merchant_id)


@router.get("/reports/campaigns", responses=documented(200, RR.CampaignsReport))
def campaigns_report(caller: Auth, svc: Svc, period: Period) -> dict[str, Any]:
    """What each campaign gave at the caller's till in the period (end-of-shift report)."""
    return read(svc.engine, lambda c: campaigns.effect(c, caller.till_id, *period))


@router.post("/returns", status_code=201, responses=documented(201, RR.ReturnResult))
def post_return(body: ReturnRequest, caller: Auth, svc: Svc) -> JSONResponse:
    """Goods back: the points they earned come back out, redeemed points go back in, the
    balance never below zero (``shortfall``). 404 ``receipt_not_found``, 409
    ``return_exceeds_sale``."""
    status, out = svc.run("return", caller, body)
    return JSONResponse(out, status_code=status)


@router.put("/rules/program", responses=documented(200, RR.ProgramRules))
def put_program_rules(body: ProgramRules, caller: Auth, svc: Svc) -> dict[str, Any]:
    """The store's earn rate and point value, the merchant's points validity (manager)."""
    out: dict[str, Any] = RulesService(svc).approved(
        caller,
        body.approval,
        "rules_program",
        lambda c: set_program(
            c,
            caller.merchant_id,
            [caller.store_id],
            body.points_per_unit,
            body.point_value,
            body.validity_days,
        ),
    )
    return out


@router.put("/catalogue/categories/{code}", responses=documented(200, RR.Category))
def put_category(code: Code, body: CategoryPut, caller: Auth, svc: Svc) -> dict[str, Any]:
    out: dict[str, Any] = RulesService(svc).approved(
        caller,
        body.approval,
        "category",
        lambda c: catalogue.set_category(
            c, caller.merchant_id, code, body.name, body.earn, body.multiplier
        ),
    )
    return out


@router.put("/catalogue/items/{code}", responses=documented(200, RR.Item))
def put_item(code: Code, body: ItemPut, caller: Auth, svc: Svc) -> dict[str, Any]:
    out: dict[str, Any] = RulesService(svc).approved(
        caller,
        body.approval,
        "catalogue_item",
        lambda c: catalogue.put_item(
            c, caller.merchant_id, code, body.name, body.price, body.category
        ),
    )
    return out


@router.post("/campaigns", status_code=201, responses=documented(201, RR.Campaign))
def post_campaign(body: CampaignCreate, caller: Auth, svc: Svc) -> JSONResponse:
    now = svc.clock.now()
    out = RulesService(svc).approved(
        caller,
        body.approval,
        "campaign",
        lambda c: campaigns.add_campaign(c, caller.merchant_id, new_campaign(body), iso(now)),
    )
    return JSONResponse(out, status_code=201)
