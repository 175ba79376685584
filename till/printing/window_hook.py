"""What issue 17 adds to the cashier window, in one place (the window gains a few lines).

- Ctrl+P and the receipt's Print button: the receipt printer (``[printer]``), or the PDF
  fallback of :class:`till.receipt_panel.ReceiptPanel` when none is configured.
- Ctrl+Shift+P "Reprint last receipt": the last receipt again, marked as a copy.
- A scanned receipt claim QR code: the identified member claims that receipt's points
  (:mod:`till.printing.receipt_claim`), no manager needed.
- The customer display (:mod:`till.customer_display`) when the till has a second screen.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject

from devices.events import Identified, ReadKind
from till.core.outcome import OpOutcome, OpStatus
from till.printing.receipt_claim import claim_request, is_claim_code, outcome_words, receipt_of
from till.printing.receipt_service import ReceiptService
from till.translate import translate

log = logging.getLogger(__name__)


class ReceiptsHook(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.service = ReceiptService(window.ctx, self)
        window.flow.finished.connect(self.service.sale_finished)
        self.service.printed.connect(window.say)
        button = window.receipt_panel.print_button
        button.clicked.disconnect()
        button.clicked.connect(self.print_receipt)
        from till import customer_display

        self.display = customer_display.install(window, self.service)
        if self.display is not None:
            window.destroyed.connect(self.display.deleteLater)

    def print_receipt(self) -> None:
        if not self.service.print_last():
            self.window.receipt_panel.print_receipt()

    def reprint(self) -> None:
        if self.service.last is None:
            self.window.say(
                translate("Printing", "No receipt to reprint yet on this till."), "warn"
            )
        elif not self.service.reprint():
            self.window.receipt_panel.print_receipt()

    def close(self) -> None:
        if self.display is not None:
            self.display.close()
        self.service.runner.wait_for_done(10_000)

    # -- claims ---------------------------------------------------------------------------

    def claim_scanned(self, event: Identified) -> bool:
        """True when ``event`` was a receipt's claim QR code (handled here)."""
        if event.kind != ReadKind.UNKNOWN or not is_claim_code(event.raw):
            return False
        window = self.window
        member = window.flow.sale.member
        if member is None:
            window.say(
                translate(
                    "Printing",
                    "This is a receipt's points code: identify the member first (card, code or "
                    "phone), then scan it again.",
                ),
                "warn",
            )
            return True
        token, receipt_no = event.raw.strip(), receipt_of(event.raw)
        req = claim_request(member.id, token)
        ctx = window.ctx
        window.say(
            translate("Printing", "Adding the points of receipt {number} for {name}…").format(
                number=receipt_no, name=member.name
            )
        )

        def done(outcome: OpOutcome) -> None:
            text, level = outcome_words(outcome, receipt_no)
            window.say(text, level)
            if outcome.status == OpStatus.DONE and outcome.result is not None:
                window.remember_balance(member.id, outcome.result.balance)

        def failed(exc: BaseException) -> None:
            log.error("the claim of receipt %s failed", receipt_no, exc_info=exc)
            window.say(
                translate("Printing", "The receipt could not be claimed: call a manager."), "bad"
            )

        submitter = ctx.submitter
        ctx.runner.run(lambda: submitter.submit(req), done, failed)
        return True
