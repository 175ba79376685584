"""The cashier's dialogs: register a member, pay with points, void the sale.

Why apart from the window: each dialog has its own preconditions (offline, payment started,
nothing due, a redemption to give back) that decide whether it opens at all, and what the
banner says when it does not. The window keeps the layout and the keys; this keeps the rules
for opening dialogs. Dialogs open window-modal without a nested event loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from till.core.outcome import KEY_MESSAGE, OpOutcome, OpStatus
from till.core.sale import RedemptionState, SaleState
from till.identify import LookupKind, LookupResult, lookup_blocking, member_from
from till.phone_numbers import NotAPhoneNumber, national, region_of, to_e164
from till.redeem_dialog import RedeemDialog
from till.registration_dialog import RegistrationDialog
from till.void_dialog import VoidDialog

if TYPE_CHECKING:
    from till.main_window import MainWindow

OFFLINE_REDEEM = (
    "Points can't be used while the loyalty server is offline: the code sent to the "
    "customer's phone can't be checked. Take another payment; points are still earned."
)
UNKNOWN_REDEEM = (
    "Points can't be used until the till has reached the loyalty server (checking…). "
    "Try again in a moment, or take another payment."
)


class CashierDialogs:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def register(self, card: str | None, phone: str | None) -> None:
        w = self.window
        if not w.flow.sale.can_change_member():
            w.say("Payment has started: register the member after this sale.", "warn")
            return
        if w.ctx.sync_signals.online is False:
            w.say("New members can be registered when the loyalty server is back.", "warn")
            return
        # The cashier reads the number back to the customer as they would say it (national
        # form, "07700 900123"); the backend takes that form for the store's region.
        region = region_of(w.ctx.session)
        shown = national(phone, region) if phone else phone
        dialog = RegistrationDialog(w.ctx.client, w.ctx.runner, card, shown, w)

        def accepted() -> None:
            if dialog.customer is not None:
                customer = dialog.customer
                w.ctx.runner.run(lambda: w.ctx.account_cache.put(customer, card=card))
                w.flow.set_member(member_from(customer, region=region))
                w.say(f"Welcome, {customer.name}: registered and added to this sale.", "ok")

        dialog.accepted.connect(accepted)
        w.open_dialog(dialog)

    def redeem(self) -> None:
        w = self.window
        sale = w.flow.sale
        if sale.state != SaleState.OPEN:
            w.say("Start a sale first.", "warn")
            return
        r = sale.redemption
        if r is not None and r.state == RedemptionState.SENDING:
            w.say("Trying the points payment again…")
            w.flow.retry_redemption(self._retried)
            return
        if r is not None:
            w.say("Points were already used on this sale.", "warn")
            return
        if sale.member is None:
            w.say("Identify the member first: swipe, scan, or phone (F2).", "warn")
            return
        signals = w.ctx.sync_signals
        if signals.key_refused:
            w.say(KEY_MESSAGE, "bad")
            return
        if sale.member.offline or signals.online is False:
            w.say(OFFLINE_REDEEM, "bad")
            return
        if signals.online is None:  # finding 10: at start the state is not known yet
            w.say(UNKNOWN_REDEEM, "warn")
            return
        if not sale.member.active:
            w.say("This loyalty account is inactive: it cannot redeem points.", "bad")
            return
        session = w.ctx.session
        if session is None:
            w.say("The store's loyalty settings are not loaded yet; try again.", "warn")
            w.ctx.refresh_session()
            return
        if sale.max_redeemable_points(session.point_value) <= 0:
            w.say("No points can be used: nothing is due, or the balance is empty.", "warn")
            return
        dialog = RedeemDialog(
            w.flow,
            w.ctx.client,
            w.ctx.runner,
            session,
            w.currency,
            w,
            resend_cooldown_s=w.ctx.config.ui.otp_resend_cooldown_s,
        )

        def accepted() -> None:
            red = w.flow.sale.redemption
            if red is not None and w.flow.sale.member is not None:
                w.remember_balance(w.flow.sale.member.id, red.balance_after)
                w.say(
                    f"{red.points} points paid {w.sale_panel.money(red.value)}. "
                    f"Due now: {w.sale_panel.money(w.flow.sale.due)}.",
                    "ok",
                )

        dialog.accepted.connect(accepted)
        w.open_dialog(dialog)

    def _retried(self, outcome: OpOutcome) -> None:
        w = self.window
        if outcome.status == OpStatus.DONE:
            w.say("The points payment is confirmed.", "ok")
        elif not outcome.status.not_charged:
            w.say(
                f"{outcome.message} The points payment is still unconfirmed: retry (F4), park "
                "the sale (F11) or pay another way (F5/F6).",
                "warn",
            )

    def void(self) -> None:
        w = self.window
        sale = w.flow.sale
        if sale.state != SaleState.OPEN or not (sale.lines or sale.member):
            w.say("There is no open sale to void.", "warn")
            return
        needs = w.flow.needs_approval_to_void()
        points = sale.redemption.points if sale.redemption else 0
        dialog = VoidDialog(needs, points, w)

        def accepted() -> None:
            w.recovery_bar.hide()
            w.flow.void(dialog.reason, self._void_outcome, dialog.approval())

        dialog.accepted.connect(accepted)
        w.open_dialog(dialog)

    def _void_outcome(self, outcome: OpOutcome) -> None:
        w = self.window
        if outcome.status == OpStatus.PENDING:
            w.say("Sale voided. The points are given back when the server is back.", "warn")

    # -- keeping the screen true (issue 12, findings 6 and 7) ------------------------------

    def cashier_went_on(self, _text: str = "") -> None:
        """The cashier typed on: a warning about the previous entry no longer applies."""
        w = self.window
        if w.banner.text():
            w.say("")

    def backend_back(self, online: bool) -> None:
        """Online again: an offline ("last known data") member is looked up afresh, so the
        panel shows the live balance instead of the cached one."""
        w = self.window
        member = w.flow.sale.member
        if not online or member is None or not member.offline or not member.phone:
            return
        region = region_of(w.ctx.session)
        try:
            phone = to_e164(member.phone, region) if region else member.phone
        except NotAPhoneNumber:
            return
        client, cache, member_id = w.ctx.client, w.ctx.account_cache, member.id

        def done(result: LookupResult) -> None:
            current = w.flow.sale.member
            fresh = result.member
            if result.kind != LookupKind.MEMBER or fresh is None or fresh.offline:
                return
            if current is None or current.id != member_id or fresh.id != member_id:
                return  # the cashier changed the member meanwhile
            w.flow.set_member(fresh)
            if "offline" in w.banner.text().lower() and fresh.name in w.banner.text():
                w.say(f"Member: {fresh.name} (the loyalty server is back)", "ok")

        w.ctx.runner.run(lambda: lookup_blocking(client, cache, "phone", phone, region), done)

    def pending_changed(self, pending: int) -> None:
        """Everything the till kept has reached the server: "points pending" is no longer so."""
        w = self.window
        if pending == 0 and "Points pending" in w.banner.text():
            w.say("The points kept while offline have been added.", "ok")
