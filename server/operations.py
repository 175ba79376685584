"""Ledger operations, exactly once per ``op_id``: one by one, or a whole ``/v1/ops`` batch.

A single endpoint (``POST /v1/earn`` ...) runs one operation in one write transaction. A
batch runs all its operations in *one* write transaction with a SAVEPOINT around each:

- One commit, so one fsync for the batch instead of one per operation. With WAL and
  ``synchronous=FULL`` "the WAL file is synced after each transaction commit"
  (https://sqlite.org/pragma.html#pragma_synchronous): that sync was the replay's cost.
- Each operation still stands alone: a refused one rolls back to its own savepoint
  (https://sqlite.org/lang_savepoint.html), which undoes its writes only; the ones before
  and after it keep theirs, and its refusal is its result, as if it had been sent alone.
- The same code path as the single endpoints (``apply``): idempotency record and effect in
  the same (sub)transaction, so an ``op_id`` repeated inside a batch, or a retried batch,
  finds the first record and has no second effect.
- Other requests serialise against the batch as against any write (``BEGIN IMMEDIATE`` and
  the in-process write lock in ``db``), so balances stay exact under concurrency.
- On PostgreSQL writers run side by side instead: each op_id is decided under an advisory
  lock (``db.lock_keys``), and a batch locks all its op_ids and then its accounts (lowest id
  first) before its first operation, so batches never deadlock on each other (issue 14).

Parsing, validation and hashing happen before the write lock is taken; SMS go out after the
commit, never for an operation that did not happen. The time the request arrived is taken
before the lock too and stored with each entry (``received_at``), next to the till's own
``occurred_at``, so a till whose clock is off can be told from a late replay.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Engine

from server import approval_proof, ledger, receipt_claims, registration_op, returns
from server.accounts import Stores, lock_customers
from server.context import Caller, Limits
from server.db import Clock, in_savepoint, iso, lock_keys, pepper_of, write
from server.errors import InvalidRequest, ServerError, Unavailable
from server.idempotency import body_hash, op_key, recall, remember
from server.models import (
    ClaimRequest,
    CustomerCreate,
    EarnRequest,
    OpItem,
    RedeemRequest,
    ReturnRequest,
    ReverseOp,
    ReverseRequest,
    describe_errors,
)
from server.ordering import orders as table_orders
from server.ordering.models import OrderCancelOp, OrderPaidOp
from server.sms import Sms, SmsGateway

log = logging.getLogger("server.operations")

OP_MODELS: dict[str, type[BaseModel]] = {
    "earn": EarnRequest,
    "redeem": RedeemRequest,
    "reverse": ReverseOp,
    "claim": ClaimRequest,
    receipt_claims.KIND: receipt_claims.ReceiptClaimRequest,  # issue 17: a receipt's own code
    "return": ReturnRequest,  # issue 16: goods back, points back (server/returns.py)
    "order_paid": OrderPaidOp,  # issue 18: a table order paid (server/ordering/orders.py)
    "order_cancel": OrderCancelOp,  # issue 18: a table order cancelled at a till
    registration_op.KIND: CustomerCreate,  # issue 11: a member registered while offline
}


def validation_error(exc: ValidationError, prefix: str = "") -> InvalidRequest:
    """A pydantic error as ``invalid_request`` naming the first offending field."""
    message, field_ = describe_errors(
        list(exc.errors(include_url=False, include_input=False)), prefix
    )
    return InvalidRequest(message, code="invalid_request", field=field_)


@dataclass(frozen=True)
class Op:
    """A validated operation and its idempotency key and body hash."""

    kind: str
    op_id: str
    digest: str
    req: BaseModel
    transaction_id: int | None = None


@dataclass
class Applied:
    status: int
    body: dict[str, Any]
    sms: list[Sms] = field(default_factory=list)


def prepare(kind: str, caller: Caller, req: BaseModel, transaction_id: int | None = None) -> Op:
    payload = req.model_dump(mode="json", exclude={"transaction_id"})
    scope = {"store": caller.store_id, "transaction_id": transaction_id}
    return Op(kind, payload["op_id"], body_hash(kind, scope, payload), req, transaction_id)


def prepare_item(caller: Caller, item: OpItem) -> Op:
    """A ``/v1/ops`` item as the request its single endpoint would have received."""
    raw = dict(item.body)
    raw.setdefault("op_id", item.op_id)
    if raw["op_id"] != item.op_id:
        raise InvalidRequest("body.op_id: differs from the op's op_id", field="body.op_id")
    try:
        req = OP_MODELS[item.kind].model_validate(raw)
    except ValidationError as exc:
        raise validation_error(exc, "body.") from None
    if isinstance(req, ReverseOp):
        plain = ReverseRequest.model_validate(req.model_dump(exclude={"transaction_id"}))
        return prepare("reverse", caller, plain, req.transaction_id)
    if isinstance(req, CustomerCreate):  # the record POST /v1/customers keeps (issue 11)
        return Op(registration_op.RECORD_KIND, item.op_id, registration_op.digest(req), req)
    return prepare(item.kind, caller, req)


@dataclass
class Runner:
    """Applies prepared operations for one backend (engine, SMS, clock, limits)."""

    engine: Engine
    sms: SmsGateway
    clock: Clock
    limits: Limits

    def run(self, caller: Caller, op: Op) -> tuple[int, dict[str, Any]]:
        """One operation in its own write transaction; returns (status, body)."""
        received = iso(self.clock.now())
        applied = write(
            self.engine, lambda conn: self.apply(conn, caller, op, Stores(conn), received)
        )
        self._deliver(op, applied.sms)
        return applied.status, applied.body

    def run_batch(self, caller: Caller, items: list[OpItem]) -> list[dict[str, Any]]:
        """All operations in one write transaction, a savepoint each; results in order."""
        received = iso(self.clock.now())
        prepared: list[Op | ServerError] = []
        for item in items:
            try:
                prepared.append(prepare_item(caller, item))
            except ServerError as exc:
                prepared.append(exc)

        def tx(conn: Connection) -> list[tuple[Op | ServerError, Applied]]:
            stores = Stores(conn)
            done: list[tuple[Op | ServerError, Applied]] = []
            ops = [op for op in prepared if isinstance(op, Op)]
            # Every lock the batch will need, up front and in one order (op ids, then
            # accounts by id): batches that share some never wait on each other in a circle.
            lock_keys(conn, *(op_key(caller.merchant_id, op.op_id) for op in ops))
            lock_customers(conn, caller.merchant_id, _customers_of(conn, ops))
            for op in prepared:
                if isinstance(op, ServerError):
                    done.append((op, Applied(op.status, op.body())))
                    continue
                try:
                    applied = in_savepoint(
                        conn,
                        partial(
                            self.apply, caller=caller, op=op, stores=stores, received_at=received
                        ),
                    )
                except ServerError as exc:
                    applied = Applied(exc.status, exc.body())
                done.append((op, applied))
            return done

        done = write(self.engine, tx)
        for op, applied in done:
            if isinstance(op, Op):
                self._deliver(op, applied.sms)
        return [
            {"op_id": item.op_id, "status": applied.status, "body": applied.body}
            for item, (_op, applied) in zip(items, done, strict=True)
        ]

    def apply(
        self, conn: Connection, caller: Caller, op: Op, stores: Stores, received_at: str
    ) -> Applied:
        """The operation's effect and its idempotency record, or the recorded answer.

        The record is the merchant's: another merchant's op with this op_id is unrelated.
        """
        merchant = caller.merchant_id
        # Decided under a lock on the op_id (PostgreSQL): a concurrent send of the same op
        # waits for this one to commit, then finds its record and replays it (issue 14,
        # finding 1: it used to miss the uncommitted record and hit the receipt instead).
        lock_keys(conn, op_key(merchant, op.op_id))
        prev = recall(conn, merchant, op.op_id, op.kind, op.digest)
        if prev is not None:
            return Applied(prev[0], prev[1])
        # Bound to this op: a re-sent op's approval proof is checked against it, and the
        # manager who approved it (PIN or proof) gets a proof in the answer (issue 11).
        with approval_proof.bound(merchant, op.op_id, op.digest) as binding:
            outcome = self._effect(conn, caller, op, stores, received_at)
        proof = approval_proof.proof_of(pepper_of(conn), binding)
        if proof is not None:
            outcome.body["approval_proof"] = proof
        now = iso(self.clock.now())
        remember(conn, merchant, op.op_id, op.kind, op.digest, 201, outcome.body, now)
        return Applied(201, outcome.body, outcome.sms)

    def _effect(
        self, conn: Connection, caller: Caller, op: Op, stores: Stores, received_at: str
    ) -> ledger.Outcome:
        req, at = op.req, received_at
        if isinstance(req, EarnRequest):
            return ledger.earn(conn, caller, req, self.clock, stores, received_at=at)
        if isinstance(req, RedeemRequest):
            return ledger.redeem(conn, caller, req, self.clock, self.limits, stores, received_at=at)
        if isinstance(req, ClaimRequest):
            return ledger.claim(conn, caller, req, self.clock, self.limits, stores, received_at=at)
        if isinstance(req, receipt_claims.ReceiptClaimRequest):
            return receipt_claims.claim_by_token(
                conn, caller, req, self.clock, stores, received_at=at
            )
        if isinstance(req, ReturnRequest):
            return returns.apply(conn, caller, req, self.clock, stores, received_at=at)
        if isinstance(req, OrderPaidOp):
            return table_orders.mark_paid(conn, caller, req, self.clock)
        if isinstance(req, OrderCancelOp):
            return table_orders.cancel_op(conn, caller, req, self.clock)
        if isinstance(req, CustomerCreate):
            return registration_op.apply(conn, caller, req, self.clock)
        if isinstance(req, ReverseRequest) and op.transaction_id is not None:
            return ledger.reverse(
                conn, caller, op.transaction_id, req, self.clock, self.limits, received_at=at
            )
        raise InvalidRequest(f"kind: unknown operation {op.kind!r}", field="kind")

    def _deliver(self, op: Op, messages: list[Sms]) -> None:
        for message in messages:
            try:
                self.sms.send(message)
            except Unavailable:
                # The points are booked; a lost courtesy SMS must not turn that into an error.
                log.warning("%s SMS not delivered for op %s", op.kind, op.op_id)


def _customers_of(conn: Connection, ops: list[Op]) -> set[int]:
    """The accounts a batch's operations touch: named, or those of the entries reversed."""
    ids = {c for op in ops if isinstance(c := getattr(op.req, "customer_id", None), int)}
    reversed_ = {op.transaction_id for op in ops if op.transaction_id is not None}
    if reversed_ and conn.dialect.name == "postgresql":
        from sqlalchemy import select

        from server.schema import ledger as entries

        found = select(entries.c.customer_id).where(entries.c.id.in_(sorted(reversed_)))
        ids.update(int(c) for c in conn.execute(found).scalars())
    return ids
