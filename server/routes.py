"""HTTP API v1 endpoints. Thin: parse, authenticate, call ``Backend``, shape the answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from server import __version__, store_locale
from server import responses as R
from server.context import Caller
from server.db import iso
from server.errors import InvalidRequest, Unauthorized
from server.gate import CALLER_STATE
from server.models import (
    MAX_ID,
    CardsRegister,
    ClaimRequest,
    CustomerCreate,
    EarnRequest,
    OpsRequest,
    OpsStatusRequest,
    OtpRequest,
    OtpUnlock,
    PolicyRequest,
    ProgramPut,
    RedeemRequest,
    ReverseRequest,
    StaffVerify,
    Timestamp,
)
from server.responses import documented
from server.service import Backend

router = APIRouter(prefix="/v1")
_bearer = HTTPBearer(auto_error=False, description="The till's API key")


def backend_of(request: Request) -> Backend:
    backend: Backend = request.app.state.backend
    return backend


def caller_of(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    known = request.scope.get("state", {}).get(CALLER_STATE)
    if isinstance(known, Caller):  # authenticated by the gate, before the body was read
        return known
    if credentials is None or not credentials.credentials:
        raise Unauthorized("Send the till's API key as 'Authorization: Bearer <key>'")
    return backend_of(request).authenticate(credentials.credentials)


Auth = Annotated[Caller, Depends(caller_of)]
Svc = Annotated[Backend, Depends(backend_of)]
TransactionId = Annotated[int, Path(gt=0, le=MAX_ID)]


def _created(body: dict[str, Any]) -> JSONResponse:
    return JSONResponse(body, status_code=201)


def _window(
    start: Annotated[Timestamp | None, Query(alias="from")] = None,
    end: Annotated[Timestamp | None, Query(alias="to")] = None,
) -> tuple[str, str]:
    """The reporting period ``from``..``to`` (default: today so far), as UTC ISO strings.

    A period that ends before it starts is empty (its report has no entries) rather than an
    error: no JSON Schema can say "to after from", and the OpenAPI document must not promise
    more than the server keeps (issue 13, finding 10). A default never crosses the bound
    given: ``to`` alone before today starts the period at ``to``, ``from`` alone after now
    ends it at ``from``.
    """
    now = datetime.now(UTC)
    lo = start or min(now.replace(hour=0, minute=0, second=0, microsecond=0), end or now)
    hi = end or max(now + timedelta(seconds=1), lo)
    return iso(lo), iso(hi)


Period = Annotated[tuple[str, str], Depends(_window)]


@router.get("/health", responses=documented(200, R.Health))
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@router.get("/session", responses=documented(200, R.Session))
def session(caller: Auth, svc: Svc) -> dict[str, Any]:
    return store_locale.add_to_session(svc.engine, caller.store_id, svc.session(caller))


@router.post("/customers", status_code=201, responses=documented(201, R.Customer))
def create_customer(body: CustomerCreate, caller: Auth, svc: Svc) -> JSONResponse:
    return _created(svc.create_customer(caller, body))


LOOKUP_KEYS = ("card", "phone", "email", "app_id")
# The rule "exactly one of card, phone, email, app_id" as the schema of one exploded object
# parameter (OpenAPI 3.1, 4.8.12.4: style form, explode true serialises its one property as
# ``?card=...``): the four separate optional parameters FastAPI would list say "any number
# of them", which the server refuses (issue 13, finding 10).
_LOOKUP_PARAMETER = {
    "name": "by",
    "in": "query",
    "required": True,
    "style": "form",
    "explode": True,
    "description": "Exactly one of card, phone, email, app_id (e.g. ?card=40023817).",
    "schema": {
        "oneOf": [
            {
                "type": "object",
                "properties": {key: {"type": "string", "minLength": 1, "maxLength": 254}},
                "required": [key],
                "additionalProperties": False,
            }
            for key in LOOKUP_KEYS
        ]
    },
}
Hidden = Annotated[str | None, Query(max_length=254, include_in_schema=False)]


@router.get(
    "/customers/lookup",
    responses=documented(200, R.Customer),
    openapi_extra={"parameters": [_LOOKUP_PARAMETER]},
)
def lookup(
    request: Request,
    caller: Auth,
    svc: Svc,
    card: Hidden = None,
    phone: Hidden = None,
    email: Hidden = None,
    app_id: Hidden = None,
) -> dict[str, Any]:
    given = {
        k: v
        for k, v in {"card": card, "phone": phone, "email": email, "app_id": app_id}.items()
        if v is not None
    }
    unknown = set(request.query_params) - set(LOOKUP_KEYS)
    if len(given) != 1 or unknown or not next(iter(given.values())):
        raise InvalidRequest("Give exactly one of card, phone, email, app_id", field="query")
    ((by, value),) = given.items()
    return svc.lookup(caller, by, value)


@router.get("/customers/{customer_id}/transactions", responses=documented(200, R.Transactions))
def transactions(
    customer_id: TransactionId,
    caller: Auth,
    svc: Svc,
    limit: Annotated[int, Query(gt=0, le=500)] = 100,
) -> dict[str, Any]:
    return svc.transactions(caller, customer_id, limit)


@router.post("/earn", status_code=201, responses=documented(201, R.EarnResult))
def earn(body: EarnRequest, caller: Auth, svc: Svc) -> JSONResponse:
    status, out = svc.run("earn", caller, body)
    return JSONResponse(out, status_code=status)


@router.post("/otp", status_code=201, responses=documented(201, R.OtpChallenge))
def request_otp(body: OtpRequest, caller: Auth, svc: Svc) -> JSONResponse:
    return _created(svc.request_otp(caller, body))


@router.post("/redeem", status_code=201, responses=documented(201, R.RedeemResult))
def redeem(body: RedeemRequest, caller: Auth, svc: Svc) -> JSONResponse:
    status, out = svc.run("redeem", caller, body)
    return JSONResponse(out, status_code=status)


@router.post(
    "/transactions/{transaction_id}/reverse",
    status_code=201,
    responses=documented(201, R.ReverseResult),
)
def reverse(
    transaction_id: TransactionId, body: ReverseRequest, caller: Auth, svc: Svc
) -> JSONResponse:
    status, out = svc.run("reverse", caller, body, transaction_id)
    return JSONResponse(out, status_code=status)


@router.post("/claims", status_code=201, responses=documented(201, R.EarnResult))
def claim(body: ClaimRequest, caller: Auth, svc: Svc) -> JSONResponse:
    status, out = svc.run("claim", caller, body)
    return JSONResponse(out, status_code=status)


@router.post("/ops", responses=documented(200, R.OpsResult))
def ops(body: OpsRequest, caller: Auth, svc: Svc) -> dict[str, Any]:
    return {"results": svc.run_batch(caller, body.ops)}


@router.post("/ops/status", responses=documented(200, R.OpsStatusResult))
def ops_status(body: OpsStatusRequest, caller: Auth, svc: Svc) -> dict[str, Any]:
    """Each op's state, in request order: ``applied`` (with its original result),
    ``cancelled``, or ``unknown`` (never received, or lost with a restored database)."""
    return {"ops": svc.op_states(caller, body.op_ids)}


@router.post("/ops/{op_id}/cancel", responses=documented(200, R.OpCancelResult))
def cancel_op(
    op_id: Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._:\-]+$")],
    caller: Auth,
    svc: Svc,
) -> dict[str, Any]:
    """Settle an op for good (idempotent, no body): ``cancelled`` if it was not applied (its
    op_id is then refused for ever with 409 ``op_cancelled``), else ``applied`` with its
    original result."""
    return svc.cancel_op(caller, op_id)


@router.get("/reports/redemptions", responses=documented(200, R.RedemptionsReport))
def redemptions_report(
    caller: Auth, svc: Svc, period: Period, group: Literal["day", "customer"] = "day"
) -> dict[str, Any]:
    return svc.redemptions_report(caller, *period, group)


@router.get("/reports/shift", responses=documented(200, R.ShiftReport))
def shift_report(caller: Auth, svc: Svc, period: Period) -> dict[str, Any]:
    return svc.shift_report(caller, *period)


@router.get("/audit", responses=documented(200, R.AuditTrail))
def audit_trail(caller: Auth, svc: Svc, period: Period) -> dict[str, Any]:
    """Who changed the store's rules (OTP policy, card programs), with the approving manager."""
    return svc.audit_trail(caller, *period)


