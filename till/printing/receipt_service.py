"""The cashier window's receipts: built when a sale finishes, printed on Ctrl+P, reprinted.

Why a service apart from the window: printing blocks (USB, serial, TCP port 9100 with a
timeout) and a printer that is off, unplugged or out of paper must never hold the sale —
every print runs on a one-thread pool of its own (prints leave in order, and a slow printer
never occupies the threads the sale and the backend use), and its outcome comes back as a
``printed`` signal in plain words. The claim QR's token is signed here when the sale
finishes (the till's claim key, :mod:`till.printing.claim_key`), and announced with
``ready`` so the customer display can show the same QR large.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from server.claim_tokens import ClaimKey
from till.config import PrinterConfig
from till.core.sale import Sale
from till.printing import printers
from till.printing.claim_key import claim_token_for, demo_claim_key, load_claim_key
from till.printing.escpos_doc import render
from till.printing.layout import Claim, Receipt, Text, build_receipt, paper_columns
from till.printing.printers import PrinterError
from till.receipt import store_locale, store_zone
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadyReceipt:
    """A finished sale's receipt, and its claim token (None: member sale, or no claim key)."""

    sale: Sale
    receipt: Receipt
    claim_token: str | None
    claim_points: int | None


def store_name(session: Any) -> str:
    """The store's name for the receipt's header (``/v1/session`` ``store.name``), else its code."""
    if session is None:
        return ""
    store = session.raw.get("store") if isinstance(session.raw, Mapping) else None
    name = store.get("name") if isinstance(store, Mapping) else None
    return str(name) if name else str(session.store)


class ReceiptService(QObject):
    """``ready(ReadyReceipt)`` when a sale finished; ``printed(message, level)`` after each
    print ("ok" or "bad"); ``idle`` when no print is in flight (tests wait on it)."""

    ready = Signal(object)
    printed = Signal(str, str)
    idle = Signal()

    def __init__(self, ctx: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.printer: PrinterConfig = ctx.config.printer
        self.claim_key: ClaimKey | None = None
        self.last: ReadyReceipt | None = None
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)  # receipts leave in the order they were asked for
        self.runner = TaskRunner(pool, self)
        self.runner.idle.connect(self.idle)
        secrets, demo = ctx.config.secrets, ctx.demo

        def key() -> ClaimKey | None:
            if demo is not None:
                try:
                    return demo_claim_key(demo)
                except Exception as exc:  # the demo goes on without claim QR codes
                    log.warning("no demo claim key: %s", type(exc).__name__)
                    return None
            return load_claim_key(secrets.keyring_service, secrets.allow_plaintext_keyring)

        self.runner.run(key, self._key_loaded)

    @property
    def configured(self) -> bool:
        """A receipt printer is set up (else the window's PDF fallback prints)."""
        return self.printer.kind != "none"

    def _key_loaded(self, key: object) -> None:
        if isinstance(key, ClaimKey):
            self.claim_key = key
            log.info("receipts carry claim QR codes (%s)", key)  # names the key, never its secret
        else:
            log.info("no receipt claim key: receipts print without a claim QR code")

    def set_printer(self, cfg: PrinterConfig) -> None:
        """Settings changed the printer (takes effect with the next print)."""
        self.printer = cfg

    # -- building -------------------------------------------------------------------------

    def sale_finished(self, sale: Sale) -> ReadyReceipt:
        session = self.ctx.session
        token = claim_token_for(sale, self.claim_key)
        points: int | None = None
        if token is not None and session is not None:
            points = int(
                (sale.earnable_amount * session.points_per_unit).to_integral_value(ROUND_DOWN)
            )
        receipt = build_receipt(
            sale,
            store=store_name(session),
            currency=self.ctx.config.ui.currency,
            zone=store_zone(session.raw if session else None),
            paper_mm=self.printer.paper_mm,
            claim=Claim(token, points) if token else None,
            locale=store_locale(session.raw if session else None),
            columns=paper_columns(self.printer.paper_mm, self.printer.profile),
        )
        self.last = ReadyReceipt(sale, receipt, token, points)
        self.ready.emit(self.last)
        return self.last

    # -- printing -------------------------------------------------------------------------

    def print_last(self, copy: bool = False) -> bool:
        """Send the last receipt to the receipt printer, off the GUI thread; False when there
        is no receipt or no printer is configured (the caller then falls back)."""
        ready = self.last
        if ready is None or not self.configured:
            return False
        receipt = ready.receipt
        if copy:
            marked = (
                Text(translate("Printing", "*** COPY ***"), align="center", bold=True),
                *receipt.blocks,
            )
            receipt = dataclasses.replace(receipt, blocks=marked)
        cfg, no = self.printer, receipt.receipt_no

        def job() -> None:
            printers.send(cfg, render(receipt, cfg.profile))

        def done(_: object) -> None:
            log.info("receipt %s printed on %s", no, printers.describe(cfg))
            self.printed.emit(
                translate("Printing", "Receipt {number} printed.").format(number=no), "ok"
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PrinterError):
                self.printed.emit(
                    translate("Printing", "{problem} The sale is not affected.").format(
                        problem=exc
                    ),
                    "bad",
                )
            else:
                log.error("printing receipt %s failed", no, exc_info=exc)
                self.printed.emit(
                    translate(
                        "Printing",
                        "The receipt could not be printed (see the log). The sale is not affected.",
                    ),
                    "bad",
                )

        self.runner.run(job, done, failed)
        return True

    def reprint(self) -> bool:
        """The last receipt again, marked as a copy."""
        return self.print_last(copy=True)
