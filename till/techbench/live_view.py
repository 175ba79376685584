"""Live view of each read: raw characters, tracks, card number, kind and every named check.

Why: "the card doesn't work" has a dozen causes a technician can only tell apart by seeing
what the reader actually sent (a missing terminator, a prefix, letters on track 2, a track
the reader could not decode). Bank cards are only ever shown masked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from devices.events import Identified, ReadKind
from devices.router import holds_card_number
from till.cardtest.sample_session import visible_controls
from till.device_words import read_message
from till.manager.store_time import clock_time
from till.style import BAD, OK, WARN
from till.techbench.check_words import check_sentence
from till.translate import QT_TRANSLATE_NOOP, translate

# A swipe's kind (devices.magstripe) and a read's kind (devices.events.ReadKind), in words.
_KIND_WORDS = {
    "loyalty": QT_TRANSLATE_NOOP("TechBench", "loyalty card"),
    "bank": QT_TRANSLATE_NOOP("TechBench", "bank card (refused; shown masked)"),
    "unreadable": QT_TRANSLATE_NOOP("TechBench", "unreadable swipe"),
    "licence": QT_TRANSLATE_NOOP("TechBench", "driving licence (refused)"),
    ReadKind.MAGSTRIPE: QT_TRANSLATE_NOOP("TechBench", "magstripe"),
    ReadKind.MEMBER_QR: QT_TRANSLATE_NOOP("TechBench", "member QR code"),
    ReadKind.MEMBER_BARCODE: QT_TRANSLATE_NOOP("TechBench", "member barcode"),
    ReadKind.PHONE: QT_TRANSLATE_NOOP("TechBench", "phone"),
    ReadKind.PRODUCT_BARCODE: QT_TRANSLATE_NOOP("TechBench", "product barcode"),
    ReadKind.RECEIPT: QT_TRANSLATE_NOOP("TechBench", "receipt"),
    ReadKind.UNKNOWN: QT_TRANSLATE_NOOP("TechBench", "unknown"),
}


def _kind_word(kind: str) -> str:
    """The kind in words; one this table does not know as it came."""
    word = _KIND_WORDS.get(kind)
    return translate("TechBench", word) if word else kind.replace("_", " ")


def _item(text: str, colour: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if colour:
        item.setForeground(QColor(colour))
    return item


class LiveReadPanel(QWidget):
    """Shows the newest read; ``show_read(event, raw_text)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone: tzinfo | None = None  # the store's (set by the bench); None: the machine's
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.source_label = QLabel(translate("TechBench", "Swipe a card or scan a code."))
        self.raw_edit = QLineEdit()
        self.raw_edit.setReadOnly(True)
        self.raw_edit.setFont(mono)
        self.raw_edit.setAccessibleName("Raw characters")
        self.kind_label = QLabel("—")
        self.number_label = QLabel("—")
        self.number_label.setFont(QFont(mono.family(), 14))
        self.message_label = QLabel("")
        self.message_label.setWordWrap(True)
        self.tracks_table = QTableWidget(3, 3)
        self.tracks_table.setHorizontalHeaderLabels(
            [
                translate("TechBench", "Track"),
                translate("TechBench", "Status"),
                translate("TechBench", "Data"),
            ]
        )
        self.tracks_table.verticalHeader().hide()
        header = self.tracks_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tracks_table.setColumnWidth(1, 440)
        self.checks_table = QTableWidget(0, 3)
        self.checks_table.setHorizontalHeaderLabels(
            [
                translate("TechBench", "Check"),
                translate("TechBench", "Result"),
                translate("TechBench", "What it means"),
            ]
        )
        self.checks_table.verticalHeader().hide()
        header = self.checks_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.checks_table.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("TechBench", "Raw characters"), self.raw_edit)
        form.addRow(translate("TechBench", "Kind"), self.kind_label)
        form.addRow(translate("TechBench", "Card number"), self.number_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(QLabel(translate("TechBench", "Tracks")))
        layout.addWidget(self.tracks_table, 1)
        layout.addWidget(QLabel(translate("TechBench", "Checks (seed 001 card requirements)")))
        layout.addWidget(self.checks_table, 2)
        self._clear_tracks()

    def _clear_tracks(self) -> None:
        for row in range(3):
            self.tracks_table.setItem(row, 0, _item(str(row + 1)))
            self.tracks_table.setItem(row, 1, _item("—"))
            self.tracks_table.setItem(row, 2, _item(""))

    def show_read(self, event: Identified, raw_text: str | None = None) -> None:
        """``raw_text``: exactly what the reader sent, when known and safe to show.

        Never for a bank card, a driving licence (AAMVA) or any read carrying a payment-card
        number: the event's own ``raw`` is already masked for those (PCI DSS 3.4).
        """
        when = clock_time(event.at, self.zone)
        self.source_label.setText(
            translate("TechBench", "Read from {source} at {time}").format(
                source=event.source, time=when
            )
        )
        analysis = event.detail if event.kind is ReadKind.MAGSTRIPE else None
        secret = event.card_kind in ("bank", "licence") or (
            raw_text is not None and holds_card_number(raw_text)
        )
        shown = raw_text if raw_text is not None and not secret else event.raw
        self.raw_edit.setText(visible_controls(shown))
        self.message_label.setText(read_message(event))
        self._clear_tracks()
        if analysis is not None and hasattr(analysis, "to_json"):
            self._show_swipe(analysis)
        else:
            self.kind_label.setText(_kind_word(event.kind.value))
            self.number_label.setText(event.value or "—")
            checks = event.detail if isinstance(event.detail, tuple | list) else ()
            self._show_checks(checks)

    def _show_swipe(self, analysis: Any) -> None:
        data = analysis.to_json()
        self.kind_label.setText(_kind_word(str(data["kind"])))
        self.number_label.setText(data.get("card_number") or "—")
        tracks: Mapping[int, Any] = getattr(analysis, "tracks", {})
        for row, n in enumerate((1, 2, 3)):
            t = data["tracks"].get(str(n))
            track = tracks.get(n)
            message = str(getattr(track, "message", "") or "")
            if t is None:
                status, colour = translate("TechBench", "absent"), None
            elif t["error"] or t["data"] is None:
                status, colour = _track_word(QT_TRANSLATE_NOOP("TechBench", "error"), message), BAD
            else:
                status, colour = _track_word(QT_TRANSLATE_NOOP("TechBench", "read"), message), OK
            self.tracks_table.setItem(row, 1, _item(status, colour))
            self.tracks_table.setItem(row, 2, _item(visible_controls(t["data"] or "") if t else ""))
        self.tracks_table.resizeRowsToContents()
        self._show_checks(getattr(analysis, "checks", ()))

    def _show_checks(self, checks: Sequence[Any]) -> None:
        self.checks_table.setRowCount(len(checks))
        for row, check in enumerate(checks):
            blocking = getattr(check, "blocking", True)
            if check.ok:
                result, colour = translate("TechBench", "pass"), OK
            elif blocking:
                result, colour = translate("TechBench", "FAIL"), BAD
            else:
                result, colour = translate("TechBench", "fail (info)"), WARN
            self.checks_table.setItem(row, 0, _item(check.id))
            self.checks_table.setItem(row, 1, _item(result, colour))
            self.checks_table.setItem(row, 2, _item(check_sentence(check.id, check.message)))
        self.checks_table.resizeRowsToContents()

    def check_results(self) -> dict[str, tuple[str, str]]:
        """Check id -> (result, message) as shown (for tests and screenshots)."""
        table = self.checks_table
        return {
            _text(table, row, 0): (_text(table, row, 1), _text(table, row, 2))
            for row in range(table.rowCount())
        }

    def track_statuses(self) -> dict[int, tuple[str, str]]:
        table = self.tracks_table
        return {row + 1: (_text(table, row, 1), _text(table, row, 2)) for row in range(3)}


def _track_word(word: str, message: str) -> str:
    """A track's state ("read", "error"), with the decoder's own detail (English, technical)."""
    said = translate("TechBench", word)
    if not message:
        return said
    return translate("TechBench", "{state}: {detail}").format(state=said, detail=message)


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""
