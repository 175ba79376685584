"""The store's time zone and locale, set on the backend, on the till's screen and receipt
(issue 12: "Receipt in the store's time zone and locale"). The till's own clock is set to
another zone on purpose: the store's setting wins; the till's is only the fallback for a
backend that sends none."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.fixtures.till import TillFactory, demo_card
from till.core.sale import SaleState
from till.receipt import store_locale, store_zone
from till.wire import Session


def set_store(backend: Any, *args: str) -> subprocess.CompletedProcess[str]:
    """``till-server set-store`` on the backend's database, as a technician runs it."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "set-store",
            "--db",
            backend.db_url,
            "--store",
            "DEMO",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=backend.child_env,
    )


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


@pytest.fixture
def new_york_till_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_session_names_the_stores_zone_and_locale(
    till_factory: TillFactory, backend: Any
) -> None:
    till = till_factory(backend)
    session = till.ctx.session
    assert session is not None
    assert (session.time_zone, session.locale) == ("Europe/London", "en_GB")  # the demo's


def test_the_receipt_is_in_the_stores_zone_and_locale(
    till_factory: TillFactory, backend: Any, new_york_till_clock: None
) -> None:
    done = set_store(backend, "--time-zone", "Europe/Berlin", "--locale", "de_DE")
    assert done.returncode == 0, done.stderr
    assert "Europe/Berlin" in done.stdout and "de_DE" in done.stdout
    till = till_factory(backend)
    assert till.ctx.session is not None and till.ctx.session.time_zone == "Europe/Berlin"
    till.window.activateWindow()
    till.swipe(demo_card("Alice")["swipe"])
    till.wait_member("Alice Demo")
    till.window.sale_panel.description_edit.setFocus()
    QTest.keyClicks(focused(), "Groceries")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QTest.keyClicks(focused(), "1234.50")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: bool(till.sale.lines))
    QTest.keyClick(focused(), Qt.Key.Key_F9)
    till.wait_state(SaleState.COMPLETED)
    receipt = till.window.receipt_panel.text
    stamp = receipt.splitlines()[2]
    assert stamp.endswith((" CET", " CEST")), stamp  # Berlin, not the till's New York
    done_at = datetime.fromisoformat(till.sale.completed_at.replace("Z", "+00:00"))
    berlin = done_at.astimezone(ZoneInfo("Europe/Berlin"))
    assert stamp.startswith(berlin.strftime("%d.%m.%Y, %H:%M")), stamp  # as de_DE writes it
    assert "1.234,50" in receipt  # de_DE figures
    assert "1,234.50" not in receipt


def test_a_bad_zone_or_locale_is_refused_in_words(backend: Any) -> None:
    done = set_store(backend, "--time-zone", "Mars/Olympus")
    assert done.returncode == 1
    assert "not a time zone" in done.stderr and "Europe/London" in done.stderr
    done = set_store(backend, "--locale", "xx_QQ")
    assert done.returncode == 1
    assert "not a locale" in done.stderr


def test_an_older_backend_leaves_the_till_its_own_zone(new_york_till_clock: None) -> None:
    """A session without ``time_zone``/``locale`` (a backend older than this): the till's
    clock zone and the locale-neutral receipt forms."""
    older = {"store": {"code": "S1", "name": "Old"}, "program": {}, "otp_policy": {}}
    session = Session.from_json(older)
    assert (session.time_zone, session.locale) == ("", "")
    zone = store_zone(older)
    assert store_locale(older) is None
    winter = datetime(2026, 1, 15, 12, tzinfo=ZoneInfo("UTC"))
    assert winter.astimezone(zone).tzname() == "EST"
