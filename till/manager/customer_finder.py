"""Find a loyalty customer by phone, email, app id or card (seed 004, step 3).

Why a widget of its own: the missed-points form needs it twice — the customer who should get
the points, and (for a correction) the customer who got them by mistake.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from till.backend_client import BackendClient, BackendError, Customer
from till.manager.widgets import plain_error, run_for, touch
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)

#: (label, lookup keyword of BackendClient.lookup)
SEARCH_KINDS: tuple[tuple[str, str], ...] = (
    ("Phone", "phone"),
    ("Email", "email"),
    ("App id", "app_id"),
    ("Card", "card"),
)


def describe_customer(customer: Customer) -> str:
    phone = customer.phone
    masked = f"…{phone[-4:]}" if len(phone) > 4 else phone
    text = f"{customer.name or 'No name'} (id {customer.id}, phone {masked}), {customer.balance} points"
    if not customer.active:
        text += " — INACTIVE: cannot earn points"
    return text


class CustomerFinder(QWidget):
    """Search field + kind; emits ``found(Customer)``; ``customer`` holds the last match."""

    found = Signal(object)
    cleared = Signal()

    def __init__(
        self,
        client: BackendClient,
        runner: TaskRunner,
        title: str = "Customer",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self.customer: Customer | None = None
        self.busy = False

        self.kind_combo = QComboBox()
        for label, key in SEARCH_KINDS:
            self.kind_combo.addItem(label, key)
        self.kind_combo.setAccessibleName(f"{title}: search by")
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(
            translate("Manager", "Phone number, email, app id or card number")
        )
        self.query_edit.setAccessibleName(f"{title}: search")
        self.find_button = QPushButton(translate("Manager", "&Find"))
        self.result_label = QLabel(translate("Manager", "No customer chosen yet."))
        self.result_label.setWordWrap(True)
        touch(self.kind_combo, self.query_edit, self.find_button)

        row = QHBoxLayout()
        row.addWidget(QLabel(f"<b>{title}</b>"))
        row.addWidget(self.kind_combo)
        row.addWidget(self.query_edit, 1)
        row.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result_label)

        self.find_button.clicked.connect(self.search)
        self.query_edit.returnPressed.connect(self.search)
        self.setFocusProxy(self.query_edit)

    def set_kind(self, key: str) -> None:
        index = self.kind_combo.findData(key)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    def search(self) -> None:
        if self.busy:
            return
        query = self.query_edit.text().strip()
        key = str(self.kind_combo.currentData())
        if not query:
            self.result_label.setText(translate("Manager", "Type what to search for."))
            return
        self.busy = True
        self.find_button.setEnabled(False)
        self.customer = None
        self.cleared.emit()
        self.result_label.setText(translate("Manager", "Searching…"))
        client = self._client

        def work() -> Customer:
            return client.lookup(**{key: query})

        def done(customer: Customer) -> None:
            self._idle()
            self.customer = customer
            self.result_label.setText(describe_customer(customer))
            self.found.emit(customer)

        def failed(exc: BaseException) -> None:
            self._idle()
            if not isinstance(exc, BackendError):
                log.error("customer search failed", exc_info=exc)
            self.result_label.setText(plain_error(exc))

        run_for(self, self._runner, work, done, failed)

    def _idle(self) -> None:
        self.busy = False
        self.find_button.setEnabled(True)
