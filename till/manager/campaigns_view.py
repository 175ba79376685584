"""The manager's Campaigns tab (issue 16): every campaign running or planned, and its effect.

Why both halves here: a manager who wonders "did the weekend promotion work?" needs the
campaign's rules (period, days, hours, categories, customer types, what it gives) next to
what it gave — the points each campaign added on this till's sales this shift, counted
from the earn answers the journal keeps (offline sales included once they reached the
backend). The list comes from the backend (``GET /v1/campaigns``), or from the till's
copy (:mod:`till.catalogue_cache`) while it can't be reached, marked as such. Times are
shown in the store's zone; the rule itself is the backend's (docs/rules.md).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, time, tzinfo
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from offline_queue.op import Op
from till.backend_client import BackendError
from till.manager.widgets import StatusLine, run_for, touch
from till.receipt import store_zone
from till.rules_wire import Campaign
from till.translate import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

WEEKDAYS = (
    QT_TRANSLATE_NOOP("Manager", "Mon"),
    QT_TRANSLATE_NOOP("Manager", "Tue"),
    QT_TRANSLATE_NOOP("Manager", "Wed"),
    QT_TRANSLATE_NOOP("Manager", "Thu"),
    QT_TRANSLATE_NOOP("Manager", "Fri"),
    QT_TRANSLATE_NOOP("Manager", "Sat"),
    QT_TRANSLATE_NOOP("Manager", "Sun"),
)
COLUMNS = (
    QT_TRANSLATE_NOOP("Manager", "Campaign"),
    QT_TRANSLATE_NOOP("Manager", "From"),
    QT_TRANSLATE_NOOP("Manager", "Until"),
    QT_TRANSLATE_NOOP("Manager", "When"),
    QT_TRANSLATE_NOOP("Manager", "For"),
    QT_TRANSLATE_NOOP("Manager", "Gives"),
    QT_TRANSLATE_NOOP("Manager", "Points this shift"),
)
PAGE = 500


def when_text(c: Campaign) -> str:
    days = (
        translate("Manager", "every day")
        if c.weekdays is None
        else ", ".join(translate("Manager", WEEKDAYS[d - 1]) for d in c.weekdays)
    )
    if c.hours is None:
        return days
    lo, hi = c.hours
    return f"{days} {lo:%H:%M}-{hi:%H:%M}"


def for_text(c: Campaign) -> str:
    what = "all products" if c.categories is None else ", ".join(c.categories)
    who = "everyone" if c.customer_types is None else ", ".join(c.customer_types)
    return f"{what}; {who}"


def shift_start(now: datetime, zone: tzinfo) -> datetime:
    """The start of the store's day: the shift this till's summary covers by default."""
    local = now.astimezone(zone)
    return datetime.combine(local.date(), time(0), tzinfo=zone)


def campaign_points(ops: Iterable[Op], since: float, until: float | None = None) -> Counter[str]:
    """Points each campaign (by name) gave on the earns of ``ops`` made in
    ``[since, until)`` (Unix times)."""
    given: Counter[str] = Counter()
    for op in ops:
        if op.kind != "earn" or op.created_at < since or not op.result:
            continue
        if until is not None and op.created_at >= until:
            continue
        for c in op.result.get("campaigns") or ():
            if isinstance(c, dict) and c.get("name"):
                given[str(c["name"])] += int(c.get("points") or 0)
    return given


def journal_effect(journal: Any, since: float, until: float | None = None) -> Counter[str]:
    """Blocking (SQLite): every acknowledged op since ``since``, page by page."""
    ops: list[Op] = []
    after = 0
    while True:
        page = journal.acknowledged_since(since, after, PAGE)
        ops.extend(page)
        if len(page) < PAGE:
            return campaign_points(ops, since, until)
        after = page[-1].seq


def effect_lines(journal: Any, since: float, until: float) -> tuple[str, ...]:
    """The end-of-shift summary's lines: each campaign and the points it gave at this till
    (blocking: SQLite)."""
    given = journal_effect(journal, since, until)
    return tuple(f"{name:<28}{points:>10}" for name, points in sorted(given.items()))


class CampaignsPanel(QWidget):
    """``ctx``: the till's context (client, runner, journal, catalogue, session)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaigns: tuple[Campaign, ...] = ()
        self.effect: Counter[str] = Counter()
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "Manager",
                "Campaigns running or planned, and the points each gave on this till's sales "
                "since the start of the store's day.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("Manager", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.total_label = QLabel()
        layout.addWidget(self.total_label)
        self.status = StatusLine()
        layout.addWidget(self.status)
        self.reload_button = QPushButton(translate("Manager", "&Reload"))
        touch(self.reload_button)
        layout.addWidget(self.reload_button)
        self.reload_button.clicked.connect(self.load)
        self.setFocusProxy(self.table)

    def _zone(self) -> tzinfo:
        session = getattr(self.ctx, "session", None)
        return store_zone(session.raw if session is not None else None)

    def load(self) -> None:
        client, runner = self.ctx.client, self.ctx.runner
        self.status.info(translate("Manager", "Loading the campaigns…"))
        run_for(self, runner, client.campaigns, self._listed, self._list_failed)
        journal = getattr(self.ctx, "journal", None)
        if journal is not None:
            since = shift_start(datetime.now(self._zone()), self._zone()).timestamp()
            run_for(self, runner, lambda: journal_effect(journal, since), self._counted)

    def _listed(self, campaigns: Sequence[Campaign]) -> None:
        self.campaigns = tuple(campaigns)
        self.status.ok(
            translate("Manager", "{value} campaign(s).").format(value=len(self.campaigns))
        )
        self._fill()

    def _list_failed(self, exc: BaseException) -> None:
        cache = getattr(self.ctx, "catalogue", None)
        if not isinstance(exc, BackendError):
            log.error("listing the campaigns failed", exc_info=exc)
        if cache is None:
            self.status.error(
                str(exc)
                if isinstance(exc, BackendError)
                else translate("Manager", "Not available.")
            )
            return

        def shown(campaigns: tuple[Campaign, ...]) -> None:
            self.campaigns = campaigns
            self.status.info(
                translate(
                    "Manager",
                    "The loyalty server can't be reached: the campaigns as this till last downloaded them ({value}).",
                ).format(value=cache.fetched_at or "never")
            )
            self._fill()

        run_for(self, self.ctx.runner, cache.campaigns, shown)

    def _counted(self, effect: Counter[str]) -> None:
        self.effect = effect
        self._fill()

    def _fill(self) -> None:
        zone = self._zone()
        self.table.setRowCount(len(self.campaigns))
        for row, c in enumerate(self.campaigns):
            cells = (
                c.name,
                f"{c.starts.astimezone(zone):%Y-%m-%d %H:%M}",
                f"{c.ends.astimezone(zone):%Y-%m-%d %H:%M}",
                when_text(c),
                for_text(c),
                c.effect,
                str(self.effect.get(c.name, 0)),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        total = sum(self.effect.values())
        self.total_label.setText(
            translate(
                "Manager", "Points given by campaigns this shift at this till: {total}"
            ).format(total=total)
        )
