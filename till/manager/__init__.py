"""The manager area (issue 6): PIN first, then OTP policy, missed points, review list,
settings and the end-of-shift summary.

``ManagerWindow(ctx)`` only wires the collaborators of an :class:`till.context.AppContext`
(typed as :class:`till.manager.host.ManagerHost`) into the tabs; each tab takes its
collaborators explicitly and is tested on its own. Every write leaves by the one submission
path with the sync worker as its guard (``ctx.sync``): a claim or correction is journaled,
held back behind the customer's queued operations, and sent exactly once. The manager's verified name and PIN live
in a :class:`ManagerSession` while the window is open and are forgotten when it closes
(the tabs that could use them are destroyed too).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from offline_queue.sync import SyncState
from till.config import default_config_path
from till.core.sale import Sale
from till.core.submission import Submitter
from till.manager.campaigns_view import CampaignsPanel
from till.manager.host import ManagerHost
from till.manager.login import ManagerLogin, ManagerSession
from till.manager.missed_points import MissedPointsPanel, SaleRecord, SaleSource
from till.manager.policy import PolicyPanel
from till.manager.review import ReviewPanel
from till.manager.settings import SettingsPanel
from till.manager.shift_summary import ShiftSummaryPanel
from till.manager.store_time import zone_of
from till.manager.widgets import TOUCH_PX, scrolled, touch
from till.sale_store import SaleStore
from till.translate import translate

__all__ = ["ManagerSession", "ManagerWindow"]

log = logging.getLogger(__name__)


def sales_from_store(sale_store: SaleStore | None) -> SaleSource | None:
    """This till's completed sales without a member (``SaleStore.recent``), to pick from."""
    if sale_store is None:
        return None

    def source() -> Sequence[SaleRecord]:
        records = []
        for sale in sale_store.recent():
            # Missed points are for sales that had no member; a member's sale earned already
            # (a wrong member is corrected below the form instead).
            if str(sale.state) != "completed" or not sale.receipt_no or sale.member is not None:
                continue
            amount = Decimal(sale.earnable_amount)
            if amount <= 0:
                continue
            records.append(
                SaleRecord(sale.receipt_no, sale.completed_at or sale.created_at, amount)
            )
        return records

    return source


def sales_naming(sale_store: SaleStore | None) -> Callable[[str], Sequence[Sale]] | None:
    """The sales a redemption in the review list belongs to (blocking)."""
    return sale_store.naming if sale_store is not None else None


