"""The manager's and technician's calls to the backend: reports, audit, policy, staff, cards.

Why apart from :mod:`till.backend_client`: the cashier's calls (identify, earn, redeem, the
journaled operations) and the back office's are read and changed for different reasons, and
one file of both was near the 500-line limit. This is a mixin over the client's one
:meth:`ManagerCalls.request` (HTTP, timeouts, the error mapping stay in the client), so
``BackendClient`` still offers every call under its old name.

Secrets: a manager's PIN goes only in the body of ``/v1/staff/verify`` and in ``approval``
objects; it is never logged here nor put in a result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from till.wire import wire_money
from till.wire_reports import (
    AuditEntry,
    CardsResult,
    Program,
    RedemptionsReport,
    ShiftReport,
    Transaction,
)
from till.wire_results import PolicyResult, StaffCheck


class ManagerCalls:
    """Typed back-office calls; :class:`till.backend_client.BackendClient` sends them."""

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        auth: bool = True,
        read_timeout_s: float | None = None,
    ) -> Any:
        """One request, its JSON answer or a ``BackendError`` (the client's)."""
        raise NotImplementedError

    def transactions(self, customer_id: str) -> list[Transaction]:
        body = self.request("GET", f"/v1/customers/{customer_id}/transactions")
        return Transaction.many(body)

    def report_redemptions(self, from_: str, to: str, group: str = "day") -> RedemptionsReport:
        params = {"from": from_, "to": to, "group": group}
        return RedemptionsReport.from_json(
            self.request("GET", "/v1/reports/redemptions", params=params)
        )

    def report_shift(self, from_: str, to: str) -> ShiftReport:
        params = {"from": from_, "to": to}
        return ShiftReport.from_json(self.request("GET", "/v1/reports/shift", params=params))

    def audit_trail(self, from_: str, to: str) -> list[AuditEntry]:
        """Manager-approved changes to the store's rules (policy, card programs)."""
        return AuditEntry.many(self.request("GET", "/v1/audit", params={"from": from_, "to": to}))

    def set_policy(
        self, otp_required: bool, otp_min_value: Decimal, approval_: Mapping[str, str]
    ) -> PolicyResult:
        body = {
            "otp_required": otp_required,
            "otp_min_value": wire_money(otp_min_value),
            "approval": dict(approval_),
        }
        return PolicyResult.from_json(self.request("PUT", "/v1/policy", json=body))

    def verify_staff(self, staff: str, pin: str) -> StaffCheck:
        body = self.request("POST", "/v1/staff/verify", json={"staff": staff, "pin": pin})
        return StaffCheck.from_json(body)

    def programs(self) -> list[Program]:
        return Program.many(self.request("GET", "/v1/programs"))

    def put_program(
        self, name: str, range_start: str, range_end: str, approval_: Mapping[str, str]
    ) -> Program:
        body = {"range_start": range_start, "range_end": range_end, "approval": dict(approval_)}
        return Program.from_json(self.request("PUT", f"/v1/programs/{name}", json=body))

    def register_cards(
        self, program: str, numbers: Sequence[str], approval_: Mapping[str, str]
    ) -> CardsResult:
        body = {"program": program, "numbers": list(numbers), "approval": dict(approval_)}
        return CardsResult.from_json(self.request("POST", "/v1/cards", json=body))
