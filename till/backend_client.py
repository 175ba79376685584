"""The till's only door to the loyalty backend (HTTP API v1, ``resources/openapi.json``).

Why one module: every request, timeout and error mapping lives here, so the rest of the till
deals in typed results and in :class:`BackendError` messages a cashier can read. Nothing here
touches Qt; callers run these blocking methods through :class:`till.tasks.TaskRunner`.

Secrets: the API key travels only in the Authorization header; OTP codes and staff PINs only
in request bodies. None of them is logged here or put into an error message.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import requests

from offline_queue.errors import TransientSendError
from offline_queue.outcome_policy import Reply, Shape, Verdict, decide
from till.errors import TillError
from till.rules_wire import Campaign, Catalogue, campaigns_from_json
from till.wire import (
    Customer,
    OpResult,
    OpState,
    Order,
    OrderPage,
    OtpChallenge,
    Session,
    TableQr,
    _parse_time,
    earn_body,
    redeem_body,
    wire_id,
    wire_money,
)
from till.wire_reports import (
    AuditEntry,
    CardsResult,
    Program,
    RedemptionsReport,
    ShiftReport,
    Transaction,
)

__all__ = [
    "PLAIN_MESSAGES",
    "AuditEntry",
    "BackendClient",
    "BackendError",
    "BackendUnavailable",
    "CardsResult",
    "Customer",
    "KeyRefused",
    "OpResult",
    "OpState",
    "Order",
    "OrderPage",
    "OtpChallenge",
    "Program",
    "RedemptionsReport",
    "Session",
    "ShiftReport",
    "TableQr",
    "Transaction",
    "approval",
    "earn_body",
    "redeem_body",
    "wire_id",
    "wire_money",
]

log = logging.getLogger(__name__)

# What a cashier or manager reads for each error code the backend documents.
PLAIN_MESSAGES: dict[str, str] = {
    "not_found": "No loyalty account was found.",
    "card_unassigned": "This card is not registered to a customer yet.",
    "customer_inactive": "This loyalty account is inactive: it cannot earn or redeem points.",
    "insufficient_points": "The customer does not have enough points for this.",
    "otp_required": "This redemption needs the code sent to the customer's phone.",
    "otp_invalid": "That code is not right.",
    "otp_expired": "The code has expired. Send a new code.",
    "otp_locked": "Too many wrong codes: this code is locked. A manager can override, or wait for it to expire.",
    "otp_resend_limited": "A new code cannot be sent yet.",
    "otp_rate_limited": "Too many codes were requested for this customer. Try again in a few minutes.",
    "receipt_already_claimed": "Points for this receipt were already given.",
    "receipt_not_found": "No sale with points was found for this receipt number at this store.",
    "return_exceeds_sale": "That is more than is left to return on this receipt.",
    "campaign_already_claimed": "This campaign's points were already claimed for this receipt.",
    "campaign_not_applicable": "This campaign did not apply at the time of that sale.",
    "approval_required": "A manager must approve this.",
    "approval_invalid": "The manager name or PIN is not right.",
    "approval_locked": "Too many wrong PINs: this manager is locked for 15 minutes.",
    "idempotency_conflict": "This operation was already sent with different details. A manager must review it.",
    "unauthorized": "The till's API key was refused. A technician must check it under Settings.",
    "key_revoked": "The till's API key has been revoked. A technician must enter a new one under Settings.",
    "range_overlap": "That number range overlaps another card program.",
    "card_exists": "Some of these card numbers are already issued.",
    "invalid_request": "The backend refused the request as invalid.",
    "unavailable": "The loyalty server cannot be reached. Points will be added when it is back.",
}


class BackendError(TillError):
    """The backend answered with an error; ``str()`` is plain words for the till's user.

    ``reply`` is the answer as it came (status and parsed body), for
    :func:`offline_queue.outcome_policy.decide` — the one judge of what it means for an
    operation.
    """

    def __init__(
        self,
        code: str,
        message: str,
        status: int = 0,
        details: Mapping[str, Any] | None = None,
        reply: Reply | None = None,
    ):
        super().__init__(message)
        self.code = code
        self.status = status
        self.details: dict[str, Any] = dict(details or {})
        self.reply = reply or Reply(
            status or None, {"error": {"code": code, "message": message, **self.details}}
        )

    @property
    def verdict(self) -> Verdict:
        return decide(self.reply).verdict


class BackendUnavailable(BackendError, TransientSendError):
    """No answer, 5xx, 429, or an answer that is not the backend's: try again later."""


class KeyRefused(BackendError, TransientSendError):
    """401/403: the till's API key is refused or revoked. Not offline: call a technician."""


def approval(staff: str, pin: str) -> dict[str, str]:
    return {"staff": staff, "pin": pin}


