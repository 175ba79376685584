"""The cashier's dialogs: register a member, pay with points, void the sale.

Why apart from the window: each dialog has its own preconditions (offline, payment started,
nothing due, a redemption to give back) that decide whether it opens at all, and what the
banner says when it does not. The window keeps the layout and the keys; this keeps the rules
for opening dialogs. Dialogs open window-modal without a nested event loop.

What the dialogs may do to the window is :class:`Screen`, and nothing else: say something on
the banner (and read it back), open a dialog, write an amount as the till does, and tell
that a void was confirmed. They never reach into the window's widgets, so the window's
layout can change (other panels, other hooks) without them, and they can be tested on a
screen of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import QDialog, QWidget

from offline_queue.sync import OpOutcome as SyncOutcome
from till.context import AppContext
from till.core.outcome import KEY_MESSAGE, OpOutcome, OpStatus
from till.core.sale import RedemptionState, SaleState
from till.identify import LookupKind, LookupResult, lookup_blocking, member_from
from till.phone_numbers import NotAPhoneNumber, national, region_of, to_e164
from till.redeem_dialog import RedeemDialog
from till.registration import replay_words
from till.registration_dialog import RegistrationDialog
from till.sale_flow import SaleFlow
from till.translate import translate
from till.void_dialog import VoidDialog

OFFLINE_REDEEM = (
    "Points can't be used while the loyalty server is offline: the code sent to the "
    "customer's phone can't be checked. Take another payment; points are still earned."
)
UNKNOWN_REDEEM = (
    "Points can't be used until the till has reached the loyalty server (checking…). "
    "Try again in a moment, or take another payment."
)


def _nothing() -> None:
    pass


@dataclass(frozen=True)
class Screen:
    """The window as the dialogs see it: the whole of their interface to it."""

    parent: QWidget  # the dialogs' parent: they are modal to it
    say: Callable[[str, str], None]  # the banner: text, level ("info", "ok", "warn", "bad")
    banner_text: Callable[[], str]
    open_dialog: Callable[[QDialog], None]
    money: Callable[[Decimal], str]  # "GBP 12.50", as the sale panel writes it
    void_confirmed: Callable[[], None] = _nothing  # the cashier confirmed a void


class CashierDialogs:
    def __init__(self, ctx: AppContext, flow: SaleFlow, screen: Screen) -> None:
        self.ctx = ctx
        self.flow = flow
        self.screen = screen
        ctx.sync_signals.op_outcome.connect(self.registration_replayed)

    def say(self, text: str, level: str = "info") -> None:
        self.screen.say(text, level)

    def remember_balance(self, member_id: str, balance: int | None) -> None:
        """Keep the offline cache's balance as the backend last answered it."""
        if balance is not None:
            cache = self.ctx.account_cache
            self.ctx.runner.run(lambda: cache.adjust_balance(member_id, balance))

    def register(self, card: str | None, phone: str | None) -> None:
        if not self.flow.sale.can_change_member():
            self.say(
                translate(
                    "MainWindow", "Payment has started: register the member after this sale."
                ),
                "warn",
            )
            return
        # Offline too (issue 11): the registration is journaled and registered on replay.
        # The cashier reads the number back to the customer as they would say it (national
        # form, "07700 900123"); the backend takes that form for the store's region.
        region = region_of(self.ctx.session)
        shown = national(phone, region) if phone else phone
        dialog = RegistrationDialog(
            self.ctx.submitter, self.ctx.runner, card, shown, self.screen.parent, region
        )

        def accepted() -> None:
            outcome = dialog.outcome
            if dialog.customer is None and outcome is not None and outcome.message:
                self.say(outcome.message, "warn")  # saved: registered when back online
            if dialog.customer is not None:
                customer = dialog.customer
                self.ctx.runner.run(lambda: self.ctx.account_cache.put(customer, card=card))
                self.flow.set_member(member_from(customer, region=region))
                self.say(
                    translate(
                        "MainWindow", "Welcome, {name}: registered and added to this sale."
                    ).format(name=customer.name),
                    "ok",
                )

        dialog.accepted.connect(accepted)
        self.screen.open_dialog(dialog)

    def registration_replayed(self, outcome: object) -> None:
        """A registration saved while offline was settled by the sync worker: say so, and
        keep the new member for offline identification (issue 11)."""
        words = replay_words(outcome) if isinstance(outcome, SyncOutcome) else None
        if words is None:
            return
        text, level, customer = words
        if customer is not None:
            self.ctx.runner.run(lambda: self.ctx.account_cache.put(customer))
        self.say(text, level)

    def redeem(self) -> None:
        sale = self.flow.sale
        if sale.state != SaleState.OPEN:
            self.say(translate("MainWindow", "Start a sale first."), "warn")
            return
        r = sale.redemption
        if r is not None and r.state == RedemptionState.SENDING:
            self.say(translate("MainWindow", "Trying the points payment again…"))
            self.flow.retry_redemption(self._retried)
            return
        if r is not None:
            self.say(translate("MainWindow", "Points were already used on this sale."), "warn")
            return
        if sale.member is None:
            self.say(
                translate("MainWindow", "Identify the member first: swipe, scan, or phone (F2)."),
                "warn",
            )
            return
        signals = self.ctx.sync_signals
        if signals.key_refused:
            self.say(translate("Sale", KEY_MESSAGE), "bad")
            return
        if sale.member.offline or signals.online is False:
            self.say(OFFLINE_REDEEM, "bad")
            return
        if signals.online is None:  # finding 10: at start the state is not known yet
            self.say(UNKNOWN_REDEEM, "warn")
            return
        if not sale.member.active:
            self.say(
                translate(
                    "MainWindow", "This loyalty account is inactive: it cannot redeem points."
                ),
                "bad",
            )
            return
        session = self.ctx.session
        if session is None:
            self.say(
                translate(
                    "MainWindow", "The store's loyalty settings are not loaded yet; try again."
                ),
                "warn",
            )
            self.ctx.refresh_session()
            return
        if sale.max_redeemable_points(session.point_value) <= 0:
            self.say(
                translate(
                    "MainWindow", "No points can be used: nothing is due, or the balance is empty."
                ),
                "warn",
            )
            return
        dialog = RedeemDialog(
            self.flow,
            self.ctx.client,
            self.ctx.runner,
            session,
            self.ctx.config.ui.currency,
            self.screen.parent,
            resend_cooldown_s=self.ctx.config.ui.otp_resend_cooldown_s,
        )

        def accepted() -> None:
            red = self.flow.sale.redemption
            if red is not None and self.flow.sale.member is not None:
                self.remember_balance(self.flow.sale.member.id, red.balance_after)
                self.say(
                    translate(
                        "MainWindow", "{points} points paid {value}. Due now: {value2}."
                    ).format(
                        points=red.points,
                        value=self.screen.money(red.value),
                        value2=self.screen.money(self.flow.sale.due),
                    ),
                    "ok",
                )

        dialog.accepted.connect(accepted)
        self.screen.open_dialog(dialog)

    def _retried(self, outcome: OpOutcome) -> None:
        if outcome.status == OpStatus.DONE:
            self.say(translate("MainWindow", "The points payment is confirmed."), "ok")
        elif not outcome.status.not_charged:
            self.say(
                translate(
                    "MainWindow",
                    "{message} The points payment is still unconfirmed: retry (F4), park the sale (F11) or pay another way (F5/F6).",
                ).format(message=outcome.message),
                "warn",
            )

    def void(self) -> None:
        sale = self.flow.sale
        if sale.state != SaleState.OPEN or not (sale.lines or sale.member):
            self.say(translate("MainWindow", "There is no open sale to void."), "warn")
            return
        needs = self.flow.needs_approval_to_void()
        points = sale.redemption.points if sale.redemption else 0
        dialog = VoidDialog(needs, points, self.screen.parent)

        def accepted() -> None:
            self.screen.void_confirmed()
            self.flow.void(dialog.reason, self._void_outcome, dialog.approval())

        dialog.accepted.connect(accepted)
        self.screen.open_dialog(dialog)

    def _void_outcome(self, outcome: OpOutcome) -> None:
        if outcome.status == OpStatus.PENDING:
            self.say(
                translate(
                    "MainWindow", "Sale voided. The points are given back when the server is back."
                ),
                "warn",
            )

    # -- keeping the screen true (issue 12, findings 6 and 7) ------------------------------

    def cashier_went_on(self, _text: str = "") -> None:
        """The cashier typed on: a warning about the previous entry no longer applies."""
        if self.screen.banner_text():
            self.say("")

    def backend_back(self, online: bool) -> None:
        """Online again: an offline ("last known data") member is looked up afresh, so the
        panel shows the live balance instead of the cached one."""
        member = self.flow.sale.member
        if not online or member is None or not member.offline or not member.phone:
            return
        region = region_of(self.ctx.session)
        try:
            phone = to_e164(member.phone, region) if region else member.phone
        except NotAPhoneNumber:
            return
        client, cache, member_id = self.ctx.client, self.ctx.account_cache, member.id

        def done(result: LookupResult) -> None:
            current = self.flow.sale.member
            fresh = result.member
            if result.kind != LookupKind.MEMBER or fresh is None or fresh.offline:
                return
            if current is None or current.id != member_id or fresh.id != member_id:
                return  # the cashier changed the member meanwhile
            self.flow.set_member(fresh)
            if (
                "offline" in self.screen.banner_text().lower()
                and fresh.name in self.screen.banner_text()
            ):
                self.say(
                    translate("MainWindow", "Member: {name} (the loyalty server is back)").format(
                        name=fresh.name
                    ),
                    "ok",
                )

        self.ctx.runner.run(lambda: lookup_blocking(client, cache, "phone", phone, region), done)

    def pending_changed(self, pending: int) -> None:
        """Everything the till kept has reached the server: "points pending" is no longer so."""
        if pending == 0 and "Points pending" in self.screen.banner_text():
            self.say(
                translate("MainWindow", "The points kept while offline have been added."), "ok"
            )
