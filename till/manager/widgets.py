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
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from offline_queue.errors import JournalError, OpStateError, UnknownOpError
from till import journal_words
from till.backend_client import BackendError, BackendUnavailable
from till.errors import TillError
from till.tasks import TaskRunner
from till.translate import translate

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


_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterChain(QObject):
    """Enter in a form's field goes on to the next enabled field; in the last one it submits.

    Why: a till keyboard has no mouse next to it, and a manager types a form from top to
    bottom pressing Enter; a field where Enter does nothing (a date, a combo box, a check box)
    stops them. The chain owns Enter in its fields: connect nothing else to their
    ``returnPressed`` (the form would be sent twice).
    """

    def __init__(self, fields: Sequence[QWidget], submit: Callable[[], None]) -> None:
        super().__init__(fields[0])
        self._fields = list(fields)
        self._submit = submit
        for field in self._fields:
            field.installEventFilter(self)
            editor = getattr(field, "lineEdit", lambda: None)()
            if isinstance(editor, QWidget):  # spin, date and editable combo boxes
                editor.installEventFilter(self)

    def _owner(self, watched: QObject) -> QWidget | None:
        for field in self._fields:
            if watched is field or (isinstance(watched, QWidget) and field.isAncestorOf(watched)):
                return field
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if (
            event.key() not in _ENTER_KEYS
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        field = self._owner(watched)
        if field is None:
            return False
        later = self._fields[self._fields.index(field) + 1 :]
        following = next((f for f in later if f.isEnabled() and f.isVisible()), None)
        if following is not None:
            following.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        self._submit()
        return True


def fit_label(label: QLabel, extra_px: int = 6) -> QLabel:
    """Never narrower than its text: a short label beside a wide editor ("To" before a date)
    is otherwise squeezed to a width that cuts its last letter in some styles and fonts."""
    plain = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance(plain) + extra_px)
    return label


def scrolled(page: QWidget) -> QScrollArea:
    """A tab page that scrolls vertically when the screen is low (a 1024x768 till): the
    window then never grows past the screen, and "Close and lock" stays on it."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's own controls
    return area


def mnemonic_of(text: str) -> str | None:
    """The Alt+key letter of a label text ("&Save" -> "S"), or None; "&&" is a plain "&"."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].upper()
            i += 1
        i += 1
    return None


def visible_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+key the user can press in ``window`` right now: tab
    titles, visible buttons, group boxes and labels (with a buddy). Two equal letters mean
    one of them cannot be reached by Alt+letter (Qt cycles between them instead)."""
    found: list[tuple[str, str]] = []
    for tabs in window.findChildren(QTabWidget):
        if tabs.isVisible():
            for i in range(tabs.count()):
                found.append((mnemonic_of(tabs.tabText(i)) or "", tabs.tabText(i)))
    widgets: list[QWidget] = [
        *window.findChildren(QAbstractButton),
        *window.findChildren(QGroupBox),
        *window.findChildren(QLabel),
    ]
    for w in widgets:
        if not w.isVisible() or (isinstance(w, QLabel) and w.buddy() is None):
            continue
        if isinstance(w, QGroupBox):
            text = w.title()
        elif isinstance(w, QAbstractButton | QLabel):
            text = w.text()
        else:
            continue
        found.append((mnemonic_of(text) or "", text))
    return [(letter, text) for letter, text in found if letter]


def plain_error(exc: BaseException) -> str:
    """What a manager reads for a failure: the backend's plain words, or a generic sentence.

    Unknown exceptions are not shown raw (they may carry internals); they are logged by the
    caller and summarised here.
    """
    if isinstance(exc, BackendUnavailable):
        return str(exc) or translate("Manager", "The loyalty server cannot be reached.")
    if isinstance(exc, BackendError | TillError):
        return str(exc)
    if isinstance(exc, OpStateError | UnknownOpError):
        return translate(
            "Manager", "This operation was dealt with meanwhile (e.g. sent by the automatic sync)."
        )
    if isinstance(exc, JournalError):
        return translate(
            "Manager", "The till's journal could not record this: {why} Call a technician."
        ).format(why=journal_words.sentence(exc))
    return translate("Manager", "Something went wrong; the details are in the till's log.")


def pick_table(columns: Sequence[str], accessible_name: str) -> QTableWidget:
    """A read-only table to pick one row from, with touch-high rows.

    Why shared: every manager list that a following button acts on (refused operations,
    transactions to correct) must select whole rows, one at a time, and never edit in place.
    """
    table = QTableWidget(0, len(columns))
    # The column names are marked with QT_TRANSLATE_NOOP("Manager", ...) where defined.
    table.setHorizontalHeaderLabels([translate("Manager", c) for c in columns])
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
