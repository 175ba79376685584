"""``POST /v1/claims/receipt``: a member claims a receipt's points with its claim QR code.

Thin like :mod:`server.routes`: the rules are in :mod:`server.receipt_claims`; the write goes
through the same exactly-once runner as every ledger operation (``op_id``), and the same op
kind ``receipt_claim`` is accepted in ``POST /v1/ops`` for a till replaying its journal.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from server import responses as R
from server.receipt_claims import KIND, ReceiptClaimRequest
from server.responses import documented
from server.routes import Auth, Svc

router = APIRouter(prefix="/v1")


@router.post("/claims/receipt", status_code=201, responses=documented(201, R.EarnResult))
def claim_receipt(body: ReceiptClaimRequest, caller: Auth, svc: Svc) -> JSONResponse:
    """The receipt's points, no manager needed: the token's signature proves the receipt.

    409 ``receipt_already_claimed`` (it earned already), 409 ``claim_token_expired`` (past
    the store's claim period), 422 ``claim_token_invalid`` (forged, altered or unknown key).
    """
    status, out = svc.run(KIND, caller, body)
    return JSONResponse(out, status_code=status)
