"""The cashier's side of the catalogue: scan or type a product code, see the points preview.

Why a module apart from the window: the cashier window only routes reads and lines; this
adds what issue 16 asks without growing it — a product barcode read becomes a line (name,
price, category) instead of the refusal "not a loyalty card", a product code typed in the
description field (Enter) does the same, and a line under the sale shows the points the
sale would earn with the cached categories and campaigns (:mod:`till.earn_preview`).

The catalogue is downloaded whenever the backend is seen online and kept on disk
(:mod:`till.catalogue_cache`), so products scan offline; lookups are in memory (the GUI
thread never waits for the disk). Plain words for what the catalogue does not hold.
"""

from __future__ import annotations

import logging
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout

from devices.events import Identified
from till.backend_client import BackendError
from till.catalogue_cache import CatalogueCache, Refreshed, Rules
from till.core.sale import SaleState
from till.earn_preview import preview
from till.products import Found, NotFound, find, scanned_code, typed_code
from till.receipt import store_zone
from till.rules_wire import CatalogueItem

if TYPE_CHECKING:
    from till.main_window import MainWindow

log = logging.getLogger(__name__)


class ProductEntry(QObject):
    """``rules_loaded`` after the copy in memory changed (from disk or the backend)."""

    rules_loaded = Signal()

    def __init__(self, window: MainWindow, cache: CatalogueCache) -> None:
        super().__init__(window)
        self.window = window
        self.cache = cache
        self.rules = Rules()
        self.preview_label = QLabel()
        self.preview_label.setObjectName("pointsPreview")
        self.preview_label.setAccessibleName("Points preview")
        panel = window.sale_panel
        layout = panel.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.preview_label)
        self.preview_label.hide()
        window.identifier.read_hooks.append(self.scanned)
        panel.description_edit.returnPressed.connect(self.typed)
        window.flow.changed.connect(self.show_preview)
        window.ctx.sync_signals.online_changed.connect(self._online)
        self.load()

    # -- the copy -------------------------------------------------------------------------

    def load(self) -> None:
        """The copy on disk into memory (at start: products scan before the backend answers)."""
        self.window.ctx.runner.run(self.cache.load, self._loaded, self._load_failed)

    def refresh(self) -> None:
        """Download the catalogue and campaigns again, then load them."""
        client, cache = self.window.ctx.client, self.cache

        def done(result: Refreshed) -> None:
            self.load()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, BackendError):
                log.error("catalogue refresh failed", exc_info=exc)
            else:
                log.info("catalogue not refreshed: %s", exc.code)

        self.window.ctx.runner.run(lambda: cache.refresh(client), done, failed)

    def _online(self, online: bool) -> None:
        if online:
            self.refresh()

    def _loaded(self, rules: Rules) -> None:
        self.rules = rules
        self.show_preview()
        self.rules_loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        log.error("the catalogue copy could not be read", exc_info=exc)

    # -- lines ----------------------------------------------------------------------------

    def scanned(self, event: Identified) -> bool:
        """A read hook: takes product barcodes (a line, or why not), leaves the rest."""
        code = scanned_code(event)
        if code is None:
            return False
        self._answer(find(self.rules, code))
        return True

    def typed(self) -> None:
        """Enter in the description field: a product code adds its product."""
        panel = self.window.sale_panel
        if panel.amount_edit.text().strip():
            return  # a free line being typed: description, then amount
        answer = typed_code(self.rules, panel.description_edit.text())
        if answer is None:
            return
        if self._answer(answer):
            panel.clear_entry()
        else:
            panel.description_edit.setFocus()

    def _answer(self, answer: Found | NotFound) -> bool:
        if isinstance(answer, NotFound):
            self.window.say(answer.message, "warn")
            return False
        return self.add(answer.item)

    def add(self, item: CatalogueItem) -> bool:
        w = self.window
        if w.flow.sale.finished:
            w.new_sale()
        if not w.flow.add_line(item.name, item.price, item.code, item.category):
            return False
        w.say(f"{item.name}: {w.sale_panel.money(item.price)}", "ok")
        return True

    # -- preview --------------------------------------------------------------------------

    def _zone(self) -> tzinfo:
        session = self.window.ctx.session
        return store_zone(session.raw if session else None)

    def show_preview(self) -> None:
        sale = self.window.flow.sale
        session = self.window.ctx.session
        if sale.member is None or not sale.lines or sale.state != SaleState.OPEN or session is None:
            self.preview_label.hide()
            return
        result = preview(
            sale.lines,
            sale.earnable_amount,
            self.rules.categories,
            self.rules.campaigns,
            points_per_unit=session.points_per_unit,
            customer_type=sale.member.customer_type,
            type_multiplier=self.rules.type_multiplier(sale.member.customer_type),
            zone=self._zone(),
        )
        last = result.line_points(len(sale.lines))  # the line just rung up, per line
        said = result.text()
        if last is not None:
            said += f" · {sale.lines[-1].description}: {last} pt"
        self.preview_label.setText(said)
        self.preview_label.show()


def install(window: MainWindow) -> ProductEntry | None:
    """Add product scanning and the points preview to the cashier window."""
    cache = window.ctx.catalogue
    if cache is None:
        return None
    return ProductEntry(window, cache)  # a child of the window: findChild(ProductEntry)
