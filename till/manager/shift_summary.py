"""End-of-shift loyalty summary: points earned, redeemed (with OTP / with a manager's
override), reversals, and what this till still holds — pending and refused operations.

Why both sources: the backend's ledger knows what happened (``GET /v1/reports/shift`` for
this key's till), the till's journal knows what has not reached the ledger yet. A manager
closing the till needs both, printed, so nothing is lost between shifts.
"""

from __future__ import annotations

import logging
import time as wall_clock
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QMarginsF, Qt, Signal
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offline_queue.journal import Journal
from offline_queue.op import OpState
from till.backend_client import BackendClient, BackendError
from till.manager.campaigns_view import effect_lines
from till.manager.store_time import day_bounds as store_days
from till.manager.store_time import local_time, today, zone_of
from till.manager.widgets import (
    EnterChain,
    StatusLine,
    fit_label,
    plain_error,
    run_for,
    touch,
    utc_iso,
)
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShiftSummary:
    start: str  # UTC ISO
    end: str  # UTC ISO (exclusive)
    store: str
    till: str
    earned_points: int
    redeemed_points: int
    redeemed_value: Decimal
    redemptions_with_otp: int
    redemptions_with_override: int
    reversals: int
    pending: int
    pending_in_period: int
    refused: int
    refused_in_period: int
    made_at: str
    # Manager-approved rule changes in the period (the backend's audit trail).
    rule_changes: tuple[str, ...] = ()
    campaigns: tuple[str, ...] = ()  # issue 16: points each campaign gave at this till
    zone: tzinfo | None = None  # the store's (``/v1/session``); None: the till's own

    def to_text(self) -> str:
        """The plain-text form (also what is printed)."""
        lines = [
            "LOYALTY — END OF SHIFT",
            f"Store {self.store}   Till {self.till}".rstrip(),
            f"From  {local_time(self.start, self.zone)}",
            f"Until {local_time(self.end, self.zone)}",
            "",
            f"Points earned               {self.earned_points:>10}",
            f"Points redeemed             {self.redeemed_points:>10}",
            f"  value                     {self.redeemed_value:>10.2f}",
            f"  redemptions with OTP      {self.redemptions_with_otp:>10}",
            f"  with manager override     {self.redemptions_with_override:>10}",
            f"Reversals                   {self.reversals:>10}",
            "",
            "On this till, not yet in the ledger:",
            f"  pending operations        {self.pending:>10}"
            + (f"  ({self.pending_in_period} from this period)" if self.pending else ""),
            f"  refused, to review        {self.refused:>10}"
            + (f"  ({self.refused_in_period} from this period)" if self.refused else ""),
            "",
            "Rule changes (approved by):",
            *([f"  {change}" for change in self.rule_changes] or ["  none"]),
            "",
            "Campaigns (points given on this till's sales):",
            *([f"  {line}" for line in self.campaigns] or ["  none"]),
            "",
            f"Printed {local_time(self.made_at, self.zone)}",
        ]
        return "\n".join(lines) + "\n"


def describe_change(action: str, detail: Mapping[str, Any]) -> str:
    """A rule change from the audit trail in words a manager reads, not field names."""
    if action == "policy":
        if not _true(detail.get("otp_required")):
            return "OTP policy: no code is asked when points are redeemed."
        minimum = Decimal(str(detail.get("otp_min_value") or "0"))
        if minimum <= 0:
            return "OTP policy: every redemption needs the customer's code."
        return f"OTP policy: redemptions worth {minimum:.2f} or more need the customer's code."
    if action == "otp_unlock":
        return f"Code lock lifted for customer {detail.get('customer_id', '?')}."
    if action == "program":
        return (
            f"Card program {detail.get('program', '?')}: numbers "
            f"{detail.get('range_start', '?')} to {detail.get('range_end', '?')}."
        )
    if action == "cards_registered":
        count = int(detail.get("cards") or 0)
        return (
            f"{count} card{'s' if count != 1 else ''} registered in program "
            f"{detail.get('program', '?')}."
        )
    words = ", ".join(f"{str(k).replace('_', ' ')} {v}" for k, v in sorted(detail.items()))
    return f"{action.replace('_', ' ').capitalize()}: {words}." if words else action