def _enter_is_not_a_click(root: QWidget) -> None:
    """In a dialog, Enter would also click the default button: each form handles its own
    Enter (``returnPressed``), so a PIN or a claim is never submitted twice."""
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def fitting_size(window: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, or less on a smaller screen (the window's frame included)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    room = screen.availableGeometry()
    return QSize(min(width, room.width() - 16), min(height, room.height() - 40))


class ManagerWindow(QDialog):
    """Asks for a manager's PIN, then shows the manager tabs; forgets the PIN on close."""

    unlocked = Signal(object)  # ManagerSession
    closed = Signal()

    def __init__(self, ctx: ManagerHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.manager: ManagerSession | None = None
        self.tabs: QTabWidget | None = None
        self.policy: PolicyPanel | None = None
        self.missed_points: MissedPointsPanel | None = None
        self.review: ReviewPanel | None = None
        self.settings: SettingsPanel | None = None
        self.shift_summary: ShiftSummaryPanel | None = None
        self._review_count: int | None = None

        # Each opening is a new window (a new PIN check); a closed one must not linger.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("Manager", "Loyalty Till — Manager"))
        self.resize(fitting_size(self, 980, 760))
        self.login = ManagerLogin(ctx.client, ctx.runner)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.who_label = QLabel()
        self.close_button = QPushButton(translate("Manager", "Close and &lock"))
        touch(self.close_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.who_label, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        _enter_is_not_a_click(self)
        self.login.unlocked.connect(self._open)
        self.close_button.clicked.connect(self.close)
        if ctx.sync_signals is not None:
            ctx.sync_signals.state_changed.connect(self._sync_state)
        self.login.setFocus()

    # -- opening ----------------------------------------------------------------------------

    def _kick(self) -> Callable[[], None]:
        sync = self.ctx.sync
        return sync.kick if sync is not None else (lambda: None)

    def config_path(self) -> Path:
        path = self.ctx.config_path
        return Path(path) if path else default_config_path()

    def _open(self, manager: ManagerSession) -> None:
        ctx = self.ctx
        self.manager = manager
        # While this area is open, the technician's bench needs no second sign-in.
        ctx.active_manager = manager
        kick = self._kick()
        self.policy = PolicyPanel(ctx.client, ctx.runner, manager)
        self.missed_points = MissedPointsPanel(
            ctx.client,
            ctx.runner,
            ctx.journal,
            manager,
            sales=sales_from_store(ctx.sale_store),
            kick=kick,
            guard=ctx.sync,
        )
        self.review = ReviewPanel(
            ctx.journal,
            ctx.runner,
            kick=kick,
            sales=sales_naming(ctx.sale_store),
            submitter=Submitter(ctx.journal, ctx.client, ctx.sync),
        )
        self.settings = SettingsPanel(ctx.config, self.config_path(), ctx.client, ctx.runner)
        self.shift_summary = ShiftSummaryPanel(
            ctx.client, ctx.runner, ctx.journal, zone=lambda: zone_of(ctx.session)
        )
        self.campaigns_view = CampaignsPanel(ctx)  # issue 16
        tabs = QTabWidget()
        tabs.setStyleSheet(
            f"QTabBar::tab {{ min-height: {TOUCH_PX}px; padding: 0 12px; }}"
            "QCheckBox::indicator { width: 28px; height: 28px; }"
        )
        # Every page scrolls: the window fits a 1024x768 till screen whatever the tab.
        for panel, title in (
            (self.policy, translate("Manager", "OTP &policy")),
            (self.missed_points, translate("Manager", "&Missed points")),
            (self.review, translate("Manager", "Re&view list")),
            (self.settings, translate("Manager", "&Settings")),
            (self.shift_summary, translate("Manager", "End of s&hift")),
            (self.campaigns_view, translate("Manager", "Campai&gns")),
        ):
            tabs.addTab(scrolled(panel), title)
        self.tabs = tabs
        # The summary is always current when looked at: rule changes just saved included.
        tabs.currentChanged.connect(self._tab_shown)
        self.policy.saved.connect(lambda _session: self._reload_summary())
        self.stack.addWidget(tabs)
        self.stack.setCurrentWidget(tabs)
        self.who_label.setText(translate("Manager", "Manager: {staff}").format(staff=manager.staff))

        self.policy.saved.connect(lambda _session: ctx.refresh_session())
        self.policy.load()
        self.missed_points.load()
        self.review.load()
        self.settings.load()
        self.shift_summary.load()
        self.campaigns_view.load()
        _enter_is_not_a_click(tabs)
        self._tab_shown(tabs.currentIndex())
        self.unlocked.emit(manager)

    def select_tab(self, name: str) -> QWidget | None:
        """Show a tab by its panel's name (``policy``, ``missed_points``, ``review``,
        ``settings``, ``shift_summary``), e.g. for screenshots; None while locked."""
        panel = getattr(self, name, None)
        if self.tabs is None or not isinstance(panel, QWidget):
            return None
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is not None and (page is panel or page.isAncestorOf(panel)):
                self.tabs.setCurrentIndex(i)
        return panel

    def _tab_shown(self, index: int) -> None:
        """Keyboard first: the shown page's first field takes the focus (Alt+P, then type)."""
        page = self.tabs.widget(index) if self.tabs is not None else None
        if page is None:
            return
        panel = page.widget() if isinstance(page, QScrollArea) else page
        if panel is not None and panel.focusProxy() is not None:
            panel.setFocus(Qt.FocusReason.TabFocusReason)
        if self.shift_summary is not None and page.isAncestorOf(self.shift_summary):
            self._reload_summary()

    def _reload_summary(self) -> None:
        if self.shift_summary is not None:
            self.shift_summary.load()  # the newest answer wins

    def _sync_state(self, state: SyncState) -> None:
        """Refresh the review list when the sync worker's review count changes."""
        count = state.review
        if self.review is not None and count != self._review_count:
            self._review_count = count
            self.review.load()

    # -- closing ----------------------------------------------------------------------------

    def lock(self) -> None:
        """Forget the manager's PIN and drop the tabs; the next use asks for the PIN again."""
        if self.manager is not None:
            log.info("manager area closed by %s", self.manager.staff)
            self.manager.clear()
            if self.ctx.active_manager is self.manager:
                self.ctx.active_manager = None
            self.manager = None
        if self.tabs is not None:
            self.stack.removeWidget(self.tabs)
            self.tabs.deleteLater()
            self.tabs = None
        self.policy = self.missed_points = self.review = None
        self.settings = self.shift_summary = None
        self.stack.setCurrentWidget(self.login)
        self.who_label.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        super().closeEvent(event)

    def done(self, result: int) -> None:  # Esc, accept/reject also close the area
        self.lock()
        super().done(result)
        self.closed.emit()
