"""Who the customer is: a card read or a typed phone becomes the sale's member.

Why apart from the window: identification has its own rules at the counter — a read while
the card bench is open is the technician's, a receipt's claim code is not a member, a read
while a dialog is open waits, an unknown card or phone opens registration, a lookup the
backend can't answer shows the member as last known (offline) — and the window only hands
reads over. The lookups themselves are :class:`till.identify.Identifier`'s (off the GUI
thread); this module says what the cashier sees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from devices.events import Identified
from till.identify import LookupKind, LookupResult
from till.redeem_dialog import RedeemDialog
from till.registration_dialog import RegistrationDialog
from till.translate import translate
from till.void_dialog import VoidDialog

if TYPE_CHECKING:
    from till.main_window import MainWindow


class MemberLookup:
    """The cashier window's identification (``window.members``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def ensure_open_sale(self) -> None:
        if self.window.flow.sale.finished:
            self.window.new_sale()

    def on_identified(self, event: Identified) -> None:
        window = self.window
        if window.bench_is_open():
            # The technician is swiping sample cards at the bench: not a customer.
            window.say(
                translate("MainWindow", "The card test bench is open: reads go to the bench."),
                "warn",
            )
            return
        if window.receipts.claim_scanned(event):  # a receipt's points code (issue 17)
            return
        if isinstance(window.dialog, RegistrationDialog | RedeemDialog | VoidDialog):
            window.say(
                translate("MainWindow", "Finish or close the open dialog first (Esc)."), "warn"
            )
            return
        self.ensure_open_sale()
        window.identifier.identify(event, self.looked_up)

    def lookup_phone(self, phone: str) -> None:
        self.ensure_open_sale()
        self.window.say(translate("MainWindow", "Looking the member up…"))
        self.window.identifier.lookup("phone", phone, self.looked_up)

    def looked_up(self, result: LookupResult) -> None:
        window = self.window
        if result.kind == LookupKind.MEMBER and result.member is not None:
            if window.flow.set_member(result.member):
                if result.member.offline:
                    window.say(
                        translate(
                            "MainWindow",
                            "{name}: offline, last known data. Points earned now are added when the loyalty server is back.",
                        ).format(name=result.member.name),
                        "warn",
                    )
                else:
                    window.say(
                        translate("MainWindow", "Member: {name}").format(name=result.member.name),
                        "ok",
                    )
                if window.member_panel.phone_edit.hasFocus():
                    # Typed and found: on to the sale's next item (Enter there reaches the
                    # amount), not left in a field whose next keys would look a member up.
                    window.sale_panel.description_edit.setFocus()
            return
        level = "bad" if result.kind == LookupKind.REFUSED else "warn"
        window.say(result.message, level)
        if result.kind == LookupKind.UNKNOWN:
            window.register(result.card, result.phone)
        if result.kind == LookupKind.UNAVAILABLE:
            window.monitor.poll()

    def remove_member(self) -> None:
        if self.window.flow.remove_member():
            self.window.say(translate("MainWindow", "Member removed from the sale."))
