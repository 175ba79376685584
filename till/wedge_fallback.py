"""Keyboard-wedge input from Qt key events, for when evdev cannot be used.

Without evdev (no permission for ``/dev/input``, not Linux, a remote desktop) a wedge reader's
swipe arrives as ordinary key presses in whatever widget has focus. A reader types far faster
than a person (a few milliseconds per key against 100 ms or more), so the gap between key
presses tells them apart: keys are held back while a burst is still too short to judge; a
burst that reaches ``min_chars`` with every gap under ``max_key_gap_ms`` is a reader, and its
keys never reach the widget; anything slower is replayed to the widget unchanged, so a
cashier's typing only lags by one gap at most.

Timing alone cannot be trusted while a person types into a text field: a fast typist rolls
keys closer than a slow reader, and a busy GUI thread (or a remote desktop) delivers queued
key presses together, so real gaps are lost. So when the focus is in a text field (line edit,
text edit, editable spin or combo box) nothing is ever taken from a person's typing: keys go
straight to the field, and a read is only taken when it carries the reader's configured
framing (``devices.read_prefix`` / ``read_suffix``; program the reader to send one, e.g. STX).
Outside a text field (a button, a table, the window itself) timing decides as above.

The layout is already applied by the desktop here, so this only delimits reads; the text goes
as a :class:`~devices.events.RawRead` to the same router as every other reader.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from devices.events import RawRead

log = logging.getLogger(__name__)

SOURCE = "keyboard-wedge"
_END_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
# Keys a reader presses around characters; they type nothing and must not end a burst.
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _copy(event: QKeyEvent) -> QKeyEvent:
    """A replayable copy: Qt reuses the original event object after the filter returns."""
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


def is_text_field(widget: QWidget | None) -> bool:
    """Whether a person may be typing into ``widget`` (so timing must not judge the keys)."""
    if widget is None:
        return False
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return bool(widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled))


@dataclass
class _Held:
    receiver: QObject
    press: QKeyEvent
    release: QKeyEvent | None = None


class WedgeFallback(QObject):
    """Application-wide event filter; emits :attr:`read` with a RawRead for each reader burst.

    ``clock`` returns seconds (monotonic); tests pass a fake one so gaps are exact. The
    internal timer only *asks* the clock whether a burst has gone idle, so with a fake clock
    nothing happens until the test advances it and calls :meth:`poll`.

    ``prefix``/``suffix``: the reader's configured framing. With the focus in a text field a
    burst is a read only when it carries it (see the module docstring).
    """

    read = Signal(object)  # devices.events.RawRead

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_key_gap_ms: int = 35,
        idle_timeout_ms: int = 150,
        min_chars: int = 6,
        clock: Callable[[], float] = time.monotonic,
        source: str = SOURCE,
        prefix: str = "",
        suffix: str = "",
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.suffix = suffix
        self.max_key_gap_s = max_key_gap_ms / 1000
        # A confirmed reader may pause longer (USB polling, long tracks) than the gap that
        # first told it from a person, but not longer than the idle timeout.
        self.idle_timeout_s = max(idle_timeout_ms, max_key_gap_ms) / 1000
        self.min_chars = min_chars
        self.source = source
        self.enabled = True
        self._clock = clock
        self._held: list[_Held] = []
        self._confirmed = False
        # The burst began with the focus in a text field: a read only with its framing.
        self._framed = False
        self._last: float | None = None
        self._reader_keys: set[int] = set()  # pressed by the reader, release still to swallow
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.poll)

    # -- Qt entry point --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(event, QKeyEvent) or not self._is_target(watched):
            return False
        if kind == QEvent.Type.KeyPress:
            return self._press(watched, event)
        return self._release(event)

    @staticmethod
    def _is_target(watched: QObject) -> bool:
        """Only the widget the key is delivered to, not the QWindow before it or the parents
        it propagates to afterwards (the application filter sees each of those too)."""
        if not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        return watched is (focus if focus is not None else watched.window())

    # -- state machine ---------------------------------------------------------------------

    def poll(self) -> None:
        """End a burst that has gone quiet; re-arm the timer otherwise."""
        if not self._held or self._last is None:
            return
        limit = self._limit()
        waited = self._clock() - self._last
        if waited > limit:
            self._resolve()
        else:
            self._timer.start(max(1, int((limit - waited) * 1000) + 1))

    def _limit(self) -> float:
        return self.idle_timeout_s if self._confirmed else self.max_key_gap_s

    def _press(self, receiver: QObject, event: QKeyEvent) -> bool:
        now = self._clock()
        key = Qt.Key(event.key())
        if key in _MODIFIER_KEYS:
            return False  # Shift around capitals: part of a burst, harmless to pass on
        if self._held and self._last is not None and now - self._last > self._limit():
            self._resolve()
        text = event.text()
        if not self._held:
            self._framed = is_text_field(QApplication.focusWidget())
        if self._framed and self.prefix:
            if key not in _END_KEYS:
                return self._press_prefixed(receiver, event, now)
        elif self._framed and not self.suffix:
            return False  # a person's text field and no framing to tell a reader by
        if key in _END_KEYS:
            if self._held and self._confirmed and self._carries_framing():
                self._emit(ended_by_key=True)
                self._reader_keys.add(event.key())
                return True
            self._replay()
            return False
        typing = (
            len(text) == 1
            and text.isprintable()
            and not event.modifiers() & _COMMAND_MODIFIERS
            and not event.isAutoRepeat()
        )
        if not typing:
            self._replay()  # shortcuts, arrows, Backspace, held keys: a person
            return False
        self._hold(receiver, event, now)
        if len(self._held) >= self.min_chars:
            self._confirmed = True
        return True

    def _press_prefixed(self, receiver: QObject, event: QKeyEvent, now: float) -> bool:
        """In a text field with a prefix configured: hold keys only while they spell it."""
        text = event.text()
        if self._confirmed:  # the prefix has come: everything up to the end is the read
            if text:
                self._hold(receiver, event, now)
                return True
            self._replay()  # arrows, Backspace...: not a reader after all
            return False
        so_far = self._held_text() + text
        if not text or not self.prefix.startswith(so_far):
            self._replay()
            return False
        self._hold(receiver, event, now)
        if so_far == self.prefix:
            self._confirmed = True
        return True

    def _hold(self, receiver: QObject, event: QKeyEvent, now: float) -> None:
        self._held.append(_Held(receiver, _copy(event)))
        self._last = now
        self._timer.start(max(1, int(self._limit() * 1000) + 1))

    def _held_text(self) -> str:
        return "".join(h.press.text() for h in self._held)

    def _carries_framing(self) -> bool:
        """Outside a text field any fast burst is a reader; inside, only a framed one."""
        if not self._framed:
            return True
        text = self._held_text()
        if not (self.prefix or self.suffix):
            return False
        return text.startswith(self.prefix) and text.endswith(self.suffix)

    def _release(self, event: QKeyEvent) -> bool:
        key = event.key()
        for held in self._held:
            if held.release is None and held.press.key() == key:
                held.release = _copy(event)
                return True
        if key in self._reader_keys:
            self._reader_keys.discard(key)
            return True
        return False

    def _resolve(self) -> None:
        if self._confirmed and self._carries_framing():
            self._emit(ended_by_key=False)
        else:
            self._replay()

    def _emit(self, *, ended_by_key: bool) -> None:
        text = self._held_text()
        self._reader_keys.update(h.press.key() for h in self._held if h.release is None)
        self._reset()
        log.debug(
            "keyboard-wedge read of %d characters (%s)",
            len(text),
            "key" if ended_by_key else "idle",
        )
        self.read.emit(RawRead(text=text, source=self.source))

    def _replay(self) -> None:
        """Give a person's keys to the widget they were typed into, in order."""
        held = self._held
        self._reset()
        self._replaying = True
        try:
            for h in held:
                if not shiboken6.isValid(h.receiver):
                    continue
                QApplication.sendEvent(h.receiver, h.press)
                if h.release is not None:
                    QApplication.sendEvent(h.receiver, h.release)
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._held = []
        self._confirmed = False
        self._framed = False
        self._last = None
        self._timer.stop()


def install(
    ctx: Any, window: QObject | None = None, *, clock: Callable[[], float] = time.monotonic
) -> WedgeFallback:
    """Install the fallback on the running QApplication, feeding reads into ``ctx.hub``.

    ``ctx`` is the till's :class:`~till.context.AppContext` (``config.devices`` and ``hub``).
    """
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("the keyboard-wedge fallback needs a running QApplication")
    devices = ctx.config.devices
    fallback = WedgeFallback(
        window,
        max_key_gap_ms=devices.wedge_max_key_gap_ms,
        idle_timeout_ms=devices.wedge_idle_timeout_ms,
        min_chars=devices.wedge_min_chars,
        clock=clock,
        prefix=devices.read_prefix,
        suffix=devices.read_suffix,
    )
    fallback.read.connect(ctx.hub.feed)
    app.installEventFilter(fallback)
    log.info(
        "keyboard-wedge fallback active (reader keys closer than %d ms)",
        devices.wedge_max_key_gap_ms,
    )
    return fallback
