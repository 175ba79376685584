"""A member's registration as a journaled operation: ``POST /v1/ops`` kind ``registration``.

Why an operation at all: the till journals a registration first and sends it when it can
(issue 11, "one submission path"), so a registration made while the backend was out of
reach is replayed by the till's sync worker through ``POST /v1/ops`` like every other
operation. Its first attempt, online, is ``POST /v1/customers`` with the same body and the
same ``op_id``.

Why the same record for both routes: the replay of a registration whose first answer was
lost must find that first attempt's record and answer the same customer, not refuse the
phone number as a duplicate of itself. So both routes key the idempotency record alike: the
kind ``customer`` and the hash of the request as ``POST /v1/customers`` validates it, with
no store scope (a member belongs to the merchant, not to one store). A second registration
of the same phone with another op_id is refused (409 ``customer_exists``) on both routes.
"""

from __future__ import annotations

from sqlalchemy import Connection

from server import customers, phones
from server.context import Caller
from server.db import Clock, iso
from server.idempotency import body_hash
from server.ledger import Outcome
from server.models import CustomerCreate

#: The ``kind`` of a ``/v1/ops`` item.
KIND = "registration"
#: The kind of its idempotency record (``server.service.Backend.create_customer``'s).
RECORD_KIND = "customer"


def digest(req: CustomerCreate) -> str:
    """The body hash both routes record for a registration (see the module docstring)."""
    return body_hash(RECORD_KIND, {}, req.model_dump(mode="json"))


def apply(conn: Connection, caller: Caller, req: CustomerCreate, clock: Clock) -> Outcome:
    """Register the member (inside the caller's transaction or savepoint); no SMS."""
    region = phones.store_region(conn, caller.store_id)
    body = customers.create_customer(conn, caller.merchant_id, req, iso(clock.now()), region)
    return Outcome(body)
