"""The till's only door to the loyalty backend (HTTP API v1, ``resources/openapi.json``).

Why one module: every request, timeout and error mapping lives here, so the rest of the till
deals in typed results and in :class:`BackendError` messages a cashier can read. Nothing here
touches Qt; callers run these blocking methods through :class:`till.tasks.TaskRunner`.
The errors and their plain words are :mod:`till.backend_errors`, the result shapes
:mod:`till.wire`, :mod:`till.wire_reports` and :mod:`till.wire_results` (each body parsed
once, here), the back office's calls :mod:`till.backend_manager_calls`; all re-exported.

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

from offline_queue.outcome_policy import Reply, Shape, Verdict, decide
from till import backend_words
from till.backend_errors import (
    BackendError,
    BackendUnavailable,
    KeyRefused,
    WireFormatError,
    approval,
    key_message,
    plain_message,
)
from till.backend_manager_calls import ManagerCalls
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
from till.wire_results import (
    Health,
    OpReply,
    PolicyResult,
    RedeemResult,
    ReversalResult,
    StaffCheck,
    batch_replies,
    body_of,
    customer_result,
    earn_result,
    otp_challenge,
)

__all__ = [
    "AuditEntry",
    "BackendClient",
    "BackendError",
    "BackendUnavailable",
    "CardsResult",
    "Customer",
    "Health",
    "KeyRefused",
    "OpReply",
    "OpResult",
    "OpState",
    "Order",
    "OrderPage",
    "OtpChallenge",
    "PolicyResult",
    "Program",
    "RedeemResult",
    "RedemptionsReport",
    "ReversalResult",
    "Session",
    "ShiftReport",
    "StaffCheck",
    "TableQr",
    "Transaction",
    "WireFormatError",
    "approval",
    "earn_body",
    "redeem_body",
    "wire_id",
    "wire_money",
]

log = logging.getLogger(__name__)


class BackendClient(ManagerCalls):
    """Typed calls to the backend. Thread-safe: one HTTP session per thread.

    The manager's and technician's calls (reports, audit, policy, staff, card programs) are
    :class:`till.backend_manager_calls.ManagerCalls`, over this class's :meth:`request`.
    """

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
            raise BackendUnavailable("unavailable", backend_words.sentence("timeout")) from None
        except requests.ConnectionError:
            raise BackendUnavailable("unavailable", backend_words.sentence("unavailable")) from None
        except requests.RequestException as exc:
            log.warning("request to %s %s failed: %s", method, path, type(exc).__name__)
            raise BackendUnavailable("unavailable", backend_words.sentence("unavailable")) from None
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
            raise KeyRefused(code, key_message(code), status, details, reply)
        if decision.verdict == Verdict.RETRY and decision.rule != "unknown route":
            # Not the backend's refusal: a proxy's page, an overloaded server, a timeout.
            log.warning("backend %s %s answered %s %s", method, path, status, code)
            raise BackendUnavailable(
                code,
                backend_words.sentence("unavailable") if reply.shape != Shape.ERROR else message,
                status,
                details,
                reply,
            )
        raise BackendError(code, message, status, details, reply)

    @staticmethod
    def plain_message(code: str, error: Mapping[str, Any], status: int) -> str:
        """:func:`till.backend_errors.plain_message` (kept here: the review list calls it)."""
        return plain_message(code, error, status)

    # -- endpoints ------------------------------------------------------------------------

    def health(self) -> Health:
        return Health.from_json(self.request("GET", "/v1/health", auth=False))

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
        return customer_result(self.request("POST", "/v1/customers", json=body))

    def earn(
        self,
        op_id: str,
        customer_id: str,
        amount: Decimal,
        receipt_no: str,
        occurred_at: str | None = None,
    ) -> OpResult:
        """Points for a paid receipt (``EarnResult``), sent directly, not journaled."""
        body = earn_body(op_id, customer_id, amount, receipt_no, occurred_at)
        return earn_result(self.request("POST", "/v1/earn", json=body), "earn")

    def request_otp(self, customer_id: str, points: int) -> OtpChallenge:
        body = {"customer_id": wire_id(customer_id), "points": points}
        return otp_challenge(self.request("POST", "/v1/otp", json=body))

    def redeem(self, body: Mapping[str, Any]) -> RedeemResult:
        """``body`` from :func:`redeem_body` (the same body is journaled for an identical retry)."""
        return RedeemResult.from_json(self.request("POST", "/v1/redeem", json=dict(body)))

    def reverse(
        self,
        transaction_id: str,
        op_id: str,
        reason: str,
        approval_: Mapping[str, str] | None = None,
    ) -> ReversalResult:
        body: dict[str, Any] = {"op_id": op_id, "reason": reason}
        if approval_ is not None:
            body["approval"] = dict(approval_)
        path = f"/v1/transactions/{transaction_id}/reverse"
        return ReversalResult.from_json(self.request("POST", path, json=body))

    def cancel_op(self, op_id: str) -> OpState:
        """Settle ``op_id`` for good: cancelled if it was not applied (the backend then refuses
        it for ever), else applied with its original result. Idempotent."""
        body = self.request("POST", f"/v1/ops/{op_id}/cancel", json={})
        return OpState.from_json(body if isinstance(body, Mapping) else {}, op_id)

    def ops_status(self, op_ids: Sequence[str]) -> list[OpState]:
        body = self.request("POST", "/v1/ops/status", json={"op_ids": list(op_ids)})
        items = body.get("ops", []) if isinstance(body, Mapping) else []
        return [OpState.from_json(item) for item in items if isinstance(item, Mapping)]

    def claim(self, body: Mapping[str, Any]) -> OpResult:
        """Missed points for a receipt (``EarnResult``)."""
        return earn_result(self.request("POST", "/v1/claims", json=dict(body)))

    def send_journaled(self, kind: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Send one journaled operation to its own endpoint (the till's first attempt).

        ``payload`` is exactly what the journal holds (the body of ``POST /v1/ops`` items);
        for ``reverse`` its ``transaction_id`` moves into the path. The answer is what the
        journal keeps as the op's result; one that is not a JSON object raises
        :class:`WireFormatError` (retry: the replay of the same op_id answers it again).
        Left a mapping on purpose (issue 11, item 7): the journal stores this body as the
        op's result (its kinds answer different shapes), and the submitter reads it once
        with :meth:`till.wire.OpResult.from_json`.
        """
        body = dict(payload)
        path = _JOURNALED_PATHS.get(kind)
        if kind == "reverse":
            path = f"/v1/transactions/{body.pop('transaction_id')}/reverse"
        elif kind == "order_paid":  # issue 18: the order id moves into the path
            path = f"/v1/orders/{body.pop('order_id')}/paid"
        elif kind == "order_cancel":  # issue 18: cancelled at the till, once per op_id
            path = f"/v1/orders/{body.pop('order_id')}/cancel"
        if path is None:
            raise ValueError(f"unknown operation kind {kind!r}")
        return dict(body_of(self.request("POST", path, json=body), kind))

    def ops_batch(self, ops: Sequence[Mapping[str, Any]]) -> tuple[OpReply, ...]:
        """Replay journaled operations in one round trip: each op's typed reply, in order."""
        body = {"ops": [dict(op) for op in ops]}
        return batch_replies(self.request("POST", "/v1/ops", json=body))

    def send_ops(self, ops: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """:class:`offline_queue.sync.BatchTransport`: :meth:`ops_batch`, parsed here once,
        handed on as plain items because ``offline_queue`` may not import ``till``."""
        return [reply.as_wire() for reply in self.ops_batch(ops)]

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


#: Where each journaled kind goes on its first attempt (``reverse`` and ``order_paid`` carry
#: an id in the path). ``registration`` (issue 11) is ``POST /v1/customers`` with the op_id.
_JOURNALED_PATHS: dict[str, str | None] = {
    "earn": "/v1/earn",
    "redeem": "/v1/redeem",
    "claim": "/v1/claims",
    "return": "/v1/returns",  # issue 16: a return of (part of) a receipt
    "receipt_claim": "/v1/claims/receipt",  # issue 17: a receipt's points by its QR code
    "registration": "/v1/customers",  # issue 11: a new member, journaled first
    "reverse": None,
    "order_paid": None,
}
