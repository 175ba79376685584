"""The configured receipt printer (``[printer]``), opened with python-escpos, and its state.

Transports: ``usb`` (python-escpos ``Usb``, pyusb), ``serial`` (``Serial``), ``network``
(``Network``: raw TCP, port 9100 by default), ``file`` (``File``: e.g. ``/dev/usb/lp0``).
``none``: no receipt printer (the cashier window falls back to a PDF file).

Every failure becomes a :class:`PrinterError` whose ``str()`` a cashier can act on ("The
receipt printer is out of paper."): an unplugged, switched-off or paperless printer must
never reach the cashier as a traceback, and never stop the sale (the caller runs this off
the GUI thread). Status: ``DLE EOT 1`` (online) and ``DLE EOT 4`` (paper sensor), through
python-escpos ``is_online()`` / ``paper_status()``, where the transport can read (USB,
serial, network); a device file cannot answer, so its status is "unknown".
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from typing import Any

from till.config import PrinterConfig
from till.errors import TillError
from till.translate import translate

log = logging.getLogger(__name__)


class PrinterError(TillError):
    """The receipt could not be printed; the message says what to do."""


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer says about itself; None: the transport cannot tell."""

    online: bool | None
    paper: int | None  # 2 plenty, 1 near the end, 0 none (python-escpos paper_status)

    def problem(self) -> str:
        """A sentence for the cashier, "" when all is well or unknown."""
        if self.online is False:
            return translate(
                "Printing", "The receipt printer is offline: check its cover and power."
            )
        if self.paper == 0:
            return translate("Printing", "The receipt printer is out of paper: put in a new roll.")
        return ""


def describe(cfg: PrinterConfig) -> str:
    """Where receipts go, in words (never a secret: printers have none)."""
    if cfg.kind == "usb":
        return f"USB printer {cfg.usb_vendor_id}:{cfg.usb_product_id}"
    if cfg.kind == "serial":
        return f"serial printer {cfg.serial_port} at {cfg.serial_baud} baud"
    if cfg.kind == "network":
        return f"network printer {cfg.host}:{cfg.port}"
    if cfg.kind == "file":
        return f"printer file {cfg.path}"
    return "no receipt printer"


def _hex(text: str, what: str) -> int:
    try:
        return int(text, 16)
    except ValueError:
        raise PrinterError(
            translate("Printing", "printer.{key} must be a hex id like 04b8, not {value}").format(
                key=what, value=repr(text)
            )
        ) from None


def open_printer(cfg: PrinterConfig) -> Any:
    """A connected python-escpos printer for ``cfg``; :class:`PrinterError` when it is not there."""
    from escpos.exceptions import Error as EscposError

    profile = {"profile": cfg.profile} if cfg.profile else {}
    try:
        if cfg.kind == "usb":
            from escpos.printer import Usb

            printer: Any = Usb(
                _hex(cfg.usb_vendor_id, "usb_vendor_id"),
                _hex(cfg.usb_product_id, "usb_product_id"),
                timeout=int(cfg.timeout_s * 1000),
                **profile,
            )
        elif cfg.kind == "serial":
            from escpos.printer import Serial

            printer = Serial(
                cfg.serial_port, baudrate=cfg.serial_baud, timeout=cfg.timeout_s, **profile
            )
        elif cfg.kind == "network":
            from escpos.printer import Network

            printer = Network(cfg.host, port=cfg.port, timeout=cfg.timeout_s, **profile)
            # Connected here: python-escpos's own open() leaks its socket when refused.
            printer.device = socket.create_connection((cfg.host, cfg.port), cfg.timeout_s)
            return printer
        elif cfg.kind == "file":
            from escpos.printer import File

            printer = File(cfg.path, **profile)
        else:
            raise PrinterError(translate("Printing", "No receipt printer is set up on this till."))
        printer.open()
    except PrinterError:
        raise
    except (EscposError, OSError, RuntimeError, ValueError) as exc:
        log.warning("%s cannot be opened: %s", describe(cfg), exc)
        raise PrinterError(
            translate(
                "Printing",
                "The receipt printer ({printer}) does not answer: check that it is "
                "switched on and plugged in.",
            ).format(printer=describe(cfg))
        ) from exc
    return printer


def status(printer: Any, cfg: PrinterConfig) -> PrinterStatus:
    """``is_online()`` / ``paper_status()`` where the transport reads; else unknown."""
    if cfg.kind == "file":
        return PrinterStatus(None, None)
    try:
        online = bool(printer.is_online())
        paper = int(printer.paper_status())
    except Exception as exc:  # a transport that cannot read, or a printer that does not answer
        log.info("%s gave no status: %s", describe(cfg), exc)
        return PrinterStatus(None, None)
    return PrinterStatus(online, paper)


def send(cfg: PrinterConfig, data: bytes, check_status: bool = True) -> None:
    """Open the printer, check it can print, send ``data``, close. Blocking: off the GUI thread."""
    printer = open_printer(cfg)
    try:
        if check_status and cfg.kind in ("usb", "serial"):
            # A network printer's status read waits for its timeout when it does not answer
            # DLE EOT; those are checked by the doctor instead.
            problem = status(printer, cfg).problem()
            if problem:
                raise PrinterError(problem)
        try:
            printer._raw(data)  # python-escpos's transport write: the bytes rendered already
        except (OSError, RuntimeError) as exc:
            log.warning("writing to %s failed: %s", describe(cfg), exc)
            raise PrinterError(
                translate(
                    "Printing",
                    "The receipt printer ({printer}) stopped answering while printing: "
                    "check it, then reprint the last receipt.",
                ).format(printer=describe(cfg))
            ) from exc
    finally:
        try:
            printer.close()
        except Exception:
            log.debug("closing %s failed", describe(cfg), exc_info=True)
