"""A model of the loyalty backend's op semantics, and a fault-injecting door in front of it.

Why a model: the stateful property test needs thousands of sends in seconds, with faults at
exact points (drop the request, lose the reply, deliver it late or twice, revoke the key,
crash the till mid-send). The model keeps the rules the till relies on: the op_id is the
idempotency key (a replay answers the original result), a cancelled op_id is refused for ever
(409 ``op_cancelled``), ``POST /v1/ops/{op_id}/cancel`` answers ``applied`` with the original
result when the op was applied first. The real backend is exercised by the e2e tests.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from offline_queue.errors import TransientSendError
from offline_queue.outcome_policy import Reply
from offline_queue.redaction import canonical
from till.backend_client import BackendError, BackendUnavailable, KeyRefused, OpState

WRONG_OTP = "000000"


class Crash(BaseException):
    """The till process dies here (not an Exception: nothing in the till may catch it)."""


def _error(status: int, code: str, **details: Any) -> tuple[int, dict[str, Any]]:
    return status, {"error": {"code": code, "message": code.replace("_", " "), **details}}


@dataclass
class ModelBackend:
    balances: dict[str, int] = field(default_factory=dict)
    applied: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    effects: list[str] = field(default_factory=list)  # op_ids, in the order applied
    cancelled: set[str] = field(default_factory=set)
    key_revoked: bool = False
    transactions: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    next_tx: int = 0  # transaction ids are never reused, not even after a restore

    _LEDGER = ("balances", "applied", "kinds", "effects", "cancelled", "transactions")

    def backup(self) -> dict[str, Any]:
        """A copy of the ledger, as a database backup would take it."""
        return {name: copy.deepcopy(getattr(self, name)) for name in self._LEDGER}

    def restore(self, backup: Mapping[str, Any]) -> list[str]:
        """The database restored from ``backup``: returns the op_ids it no longer knows."""
        forgotten = [op_id for op_id in self.effects if op_id not in backup["effects"]]
        for name in self._LEDGER:
            setattr(self, name, copy.deepcopy(backup[name]))
        return forgotten

    def status(self, op_ids: Sequence[str]) -> list[dict[str, Any]]:
        """``POST /v1/ops/status``."""
        out: list[dict[str, Any]] = []
        for op_id in op_ids:
            if op_id in self.applied:
                out.append({"op_id": op_id, "state": "applied", "result": self.applied[op_id][1]})
            else:
                state = "cancelled" if op_id in self.cancelled else "unknown"
                out.append({"op_id": op_id, "state": state})
        return out

    def answer(self, kind: str, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """One op as the backend answers it (status, body); applies it at most once."""
        if self.key_revoked:
            return _error(403, "key_revoked")
        op_id = str(body["op_id"])
        digest = canonical({"kind": kind, "body": dict(body)})
        if op_id in self.cancelled:
            return _error(409, "op_cancelled")
        if op_id in self.applied:
            prev_digest, prev = self.applied[op_id]
            if prev_digest != digest:
                return _error(409, "idempotency_conflict")
            return 200, prev
        account = str(body.get("customer_id", ""))
        balance = self.balances.get(account, 0)
        if kind == "earn":
            points = int(Decimal(str(body["amount"])))
            balance += points
            result = {"points": points, "balance": balance}
        elif kind == "redeem":
            points = int(body["points"])
            if body.get("otp") == WRONG_OTP:
                return _error(403, "otp_invalid", attempts_left=3)
            if points > balance:
                return _error(409, "insufficient_points")
            balance -= points
            result = {"points": points, "balance": balance, "value": f"{points / 100:.2f}"}
        elif kind == "reverse":
            tx = str(body["transaction_id"])
            if tx not in self.transactions:
                return _error(404, "not_found", transaction_id=tx)
            account, _, points = self.transactions.pop(tx)
            balance = self.balances.get(account, 0) + points
            result = {"points": points, "balance": balance}
        else:
            return _error(422, "invalid_request")
        self.balances[account] = balance
        self.effects.append(op_id)
        self.next_tx += 1
        tx_id = str(self.next_tx)
        result["transaction_id"] = tx_id
        if kind == "redeem":
            self.transactions[tx_id] = (account, op_id, int(body["points"]))
        self.applied[op_id] = (digest, result)
        self.kinds[op_id] = kind
        return 200, result

    def cancel(self, op_id: str) -> tuple[int, dict[str, Any]]:
        if self.key_revoked:
            return _error(403, "key_revoked")
        if op_id in self.applied:
            return 200, {"state": "applied", "result": self.applied[op_id][1]}
        self.cancelled.add(op_id)
        return 200, {"state": "cancelled"}


def _raise(status: int, body: dict[str, Any]) -> None:
    reply = Reply(status, body)
    error = body["error"]
    cls = KeyRefused if error["code"] == "key_revoked" else BackendError
    details = {k: v for k, v in error.items() if k not in ("code", "message")}
    raise cls(error["code"], error["message"], status, details, reply)


@dataclass
class Faults:
    """What the door does to the next requests. ``mode``: none | drop | lose | late | twice |
    refuse (422 before effect, a retry may pass) | crash_before | crash_after | random."""

    mode: str = "none"
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    late: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)

    def pick(self) -> str:
        if self.mode != "random":
            return self.mode
        return self.rng.choice(["none", "none", "drop", "lose", "late", "twice", "refuse"])


@dataclass
class FaultyDoor:
    """The till's client (``send_journaled``, ``cancel_op``) and the sync worker's transport
    (``send_ops``) in front of the model, with :class:`Faults`."""

    model: ModelBackend
    faults: Faults = field(default_factory=Faults)

    def _deliver(self, kind: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        mode = self.faults.pick()
        if mode == "crash_before":
            raise Crash("killed before the request left")
        if mode == "drop":
            raise BackendUnavailable("unavailable", "dropped")
        if mode == "late":
            self.faults.late.append(("op", kind, dict(body)))
            raise BackendUnavailable("unavailable", "timed out (delivered later)")
        if mode == "refuse" and str(body["op_id"]) not in self.model.applied:
            return _error(422, "otp_expired")  # refused before effect; a retry may pass
        status, answer = self.model.answer(kind, body)
        if mode == "twice":
            status, answer = self.model.answer(kind, body)
        if mode == "crash_after":
            raise Crash("killed before the reply arrived")
        if mode == "lose":
            raise BackendUnavailable("unavailable", "reply lost")
        return status, answer

    def send_journaled(self, kind: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        status, body = self._deliver(kind, dict(payload))
        if status >= 400:
            _raise(status, body)
        return body

    def cancel_op(self, op_id: str) -> OpState:
        mode = self.faults.pick()
        if mode == "drop":
            raise BackendUnavailable("unavailable", "dropped")
        if mode == "crash_before":
            raise Crash("killed before the cancel left")
        status, body = self.model.cancel(op_id)
        if mode == "crash_after":
            raise Crash("killed before the cancel's reply arrived")
        if mode in ("lose", "late"):
            raise BackendUnavailable("unavailable", "reply lost")
        if status >= 400:
            _raise(status, body)
        return OpState.from_json(body, op_id)

    def send_ops(self, ops: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        mode = self.faults.pick()
        if mode in ("drop", "crash_before"):
            raise TransientSendError("dropped")
        if mode == "late":
            for op in ops:
                self.faults.late.append(("op", str(op["kind"]), dict(op["body"])))
            raise TransientSendError("timed out (delivered later)")
        if self.model.key_revoked:
            _raise(*_error(403, "key_revoked"))
        results = []
        for op in ops:
            if mode == "refuse" and str(op["op_id"]) not in self.model.applied:
                status, body = _error(422, "otp_expired")
                results.append({"op_id": op["op_id"], "status": status, "body": body})
                continue
            status, body = self.model.answer(str(op["kind"]), dict(op["body"]))
            if mode == "twice":
                status, body = self.model.answer(str(op["kind"]), dict(op["body"]))
            results.append({"op_id": op["op_id"], "status": status, "body": body})
        if mode in ("lose", "crash_after"):
            raise TransientSendError("reply lost")
        return results

    def ops_status(self, op_ids: list[str]) -> list[dict[str, Any]]:
        """The reconciler's ``POST /v1/ops/status``, through the same faults."""
        mode = self.faults.pick()
        if mode in ("drop", "late", "lose", "crash_before", "crash_after"):
            raise BackendUnavailable("unavailable", "no answer")
        if self.model.key_revoked:
            _raise(*_error(403, "key_revoked"))
        return self.model.status(op_ids)

    def deliver_late(self, rng: random.Random) -> None:
        """Requests that were 'timed out' reach the backend now, in any order."""
        late = self.faults.late
        self.faults.late = []
        rng.shuffle(late)
        for _, kind, body in late:
            self.model.answer(kind, body)
