"""The Qt keyboard-wedge fallback with real QKeyEvents and a controlled clock."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from devices.events import Identified, RawRead, ReadKind
from devices.hub import DeviceHub
from devices.router import Router, RouterSettings
from till.config import DevicesConfig
from till.wedge_fallback import WedgeFallback, install, is_text_field

Key = Qt.Key
NO_MOD = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms / 1000


class Recorder(QWidget):
    """A focusable widget that is no text field (a button, a table, the window itself):
    it records the key events it receives, in order, and the text they type."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.log: list[str] = []
        self.typed = ""
        self.returned = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Key.Key_Return, Key.Key_Enter):
            self.returned += 1
        elif event.key() == Key.Key_Backspace:
            self.typed = self.typed[:-1]
        elif event.text() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.typed += event.text()
        if event.text():  # Shift around a reader's capitals passes through by design
            self.log.append(f"+{event.text()}")

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.text():
            self.log.append(f"-{event.text()}")


class Keyboard:
    def __init__(self, target: QWidget, clock: Clock) -> None:
        self.target = target
        self.clock = clock

    def key(
        self, text: str, gap_ms: float, key: int | None = None, mods: Qt.KeyboardModifier = NO_MOD
    ) -> None:
        self.clock.advance(gap_ms)
        code = key if key is not None else _key_for(text)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(self.target, QKeyEvent(kind, code, mods, text))

    def type(self, text: str, gap_ms: float) -> None:
        for ch in text:
            if ch.isupper():
                self.clock.advance(gap_ms / 2)
                QApplication.sendEvent(
                    self.target, QKeyEvent(QEvent.Type.KeyPress, Key.Key_Shift, SHIFT, "")
                )
                self.key(ch, gap_ms / 2, mods=SHIFT)
                QApplication.sendEvent(
                    self.target, QKeyEvent(QEvent.Type.KeyRelease, Key.Key_Shift, NO_MOD, "")
                )
            else:
                self.key(ch, gap_ms)

    def enter(self, gap_ms: float) -> None:
        self.key("\r", gap_ms, Key.Key_Return)


def _key_for(ch: str) -> int:
    if ch.isalnum() and ch.isascii():
        return int(getattr(Key, f"Key_{ch.upper()}"))
    return {
        ":": int(Key.Key_Colon),
        "%": int(Key.Key_Percent),
        "?": int(Key.Key_Question),
        ";": int(Key.Key_Semicolon),
        "=": int(Key.Key_Equal),
        " ": int(Key.Key_Space),
        "@": int(Key.Key_At),
        "#": int(Key.Key_NumberSign),
    }[ch]


Setup = tuple[WedgeFallback, Recorder, Keyboard, Clock]


@pytest.fixture
def setup(qtbot: QtBot) -> Iterator[Setup]:
    window = QWidget()
    layout = QVBoxLayout(window)
    edit = Recorder()
    layout.addWidget(edit)
    layout.addWidget(QLineEdit())  # a second widget: events must reach the focused one only
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    clock = Clock()
    fallback = WedgeFallback(max_key_gap_ms=35, idle_timeout_ms=150, min_chars=6, clock=clock)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(fallback)
    yield fallback, edit, Keyboard(edit, clock), clock
    app.removeEventFilter(fallback)
    fallback.deleteLater()


