"""The backend's use cases, each one transaction, shared by HTTP routes, ``/v1/ops``, the
CLI and the demo seeding, so a replayed operation takes exactly the same path as a live one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Engine

from server import accounts, approval, customers, ledger, otp, reports
from server.context import Caller, Limits
from server.db import Clock, iso, read, write
from server.errors import Conflict, InvalidRequest, ServerError, Unavailable
from server.idempotency import body_hash, recall, remember
from server.models import (
    ClaimRequest,
    CustomerCreate,
    EarnRequest,
    OpItem,
    OtpRequest,
    PolicyRequest,
    RedeemRequest,
    ReverseOp,
    ReverseRequest,
    StaffVerify,
    describe_errors,
)
from server.sms import NullGateway, SmsGateway

log = logging.getLogger("server.service")

OP_MODELS: dict[str, type[BaseModel]] = {
    "earn": EarnRequest,
    "redeem": RedeemRequest,
    "reverse": ReverseOp,
    "claim": ClaimRequest,
}


def validation_error(exc: ValidationError, prefix: str = "") -> InvalidRequest:
    """A pydantic error as ``invalid_request`` naming the first offending field."""
    message, field = describe_errors(
        list(exc.errors(include_url=False, include_input=False)), prefix
    )
    return InvalidRequest(message, code="invalid_request", field=field)


@dataclass
class Backend:
    engine: Engine
    sms: SmsGateway = field(default_factory=NullGateway)
    clock: Clock = field(default_factory=Clock)
    limits: Limits = field(default_factory=Limits)

    # -- identity -------------------------------------------------------------------------
    def authenticate(self, key: str) -> Caller:
        return read(self.engine, lambda c: accounts.authenticate(c, key))

    def session(self, caller: Caller) -> dict[str, Any]:
        now = iso(self.clock.now())
        return read(
            self.engine, lambda c: accounts.session_json(c, caller, self.limits.otp_ttl_s, now)
        )

    def verify_staff(self, caller: Caller, req: StaffVerify) -> dict[str, Any]:
        member = write(
            self.engine,
            lambda c: approval.verify_staff(
                c, caller.store_id, req.staff, req.pin, self.clock, self.limits
            ),
        )
        return {"staff": member.name, "role": member.role}

    def set_policy(self, caller: Caller, req: PolicyRequest) -> dict[str, Any]:
        def tx(conn: Connection) -> dict[str, Any]:
            approval.require_manager(conn, caller.store_id, req.approval, self.clock, self.limits)
            accounts.set_policy(conn, caller.store_id, req.otp_required, Decimal(req.otp_min_value))
            return accounts.policy_json(accounts.store_settings(conn, caller.store_id))

        return write(self.engine, tx)

    # -- customers ------------------------------------------------------------------------
    def create_customer(self, req: CustomerCreate) -> dict[str, Any]:
        now = iso(self.clock.now())
        if req.op_id is None:
            return write(self.engine, lambda c: customers.create_customer(c, req, now))
        digest = body_hash("customer", {}, req.model_dump(mode="json"))
        op_id = req.op_id

        def tx(conn: Connection) -> dict[str, Any]:
            prev = recall(conn, op_id, "customer", digest)
            if prev is not None:
                return prev[1]
            body = customers.create_customer(conn, req, now)
            remember(conn, op_id, "customer", digest, 201, body, now)
            return body

        return write(self.engine, tx)

    def lookup(self, by: str, value: str) -> dict[str, Any]:
        return read(self.engine, lambda c: customers.lookup(c, by, value))

    def transactions(self, customer_id: int, limit: int) -> dict[str, Any]:
        return read(self.engine, lambda c: customers.transactions_json(c, customer_id, limit))

    # -- OTP ------------------------------------------------------------------------------
    def request_otp(self, caller: Caller, req: OtpRequest) -> dict[str, Any]:
        def tx(conn: Connection) -> Any:
            store = accounts.store_settings(conn, caller.store_id)
            customer = ledger.customer_for_update(conn, req.customer_id)
            if customer.status != "active":
                raise Conflict("This customer's account is inactive", code="customer_inactive")
            if customer.balance < req.points:
                raise Conflict(
                    f"Not enough points: the balance is {customer.balance}",
                    code="insufficient_points",
                    balance=customer.balance,
                )
            return otp.request_code(
                conn, caller, customer, req.points, store.name, self.clock, self.limits
            )

        body, message = write(self.engine, tx)
        # Sent after commit: a code is never delivered for a challenge that does not exist.
        # If delivery fails the challenge stays, and the cashier's "send again" resends it.
        self.sms.send(message)
        return dict(body)

    # -- ledger operations (idempotent) ---------------------------------------------------
    def run(
        self, kind: str, caller: Caller, req: BaseModel, transaction_id: int | None = None
    ) -> tuple[int, dict[str, Any]]:
        """One ledger write, exactly once per ``op_id``; returns (status, body)."""
        payload = req.model_dump(mode="json", exclude={"transaction_id"})
        scope = {"store": caller.store_id, "transaction_id": transaction_id}
        digest = body_hash(kind, scope, payload)
        op_id: str = payload["op_id"]

        def tx(conn: Connection) -> tuple[int, dict[str, Any], list[Any]]:
            prev = recall(conn, op_id, kind, digest)
            if prev is not None:
                return prev[0], prev[1], []
            outcome = self._effect(conn, kind, caller, req, transaction_id)
            remember(conn, op_id, kind, digest, 201, outcome.body, iso(self.clock.now()))
            return 201, outcome.body, outcome.sms

        status, body, messages = write(self.engine, tx)
        for message in messages:
            try:
                self.sms.send(message)
            except Unavailable:
                # The points are booked; a lost courtesy SMS must not turn that into an error.
                log.warning("%s SMS not delivered for op %s", kind, op_id)
        return status, body

    def _effect(
        self,
        conn: Connection,
        kind: str,
        caller: Caller,
        req: BaseModel,
        transaction_id: int | None,
    ) -> ledger.Outcome:
        if isinstance(req, EarnRequest):
            return ledger.earn(conn, caller, req, self.clock)
        if isinstance(req, RedeemRequest):
            return ledger.redeem(conn, caller, req, self.clock, self.limits)
        if isinstance(req, ClaimRequest):
            return ledger.claim(conn, caller, req, self.clock, self.limits)
        if isinstance(req, ReverseRequest) and transaction_id is not None:
            return ledger.reverse(conn, caller, transaction_id, req, self.clock, self.limits)
        raise InvalidRequest(f"kind: unknown operation {kind!r}", field="kind")

    def run_batch(self, caller: Caller, items: list[OpItem]) -> list[dict[str, Any]]:
        """Each op on its own (own transaction, own outcome); one failure stops nothing."""
        results = []
        for item in items:
            try:
                status, body = self._run_item(caller, item)
            except ServerError as exc:
                status, body = exc.status, exc.body()
            results.append({"op_id": item.op_id, "status": status, "body": body})
        return results

    def _run_item(self, caller: Caller, item: OpItem) -> tuple[int, dict[str, Any]]:
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
            return self.run("reverse", caller, plain, req.transaction_id)
        return self.run(item.kind, caller, req)

    # -- reports --------------------------------------------------------------------------
    def redemptions_report(
        self, caller: Caller, start: str, end: str, group: str
    ) -> dict[str, Any]:
        return read(
            self.engine, lambda c: reports.redemptions(c, caller.store_id, start, end, group)
        )

    def shift_report(self, caller: Caller, start: str, end: str) -> dict[str, Any]:
        return read(self.engine, lambda c: reports.shift(c, caller.till_id, start, end))