class BackendClient:
    """Typed calls to the backend. Thread-safe: one HTTP session per thread."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        timeout_s: float = 5.0,
        session_factory: type[requests.Session] = requests.Session,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self.timeout_s = timeout_s
        self._session_factory = session_factory
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"BackendClient({self.base_url!r})"

    def set_api_key(self, api_key: str) -> None:
        self._api_key = api_key

    # -- plumbing -------------------------------------------------------------------------

    def _session(self) -> requests.Session:
        s: requests.Session | None = getattr(self._local, "session", None)
        if s is None:
            s = self._session_factory()
            self._local.session = s
        return s

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
        headers = {"Accept": "application/json"}
        if auth:
            headers["Authorization"] = f"Bearer {self._api_key}"
        url = f"{self.base_url}{path}"
        try:
            response = self._session().request(
                method,
                url,
                json=json,
                params=params,
                headers=headers,
                timeout=(min(self.timeout_s, 3.0), read_timeout_s or self.timeout_s),
            )
        except requests.Timeout:
            raise BackendUnavailable(
                "unavailable", "The loyalty server did not answer in time. " + _LATER
            ) from None
        except requests.ConnectionError:
            raise BackendUnavailable("unavailable", PLAIN_MESSAGES["unavailable"]) from None
        except requests.RequestException as exc:
            log.warning("request to %s %s failed: %s", method, path, type(exc).__name__)
            raise BackendUnavailable("unavailable", PLAIN_MESSAGES["unavailable"]) from None
        return self._result(method, path, response)

    def _result(self, method: str, path: str, response: requests.Response) -> Any:
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = {}
        if response.status_code < 400:
            return body
        status = response.status_code
        reply = Reply(status, body)
        error = dict(reply.error or {})
        code = (
            reply.code
            if reply.shape == Shape.ERROR
            else ("unavailable" if status >= 500 else f"http_{status}")
        )
        details = reply.details
        message = self.plain_message(code, error, status)
        # The one policy table decides (offline_queue.outcome_policy). A JSON "not_found"
        # is a real answer to a lookup even when, for a journaled op, it means "unknown
        # route, retry": the op's submitter judges ``exc.reply`` itself.
        decision = decide(reply)
        if decision.verdict == Verdict.KEY:
            log.warning("backend %s %s refused the API key: %s %s", method, path, status, code)
            raise KeyRefused(code, _key_message(code), status, details, reply)
        if decision.verdict == Verdict.RETRY and decision.rule != "unknown route":
            # Not the backend's refusal: a proxy's page, an overloaded server, a timeout.
            log.warning("backend %s %s answered %s %s", method, path, status, code)
            raise BackendUnavailable(
                code,
                PLAIN_MESSAGES["unavailable"] if reply.shape != Shape.ERROR else message,
                status,
                details,
                reply,
            )
        raise BackendError(code, message, status, details, reply)

    @staticmethod
    def plain_message(code: str, error: Mapping[str, Any], status: int) -> str:
        base = PLAIN_MESSAGES.get(code)
        if base is None:
            base = str(error.get("message") or f"The loyalty server refused this (error {status}).")
        if code == "otp_invalid" and "attempts_left" in error:
            left = int(error["attempts_left"])
            base += f" {left} attempt{'s' if left != 1 else ''} left."
        retry = error.get("retry_after", error.get("retry_after_s"))
        if code in {"otp_resend_limited", "otp_rate_limited", "approval_locked"} and retry:
            base += f" Try again in {int(float(retry))} seconds."
        return base

    # -- endpoints ------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return dict(self.request("GET", "/v1/health", auth=False))

    def session(self) -> Session:
        return Session.from_json(self.request("GET", "/v1/session"))

    def lookup(
        self,
        *,
        card: str | None = None,
        phone: str | None = None,
        email: str | None = None,
        app_id: str | None = None,
    ) -> Customer:
        params = {
            k: v
            for k, v in {"card": card, "phone": phone, "email": email, "app_id": app_id}.items()
            if v
        }
        if len(params) != 1:
            raise ValueError("look a customer up by exactly one of card, phone, email, app_id")
        return Customer.from_json(self.request("GET", "/v1/customers/lookup", params=params))

    def create_customer(
        self, phone: str, name: str, email: str | None = None, cards: Sequence[str] = ()
    ) -> Customer:
        body: dict[str, Any] = {"phone": phone, "name": name, "cards": list(cards)}
        if email:
            body["email"] = email
        return Customer.from_json(self.request("POST", "/v1/customers", json=body))

    def earn(
        self,
        op_id: str,
        customer_id: str,
        amount: Decimal,
        receipt_no: str,
        occurred_at: str | None = None,
    ) -> dict[str, Any]:
        return dict(
            self.request(
                "POST",
                "/v1/earn",
                json=earn_body(op_id, customer_id, amount, receipt_no, occurred_at),
            )
        )

    def request_otp(self, customer_id: str, points: int) -> OtpChallenge:
        body = self.request(
            "POST", "/v1/otp", json={"customer_id": wire_id(customer_id), "points": points}
        )
        return OtpChallenge(
            str(body["challenge_id"]),
            _parse_time(str(body["expires_at"])),
            str(body.get("masked_phone") or ""),
            dict(body),
        )

    def redeem(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """``body`` from :func:`redeem_body` (the same body is journaled for an identical retry)."""
        return dict(self.request("POST", "/v1/redeem", json=dict(body)))

    def reverse(
        self,
        transaction_id: str,
        op_id: str,
        reason: str,
        approval_: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"op_id": op_id, "reason": reason}
        if approval_ is not None:
            body["approval"] = dict(approval_)
        return dict(self.request("POST", f"/v1/transactions/{transaction_id}/reverse", json=body))

    def cancel_op(self, op_id: str) -> OpState:
        """Settle ``op_id`` for good: cancelled if it was not applied (the backend then refuses
        it for ever), else applied with its original result. Idempotent."""
        body = self.request("POST", f"/v1/ops/{op_id}/cancel", json={})
        return OpState.from_json(body if isinstance(body, Mapping) else {}, op_id)

    def ops_status(self, op_ids: Sequence[str]) -> list[OpState]:
        body = self.request("POST", "/v1/ops/status", json={"op_ids": list(op_ids)})
        items = body.get("ops", []) if isinstance(body, Mapping) else []
        return [OpState.from_json(item) for item in items if isinstance(item, Mapping)]

    def claim(self, body: Mapping[str, Any]) -> dict[str, Any]:
        return dict(self.request("POST", "/v1/claims", json=dict(body)))

    def send_journaled(self, kind: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Send one journaled operation to its own endpoint (the till's first attempt).

        ``payload`` is exactly what the journal holds (the body of ``POST /v1/ops`` items);
        for ``reverse`` its ``transaction_id`` moves into the path.
        """
        body = dict(payload)
        if kind == "earn":
            return dict(self.request("POST", "/v1/earn", json=body))
        if kind == "redeem":
            return self.redeem(body)
        if kind == "claim":
            return self.claim(body)
        if kind == "return":  # issue 16: a return of (part of) a receipt
            return dict(self.request("POST", "/v1/returns", json=body))
        if kind == "reverse":
            transaction_id = body.pop("transaction_id")
            return dict(
                self.request("POST", f"/v1/transactions/{transaction_id}/reverse", json=body)
            )
        if kind == "receipt_claim":  # issue 17: a receipt's points by its claim QR code
            return dict(self.request("POST", "/v1/claims/receipt", json=body))
        if kind == "order_paid":  # issue 18: the order id moves into the path
            order_id = body.pop("order_id")
            return dict(self.request("POST", f"/v1/orders/{order_id}/paid", json=body))
        raise ValueError(f"unknown operation kind {kind!r}")

    def send_ops(self, ops: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Replay journaled operations in one round trip (the journal's BatchTransport)."""
        body = self.request("POST", "/v1/ops", json={"ops": [dict(op) for op in ops]})
        results = body.get("results", body.get("ops")) if isinstance(body, dict) else body
        return [dict(r) for r in results or []]

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
    ) -> dict[str, Any]:
        body = {
            "otp_required": otp_required,
            "otp_min_value": wire_money(otp_min_value),
            "approval": dict(approval_),
        }
        return dict(self.request("PUT", "/v1/policy", json=body))

    def verify_staff(self, staff: str, pin: str) -> dict[str, Any]:
        return dict(self.request("POST", "/v1/staff/verify", json={"staff": staff, "pin": pin}))

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

    # -- member orders from the table (issue 18, docs/ordering.md) -------------------------

    def orders(self, state: str | None = "open") -> OrderPage:
        params = {"state": state} if state else None
        return OrderPage.from_json(self.request("GET", "/v1/orders", params=params))

    def orders_feed(self, after: str, wait_s: int = 25) -> OrderPage:
        """Long poll: answers once orders changed after ``after`` or after ``wait_s``."""
        wait_s = max(0, min(25, int(wait_s)))
        params = {"after": after, "wait": wait_s}
        body = self.request(
            "GET", "/v1/orders/feed", params=params, read_timeout_s=wait_s + self.timeout_s
        )
        return OrderPage.from_json(body)

    def take_order(self, order_id: int) -> Order:
        return Order.from_json(self.request("POST", f"/v1/orders/{order_id}/take", json={}))

    def cancel_order(self, order_id: int) -> Order:
        return Order.from_json(self.request("POST", f"/v1/orders/{order_id}/cancel", json={}))

    def customer(self, customer_id: str) -> Customer:
        """One customer by id (``GET /v1/customers/{id}``), e.g. the member of an order."""
        return Customer.from_json(self.request("GET", f"/v1/customers/{customer_id}"))

    def rotate_table(self, table: str) -> TableQr:
        """A new seating at ``table``: earlier QR codes stop working."""
        path = f"/v1/tables/{quote(table, safe='')}/rotate"
        return TableQr.from_json(self.request("POST", path, json={}))

    # -- loyalty rules (issue 16, docs/rules.md) -------------------------------------------

    def catalogue(self) -> Catalogue:
        """The merchant's products and categories (the till caches them for offline use)."""
        return Catalogue.from_json(self.request("GET", "/v1/catalogue"))

    def campaigns(self) -> tuple[Campaign, ...]:
        """Every campaign still running or planned."""
        return campaigns_from_json(self.request("GET", "/v1/campaigns"))


_LATER = "Points will be added when it is back."


def _key_message(code: str) -> str:
    return PLAIN_MESSAGES.get(code) or PLAIN_MESSAGES["unauthorized"]
