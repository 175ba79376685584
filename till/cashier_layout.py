"""The cashier window's widgets and where they sit; no behaviour.

Why apart from :mod:`till.main_window`: the window decides what a key or a read does; this
module only says what is on the screen — banner, recovery bar, the column of keys, member
over sale, receipt — so the window's module stays about behaviour. Three columns fit a
1024x768 screen (issue 12): keys | member over sale | receipt. The window connects the
buttons to its slots (``buttons`` is keyed by action: redeem, cash, card, complete, void,
park, new).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from till.member_panel import MemberPanel
from till.receipt_panel import ReceiptPanel
from till.recovery_bar import RecoveryBar
from till.sale_flow import SaleFlow
from till.sale_panel import SalePanel
from till.style import touch
from till.translate import translate


def key_labels() -> tuple[tuple[str, str], ...]:
    """The column of keys, top to bottom: (action, label)."""
    return (
        ("redeem", translate("MainWindow", "Pay with points (F4)")),
        ("cash", translate("MainWindow", "Cash (F5)")),
        ("card", translate("MainWindow", "Card terminal (F6)")),
        ("complete", translate("MainWindow", "Complete sale (F9)")),
        ("void", translate("MainWindow", "Void sale (F8)")),
        ("park", translate("MainWindow", "Park sale (F11)")),
        ("new", translate("MainWindow", "New sale (F10)")),
    )


class CashierLayout(QWidget):
    """The central widget of the cashier window."""

    def __init__(self, flow: SaleFlow, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.banner = QLabel(
            translate(
                "MainWindow", "Swipe or scan a loyalty card, or type the member's phone (F2)."
            )
        )
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        outer.addWidget(self.banner)
        self.recovery_bar = RecoveryBar(flow, self._money)
        outer.addWidget(self.recovery_bar)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in key_labels():
            button = QPushButton(label)
            left.addWidget(touch(button))
            self.buttons[key] = button
        left.addStretch(1)
        self.manager_button = QPushButton(translate("MainWindow", "Manager (Ctrl+M)"))
        self.tech_button = QPushButton(translate("MainWindow", "Technician (Ctrl+T)"))
        left.addWidget(touch(self.manager_button))
        left.addWidget(touch(self.tech_button))
        left_box = QWidget()
        left_box.setLayout(left)
        retry = self.buttons["redeem"].fontMetrics().horizontalAdvance("Retry points payment (F4)")
        left_box.setFixedWidth(max(200, retry + 40))  # the longest label, whole
        body.addWidget(left_box)
        middle = QVBoxLayout()
        self.member_panel = MemberPanel()
        middle.addWidget(self.member_panel)
        self.sale_panel = SalePanel(currency)
        self.sale_panel.setMinimumWidth(300)
        middle.addWidget(self.sale_panel, 1)
        body.addLayout(middle, 1)
        self.receipt_panel = ReceiptPanel()
        body.addWidget(self.receipt_panel)
        outer.addLayout(body, 1)
        QWidget.setTabOrder(self.sale_panel.description_edit, self.sale_panel.amount_edit)
        QWidget.setTabOrder(self.sale_panel.amount_edit, self.member_panel.phone_edit)

    def _money(self, value: Decimal) -> str:
        return self.sale_panel.money(value)
