"""The sale being rung up — lines, member, points tender, other tenders, earn — and its
transitions. Pure: no Qt, HTTP or SQLite.

Why the transitions live on the sale: every rule of the till's promise is a rule about one
sale's state ("a redemption is reported refused only once it can never be applied", "the
sale naming an op_id is saved before the op is journaled", "no completion while the points
payment is unconfirmed"). Each step is a method taking the cashier's input or an
:class:`~till.core.outcome.OpOutcome` and returning :mod:`effects <till.core.effects>`; the
engine performs them in order. Resume after a restart is the same methods: :meth:`resume`
re-submits the sale's open operation from the journal and its answer goes through
:meth:`settle` like any other. The answers' rules are in :mod:`till.core.settlement`; this
module is the cashier's side (ringing up, tenders, park, complete, void).

The sale is saved after every step and rebuilt on restart, so it round-trips through JSON
exactly (:mod:`till.core.sale_codec`). Money is ``Decimal`` (2 places), points ``int``,
times UTC ISO 8601 strings.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_DOWN, Decimal
from typing import Any

from till.backend_client import redeem_body, wire_id
from till.core import sale_codec, settlement
from till.core.earn_lines import earn_payload
from till.core.effects import Cancel, Effect, Finished, OpRequest, Save, Show, Submit
from till.core.outcome import OpOutcome
from till.core.parts import (
    CENT,
    TENDER_NAMES,
    CampaignCredit,
    Line,
    Member,
    Redemption,
    RedemptionState,
    SaleState,
    Tender,
    mask_phone,
    money,
    points_for_amount,
    utc_now_iso,
    value_of_points,
)
from till.translate import translate

__all__ = [
    "CENT",
    "TENDER_NAMES",
    "Line",
    "Member",
    "Redemption",
    "RedemptionState",
    "Sale",
    "SaleState",
    "Tender",
    "mask_phone",
    "money",
    "new_receipt_no",
    "points_for_amount",
    "utc_now_iso",
    "value_of_points",
]


@dataclass
class Sale:
    sale_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    receipt_no: str = ""
    created_at: str = field(default_factory=utc_now_iso)
    state: SaleState = SaleState.OPEN
    lines: list[Line] = field(default_factory=list)
    member: Member | None = None
    redemption: Redemption | None = None
    tenders: list[Tender] = field(default_factory=list)
    earn_op_id: str = ""
    earn_amount: Decimal | None = None
    earned_points: int | None = None  # None: not known yet (pending) or no earn
    balance_after: int | None = None
    completed_at: str = ""
    void_reason: str = ""
    parked_at: str = ""
    campaigns: list[CampaignCredit] = field(default_factory=list)  # issue 16: for the receipt
    next_expiry_points: int | None = None
    next_expiry_on: str = ""  # YYYY-MM-DD (a date: the store's day)

    # -- figures --------------------------------------------------------------------------

    @property
    def total(self) -> Decimal:
        return money(sum((line.amount for line in self.lines), Decimal(0)))

    @property
    def points_value(self) -> Decimal:
        r = self.redemption
        if r is None or r.state in (RedemptionState.REVERSED,):
            return Decimal("0.00")
        return money(r.value)

    @property
    def tendered(self) -> Decimal:
        return money(sum((t.amount for t in self.tenders), Decimal(0)))

    @property
    def due(self) -> Decimal:
        return money(self.total - self.points_value - self.tendered)

    @property
    def change(self) -> Decimal:
        return money(max(Decimal(0), -self.due))

    @property
    def earnable_amount(self) -> Decimal:
        """Points are earned on the part of the sale not paid with points."""
        return money(max(Decimal(0), self.total - self.points_value))

    @property
    def finished(self) -> bool:
        return self.state in (SaleState.COMPLETED, SaleState.VOIDED)

    @property
    def has_payment(self) -> bool:
        return bool(self.tenders) or self.redemption is not None

    def can_change_member(self) -> bool:
        """The member may be removed or changed until any payment was taken."""
        return self.state == SaleState.OPEN and not self.has_payment

    def max_redeemable_points(self, point_value: Decimal) -> int:
        """Capped by the balance and by what is still due (value rounded down to points)."""
        if self.member is None or point_value <= 0:
            return 0
        due = max(Decimal(0), self.total - self.tendered)
        by_total = int((due / point_value).to_integral_value(rounding=ROUND_DOWN))
        return max(0, min(self.member.balance, by_total))

    @property
    def unconfirmed(self) -> bool:
        """The points payment is journaled but its fate is not known yet."""
        r = self.redemption
        return r is not None and r.state == RedemptionState.SENDING

    @property
    def open_op_id(self) -> str:
        """The operation whose answer the sale waits for ("" when none)."""
        r = self.redemption
        if self.state == SaleState.COMPLETING:
            return self.earn_op_id
        if self.state == SaleState.VOIDING and r is not None:
            return r.reverse_op_id
        if r is not None and r.state == RedemptionState.SENDING:
            return r.op_id
        return ""

    @property
    def account(self) -> str:
        return self.member.id if self.member is not None else ""

    # -- persistence ----------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return sale_codec.to_json(self)

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> Sale:
        return sale_codec.from_json(body)

    def snapshot(self) -> Sale:
        """An independent copy (what is saved, or handed to another thread)."""
        return sale_codec.from_json(sale_codec.to_json(self))

    def _save(self) -> list[Effect]:
        return [Save(self.snapshot())]

    def _number(self, till_code: str) -> None:
        """The receipt number is fixed at the sale's first operation (ops carry it)."""
        if not self.receipt_no:
            self.receipt_no = new_receipt_no(till_code, self)

    # -- ringing up -----------------------------------------------------------------------

    def add_line(
        self, description: str, amount: Decimal, code: str = "", category: str = ""
    ) -> list[Effect]:
        if self.state != SaleState.OPEN or self.has_payment:
            return [
                Show(
                    translate(
                        "Sale", "Payment has started: lines can no longer change. Void the sale."
                    ),
                    "warn",
                )
            ]
        if amount <= 0:
            return [Show(translate("Sale", "Enter an amount greater than zero."), "warn")]
        self.lines.append(
            Line(description.strip() or translate("Sale", "Item"), money(amount), code, category)
        )
        return self._save()

    def set_member(self, member: Member) -> list[Effect]:
        if self.member is not None and self.member.id == member.id:
            self.member = member  # fresher data for the same member
            return self._save()
        if not self.can_change_member():
            return [
                Show(
                    translate(
                        "Sale",
                        "Payment has started: the member can no longer be changed on this sale.",
                    ),
                    "warn",
                )
            ]
        self.member = member
        return self._save()

    def remove_member(self) -> list[Effect]:
        if self.member is None:
            return []
        if not self.can_change_member():
            return [
                Show(
                    translate("Sale", "Payment has started: the member can no longer be removed."),
                    "warn",
                )
            ]
        self.member = None
        return self._save()

    def add_tender(self, kind: str, amount: Decimal) -> list[Effect]:
        if self.state != SaleState.OPEN:
            return [Show(translate("Sale", "This sale is not open."), "warn")]
        if self.unconfirmed:
            return self.pay_another_way()
        if not self.lines:
            return [Show(translate("Sale", "Ring up the sale first."), "warn")]
        if amount <= 0:
            return [Show(translate("Sale", "Nothing is left to pay."), "warn")]
        if kind == "card" and amount > self.due:
            return [
                Show(
                    translate("Sale", "The card terminal can't take more than what is due."), "warn"
                )
            ]
        self.tenders.append(Tender(kind, money(amount)))
        return self._save()

    # -- points tender --------------------------------------------------------------------

    def redeem(
        self,
        op_id: str,
        points: int,
        value: Decimal,
        till_code: str = "",
        *,
        challenge_id: str | None = None,
        otp: str | None = None,
        approval: Mapping[str, str] | None = None,
        reason: str | None = None,
    ) -> list[Effect]:
        """Commit the points tender: the sale naming ``op_id`` is saved, then journaled+sent."""
        member = self.member
        if member is None or self.state != SaleState.OPEN:
            return [Show(translate("Sale", "Start a sale first."), "warn")]
        if self.redemption is not None:
            return [Show(translate("Sale", "Points were already used on this sale."), "warn")]
        self._number(till_code)
        body = redeem_body(
            op_id, member.id, points, self.receipt_no, challenge_id, otp, approval, reason
        )
        self.redemption = Redemption(
            op_id=op_id,
            points=points,
            value=money(value),
            with_otp=otp is not None,
            override_by=approval["staff"] if approval else "",
        )
        request = OpRequest("redeem", member.id, op_id, body)
        return [Submit(request, save_first=self.snapshot())]

    def retry_redemption(self) -> list[Effect]:
        """Send the unconfirmed redemption again: the body (OTP included) is the journal's,
        same op_id, so it can never be charged twice."""
        r = self.redemption
        if r is None or r.state != RedemptionState.SENDING:
            return []
        return [Submit(OpRequest("redeem", self.account, r.op_id, None, resume=True))]

    def pay_another_way(self) -> list[Effect]:
        """The customer pays otherwise while the points payment is unconfirmed: cancel it on
        the backend first; "not charged" is said only once the cancel is confirmed."""
        r = self.redemption
        if r is None or r.state != RedemptionState.SENDING:
            return []
        r.cancelling = True
        return [
            *self._save(),
            Show(
                translate(
                    "Sale", "Cancelling the points payment… the sale can be parked (F11) meanwhile."
                )
            ),
            Cancel(r.op_id, "redeem", self.account),
        ]

    # -- parking --------------------------------------------------------------------------

    def park(self, now: str) -> list[Effect]:
        if self.state != SaleState.OPEN or not (self.lines or self.member):
            return [Show(translate("Sale", "There is no open sale to park."), "warn")]
        self.state = SaleState.PARKED
        self.parked_at = now
        return self._save()

    def unpark(self) -> list[Effect]:
        if self.state != SaleState.PARKED:
            return []
        self.state = SaleState.OPEN
        self.parked_at = ""
        return self._save()

    # -- completion -----------------------------------------------------------------------

    def why_not_complete(self) -> str:
        """Empty when the sale may complete, else why not (plain words)."""
        if self.state != SaleState.OPEN:
            return translate("Sale", "This sale is already being finished.")
        if not self.lines:
            return translate("Sale", "Ring up the sale first.")
        if self.unconfirmed:
            return translate(
                "Sale",
                "The points payment is not confirmed yet: retry it (F4), park the sale (F11) "
                "or pay another way (F5/F6).",
            )
        if self.due > 0:
            return translate("Sale", "{due} is still to pay: take cash (F5) or card (F6).").format(
                due=self.due
            )
        return ""

    def complete(self, op_id: str, till_code: str, now: str) -> list[Effect]:
        why = self.why_not_complete()
        if why:
            return [Show(why, "warn")]
        self._number(till_code)
        self.completed_at = now
        member = self.member
        if member is None or self.earnable_amount <= 0 or not member.active:
            self.state = SaleState.COMPLETED
            return [*self._save(), Finished(self.snapshot())]
        self.earn_op_id = op_id
        self.earn_amount = self.earnable_amount
        self.state = SaleState.COMPLETING
        return [Submit(self.earn_request(), save_first=self.snapshot())]

    def earn_request(self, resume: bool = False) -> OpRequest:
        """The earn as journaled (``resume``: the journal's body, same op_id)."""
        assert self.member is not None and self.earn_amount is not None
        body = earn_payload(self)  # with its lines (issue 16)
        return OpRequest("earn", self.member.id, self.earn_op_id, body, resume, False)

    # -- void -----------------------------------------------------------------------------

    def needs_approval_to_void(self) -> bool:
        r = self.redemption
        return r is not None and r.state == RedemptionState.COMMITTED

    def void(
        self,
        op_id: str,
        reason: str,
        till_code: str = "",
        approval: Mapping[str, str] | None = None,
    ) -> list[Effect]:
        """Cancel the sale; a committed redemption is reversed (journaled, manager-approved)."""
        if self.state not in (SaleState.OPEN, SaleState.PARKED):
            return [Show(translate("Sale", "This sale can't be voided now."), "warn")]
        r = self.redemption
        if r is not None and r.state == RedemptionState.SENDING:
            # Settle the points payment first (cancel); the cashier voids once it is known.
            return self.pay_another_way()
        self.void_reason = reason
        self._number(till_code)
        if r is None or r.state != RedemptionState.COMMITTED:
            self.state = SaleState.VOIDED
            return [*self._save(), Finished(self.snapshot())]
        r.reverse_op_id = op_id
        r.state = RedemptionState.REVERSING
        self.state = SaleState.VOIDING
        payload: dict[str, Any] = {
            "op_id": op_id,
            "reason": reason,
            "transaction_id": wire_id(r.transaction_id),
            # Names the redemption for good, also in a backend restored from a backup.
            "reverses_op_id": r.op_id,
        }
        if approval is not None:
            payload["approval"] = dict(approval)
        request = OpRequest("reverse", self.account, op_id, payload)
        return [Submit(request, save_first=self.snapshot())]

    # -- answers (till.core.settlement) ---------------------------------------------------

    def resume(self) -> list[Effect]:
        """After a restart: settle the open operation from the journal, same op_id."""
        return settlement.resume(self)

    def settle(self, outcome: OpOutcome) -> list[Effect]:
        """Apply an operation's answer (first send, sync worker, cancel, restart)."""
        return settlement.settle(self, outcome)


def new_receipt_no(till: str, sale: Sale) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    return f"{till or 'TILL'}-{stamp}-{sale.sale_id[:6].upper()}"
