"""Keyboard-wedge readers (magstripe readers and scanners that "type"), read through evdev.

Two parts, as python-escpos splits protocol from transport: :class:`WedgeDecoder` is the whole
protocol, a pure state machine over ``(timestamp, type, code, value)`` input-event tuples, so
recorded traces decode in tests without ``/dev/uinput``; :class:`EvdevWedgeReader` is the thin
transport that opens, grabs and reads a ``/dev/input/event*`` node on its own thread with
python-evdev (``InputDevice``, ``grab()``, ``read_one()`` behind a selector).

Event semantics are those of the Linux input subsystem (Documentation/input/input.rst,
``include/uapi/linux/input-event-codes.h``): ``EV_KEY`` with value 1 (press), 0 (release) or
2 (autorepeat). Only presses type; releases matter only for the modifiers; autorepeat is
ignored because a reader never holds a key, while a stuck key would otherwise flood a read.
"""

from __future__ import annotations

import errno
import logging
import os
import selectors
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from devices import input_nodes, keymaps
from devices.errors import DeviceError
from devices.events import RawRead, ReadCallback
from devices.input_nodes import InputNode, NotPluggedIn, Opener, resolve_device
from devices.keymaps import Layout

log = logging.getLogger(__name__)

TERMINATORS = ("enter", "kp_enter", "tab", "none")
_TERMINATOR_KEYS: dict[str, frozenset[int]] = {
    # "enter" accepts both Return keys: readers' "CR suffix" setting uses either, by model.
    "enter": frozenset({keymaps.KEY_ENTER, keymaps.KEY_KPENTER}),
    "kp_enter": frozenset({keymaps.KEY_KPENTER}),
    "tab": frozenset({keymaps.KEY_TAB}),
    "none": frozenset(),
}
# A runaway device (stuck key, a reader in a test mode) must not grow a read without bound.
MAX_READ_CHARS = 4096


@dataclass(frozen=True)
class WedgeRead:
    """A finished read: ``text`` without the terminator; ``ended_by`` says how it ended.

    ``ended_by`` is "terminator", "idle" (no key for the idle timeout), "overflow" or "flush"
    (device gone). With a terminator configured, anything but "terminator" is a partial read.
    ``ignored_keys`` counts presses the layout has no character for (a wrong layout setting
    shows up here first).
    """

    text: str
    ended_by: str
    ignored_keys: int = 0


