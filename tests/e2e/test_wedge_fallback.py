"""The Qt keyboard-wedge fallback with real QKeyEvents and a controlled clock."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from devices.events import Identified, RawRead, ReadKind
from devices.hub import DeviceHub
from devices.router import Router
from till.config import DevicesConfig
from till.wedge_fallback import WedgeFallback, install

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


class Recorder(QLineEdit):
    """A line edit that also records the key events it receives, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[str] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text():  # Shift around a reader's capitals passes through by design
            self.log.append(f"+{event.text()}")
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.text():
            self.log.append(f"-{event.text()}")
        super().keyReleaseEvent(event)


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
    returned: list[bool] = []
    edit.returnPressed.connect(lambda: returned.append(True))
    with qtbot.waitSignal(fallback.read, timeout=1000) as blocker:
        kb.type("%LOYALTY42?;12345678?", gap_ms=4)
        kb.enter(4)
    raw = blocker.args[0]
    assert isinstance(raw, RawRead)
    assert (raw.text, raw.source, raw.error) == ("%LOYALTY42?;12345678?", "keyboard-wedge", None)
    assert edit.text() == "" and edit.log == [] and returned == []


def test_human_typing_passes_through_untouched(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, clock = setup
    with qtbot.assertNotEmitted(fallback.read):
        kb.type("Anna 12", gap_ms=180)
        kb.enter(150)
        clock.advance(500)
        fallback.poll()
    assert edit.text() == "Anna 12"


def test_a_fast_human_roll_is_replayed_in_order_with_releases(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, clock = setup
    with qtbot.assertNotEmitted(fallback.read):
        kb.key("a", 200)
        kb.key("b", 10)  # two keys 10 ms apart: could be a reader, held back ...
        assert edit.text() == ""
        kb.key("c", 300)  # ... until the next gap says it was a person
        clock.advance(300)
        fallback.poll()
    assert edit.text() == "abc"
    assert edit.log == ["+a", "-a", "+b", "-b", "+c", "-c"]


def test_a_short_fast_burst_then_enter_is_typing(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, _clock = setup
    returned: list[bool] = []
    edit.returnPressed.connect(lambda: returned.append(True))
    with qtbot.assertNotEmitted(fallback.read):
        kb.type("42", gap_ms=5)
        kb.enter(5)
    assert edit.text() == "42" and returned == [True]


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
    assert edit.text() == ""


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
    assert edit.text() == "45"
    assert edit.log[:6] == ["+1", "-1", "+2", "-2", "+3", "-3"]


def test_disabled_filter_lets_everything_through(qtbot: QtBot, setup: Setup) -> None:
    fallback, edit, kb, _clock = setup
    fallback.enabled = False
    with qtbot.assertNotEmitted(fallback.read):
        kb.type("12345678", gap_ms=2)
        kb.enter(2)
    assert edit.text() == "12345678"


def test_install_feeds_the_hub_and_the_router(qtbot: QtBot) -> None:
    hub = DeviceHub(Router())
    seen: list[Identified] = []
    hub.subscribe(seen.append)
    ctx = SimpleNamespace(config=SimpleNamespace(devices=DevicesConfig()), hub=hub)
    window = QLineEdit()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window)
    clock = Clock()
    fallback = install(ctx, window, clock=clock)
    try:
        with qtbot.waitSignal(fallback.read, timeout=1000):
            Keyboard(window, clock).type("LOYALTY:12345678", gap_ms=5)
            Keyboard(window, clock).enter(5)
    finally:
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(fallback)
    assert [(i.kind, i.value, i.source) for i in seen] == [
        (ReadKind.MEMBER_QR, "12345678", "keyboard-wedge")
    ]
    assert window.text() == ""