def test_a_reader_burst_is_a_read_and_never_reaches_the_widget(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, _clock = setup
    with qtbot.waitSignal(fallback.read, timeout=1000) as blocker:
        kb.type("%LOYALTY42?;12345678?", gap_ms=4)
        kb.enter(4)
    raw = blocker.args[0]
    assert isinstance(raw, RawRead)
    assert (raw.text, raw.source, raw.error) == ("%LOYALTY42?;12345678?", "keyboard-wedge", None)
    assert edit.typed == "" and edit.log == [] and edit.returned == 0


def test_human_typing_passes_through_untouched(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, clock = setup
    with qtbot.assertNotEmitted(fallback.read):
        kb.type("Anna 12", gap_ms=180)
        kb.enter(150)
        clock.advance(500)
        fallback.poll()
    assert edit.typed == "Anna 12"


def test_a_fast_human_roll_is_replayed_in_order_with_releases(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, clock = setup
    with qtbot.assertNotEmitted(fallback.read):
        kb.key("a", 200)
        kb.key("b", 10)  # two keys 10 ms apart: could be a reader, held back ...
        assert edit.typed == ""
        kb.key("c", 300)  # ... until the next gap says it was a person
        clock.advance(300)
        fallback.poll()
    assert edit.typed == "abc"
    assert edit.log == ["+a", "-a", "+b", "-b", "+c", "-c"]


def test_a_short_fast_burst_then_enter_is_typing(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, _clock = setup
    with qtbot.assertNotEmitted(fallback.read):
        kb.type("42", gap_ms=5)
        kb.enter(5)
    assert edit.typed == "42" and edit.returned == 1


def test_a_read_without_terminator_ends_when_idle(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, clock = setup
    kb.type("4006381333931", gap_ms=3)
    clock.advance(100)
    with qtbot.assertNotEmitted(fallback.read):
        fallback.poll()  # 100 ms: a reader may pause that long mid-read
    clock.advance(100)
    with qtbot.waitSignal(fallback.read, timeout=1000) as blocker:
        fallback.poll()
    assert blocker.args[0].text == "4006381333931"
    assert edit.typed == ""


def test_a_second_read_after_a_pause_is_separate(qtbot: QtBot, setup: Setup) -> None:
    fallback, _edit, kb, _clock = setup
    reads: list[str] = []
    fallback.read.connect(lambda raw: reads.append(raw.text))
    kb.type("12345678", gap_ms=5)
    kb.key("8", gap_ms=2000)  # the first key after 2 s ends the first read (idle) ...
    kb.type("7654321", gap_ms=5)  # ... and starts the next
    kb.enter(5)
    assert reads == ["12345678", "87654321"]


def test_shortcuts_and_editing_keys_end_a_burst_as_typing(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, _clock = setup
    with qtbot.assertNotEmitted(fallback.read):
        kb.type("123", gap_ms=5)
        kb.key("a", 5, Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # Ctrl+A: select all
        kb.type("456", gap_ms=5)
        kb.key("", 5, Key.Key_Backspace)
    assert edit.typed == "12345"
    assert edit.log[:6] == ["+1", "-1", "+2", "-2", "+3", "-3"]


def test_disabled_filter_lets_everything_through(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, _clock = setup
    fallback.enabled = False
    with qtbot.assertNotEmitted(fallback.read):
        kb.type("12345678", gap_ms=2)
        kb.enter(2)
    assert edit.typed == "12345678"


def test_install_feeds_the_hub_and_the_router(qtbot: QtBot) -> None:
    devices = DevicesConfig(read_prefix="@@")
    hub = DeviceHub(Router(RouterSettings.from_config(devices)))
    seen: list[Identified] = []
    hub.subscribe(seen.append)
    ctx = SimpleNamespace(config=SimpleNamespace(devices=devices), hub=hub)
    window = QLineEdit()  # a text field: the configured prefix is what makes it a read
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window)
    clock = Clock()
    fallback = install(ctx, window, clock=clock)
    try:
        assert (fallback.prefix, fallback.suffix) == ("@@", "")
        with qtbot.waitSignal(fallback.read, timeout=1000):
            Keyboard(window, clock).type("@@LOYALTY:12345678", gap_ms=5)
            Keyboard(window, clock).enter(5)
    finally:
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(fallback)
    assert [(i.kind, i.value, i.source) for i in seen] == [
        (ReadKind.MEMBER_QR, "12345678", "keyboard-wedge")
    ]
    assert window.text() == ""


# -- a person typing into a text field ----------------------------------------------------

FieldSetup = tuple[WedgeFallback, QLineEdit, Keyboard, Clock]


def _field_setup(
    qtbot: QtBot, field: QWidget, **framing: str
) -> tuple[WedgeFallback, Clock, QWidget]:
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    clock = Clock()
    fallback = WedgeFallback(
        max_key_gap_ms=35, idle_timeout_ms=150, min_chars=6, clock=clock, **framing
    )
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(fallback)
    return fallback, clock, window


@pytest.fixture
def field_factory(qtbot: QtBot) -> Iterator[Any]:
    made: list[tuple[WedgeFallback, QWidget]] = []  # kept alive for the test's length

    def make(field: QWidget | None = None, **framing: str) -> tuple[WedgeFallback, Any, Keyboard]:
        field = field if field is not None else QLineEdit()
        fallback, clock, window = _field_setup(qtbot, field, **framing)
        made.append((fallback, window))
        return fallback, field, Keyboard(field, clock)

    yield make
    app = QApplication.instance()
    assert app is not None
    for fallback, _window in made:
        app.removeEventFilter(fallback)
        fallback.deleteLater()


@pytest.mark.parametrize("gap_ms", [0, 1, 4, 10, 20, 30, 60, 120])
def test_typing_into_a_text_field_is_never_a_read_at_any_speed(
    qtbot: QtBot, field_factory: Any, gap_ms: float
) -> None:
    """Finding 4: "Coffee beans" typed fast vanished and was taken for a reader. A gap of 0
    is what a busy GUI thread makes of queued key presses delivered together."""
    fallback, field, kb = field_factory()
    returned: list[bool] = []
    field.returnPressed.connect(lambda: returned.append(True))
    with qtbot.assertNotEmitted(fallback.read):
        for n, ch in enumerate("Coffee beans 12345678"):
            kb.type(ch, gap_ms=gap_ms)
            # Nothing is held back: each key is in the field as soon as it is pressed.
            assert field.text() == "Coffee beans 12345678"[: n + 1]
        kb.enter(gap_ms)
        fallback.poll()
    assert returned == [True]


def test_real_key_clicks_into_a_text_field_reach_it(qtbot: QtBot, field_factory: Any) -> None:
    """QTest's key clicks go through the application's event filters like the desktop's."""
    fallback, field, _kb = field_factory(QLineEdit())
    with qtbot.assertNotEmitted(fallback.read):
        QTest.keyClicks(QApplication.focusWidget(), "Coffee beans")
        QTest.keyClick(QApplication.focusWidget(), Key.Key_Return)
    assert field.text() == "Coffee beans"


def _spin_box() -> QSpinBox:
    spin = QSpinBox()
    spin.setMaximum(99_999_999)
    spin.clear()
    return spin


def _editable_combo() -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    return combo


def _text_of(field: QWidget) -> str:
    if isinstance(field, QSpinBox):
        return field.cleanText()
    if isinstance(field, QPlainTextEdit):
        return field.toPlainText()
    assert isinstance(field, QComboBox)
    return field.currentText()


@pytest.mark.parametrize(
    "make_field",
    [_spin_box, QPlainTextEdit, _editable_combo],
    ids=["spin box", "plain text edit", "editable combo box"],
)
def test_other_text_fields_count_too(qtbot: QtBot, field_factory: Any, make_field: Any) -> None:
    field = make_field()
    fallback, _field, _kb = field_factory(field)
    focus = QApplication.focusWidget()
    assert is_text_field(focus)
    with qtbot.assertNotEmitted(fallback.read):
        Keyboard(focus, _kb.clock).type("12345678", gap_ms=2)
        fallback.poll()
    assert _text_of(field) == "12345678"


def test_a_read_only_field_is_no_text_field(qtbot: QtBot, field_factory: Any) -> None:
    field = QLineEdit()
    field.setReadOnly(True)
    fallback, _field, kb = field_factory(field)
    with qtbot.waitSignal(fallback.read, timeout=1000) as blocker:
        kb.type("12345678", gap_ms=3)
        kb.enter(3)
    assert blocker.args[0].text == "12345678"


def test_a_prefixed_read_into_a_text_field_is_taken(qtbot: QtBot, field_factory: Any) -> None:
    fallback, field, kb = field_factory(prefix="\x02")
    field.setText("Coffee")
    returned: list[bool] = []
    field.returnPressed.connect(lambda: returned.append(True))
    with qtbot.waitSignal(fallback.read, timeout=1000) as blocker:
        kb.key("\x02", 3, Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # STX is Ctrl+B
        kb.type(";12345678?", gap_ms=3)
        kb.enter(3)
    assert blocker.args[0].text == "\x02;12345678?"
    assert field.text() == "Coffee" and returned == []


def test_typing_the_prefix_character_slowly_is_typing(qtbot: QtBot, field_factory: Any) -> None:
    fallback, field, kb = field_factory(prefix="@@")
    with qtbot.assertNotEmitted(fallback.read):
        kb.type("@a", gap_ms=5)  # "@" then "a": not the prefix, given back at once, in order
        assert field.text() == "@a"
        kb.type("@", gap_ms=200)
        kb.type("@", gap_ms=200)  # the whole prefix, but at a person's pace
        kb.type("x", gap_ms=200)
        fallback.poll()
    assert field.text() == "@a@@x"


def test_a_suffixed_read_into_a_text_field_is_taken(qtbot: QtBot, field_factory: Any) -> None:
    fallback, field, kb = field_factory(suffix="#")
    with qtbot.waitSignal(fallback.read, timeout=1000) as blocker:
        kb.type("12345678#", gap_ms=3)
        kb.enter(3)
    assert blocker.args[0].text == "12345678#"
    assert field.text() == ""
    with qtbot.assertNotEmitted(fallback.read):
        kb.type("87654321", gap_ms=3)  # as fast, without the suffix: a person's, given back
        kb.enter(3)
    assert field.text() == "87654321"