class WedgeDecoder:
    """Turns key events into complete reads. Not thread-safe: one decoder per device thread.

    Time is whatever clock the caller's timestamps use; :meth:`tick` and :attr:`deadline`
    let the caller end a read on idle without this class ever sleeping or reading a clock.
    """

    def __init__(
        self,
        layout: Layout | str = "us",
        terminator: str = "enter",
        idle_timeout_s: float = 0.15,
    ) -> None:
        if terminator not in _TERMINATOR_KEYS:
            raise ValueError(f"unknown terminator {terminator!r}: choose one of {TERMINATORS}")
        self.layout = keymaps.layout(layout) if isinstance(layout, str) else layout
        self.terminator = terminator
        self.idle_timeout_s = idle_timeout_s
        self._end_keys = _TERMINATOR_KEYS[terminator]
        self._shift: set[int] = set()
        self._ctrl: set[int] = set()
        self._altgr = False
        self._caps = False
        self._buf: list[str] = []
        self._dead: str | None = None
        self._ignored = 0
        self._last: float | None = None

    @property
    def pending(self) -> bool:
        """True while a read has started and not ended."""
        return bool(self._buf) or self._dead is not None

    @property
    def deadline(self) -> float | None:
        """When the read in progress ends for idleness (None: nothing in progress)."""
        if not self.pending or self._last is None:
            return None
        return self._last + self.idle_timeout_s

    def tick(self, now: float) -> list[WedgeRead]:
        """End the read in progress if ``now`` is at or past its idle deadline."""
        deadline = self.deadline
        if deadline is not None and now >= deadline:
            return self._finish("idle")
        return []

    def flush(self, reason: str = "flush") -> list[WedgeRead]:
        """End the read in progress now (the device went away); modifiers reset too."""
        out = self._finish(reason)
        self._shift.clear()
        self._ctrl.clear()
        self._altgr = False
        return out

    def feed(self, timestamp: float, ev_type: int, code: int, value: int) -> list[WedgeRead]:
        """Process one input event; returns the reads it completed (usually none)."""
        if ev_type != keymaps.EV_KEY:
            return []  # EV_SYN, EV_MSC (scan codes) and EV_LED carry nothing we need
        out = self.tick(timestamp)
        if self._modifier(code, value) or value != 1:
            return out
        self._last = timestamp
        if code in self._end_keys:
            out += self._finish("terminator")
            return out
        ch = self._char(code)
        if ch:
            self._type(ch)
        elif not self._buf and self._dead is None:
            self._last = None  # a stray non-typing key does not start a read
        if len(self._buf) >= MAX_READ_CHARS:
            out += self._finish("overflow")
        return out

    def feed_all(self, events: Iterable[tuple[float, int, int, int]]) -> list[WedgeRead]:
        """Decode a whole trace; a read still open at the end is ended as idle."""
        out: list[WedgeRead] = []
        for event in events:
            out += self.feed(*event)
        out += self._finish("idle")
        return out

    def _modifier(self, code: int, value: int) -> bool:
        """Track modifier state; True when ``code`` is a modifier (it types nothing)."""
        if code in keymaps.SHIFT_KEYS:
            (self._shift.add if value else self._shift.discard)(code)
        elif code in keymaps.CTRL_KEYS:
            (self._ctrl.add if value else self._ctrl.discard)(code)
        elif code == self.layout.altgr_key:
            self._altgr = value != 0
        elif code == keymaps.KEY_CAPSLOCK:
            if value == 1:
                self._caps = not self._caps
        elif code in (keymaps.KEY_LEFTALT, keymaps.KEY_NUMLOCK):
            pass
        else:
            return False
        return True

    def _char(self, code: int) -> str:
        if code == keymaps.KEY_ENTER or code == keymaps.KEY_KPENTER:
            return "\n"  # a Return that is not the configured terminator stays in the text
        if code == keymaps.KEY_TAB:
            return "\t"
        ch = self.layout.char(code, shift=bool(self._shift), caps=self._caps, altgr=self._altgr)
        if ch and self._ctrl:
            # Ctrl+letter/[\]^_ is how HID scanners type ASCII control characters, e.g. the
            # GS1 group separator (0x1D) as Ctrl+]. Anything else with Ctrl types nothing.
            up = ch.upper()
            return chr(ord(up) - 64) if len(up) == 1 and "@" <= up <= "_" else ""
        if not ch:
            self._ignored += 1
        return ch

    def _type(self, ch: str) -> None:
        if self._dead is not None:
            accent, self._dead = self._dead, None
            if ch == " ":
                self._buf.append(accent)
                return
            composed = unicodedata.normalize("NFC", ch + self.layout.dead[accent])
            if len(composed) == 1:
                self._buf.append(composed)
                return
            self._buf.append(accent)  # no precomposed form: both, as xkb does
            if ch in self.layout.dead:
                self._dead = ch
                return
            self._buf.append(ch)
            return
        if ch in self.layout.dead:
            self._dead = ch
            return
        self._buf.append(ch)

    def _finish(self, ended_by: str) -> list[WedgeRead]:
        if self._dead is not None:
            self._buf.append(self._dead)
            self._dead = None
        text = "".join(self._buf)
        ignored = self._ignored
        self._buf.clear()
        self._ignored = 0
        self._last = None
        if not text:
            return []
        return [WedgeRead(text=text, ended_by=ended_by, ignored_keys=ignored)]


# --- Transport (python-evdev) ------------------------------------------------------------

PERMISSION_HINT = (
    "no permission to read {path}: add the till's user to the 'input' group "
    "(sudo usermod -aG input $USER, then log in again) or install "
    "packaging/udev/70-loyalty-till.rules into /etc/udev/rules.d/"
)
__all__ = ["PERMISSION_HINT", "EvdevWedgeReader", "WedgeDecoder", "WedgeRead", "resolve_device"]


