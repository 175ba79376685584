"""Writing one ledger entry: the customer locked, the checks every entry shares, the entry
appended and the cached balance moved by the same amount (``server.ledger`` and the modules
built on it -- returns, receipt-token claims -- all write through here).

Why one place: the balance column is a cache of the ledger's sum and of the live lots
(issue 16); an entry written any other way would let the three drift apart. Balances never
go negative: checked by every caller, asserted in :func:`append`, and a CHECK constraint in
the schema is the last line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from server import lots
from server.db import Clock, inserted_id
from server.errors import Conflict, InvalidRequest, NotFound
from server.schema import customers, ledger, receipts
from server.sms import Sms

FUTURE_TOLERANCE = timedelta(hours=24)

# The hot path's statements, built once: SQLAlchemy memoises the cache key on a statement
# object, so executing a prebuilt one with parameters skips building it and walking it for
# its cache key on every operation (most of the per-operation CPU in a replayed batch).
_CUSTOMER_FOR_UPDATE = (
    select(customers)
    .where(
        customers.c.id == bindparam("customer_id"),
        customers.c.merchant_id == bindparam("merchant_id"),
    )
    .with_for_update()
)
_INSERT_ENTRY = insert(ledger)
_SET_BALANCE = (
    update(customers)
    .where(customers.c.id == bindparam("customer_id"))
    .values(balance=bindparam("new_balance"))
)
_RECEIPT_OWNER = select(receipts.c.transaction_id).where(
    receipts.c.store_id == bindparam("store_id"),
    receipts.c.receipt_no == bindparam("receipt_no"),
)
_INSERT_RECEIPT = insert(receipts)


@dataclass
class Outcome:
    body: dict[str, Any]
    sms: list[Sms] = field(default_factory=list)


def points_for(amount: Decimal, points_per_unit: Decimal) -> int:
    """Whole points for a sale, rounded down (seed 004: 32.00 -> 32 points)."""
    return int((amount * points_per_unit).to_integral_value(rounding=ROUND_DOWN))


def value_of(points: int, point_value: Decimal) -> Decimal:
    """Money value of points, rounded down to the cent: never pay out more than they are worth."""
    return (points * point_value).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def customer_for_update(conn: Connection, customer_id: int, merchant_id: int) -> Any:
    """The merchant's customer, locked (another merchant's id is ``not_found``, issue 13)."""
    row = conn.execute(
        _CUSTOMER_FOR_UPDATE, {"customer_id": customer_id, "merchant_id": merchant_id}
    ).first()
    if row is None:
        raise NotFound("No such customer", code="not_found", customer_id=customer_id)
    return row


def settled_customer(conn: Connection, customer_id: int, merchant_id: int, clock: Clock) -> Any:
    """The customer locked, with points past their expiry written off first (issue 16)."""
    return lots.settle(conn, customer_for_update(conn, customer_id, merchant_id), clock.now())


def require_active(customer: Any) -> None:
    """An inactive account neither earns nor spends."""
    if customer.status != "active":
        raise Conflict(
            "This customer's account is inactive: it cannot earn or spend points",
            code="customer_inactive",
        )


def append(
    conn: Connection, customer: Any, *, takes_first: int | None = None, **values: Any
) -> tuple[int, int]:
    """Appends one entry (``values``: its ledger columns) and moves the balance; returns the
    entry's id and the new balance. ``takes_first``: for an entry taking points back from a
    sale (reversal, return), that sale's entry id, whose own lot it uses first (issue 16)."""
    balance = int(customer.balance) + int(values["points"])
    if balance < 0:  # pragma: no cover - every caller checks first; this is the invariant
        raise Conflict("Not enough points", code="insufficient_points", balance=customer.balance)
    entry_id = inserted_id(conn.execute(_INSERT_ENTRY, {"customer_id": customer.id, **values}))
    conn.execute(_SET_BALANCE, {"customer_id": customer.id, "new_balance": balance})
    lots.on_entry(conn, customer, entry_id, values, takes_first=takes_first)
    return entry_id, balance


def claim_receipt(conn: Connection, store_id: int, receipt_no: str, entry_id: int) -> None:
    """Marks the store's receipt as having earned (by ``entry_id``): points once per receipt."""
    conn.execute(
        _INSERT_RECEIPT,
        {"store_id": store_id, "receipt_no": receipt_no, "transaction_id": entry_id},
    )


def require_receipt_free(conn: Connection, store_id: int, receipt_no: str) -> None:
    """409 ``receipt_already_claimed`` when the store's receipt has earned already."""
    row = conn.execute(_RECEIPT_OWNER, {"store_id": store_id, "receipt_no": receipt_no}).first()
    if row is not None:
        raise Conflict(
            "Points were already given for this receipt",
            code="receipt_already_claimed",
            transaction_id=row.transaction_id,
        )


def require_not_future(t: datetime | None, clock: Clock) -> None:
    """A till's clock may run up to a day ahead (issue 11); further is a bad request."""
    if t is not None and t > clock.now() + FUTURE_TOLERANCE:
        raise InvalidRequest(
            "occurred_at: must not be more than 24 hours ahead of the server's clock",
            code="invalid_request",
            field="occurred_at",
        )
