"""The backend's use cases, each one transaction, shared by HTTP routes, ``/v1/ops``, the
CLI and the demo seeding, so a replayed operation takes exactly the same path as a live one
(a ``/v1/ops`` batch is one transaction with a savepoint per operation: ``operations``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Engine

from server import (
    accounts,
    approval,
    audit,
    customers,
    idempotency,
    ledger,
    operations,
    otp,
    phones,
    programs,
    reports,
    store_limits,
)
from server.context import Caller, Limits
from server.db import Clock, iso, lock_keys, read, write
from server.errors import Conflict
from server.idempotency import body_hash, op_key, recall, remember
from server.models import (
    CardsRegister,
    CustomerCreate,
    OpItem,
    OtpRequest,
    OtpUnlock,
    PolicyRequest,
    ProgramPut,
    RedeemRequest,
    StaffVerify,
)
from server.sms import NullGateway, SmsGateway
from server.sms_texts import store_locale_of


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

    def pins_checked(self, caller: Caller, *raw: Any) -> AbstractContextManager[None]:
        """The PINs of these approvals checked now, before the write lock (``approval``);
        public: the rules administration (``server.rules_admin``) approves through it too."""
        pairs = [p if isinstance(p, tuple) else approval.credentials(p) for p in raw]
        return approval.pins_checked(
            self.engine, caller.till_id, caller.store_id, pairs, self.clock, self.limits
        )

    def verify_staff(self, caller: Caller, req: StaffVerify) -> dict[str, Any]:
        with self.pins_checked(caller, (req.staff, req.pin)):
            member = write(
                self.engine,
                lambda c: approval.verify_staff(
                    c, caller.store_id, req.staff, req.pin, self.clock, self.limits
                ),
            )
        return {"staff": member.name, "role": member.role}

    def set_policy(self, caller: Caller, req: PolicyRequest) -> dict[str, Any]:
        def tx(conn: Connection) -> dict[str, Any]:
            member = approval.require_manager(
                conn, caller.store_id, req.approval, self.clock, self.limits
            )
            accounts.set_policy(conn, caller.store_id, req.otp_required, Decimal(req.otp_min_value))
            if "max_earn_amount" in req.model_fields_set:
                limit = req.max_earn_amount
                store_limits.set_max_earn(
                    conn, caller.store_id, None if limit is None else Decimal(limit)
                )
            policy = accounts.policy_json(conn, accounts.store_settings(conn, caller.store_id))
            audit.record(conn, caller, member, "policy", policy, iso(self.clock.now()))
            return policy

        with self.pins_checked(caller, req.approval):
            return write(self.engine, tx)

    # -- customers ------------------------------------------------------------------------
    def create_customer(self, caller: Caller, req: CustomerCreate) -> dict[str, Any]:
        now = iso(self.clock.now())
        merchant = caller.merchant_id
        if req.op_id is None:
            return write(
                self.engine,
                lambda c: customers.create_customer(
                    c, merchant, req, now, phones.store_region(c, caller.store_id)
                ),
            )
        digest = body_hash("customer", {}, req.model_dump(mode="json"))
        op_id = req.op_id

        def tx(conn: Connection) -> dict[str, Any]:
            # As a /v1/ops replay of this registration does (kind ``registration``): decided
            # under the op_id's lock, so the two never both miss the record (issue 11).
            lock_keys(conn, op_key(merchant, op_id))
            prev = recall(conn, merchant, op_id, "customer", digest)
            if prev is not None:
                return prev[1]
            region = phones.store_region(conn, caller.store_id)
            body = customers.create_customer(conn, merchant, req, now, region)
            remember(conn, merchant, op_id, "customer", digest, 201, body, now)
            return body

        return write(self.engine, tx)

    def lookup(self, caller: Caller, by: str, value: str) -> dict[str, Any]:
        return read(
            self.engine,
            lambda c: customers.lookup(
                c,
                caller.merchant_id,
                by,
                value,
                phones.store_region(c, caller.store_id),
                iso(self.clock.now()),  # issue 16: expiry and tier as of the backend's clock
            ),
        )

    def transactions(self, caller: Caller, customer_id: int, limit: int) -> dict[str, Any]:
        return read(
            self.engine,
            lambda c: customers.transactions_json(c, caller.merchant_id, customer_id, limit),
        )

    # -- OTP ------------------------------------------------------------------------------
    def request_otp(self, caller: Caller, req: OtpRequest) -> dict[str, Any]:
        def tx(conn: Connection) -> Any:
            store = accounts.store_settings(conn, caller.store_id)
            customer = ledger.customer_for_update(conn, req.customer_id, caller.merchant_id)
            if customer.status != "active":
                raise Conflict("This customer's account is inactive", code="customer_inactive")
            if customer.balance < req.points:
                raise Conflict(
                    f"Not enough points: the balance is {customer.balance}",
                    code="insufficient_points",
                    balance=customer.balance,
                )
            return otp.request_code(
                conn,
                caller,
                customer,
                req.points,
                store.name,
                self.clock,
                self.limits,
                locale=store_locale_of(store),  # issue 17: the SMS in the store's language
            )

        body, message = write(self.engine, tx)
        # Sent after commit: a code is never delivered for a challenge that does not exist.
        # If delivery fails the challenge stays, and the cashier's "send again" resends it.
        self.sms.send(message)
        return dict(body)

    def unlock_otp(self, caller: Caller, customer_id: int, req: OtpUnlock) -> dict[str, Any]:
        """Lifts the long-term block on redemptions by code (``otp.unlock``), audited."""

        def tx(conn: Connection) -> dict[str, Any]:
            member = approval.require_manager(
                conn, caller.store_id, req.approval, self.clock, self.limits
            )
            customer = ledger.customer_for_update(conn, customer_id, caller.merchant_id)
            now = iso(self.clock.now())
            otp.unlock(conn, customer.id, now)
            audit.record(conn, caller, member, "otp_unlock", {"customer_id": customer.id}, now)
            return {"customer_id": customer.id, "otp_blocked": False}

        with self.pins_checked(caller, req.approval):
            return write(self.engine, tx)

    # -- ledger operations (idempotent; see ``server.operations``) -----------------------
    def _runner(self) -> operations.Runner:
        # Built per call: tests swap ``clock`` and ``sms`` on a live backend.
        return operations.Runner(self.engine, self.sms, self.clock, self.limits)

    def run(
        self, kind: str, caller: Caller, req: BaseModel, transaction_id: int | None = None
    ) -> tuple[int, dict[str, Any]]:
        """One ledger write, exactly once per ``op_id``; returns (status, body)."""
        with self.pins_checked(caller, getattr(req, "approval", None)):
            status, body = self._runner().run(
                caller, operations.prepare(kind, caller, req, transaction_id)
            )
        if status == 201 and isinstance(req, RedeemRequest) and req.challenge_id is not None:
            self.sms.retire(req.challenge_id)  # used: its copy in an outbox is blanked
        return status, body

    def run_batch(self, caller: Caller, items: list[OpItem]) -> list[dict[str, Any]]:
        """The ops in one transaction, a savepoint each: one failure undoes only itself."""
        with self.pins_checked(caller, *(item.body.get("approval") for item in items)):
            results = self._runner().run_batch(caller, items)
        for item, result in zip(items, results, strict=True):
            challenge = item.body.get("challenge_id")
            if item.kind == "redeem" and result["status"] == 201 and isinstance(challenge, str):
                self.sms.retire(challenge)
        return results

    def cancel_op(self, caller: Caller, op_id: str) -> dict[str, Any]:
        """Settles ``op_id`` for good: cancelled (never to be applied) or applied (result)."""
        now = iso(self.clock.now())
        return write(self.engine, lambda c: idempotency.cancel(c, caller.merchant_id, op_id, now))

    def op_states(self, caller: Caller, op_ids: list[str]) -> list[dict[str, Any]]:
        return read(self.engine, lambda c: idempotency.states(c, caller.merchant_id, op_ids))

    # -- card programs (technician tools) ------------------------------------------------
    def put_program(
        self, caller: Caller, name: str, req: ProgramPut
    ) -> tuple[bool, dict[str, Any]]:
        def tx(conn: Connection) -> tuple[bool, dict[str, Any]]:
            member = approval.require_manager(
                conn, caller.store_id, req.approval, self.clock, self.limits
            )
            created, body = programs.put_program(
                conn, caller.merchant_id, name, req.range_start, req.range_end
            )
            detail = {"program": name, "range_start": req.range_start, "range_end": req.range_end}
            audit.record(conn, caller, member, "program", detail, iso(self.clock.now()))
            return created, body

        with self.pins_checked(caller, req.approval):
            return write(self.engine, tx)

    def list_programs(self, caller: Caller) -> dict[str, Any]:
        return read(self.engine, lambda c: programs.list_programs(c, caller.merchant_id))

    def register_cards(self, caller: Caller, req: CardsRegister) -> dict[str, Any]:
        now = iso(self.clock.now())

        def tx(conn: Connection) -> dict[str, Any]:
            member = approval.require_manager(
                conn, caller.store_id, req.approval, self.clock, self.limits
            )
            body = programs.register_cards(conn, caller.merchant_id, req.program, req.numbers, now)
            detail = {"program": req.program, "cards": len(req.numbers)}
            audit.record(conn, caller, member, "cards_registered", detail, now)
            return body

        with self.pins_checked(caller, req.approval):
            return write(self.engine, tx)

    # -- reports --------------------------------------------------------------------------
    def redemptions_report(
        self, caller: Caller, start: str, end: str, group: str
    ) -> dict[str, Any]:
        return read(
            self.engine, lambda c: reports.redemptions(c, caller.store_id, start, end, group)
        )

    def audit_trail(self, caller: Caller, start: str, end: str) -> dict[str, Any]:
        return read(self.engine, lambda c: audit.entries(c, caller.store_id, start, end))

    def shift_report(self, caller: Caller, start: str, end: str) -> dict[str, Any]:
        return read(self.engine, lambda c: reports.shift(c, caller.till_id, start, end))