class EvdevWedgeReader:
    """A keyboard-wedge reader on ``/dev/input``; implements :class:`devices.events.Reader`.

    The device is grabbed (``InputDevice.grab()``: exclusive access) while open, so a swipe never
    types into the focused window as well. Unplugging (ENODEV) ends any read in progress as
    incomplete, reports "unplugged" and polls for the path to return. ``opener`` is
    ``evdev.InputDevice`` unless a test stands in for the kernel device.
    """

    def __init__(
        self,
        device: str,
        layout: str = "us",
        terminator: str = "enter",
        idle_timeout_ms: int = 150,
        *,
        grab: bool = True,
        reopen_poll_s: float = 0.5,
        input_dir: str = "/dev/input",
        opener: Opener | None = None,
    ) -> None:
        self.device = device
        self.name = f"wedge:{device}"
        self._decoder = WedgeDecoder(layout, terminator, idle_timeout_ms / 1000)
        self._grab = grab
        self._poll = reopen_poll_s
        self._input_dir = input_dir
        self._opener = opener
        self._stop = threading.Event()
        self._wake_r, self._wake_w = -1, -1
        self._thread: threading.Thread | None = None
        self._on_read: ReadCallback = lambda _r: None
        self._on_status: Callable[[str], None] = lambda _s: None

    def start(self, on_read: ReadCallback, on_status: Callable[[str], None] | None = None) -> None:
        """Open now (so a permission problem raises here) and read on a worker thread."""
        self._on_read = on_read
        self._on_status = on_status or (lambda _s: None)
        self._stop.clear()
        node = self._try_open(raise_denied=True)
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._run, args=(node,), name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._wake_w >= 0:
            os.write(self._wake_w, b"x")
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        for fd in (self._wake_r, self._wake_w):
            if fd >= 0:
                os.close(fd)
        self._wake_r, self._wake_w = -1, -1

    def _status(self, message: str) -> None:
        log.info("%s: %s", self.name, message)
        self._on_status(message)

    def _open(self, path: str) -> InputNode:
        # Looked up at call time: the module attribute is the one seam tests replace.
        return (self._opener or input_nodes.open_input_device)(path)

    def _try_open(self, *, raise_denied: bool) -> InputNode | None:
        """An open, grabbed device, or None when it is absent (or unusable after start)."""
        try:
            path = resolve_device(self.device, self._input_dir, opener=self._opener)
            node = self._open(path)
        except (FileNotFoundError, NotPluggedIn):
            return None
        except PermissionError as exc:
            self._refuse(PERMISSION_HINT.format(path=self.device), exc, raise_denied)
            return None
        except DeviceError as exc:
            self._refuse(str(exc), exc, raise_denied)
            return None
        if self._grab:
            try:
                node.grab()
            except OSError as exc:
                node.close()
                if exc.errno == errno.EBUSY:
                    message = f"{self.device} is grabbed by another program (another till?)"
                else:
                    message = f"{self.device} cannot be grabbed: {exc.strerror}"
                self._refuse(message, exc, raise_denied)
                return None
        self._status("reader connected")
        return node

    def _refuse(self, message: str, exc: Exception, raise_denied: bool) -> None:
        if raise_denied:
            raise DeviceError(message) from exc
        self._status(message)

    def _run(self, node: InputNode | None) -> None:
        if node is None:
            self._status("reader not plugged in; waiting for it")
        while not self._stop.is_set():
            if node is None:
                if self._stop.wait(self._poll):
                    break
                node = self._try_open(raise_denied=False)
                continue
            self._read_until_gone(node)
            node = None

    def _emit(self, reads: list[WedgeRead]) -> None:
        for r in reads:
            error = None
            idle_is_normal = self._decoder.terminator == "none"
            if r.ended_by != "terminator" and not (r.ended_by == "idle" and idle_is_normal):
                why = {
                    "idle": "no terminator before the idle timeout",
                    "overflow": f"longer than {MAX_READ_CHARS} characters",
                    "flush": "reader unplugged during the read",
                    "stopped": "reader stopped during the read",
                }.get(r.ended_by, r.ended_by)
                error = f"incomplete read: {why}"
            if r.ignored_keys:
                log.warning(
                    "%s: %d key(s) have no character in layout %r: check devices.wedge_layout",
                    self.name,
                    r.ignored_keys,
                    self._decoder.layout.name,
                )
            log.debug("%s: read of %d characters (%s)", self.name, len(r.text), r.ended_by)
            self._on_read(RawRead(text=r.text, source=self.name, error=error))

    def _drain(self, node: InputNode) -> bool:
        """Feed every queued event to the decoder; False when the device has gone."""
        now = time.monotonic()
        try:
            while (event := node.read_one()) is not None:
                self._emit(self._decoder.feed(now, event.type, event.code, event.value))
        except OSError as exc:
            if exc.errno not in (errno.ENODEV, errno.EIO):
                raise
            return False
        return True

    def _read_until_gone(self, node: InputNode) -> None:
        """Read until the device is unplugged or the reader stopped; closes ``node``."""
        sel = selectors.DefaultSelector()
        sel.register(node.fileno(), selectors.EVENT_READ)
        sel.register(self._wake_r, selectors.EVENT_READ)
        try:
            while not self._stop.is_set():
                deadline = self._decoder.deadline
                timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
                ready = sel.select(timeout)
                if not ready:
                    self._emit(self._decoder.tick(time.monotonic()))
                    continue
                if not any(key.fd == node.fileno() for key, _ in ready):
                    continue  # woken to stop
                if not self._drain(node):
                    self._emit(self._decoder.flush())
                    self._status("reader unplugged; waiting for it to come back")
                    return
            self._emit(self._decoder.flush("stopped"))
        finally:
            sel.close()
            node.close()  # closing the descriptor releases the grab too
