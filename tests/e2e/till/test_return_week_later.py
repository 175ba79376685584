"""Issue 16's acceptance, end to end: scan products, the campaign applies, the receipt names
it; return half the sale a week later, offline; sync; the balance is right.

The real cashier window offscreen, driven by key events and the (fake) scanner thread, the
real reference server over loopback, the real journal. A manager starts a three-day
campaign with the admin CLI; the cashier rings up a member's sale; then both clocks (the
served backend's, ``--test-clock-file``, and the till's, injected through ``till.wiring``)
jump a week ahead, so the campaign has ended when the goods come back. The backend is away;
the return is journaled at the till and replayed once when the server is back. The points
taken back are the ones the returned lines earned under the rules *of the sale's day*
(docs/rules.md "How points are counted"), computed here from those rules and the backend's
own catalogue and campaigns, not copied from its answer.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from server.embedded import EmbeddedBackend
from tests.e2e.till.test_products import COFFEE, MILK, products
from tests.e2e.till.test_return import ALICE_PHONE, key, open_return, pick, ring_up
from tests.fixtures.backend import BackendFactory
from tests.fixtures.moving_clock import MovingClock
from tests.fixtures.till import TillFactory
from till.backend_client import BackendClient
from till.rules_wire import Campaign, Catalogue

CAMPAIGN = "Coffee days: grocery x3"
WEEK = timedelta(days=7)
SOLD = (MILK, COFFEE, MILK, COFFEE)  # lines 1-4; lines 1 and 2 come back: half the sale


def manager_adds_campaign(backend: EmbeddedBackend, starts: datetime, ends: datetime) -> None:
    """As a manager does it: ``till-server add-campaign`` on the backend's database."""
    done = subprocess.run(
        [
            *(sys.executable, "-m", "server", "add-campaign", "--db", backend.db_url),
            *("--store", "DEMO", "--name", CAMPAIGN, "--categories", "grocery"),
            *("--multiplier", "3", "--from", starts.isoformat(), "--to", ends.isoformat()),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=backend.child_env,
    )
    assert done.returncode == 0, done.stderr


def floor(x: Decimal) -> int:
    return int(x.to_integral_value(ROUND_DOWN))


def points_by_the_rules(
    codes: tuple[str, ...],
    catalogue: Catalogue,
    campaigns: tuple[Campaign, ...],
    points_per_unit: Decimal,
    customer_type: str,
) -> tuple[dict[int, int], dict[str, int]]:
    """docs/rules.md, rules 1-4: each line earns floor(rate x the highest campaign multiplier),
    rate = amount x points per unit x category x customer type; a campaign's points are what
    it added. (Campaigns here name no weekdays, hours or types; the sale is in their period.)"""
    items = {x.code: x for x in catalogue.items}
    categories = {c.code: c for c in catalogue.categories}
    types = {t.code: t.multiplier for t in catalogue.customer_types}
    per_line: dict[int, int] = {}
    per_campaign: dict[str, int] = {}
    for line_no, code in enumerate(codes, start=1):
        item = items[code]
        category = categories[item.category]
        if not category.earn:
            per_line[line_no] = 0
            continue
        rate = item.price * points_per_unit * category.multiplier * types.get(customer_type, 1)
        assert all(c.weekdays is None and c.hours is None for c in campaigns)
        applying = [
            c
            for c in campaigns
            if c.multiplier is not None and c.categories and item.category in c.categories
        ]
        best = max(applying, key=lambda c: c.multiplier or 0, default=None)
        m = best.multiplier if best is not None and best.multiplier is not None else Decimal(1)
        per_line[line_no] = floor(rate * m)
        if best is not None:
            added = floor(rate * m) - floor(rate)
            per_campaign[best.name] = per_campaign.get(best.name, 0) + added
    return per_line, per_campaign


def test_a_campaign_sale_returned_half_a_week_later_offline_syncs_to_the_right_balance(
    backend_factory: BackendFactory, till_factory: TillFactory, moving_clock: MovingClock
) -> None:
    # The story runs two days ahead of the wall clock from the start, so that any part of
    # the till or the backend that read the wall clock instead of the injected one shows.
    moving_clock.advance(timedelta(days=2))
    backend = backend_factory(otp_ttl=600, extra_args=moving_clock.serve_args)
    sale_day = moving_clock.now()
    manager_adds_campaign(backend, sale_day - timedelta(hours=1), sale_day + timedelta(days=3))
    till = till_factory(backend, clock=moving_clock.now_iso)
    products(till)
    client = BackendClient(backend.url, backend.api_key)
    alice = client.lookup(phone=ALICE_PHONE)
    campaigns = client.campaigns()
    assert CAMPAIGN in [c.name for c in campaigns]
    expected_lines, expected_campaigns = points_by_the_rules(
        SOLD,
        client.catalogue(),
        campaigns,
        client.session().points_per_unit,
        alice.customer_type,
    )
    assert expected_campaigns[CAMPAIGN] > 0  # the new campaign gives points on this sale

    # The sale: card, four scans, cash, complete.
    receipt_no, earned, per_line = ring_up(till, SOLD)
    assert per_line == expected_lines
    assert earned == sum(expected_lines.values())
    assert client.lookup(phone=ALICE_PHONE).balance == alice.balance + earned
    # The receipt names each campaign with the points it gave.
    receipt = till.window.receipt_panel.text.splitlines()
    for name, pts in expected_campaigns.items():
        assert any(r.split() == [*name.split(), f"+{pts}"] for r in receipt), (name, receipt)

    # A week later: both clocks. The three-day campaign is over on the backend's calendar.
    moving_clock.advance(WEEK)
    assert CAMPAIGN not in [c.name for c in client.campaigns()]

    # The server is away; the customer brings back a milk and a coffee.
    backend.stop()
    till.wait_online(False)
    dialog = open_return(till)
    QTest.keyClicks(dialog.receipt_edit, receipt_no)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: dialog.lines_list.count() == len(SOLD), timeout=15_000)
    till.qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.lines_list)
    pick(till, dialog, (0, 1))
    assert dialog.chosen_lines() == (1, 2)
    key(Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: "when the loyalty server is back" in dialog.message_label.text())
    assert "Return recorded at this till" in till.window.banner.text()  # saved, it says
    key(Qt.Key.Key_Return)  # Done
    till.qtbot.waitUntil(lambda: till.window.dialog is None)
    assert till.ctx.journal.stats().pending == 1

    # Back online: the journal replays the return once.
    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(lambda: till.ctx.journal.stats().pending == 0, timeout=20_000)
    assert till.ctx.journal.stats().review == 0
    taken = expected_lines[1] + expected_lines[2]  # the sale's rules, the campaign included
    assert 0 < taken < earned
    till.wait_banner(f"Return of receipt {receipt_no}")
    assert f"{taken} points taken back" in till.window.banner.text()
    assert client.lookup(phone=ALICE_PHONE).balance == alice.balance + earned - taken

    history = [t for t in client.transactions(alice.id) if t.receipt_no == receipt_no]
    returns = [t for t in history if t.kind == "return"]
    (sale,) = [t for t in history if t.kind == "earn"]
    assert len(returns) == 1, history
    assert abs(at(sale.occurred_at) - sale_day) < timedelta(hours=1)  # the till's clock
    (ret,) = returns
    assert ret.points == -taken
    # Rung a week after the sale by the till's clock, recorded a week later by the backend's.
    assert at(ret.occurred_at) - at(sale.occurred_at) >= WEEK
    assert at(ret.created_at) - at(sale.created_at) >= WEEK


def at(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def test_the_clock_file_is_refused_outside_tests(
    moving_clock: MovingClock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A production environment (no TILL_SERVER_TESTING=1) never runs on a file's clock, and
    the refusal comes before the database is touched."""
    monkeypatch.delenv("TILL_SERVER_TESTING")
    db = tmp_path / "loyalty.db"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "serve",
            "--db",
            f"sqlite:///{db}",
            *moving_clock.serve_args,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1
    assert "for tests only" in done.stderr
    assert not db.exists()