def _true(value: Any) -> bool:
    return value is True or str(value).lower() in {"true", "1", "yes"}


def day_bounds(first: date, last: date, zone: tzinfo | None = None) -> tuple[str, str]:
    """The store's calendar days [first, last] as a UTC ISO window [start, end)."""
    start, end = store_days(first, last, zone)
    return utc_iso(start), utc_iso(end)


def build_summary(
    client: BackendClient, journal: Journal, start: str, end: str, clock: Callable[[], float]
) -> ShiftSummary:
    """Blocking (HTTP + SQLite): run it through the task runner."""
    session = client.session()
    zone = zone_of(session)
    report = client.report_shift(start, end)
    lo = datetime.fromisoformat(start.replace("Z", "+00:00")).timestamp()
    hi = datetime.fromisoformat(end.replace("Z", "+00:00")).timestamp()
    stats = journal.stats()
    changes = tuple(
        f"{local_time(e.at, zone)}  {describe_change(e.action, e.detail)}  ({e.staff}, till {e.till})"
        for e in client.audit_trail(start, end)
    )
    return ShiftSummary(
        start=start,
        end=end,
        store=session.store,
        till=session.till,
        earned_points=report.earned_points,
        redeemed_points=report.redeemed_points,
        redeemed_value=report.redeemed_value,
        redemptions_with_otp=report.redemptions_with_otp,
        redemptions_with_override=report.redemptions_with_override,
        reversals=report.reversals,
        pending=stats.pending,
        pending_in_period=journal.count(OpState.PENDING, lo, hi),
        refused=stats.review,
        refused_in_period=journal.count(OpState.REVIEW, lo, hi),
        made_at=utc_iso(datetime.fromtimestamp(clock(), UTC)),
        rule_changes=changes,
        campaigns=effect_lines(journal, lo, hi),
        zone=zone,
    )


def text_document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(QFont("Monospace", 10))
    doc.setPlainText(text)
    return doc


