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
from till.translate import QT_TRANSLATE_NOOP, translate

TITLE = QT_TRANSLATE_NOOP("Doctor", "Receipt printer")


def check_printer(cfg: PrinterConfig | None) -> CheckResult:
    if cfg is None or cfg.kind == "none":
        return CheckResult(
            "printer",
            translate("Doctor", TITLE),
            SKIP,
            translate(
                "Doctor", "No receipt printer is configured: Ctrl+P saves receipts as PDF files."
            ),
            translate(
                "Doctor",
                "Set [printer] kind, and its port, host or device, in the till's configuration.",
            ),
        )
    where = printers.describe(cfg)
    try:
        printer = printers.open_printer(cfg)
    except PrinterError as exc:
        return CheckResult(
            "printer",
            translate("Doctor", TITLE),
            FAIL,
            str(exc),
            translate(
                "Doctor", "Check the cable and power of the {where}, and the [printer] settings."
            ).format(where=where),
        )
    try:
        state = printers.status(printer, cfg)
    finally:
        printer.close()
    if state.problem():
        return CheckResult(
            "printer",
            translate("Doctor", TITLE),
            FAIL,
            state.problem(),
            translate("Doctor", "Fix the {where}, then test again.").format(where=where),
        )
    if state.paper == 1:
        return CheckResult(
            "printer",
            translate("Doctor", TITLE),
            WARN,
            translate(
                "Doctor", "The {where} is online; its paper roll is nearly at its end."
            ).format(where=where),
            translate("Doctor", "Put a new roll in soon."),
        )
    if state.online is None:
        detail = translate(
            "Doctor", "The {where} opens; it does not report its state over this connection."
        ).format(where=where)
    else:
        detail = translate("Doctor", "The {where} is online and has paper.").format(where=where)
    return CheckResult("printer", translate("Doctor", TITLE), PASS, detail)
