"""``till-cardtest doctor``: is the receipt printer there, online, and does it have paper?

Opens the configured printer (``[printer]``) as a print would, then asks its status with
python-escpos ``is_online()`` / ``paper_status()`` (ESC/POS ``DLE EOT 1`` and ``DLE EOT 4``)
where the transport can read an answer; a device file cannot, and says so.
"""

from __future__ import annotations

from till.cardtest.check_result import FAIL, PASS, SKIP, WARN, CheckResult
from till.config import PrinterConfig
from till.printing import printers
from till.printing.printers import PrinterError

TITLE = "Receipt printer"


def check_printer(cfg: PrinterConfig | None) -> CheckResult:
    if cfg is None or cfg.kind == "none":
        return CheckResult(
            "printer",
            TITLE,
            SKIP,
            "No receipt printer is configured: Ctrl+P saves receipts as PDF files.",
            "Set [printer] kind, and its port, host or device, in the till's configuration.",
        )
    where = printers.describe(cfg)
    try:
        printer = printers.open_printer(cfg)
    except PrinterError as exc:
        return CheckResult(
            "printer",
            TITLE,
            FAIL,
            str(exc),
            f"Check the cable and power of the {where}, and the [printer] settings.",
        )
    try:
        state = printers.status(printer, cfg)
    finally:
        printer.close()
    if state.problem():
        return CheckResult(
            "printer", TITLE, FAIL, state.problem(), f"Fix the {where}, then test again."
        )
    if state.paper == 1:
        return CheckResult(
            "printer", TITLE, WARN, f"The {where} is online; its paper roll is nearly at its end.",
            "Put a new roll in soon.",
        )  # fmt: skip
    if state.online is None:
        detail = f"The {where} opens; it does not report its state over this connection."
    else:
        detail = f"The {where} is online and has paper."
    return CheckResult("printer", TITLE, PASS, detail)