@router.put("/policy", responses=documented(200, R.Policy))
def put_policy(body: PolicyRequest, caller: Auth, svc: Svc) -> dict[str, Any]:
    return svc.set_policy(caller, body)


@router.post("/customers/{customer_id}/otp-unlock", responses=documented(200, R.OtpUnlockResult))
def otp_unlock(
    customer_id: TransactionId, body: OtpUnlock, caller: Auth, svc: Svc
) -> dict[str, Any]:
    """A manager lifts the block on redemptions by code that too many wrong codes set."""
    return svc.unlock_otp(caller, customer_id, body)


@router.post("/staff/verify", responses=documented(200, R.StaffResult))
def verify_staff(body: StaffVerify, caller: Auth, svc: Svc) -> dict[str, Any]:
    return svc.verify_staff(caller, body)


@router.put("/programs/{name}", responses=documented(200, R.Program))
def put_program(
    name: Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")],
    body: ProgramPut,
    caller: Auth,
    svc: Svc,
) -> JSONResponse:
    created, out = svc.put_program(caller, name, body)
    return JSONResponse(out, status_code=201 if created else 200)


@router.get("/programs", responses=documented(200, R.Programs))
def list_programs(caller: Auth, svc: Svc) -> dict[str, Any]:
    return svc.list_programs(caller)


@router.post("/cards", status_code=201, responses=documented(201, R.CardsResult))
def register_cards(body: CardsRegister, caller: Auth, svc: Svc) -> JSONResponse:
    return _created(svc.register_cards(caller, body))
