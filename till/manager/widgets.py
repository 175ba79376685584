"""Small pieces every manager tab shares: touch-sized controls, a status line, plain words.

Why one place: the manager screens must look and speak alike (a wrong PIN reads the same on
every tab), and the 44 px touch rule is easier to keep when nobody sizes a button by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QTableWidget, QWidget

from offline_queue.errors import JournalError, OpStateError, UnknownOpError
from till.backend_client import BackendError, BackendUnavailable
from till.errors import TillError
from till.tasks import TaskRunner

log = logging.getLogger(__name__)

TOUCH_PX = 44


def run_for(
    owner: QObject,
    runner: TaskRunner,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """``runner.run`` whose callbacks are dropped once ``owner`` is gone.

    Why: the manager may close (and so lock and destroy) the window while a request is in
    flight; its answer must not touch deleted widgets. The work itself is not undone — a
    journaled claim stays journaled.
    """

    def done(result: Any) -> None:
        if shiboken6.isValid(owner) and on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        if shiboken6.isValid(owner):
            if on_error is not None:
                on_error(exc)
        elif not isinstance(exc, TillError):
            log.error("background work of a closed manager screen failed", exc_info=exc)

    runner.run(fn, done, failed)


def touch(*widgets: QWidget, px: int = TOUCH_PX) -> None:
    """Make controls at least ``px`` high (fingers on a till screen, not a mouse)."""
    for w in widgets:
        w.setMinimumHeight(px)
        if isinstance(w, QAbstractButton):
            w.setMinimumWidth(max(w.minimumWidth(), px * 2))


def plain_error(exc: BaseException) -> str:
    """What a manager reads for a failure: the backend's plain words, or a generic sentence.

    Unknown exceptions are not shown raw (they may carry internals); they are logged by the
    caller and summarised here.
    """
    if isinstance(exc, BackendUnavailable):
        return str(exc) or "The loyalty server cannot be reached."
    if isinstance(exc, BackendError | TillError):
        return str(exc)
    if isinstance(exc, OpStateError | UnknownOpError):
        return "This operation was dealt with meanwhile (e.g. sent by the automatic sync)."
    if isinstance(exc, JournalError):
        return f"The till's journal could not record this: {exc}. Call a technician."
    return "Something went wrong; the details are in the till's log."


def pick_table(columns: Sequence[str], accessible_name: str) -> QTableWidget:
    """A read-only table to pick one row from, with touch-high rows.

    Why shared: every manager list that a following button acts on (refused operations,
    transactions to correct) must select whole rows, one at a time, and never edit in place.
    """
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setDefaultSectionSize(TOUCH_PX)
    table.setAccessibleName(accessible_name)
    return table


class StatusLine(QLabel):
    """One line under a form that says what just happened, in words and colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumHeight(TOUCH_PX)
        self.kind = ""

    def ok(self, text: str) -> None:
        self._show(text, "ok", "#1b5e20")

    def error(self, text: str) -> None:
        self._show(text, "error", "#b71c1c")

    def info(self, text: str) -> None:
        self._show(text, "info", "")

    def _show(self, text: str, kind: str, colour: str) -> None:
        self.kind = kind
        self.setStyleSheet(f"color: {colour};" if colour else "")
        self.setText(text)


def parse_money(text: str) -> Decimal | None:
    """A non-negative amount with at most two decimals, or None (also for '1e3' and 'NaN')."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        return None
    if "e" in cleaned.lower():
        return None
    return value.quantize(Decimal("0.01"))


def parse_utc(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def local_time(text: str | None) -> str:
    """A UTC ISO time from the backend or journal, as the person at the till reads it."""
    if not text:
        return ""
    value = parse_utc(text)
    if value is None:
        return str(text)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def utc_iso(value: datetime) -> str:
    """The form the backend expects: UTC, ISO 8601, 'Z'."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def age_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60} min"
    return f"{seconds // 86400} d {seconds % 86400 // 3600} h"
