"""The technician's card test bench: live reads, sample sessions, barcode backup, diagnostics.

Opened from the till (``TechnicianWindow(ctx, parent)``, Staff > Technician) or standalone
with ``till-cardtest bench``. It listens to the same device events as the cashier window
(``ctx.device_signals.identified``), so what the bench shows is what the till gets.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, SignalInstance
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from devices.events import Identified, RawRead, ReadKind
from till.manager.login import ManagerLogin, ManagerSession
from till.manager.store_time import zone_of
from till.techbench.barcode_view import BarcodeBackupPanel
from till.techbench.diagnostics_view import DiagnosticsPanel
from till.techbench.live_view import LiveReadPanel
from till.techbench.sample_view import SampleSessionPanel
from till.translate import translate

if TYPE_CHECKING:
    from till.context import AppContext

_SCANS = {
    ReadKind.MEMBER_BARCODE,
    ReadKind.MEMBER_QR,
    ReadKind.PRODUCT_BARCODE,
    ReadKind.RECEIPT,
    ReadKind.PHONE,
    ReadKind.UNKNOWN,
}
_KEEP_RAW = 32


def _fitting(window: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, or less on a smaller screen (a 1024x768 till)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    room = screen.availableGeometry()
    return QSize(min(width, room.width() - 16), min(height, room.height() - 40))


class TechnicianWindow(QWidget):
    """The bench. Exactly what each reader sent comes from ``ctx.device_signals.raw`` (the
    hub's raw subscription), when the context has it. ``sign_in``: inside the till the
    bench opens behind the manager PIN gate (there is no technician role in the backend; on
    site the manager lets the technician in); the standalone bench runs on the technician's
    own terminal session and has none. A manager already signed in at this till (the
    manager window open, ``ctx.active_manager``) lets the technician in without a second
    sign-in.

    Inside the till the bench takes reads only while it is the active window: behind the
    till window, a swipe is the cashier's (:attr:`taking_reads`). Escape closes it.
    """

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, sign_in: bool = True
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle(translate("TechBench", "Card test bench (technician)"))
        self.resize(_fitting(self, 960, 720))
        self._in_till = parent is not None
        self._raws: OrderedDict[tuple[str, Any], RawRead] = OrderedDict()
        self._raw_reads: SignalInstance | None = None
        self._listening = False
        self.reads = 0
        self.signed_in_as = ""
        # Set by the standalone bench: its keyboard-wedge fallback, kept alive here.
        self.wedge_fallback: Any = None
        self.live = LiveReadPanel()
        self.sample = SampleSessionPanel()
        self.barcode = BarcodeBackupPanel(ctx.runner, ctx.data_dir / "card-images")
        self.diagnostics = DiagnosticsPanel(
            ctx.config,
            ctx.client,
            ctx.runner,
            journal=ctx.journal,
            data_dir=ctx.data_dir,
            config_path=ctx.config_path,
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.live, "&Live reads")
        self.tabs.addTab(self.sample, "Sa&mple card")
        self.tabs.addTab(self.barcode, "&Barcode backup")
        self.tabs.addTab(self.diagnostics, "&Diagnostics")
        # Keyboard first: a tab shown (Alt+letter, Ctrl+Tab) puts the focus in its field.
        self.tabs.currentChanged.connect(self._tab_shown)
        self.status_label = QLabel(translate("TechBench", "Readers: waiting for a read."))
        self.stack = QStackedWidget()
        self.login: ManagerLogin | None = None
        manager = ctx.active_manager
        if sign_in and manager is not None and manager.active:
            self.signed_in_as = str(manager.staff)  # the manager signed in at this till
            sign_in = False
        if sign_in:
            self.login = ManagerLogin(ctx.client, ctx.runner)
            self.login.unlocked.connect(self._unlocked)
            why = QLabel(
                translate(
                    "TechBench",
                    "The bench takes this till's card readers while it is in front, and shows "
                    "what each card holds: a manager signs the technician in.",
                )
            )
            why.setWordWrap(True)
            gate = QWidget()
            gate_layout = QVBoxLayout(gate)
            gate_layout.addWidget(why)
            gate_layout.addWidget(self.login, 1)
            gate.setFocusProxy(self.login)
            self.stack.addWidget(gate)
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_label)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        if not sign_in:
            self._listen()
            if self.signed_in_as:
                self.status_label.setText(
                    translate(
                        "TechBench",
                        "Opened under {name}'s manager sign-in. Readers: waiting for a read.",
                    ).format(name=self.signed_in_as)
                )

    @property
    def unlocked(self) -> bool:
        return self._listening

    @property
    def taking_reads(self) -> bool:
        """Signed in and in front: a read now is a sample card for the bench. Inside the
        till, a bench hidden, minimised or behind the till window leaves reads to it."""
        if not (self._listening and self.isVisible() and not self.isMinimized()):
            return False
        return self.isActiveWindow() or not self._in_till

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is not None and page.focusProxy() is not None:
            page.setFocus(Qt.FocusReason.TabFocusReason)

    def _unlocked(self, manager: ManagerSession) -> None:
        self.signed_in_as = manager.staff
        manager.clear()  # the bench writes nothing that needs the PIN again
        self._listen()

    def _listen(self) -> None:
        """Show the tabs and start taking reads."""
        self.stack.setCurrentWidget(self.tabs)
        signals = self.ctx.device_signals
        signals.identified.connect(self.on_identified)
        signals.status.connect(self.status_label.setText)
        self._raw_reads = signals.raw
        self._raw_reads.connect(self.on_raw)
        self._listening = True

    def on_raw(self, read: RawRead) -> None:
        self._raws[(read.source, read.at)] = read
        while len(self._raws) > _KEEP_RAW:
            self._raws.popitem(last=False)

    def on_identified(self, event: Identified) -> None:
        if not self.taking_reads:
            self._raws.pop((event.source, event.at), None)
            return
        self.reads += 1
        raw = self._raws.pop((event.source, event.at), None)
        self.live.zone = zone_of(self.ctx.session)  # the store's clock, not the machine's
        self.live.show_read(event, raw.text if raw is not None else None)
        if event.kind is ReadKind.MAGSTRIPE:
            analysis = event.detail
            if analysis is not None and hasattr(analysis, "to_json"):
                self.sample.add_swipe(analysis.to_json())
            if event.card_kind == "loyalty" and analysis is not None and analysis.card_number:
                self.barcode.set_reference(analysis.card_number)
                self.diagnostics.set_card(analysis.card_number)
        elif event.kind in _SCANS and (event.value or event.raw):
            self.barcode.compare_scan(event, raw.format if raw is not None else None)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._listening:
            self._listening = False
            signals = self.ctx.device_signals
            signals.identified.disconnect(self.on_identified)
            signals.status.disconnect(self.status_label.setText)
            if self._raw_reads is not None:
                self._raw_reads.disconnect(self.on_raw)
        super().closeEvent(event)
