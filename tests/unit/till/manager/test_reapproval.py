"""The manager's PIN again for a review item whose approval a restore lost (issue 11):
driven by keys, the PIN read once and never left in the widget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from offline_queue.op import Op
from till.manager.reapproval import ReapproveDialog, needs_reapproval


def test_enter_moves_from_the_name_to_the_pin_then_approves(qtbot: QtBot) -> None:
    got: list[tuple[str, str]] = []
    box = ReapproveDialog("Reversal for customer 7", lambda s, p: got.append((s, p)))
    qtbot.addWidget(box)
    box.show()
    qtbot.waitUntil(box.manager_edit.hasFocus)
    QTest.keyClick(box.manager_edit, Qt.Key.Key_Return)  # empty name: says so, stays
    assert "name" in box.message_label.text() and got == []
    QTest.keyClicks(box.manager_edit, "manager")
    QTest.keyClick(box.manager_edit, Qt.Key.Key_Return)
    assert box.pin_edit.hasFocus()
    QTest.keyClicks(box.pin_edit, "24")
    QTest.keyClick(box.pin_edit, Qt.Key.Key_Return)  # too short
    assert got == [] and "PIN" in box.message_label.text()
    QTest.keyClicks(box.pin_edit, "68")
    QTest.keyClick(box.pin_edit, Qt.Key.Key_Return)
    assert got == [("manager", "2468")]
    assert box.pin_edit.text() == "" and not box.isVisible()


def test_esc_closes_without_approving(qtbot: QtBot) -> None:
    got: list[tuple[str, str]] = []
    box = ReapproveDialog("Reversal", lambda s, p: got.append((s, p)))
    qtbot.addWidget(box)
    box.show()
    QTest.keyClicks(box.manager_edit, "manager")
    QTest.keyClick(box.manager_edit, Qt.Key.Key_Escape)
    assert got == [] and not box.isVisible()


def test_only_a_lost_approval_asks_for_a_pin() -> None:
    lost = Op("r", "reverse", "a", {}, 0.0, last_error={"code": "approval_lost"})
    other = Op("r", "reverse", "a", {}, 0.0, last_error={"code": "approval_invalid"})
    assert needs_reapproval(lost) and not needs_reapproval(other)
    assert not needs_reapproval(Op("r", "reverse", "a", {}, 0.0))


def test_the_journals_own_review_codes_are_worded_not_generic() -> None:
    """``approval_lost`` and ``points_spent_after_restore`` are the journal's codes, not the
    backend's: the review list says what happened, never "refused this (error …)"."""
    from offline_queue.sync_replies import APPROVAL_LOST, POINTS_SPENT
    from till import i18n
    from till.manager.review import error_words

    assert error_words({"code": "approval_lost", "status": 403}) == APPROVAL_LOST
    spent = {"code": "points_spent_after_restore", "status": 409}
    assert error_words(spent) == POINTS_SPENT
    assert i18n.install("de")
    try:
        assert error_words(spent).startswith("Die Punkte des Mitglieds")
    finally:
        i18n.install("en")