def write_pdf(text: str, path: Path) -> None:
    """The printable form as a PDF (works without any printer installed)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(translate("Manager", "Loyalty end-of-shift summary"))
    text_document(text).print_(writer)


class ShiftSummaryPanel(QWidget):
    """Period (default: today), the figures as text, Print and Save as PDF / text."""

    ready = Signal(object)  # ShiftSummary

    def __init__(
        self,
        client: BackendClient,
        runner: TaskRunner,
        journal: Journal,
        clock: Callable[[], float] | None = None,
        parent: QWidget | None = None,
        zone: Callable[[], tzinfo | None] | None = None,
    ) -> None:
        """``zone``: the store's time zone as last known (the till's session): the period's
        days are the store's days."""
        super().__init__(parent)
        self._zone = zone or (lambda: None)
        self._client = client
        self._runner = runner
        self._journal = journal
        self._clock = clock or wall_clock.time
        self.summary: ShiftSummary | None = None
        self._seq = 0  # of the newest load: only its answer is shown
        self.print_dialog: QPrintDialog | None = None

        day = today(self._zone())
        self.from_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.to_edit = QDateEdit(QDate(day.year, day.month, day.day))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumWidth(160)
        self.show_button = QPushButton(translate("Manager", "Sho&w"))
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setFont(QFont("Monospace", 11))
        self.text_view.setAccessibleName("End-of-shift summary")
        self.print_button = QPushButton(translate("Manager", "P&rint…"))
        self.pdf_button = QPushButton(translate("Manager", "Save as P&DF"))
        self.txt_button = QPushButton(translate("Manager", "Save as te&xt"))
        self.status = StatusLine()
        touch(self.from_edit, self.to_edit, self.show_button)
        touch(self.print_button, self.pdf_button, self.txt_button)

        period = QHBoxLayout()
        from_label = fit_label(QLabel(translate("Manager", "&From")))
        from_label.setBuddy(self.from_edit)
        to_label = fit_label(QLabel(translate("Manager", "&To")))
        to_label.setBuddy(self.to_edit)
        period.addWidget(from_label)
        period.addWidget(self.from_edit)
        period.addWidget(to_label)
        period.addWidget(self.to_edit)
        period.addWidget(self.show_button)
        period.addStretch(1)
        outputs = QHBoxLayout()
        outputs.addWidget(self.print_button)
        outputs.addWidget(self.pdf_button)
        outputs.addWidget(self.txt_button)
        outputs.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.text_view, 1)
        layout.addLayout(outputs)
        layout.addWidget(self.status)

        self.show_button.clicked.connect(self.load)
        EnterChain([self.from_edit, self.to_edit], self.load)  # Enter: To, then Show
        self.setFocusProxy(self.from_edit)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.txt_button.clicked.connect(lambda: self.save_text())
        self._set_outputs(False)

    def period(self) -> tuple[str, str]:
        first = self.from_edit.date().toPython()
        last = self.to_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        if last < first:
            first, last = last, first
        return day_bounds(first, last, self._zone())

    def load(self) -> None:
        start, end = self.period()
        client, journal, clock = self._client, self._journal, self._clock
        self._seq += 1
        seq = self._seq
        self.show_button.setEnabled(False)
        self.status.info(translate("Manager", "Adding up…"))

        def done(summary: ShiftSummary) -> None:
            if seq != self._seq:
                return  # a newer load (e.g. after a rule change) is on its way
            self.show_button.setEnabled(True)
            self.summary = summary
            self.text_view.setPlainText(summary.to_text())
            self._set_outputs(True)
            self.status.info("")
            self.ready.emit(summary)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, BackendError):
                log.error("shift summary failed", exc_info=exc)
            if seq != self._seq:
                return
            self.show_button.setEnabled(True)
            self.status.error(plain_error(exc))

        run_for(
            self,
            self._runner,
            lambda: build_summary(client, journal, start, end, clock),
            done,
            failed,
        )

    def _set_outputs(self, enabled: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.txt_button):
            button.setEnabled(enabled)

    def default_path(self, suffix: str) -> Path:
        assert self.summary is not None
        day = self.summary.start[:10]
        return Path.home() / f"loyalty-shift-{self.summary.till or 'till'}-{day}{suffix}"

    def save_text(self, path: Path | None = None) -> Path | None:
        if self.summary is None:
            return None
        target = path or self.default_path(".txt")
        try:
            target.write_text(self.summary.to_text(), encoding="utf-8")
        except OSError as exc:
            self.status.error(
                translate("Manager", "Could not save {target}: {strerror}").format(
                    target=target, strerror=exc.strerror
                )
            )
            return None
        self.status.ok(translate("Manager", "Saved {target}").format(target=target))
        return target

    def save_pdf(self, path: Path | None = None) -> Path | None:
        if self.summary is None:
            return None
        target = path or self.default_path(".pdf")
        write_pdf(self.summary.to_text(), target)
        if not target.exists() or target.stat().st_size == 0:
            self.status.error(
                translate("Manager", "Could not save {target}.").format(target=target)
            )
            return None
        self.status.ok(translate("Manager", "Saved {target}").format(target=target))
        return target

    def print_summary(self) -> None:
        """Opens the system print dialog (non-blocking); prints when accepted."""
        if self.summary is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        text = self.summary.to_text()

        def finished(result: int) -> None:
            self.print_dialog = None
            if result == QDialog.DialogCode.Accepted:
                text_document(text).print_(printer)
                self.status.ok(translate("Manager", "Sent to the printer."))

        dialog.finished.connect(finished)
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
