"""Claim keys of the tills, and a receipt's points claimed by its signed token (issue 17).

Why no manager approval: a missed-points claim (``POST /v1/claims``) needs a manager
because nothing proves the receipt; a claim token does — it was signed by the till's own
claim key when the receipt was printed (:mod:`server.claim_tokens`). The rules are the
ledger's: the entry is a ``claim`` of the receipt's amount in the receipt's store, earning
what an earn of it would have when it was printed (type, campaigns; docs/rules.md), so a
receipt earns once (``receipt_already_claimed``), and reversing the entry, or returning the
receipt, covers these points like any other claim. A token is good for the store's claim
period (``claim_periods``, default 30 days) after its receipt was printed.

Every refusal of a token that is not ours — malformed, altered, signed with an unknown,
revoked or another merchant's key — is the same ``422 claim_token_invalid``: a forger learns
nothing about which part failed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from pydantic import StringConstraints
from sqlalchemy import Connection, insert, select, update

from server import claim_tokens, earning, entries
from server.accounts import Stores, ensure_store, ensure_till, store_id_of
from server.claim_tokens import ClaimKey, TokenError
from server.context import Caller
from server.db import Clock, inserted_id, iso
from server.errors import Conflict, InvalidRequest, NotFound
from server.models import Body, Id, OpId
from server.schema import claim_keys, claim_periods, stores, tills
from server.sms import Sms
from server.sms_texts import sms_text, store_locale_of

DEFAULT_CLAIM_DAYS = 30
KIND = "receipt_claim"

Token = Annotated[
    str, StringConstraints(min_length=8, max_length=600, pattern=r"^LTC\.[A-Za-z0-9_\-]+$")
]


class ReceiptClaimRequest(Body):
    """``POST /v1/claims/receipt`` (and op kind ``receipt_claim``)."""

    op_id: OpId
    customer_id: Id
    token: Token


# -- keys ---------------------------------------------------------------------------------


def issue_key(
    conn: Connection, store: str, till: str, clock: Clock, merchant: str | None = None
) -> ClaimKey:
    """A new claim key for ``store``/``till`` (created if new); its text is shown once.

    Earlier keys of the till stay valid: receipts they signed may still be claimed."""
    till_id = ensure_till(conn, ensure_store(conn, store, merchant=merchant), till)
    provisional = ClaimKey.generate(0, store, till)
    result = conn.execute(
        insert(claim_keys).values(
            till_id=till_id, secret=provisional.secret.hex(), created_at=iso(clock.now())
        )
    )
    return ClaimKey(inserted_id(result), store, till, provisional.secret)


def revoke_keys(conn: Connection, store: str, till: str, clock: Clock) -> int:
    """Revokes every claim key of the till (a stolen till): its tokens stop verifying."""
    row = conn.execute(
        select(tills.c.id).where(tills.c.store_id == store_id_of(conn, store), tills.c.code == till)
    ).first()
    if row is None:
        raise NotFound(f"No till {till!r} in store {store!r}", code="not_found")
    result = conn.execute(
        update(claim_keys)
        .where(claim_keys.c.till_id == row.id, claim_keys.c.revoked_at.is_(None))
        .values(revoked_at=iso(clock.now()))
    )
    return int(result.rowcount)


def set_claim_days(conn: Connection, store: str, days: int) -> None:
    if not 1 <= days <= 3650:
        raise InvalidRequest("days: must be 1 to 3650", field="days")
    store_id = store_id_of(conn, store)
    conn.execute(claim_periods.delete().where(claim_periods.c.store_id == store_id))
    conn.execute(insert(claim_periods).values(store_id=store_id, days=days))


def claim_days(conn: Connection, store_id: int) -> int:
    row = conn.execute(
        select(claim_periods.c.days).where(claim_periods.c.store_id == store_id)
    ).first()
    return int(row.days) if row is not None else DEFAULT_CLAIM_DAYS


def _invalid() -> InvalidRequest:
    return InvalidRequest(
        "This receipt's code is not valid: it was not printed by one of our tills, or it was "
        "changed",
        code="claim_token_invalid",
        field="token",
    )


def verified(conn: Connection, caller: Caller, token: str) -> tuple[claim_tokens.Claim, int]:
    """The token's claim and the id of the receipt's store, or ``claim_token_invalid``."""
    try:
        claim = claim_tokens.peek(token)
    except TokenError:
        raise _invalid() from None
    row = conn.execute(
        select(
            claim_keys.c.secret,
            claim_keys.c.revoked_at,
            tills.c.code.label("till"),
            stores.c.id.label("store_id"),
            stores.c.code.label("store"),
            stores.c.merchant_id,
        )
        .join(tills, tills.c.id == claim_keys.c.till_id)
        .join(stores, stores.c.id == tills.c.store_id)
        .where(claim_keys.c.id == claim.key_id)
    ).first()
    if row is None or row.revoked_at is not None or row.merchant_id != caller.merchant_id:
        raise _invalid()
    try:
        claim = claim_tokens.verify(token, bytes.fromhex(row.secret))
    except TokenError:
        raise _invalid() from None
    if (claim.store, claim.till) != (row.store, row.till):
        raise _invalid()
    return claim, int(row.store_id)


# -- the claim ----------------------------------------------------------------------------


def claim_by_token(
    conn: Connection,
    caller: Caller,
    req: ReceiptClaimRequest,
    clock: Clock,
    stores_: Stores,
    *,
    received_at: str | None = None,
) -> entries.Outcome:
    """The receipt's points to the member, once, within the store's claim period."""
    claim, store_id = verified(conn, caller, req.token)
    now = clock.now()
    if claim.issued_at > now + entries.FUTURE_TOLERANCE:
        raise _invalid()
    days = claim_days(conn, store_id)
    if now > claim.issued_at + timedelta(days=days):
        raise Conflict(
            f"This receipt can no longer be claimed: receipts are claimed within {days} days",
            code="claim_token_expired",
            claim_days=days,
        )
    store = stores_.settings(store_id)
    customer = entries.customer_for_update(conn, req.customer_id, caller.merchant_id)
    entries.require_active(customer)
    entries.require_receipt_free(conn, store_id, claim.receipt_no)
    # The rules of an earn of that sale when it was rung up (docs/rules.md, "Claims"): the
    # token carries no lines, so the amount is one uncategorised line.
    earned = earning.evaluate_sale(
        conn,
        caller.merchant_id,
        store,
        customer.id,
        [earning.SaleLine(1, claim.amount, None, None)],
        claim.issued_at,
    )
    points = earned.points
    stamp = iso(now)
    entry_id, balance = entries.append(
        conn,
        customer,
        store_id=store_id,
        till_id=caller.till_id,
        kind="claim",
        points=points,
        amount=f"{claim.amount:.2f}",
        receipt_no=claim.receipt_no,
        occurred_at=iso(claim.issued_at),
        received_at=received_at or stamp,
        created_at=stamp,
        op_id=req.op_id,
        reason="claimed with the receipt's code",
    )
    entries.claim_receipt(conn, store_id, claim.receipt_no, entry_id)
    earning.record(conn, entry_id, earned, store_id, claim.receipt_no)
    text = sms_text(
        "receipt_claim",
        store_locale_of(store),
        store=store.name,
        points=points,
        receipt=claim.receipt_no,
        balance=balance,
    )
    return entries.Outcome(
        {
            "transaction_id": entry_id,
            "points": points,
            "balance": balance,
            "receipt_no": claim.receipt_no,
            "store": claim.store,
            "amount": f"{claim.amount:.2f}",
        },
        [Sms(customer.phone, text)],
    )
