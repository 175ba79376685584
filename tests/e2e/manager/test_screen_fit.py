"""The manager window on a 1024x768 till screen, and its keyboard mnemonics (issue 12,
findings 3 and 10): every page fits (scrolling vertically when it must), "Close and lock"
stays on screen, no label is cut, and no Alt+letter means two things at once."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.fit import clipped_labels, controls_outside, duplicate_mnemonics
from tests.fixtures.manager import wait_idle

TABS = ("policy", "missed_points", "review", "settings", "shift_summary", "campaigns_view")


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1366, 768)])
def test_every_tab_fits_the_screen(
    manager_window: Any, qtbot: QtBot, width: int, height: int
) -> None:
    window = manager_window
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() <= width and window.height() <= height)
    assert window.minimumSizeHint().height() <= height
    assert window.minimumSizeHint().width() <= width
    for name in TABS:
        window.select_tab(name)
        wait_idle(qtbot, window.ctx.runner)
        assert (window.width(), window.height()) == (width, height), name
        assert controls_outside(window) == [], name
        assert clipped_labels(window) == [], name
        assert window.close_button.isVisible()


def test_the_sign_in_page_fits_too(new_manager_window: Any, qtbot: QtBot) -> None:
    window = new_manager_window()
    window.resize(1024, 768)
    qtbot.waitExposed(window)
    assert controls_outside(window) == []
    assert duplicate_mnemonics(window) == {}


def test_no_alt_letter_means_two_things(manager_window: Any, qtbot: QtBot) -> None:
    window = manager_window
    for name in TABS:
        window.select_tab(name)
        wait_idle(qtbot, window.ctx.runner)
        assert duplicate_mnemonics(window) == {}, name
