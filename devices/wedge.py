"""Keyboard-wedge readers (magstripe readers and scanners that "type"), read through evdev.

Two parts, as python-escpos splits protocol from transport: :class:`WedgeDecoder` is the whole
protocol, a pure state machine over ``(timestamp, type, code, value)`` input-event tuples, so
recorded traces decode in tests without ``/dev/uinput``; :class:`EvdevWedgeReader` is the thin
transport that opens, grabs and reads a ``/dev/input/event*`` node on its own thread.

Event semantics are those of the Linux input subsystem (Documentation/input/input.rst,
``include/uapi/linux/input-event-codes.h``): ``EV_KEY`` with value 1 (press), 0 (release) or
2 (autorepeat). Only presses type; releases matter only for the modifiers; autorepeat is
ignored because a reader never holds a key, while a stuck key would otherwise flood a read.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import selectors
import struct
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from devices import keymaps
from devices.errors import DeviceError
from devices.events import RawRead, ReadCallback
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


# --- Transport -------------------------------------------------------------------------

# struct input_event (linux/input.h) for this machine's ABI: struct timeval, __u16 type,
# __u16 code, __s32 value. Read raw rather than through python-evdev so the transport also
# reads a FIFO of recorded events (the integration test) and needs no C extension.
_EVENT = struct.Struct("@llHHi")
# EVIOCGRAB = _IOW('E', 0x90, int) (linux/input.h): exclusive access, so a swipe never types
# into the focused window as well.
EVIOCGRAB = 0x40044590

PERMISSION_HINT = (
    "no permission to read {path}: add the till's user to the 'input' group "
    "(sudo usermod -aG input $USER, then log in again) or install "
    "packaging/udev/70-loyalty-till.rules into /etc/udev/rules.d/"
)


def _sysfs_id(event_node: Path, sys_root: Path) -> tuple[str, str] | None:
    base = sys_root / "class/input" / event_node.name / "device/id"
    try:
        vid = (base / "vendor").read_text().strip().lower()
        pid = (base / "product").read_text().strip().lower()
    except OSError:
        return None
    return vid, pid


def resolve_device(spec: str, dev_root: Path = Path("/dev"), sys_root: Path = Path("/sys")) -> Path:
    """The event node for ``spec``: a path (``/dev/input/by-id/...``) or ``VID:PID`` in hex.

    A VID:PID matches the first ``event*`` node whose sysfs id matches; readers with several
    HID interfaces expose the keyboard one first. Raises DeviceError when nothing matches.
    """
    if "/" in spec:
        return Path(spec)
    parts = spec.lower().split(":")
    if len(parts) != 2 or not all(len(p) == 4 for p in parts):
        raise DeviceError(f"wedge device {spec!r}: expected a /dev/input path or VID:PID in hex")
    want = (parts[0], parts[1])
    nodes = sorted((dev_root / "input").glob("event*"), key=lambda p: int(p.name[5:] or 0))
    for node in nodes:
        if _sysfs_id(node, sys_root) == want:
            return node
    raise DeviceError(f"no input device with USB id {spec} is plugged in")


class EvdevWedgeReader:
    """A keyboard-wedge reader on ``/dev/input``; implements :class:`devices.events.Reader`.

    The device is grabbed (EVIOCGRAB) while open. Unplugging (ENODEV, or EOF) ends any read
    in progress as incomplete, reports "unplugged" and polls for the path to return.
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
        dev_root: Path = Path("/dev"),
        sys_root: Path = Path("/sys"),
    ) -> None:
        self.device = device
        self.name = f"wedge:{device}"
        self._decoder = WedgeDecoder(layout, terminator, idle_timeout_ms / 1000)
        self._grab = grab
        self._poll = reopen_poll_s
        self._dev_root = dev_root
        self._sys_root = sys_root
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
        fd = self._try_open(raise_denied=True)
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._run, args=(fd,), name=self.name, daemon=True)
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

    def _try_open(self, *, raise_denied: bool) -> int | None:
        """An open, grabbed fd, or None when the device is absent (or denied after start)."""
        try:
            path = resolve_device(self.device, self._dev_root, self._sys_root)
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except DeviceError:
            return None
        except FileNotFoundError:
            return None
        except PermissionError as exc:
            message = PERMISSION_HINT.format(path=self.device)
            if raise_denied:
                raise DeviceError(message) from exc
            self._status(message)
            return None
        if self._grab:
            try:
                fcntl.ioctl(fd, EVIOCGRAB, 1)
            except OSError as exc:
                os.close(fd)
                if exc.errno == errno.EBUSY:
                    message = f"{self.device} is grabbed by another program (another till?)"
                else:
                    message = f"{self.device} cannot be grabbed: {exc.strerror}"
                if raise_denied:
                    raise DeviceError(message) from exc
                self._status(message)
                return None
        self._status("reader connected")
        return fd

    def _run(self, fd: int | None) -> None:
        if fd is None:
            self._status("reader not plugged in; waiting for it")
        while not self._stop.is_set():
            if fd is None:
                if self._stop.wait(self._poll):
                    break
                fd = self._try_open(raise_denied=False)
                continue
            self._read_until_gone(fd)
            fd = None

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

    def _read_until_gone(self, fd: int) -> None:
        """Read until the device is unplugged or the reader stopped; closes ``fd``."""
        sel = selectors.DefaultSelector()
        sel.register(fd, selectors.EVENT_READ)
        sel.register(self._wake_r, selectors.EVENT_READ)
        pending = b""
        try:
            while not self._stop.is_set():
                deadline = self._decoder.deadline
                timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
                ready = sel.select(timeout)
                now = time.monotonic()
                if not ready:
                    self._emit(self._decoder.tick(now))
                    continue
                if not any(key.fd == fd for key, _ in ready):
                    continue  # woken to stop
                try:
                    data = os.read(fd, _EVENT.size * 64)
                except BlockingIOError:
                    continue
                except OSError as exc:
                    if exc.errno not in (errno.ENODEV, errno.EIO):
                        raise
                    data = b""
                if not data:
                    self._emit(self._decoder.flush())
                    self._status("reader unplugged; waiting for it to come back")
                    return
                pending += data
                usable = len(pending) - len(pending) % _EVENT.size
                for off in range(0, usable, _EVENT.size):
                    _sec, _usec, ev_type, code, value = _EVENT.unpack_from(pending, off)
                    self._emit(self._decoder.feed(now, ev_type, code, value))
                pending = pending[usable:]
            self._emit(self._decoder.flush("stopped"))
        finally:
            sel.close()
            os.close(fd)  # closing releases the grab too


def pack_event(ev_type: int, code: int, value: int, timestamp: float = 0.0) -> bytes:
    """One ``struct input_event`` as the kernel writes it (for tests and replay tools)."""
    sec = int(timestamp)
    return _EVENT.pack(sec, int((timestamp - sec) * 1e6), ev_type, code, value)
