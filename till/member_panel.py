"""The member panel: who the customer is, their points, and how to change that.

Why it shows so little: name, masked phone, balance and status are what a cashier needs to
confirm the right account at a glance; the full phone number is never on screen. Data from
the local cache while offline is marked "offline, last known" so nobody mistakes it for a
live balance.
"""

from __future__ import annotations

from datetime import tzinfo

from babel import Locale
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from till import formatting
from till.core.sale import Member
from till.receipt import local_time
from till.style import touch
from till.translate import translate


class MemberPanel(QGroupBox):
    phone_entered = Signal(str)
    remove_requested = Signal()
    register_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("MainWindow", "Member"), parent)
        self.member: Member | None = None
        self.figures: Locale | None = None  # the store's figures (till.formatting)
        self.zone: tzinfo | None = None  # the store's (till.receipt.store_zone); None: UTC
        layout = QVBoxLayout(self)
        self.name_label = QLabel(translate("MainWindow", "No member"))
        self.name_label.setObjectName("memberName")
        self.offline_badge = QLabel("")
        self.offline_badge.setObjectName("badgeOffline")
        self.offline_badge.setWordWrap(True)
        self.offline_badge.hide()
        layout.addWidget(self.name_label)
        layout.addWidget(self.offline_badge)
        grid = QGridLayout()
        self.phone_label = QLabel("—")
        self.balance_label = QLabel("—")
        self.status_label = QLabel("—")
        for row, (title, value) in enumerate(
            (
                (translate("MainWindow", "Phone:"), self.phone_label),
                (translate("MainWindow", "Points:"), self.balance_label),
                (translate("MainWindow", "Status:"), self.status_label),
            )
        ):
            grid.addWidget(QLabel(title), row, 0)
            grid.addWidget(value, row, 1)
        layout.addLayout(grid)
        self.hint_label = QLabel(
            translate(
                "MainWindow",
                "Swipe or scan the loyalty card, or type the phone number or the number printed "
                "on the card (F2).",
            )
        )
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        find = QHBoxLayout()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(translate("MainWindow", "Phone or card number (F2)"))
        self.phone_edit.setAccessibleName("Member phone or card number")
        self.find_button = QPushButton(translate("MainWindow", "Find"))
        find.addWidget(touch(self.phone_edit), 1)
        find.addWidget(touch(self.find_button))
        layout.addLayout(find)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(translate("MainWindow", "Remove member (F3)"))
        self.register_button = QPushButton(translate("MainWindow", "Register (F7)"))
        buttons.addWidget(touch(self.remove_button))
        buttons.addWidget(touch(self.register_button))
        layout.addLayout(buttons)
        self.phone_edit.returnPressed.connect(self._submit_phone)
        self.find_button.clicked.connect(self._submit_phone)
        self.remove_button.clicked.connect(self.remove_requested)
        self.register_button.clicked.connect(self.register_requested)
        self.show_member(None)

    def _submit_phone(self) -> None:
        text = self.phone_edit.text().strip()
        if text:
            self.phone_entered.emit(text)

    def focus_phone(self) -> None:
        self.phone_edit.setFocus()
        self.phone_edit.selectAll()

    def show_member(self, member: Member | None) -> None:
        self.member = member
        self.remove_button.setEnabled(member is not None)
        if member is None:
            self.name_label.setText(translate("MainWindow", "No member"))
            self.phone_label.setText("—")
            self.balance_label.setText("—")
            self.status_label.setText("—")
            self.offline_badge.hide()
            return
        self.name_label.setText(member.name or translate("MainWindow", "(no name)"))
        self.phone_label.setText(member.masked_phone)
        self.balance_label.setText(
            translate("MainWindow", "{points} points").format(
                points=formatting.points(member.balance, self.figures)
            )
        )
        self.status_label.setText(
            translate("MainWindow", "Active")
            if member.active
            else translate("MainWindow", "Inactive")
        )
        if member.offline:
            try:  # the store's local time, as on the receipt (UTC on the wire)
                when = local_time(member.as_of, self.zone)
            except ValueError:
                when = member.as_of or "?"
            self.offline_badge.setText(
                translate("MainWindow", "Offline: last known data from {when}").format(when=when)
            )
            self.offline_badge.show()
        else:
            self.offline_badge.hide()
        self.phone_edit.clear()
