"""Serial (RS-232, USB CDC-ACM, USB-serial) scanners and card readers.

:class:`SerialFramer` is the whole protocol (bytes in, frames out, no I/O, no clock), so every
framing rule is tested on byte strings; :class:`SerialReader` is the thin pyserial transport
that owns the port and the thread, in the python-escpos split of protocol and transport.

Framing as reader datasheets describe it: a terminator suffix (CR, LF, CR LF or ETX), or a
block ``STX data ETX [BCC]``. The BCC is the IEC 62056-21 / DIN 66019 block check: the XOR
of every byte *after* STX up to and *including* ETX (STX itself is excluded). A frame that
stops arriving is reported on timeout as an incomplete read with its text, never dropped.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import serial

from devices.errors import DeviceError
from devices.events import RawRead, ReadCallback

log = logging.getLogger(__name__)

STX, ETX, CR, LF = 0x02, 0x03, 0x0D, 0x0A
TERMINATORS: dict[str, bytes] = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "etx": b"\x03"}
# Line noise and leftovers of a previous frame's suffix, dropped silently between frames.
_IDLE_BYTES = frozenset({CR, LF, 0x00})
MAX_FRAME_BYTES = 8192

FRAMINGS: dict[str, tuple[int, str, float]] = {
    "8N1": (serial.EIGHTBITS, serial.PARITY_NONE, serial.STOPBITS_ONE),
    "7E1": (serial.SEVENBITS, serial.PARITY_EVEN, serial.STOPBITS_ONE),
    "7O1": (serial.SEVENBITS, serial.PARITY_ODD, serial.STOPBITS_ONE),
    "8E1": (serial.EIGHTBITS, serial.PARITY_EVEN, serial.STOPBITS_ONE),
    "8O1": (serial.EIGHTBITS, serial.PARITY_ODD, serial.STOPBITS_ONE),
    "7N2": (serial.SEVENBITS, serial.PARITY_NONE, serial.STOPBITS_TWO),
    "8N2": (serial.EIGHTBITS, serial.PARITY_NONE, serial.STOPBITS_TWO),
}

PERMISSION_HINT = (
    "no permission to open {port}: add the till's user to the 'dialout' group "
    "(sudo usermod -aG dialout $USER, then log in again) or install "
    "packaging/udev/70-loyalty-till.rules into /etc/udev/rules.d/"
)


def bcc(data: bytes) -> int:
    """XOR of ``data``: pass the bytes after STX up to and including ETX."""
    value = 0
    for b in data:
        value ^= b
    return value


def decode_text(data: bytes) -> str:
    """UTF-8 (what QR scanners send for non-ASCII payloads), else Latin-1 byte for byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


@dataclass(frozen=True)
class Frame:
    """One frame's payload (framing bytes removed) and, for a bad or partial one, why."""

    data: bytes
    error: str | None = None

    @property
    def text(self) -> str:
        return decode_text(self.data)


class SerialFramer:
    """Splits a byte stream into frames. Not thread-safe: one per port thread."""

    def __init__(
        self, terminator: str = "cr", stx_etx: bool = False, use_bcc: bool = False
    ) -> None:
        if terminator not in TERMINATORS:
            raise ValueError(
                f"unknown terminator {terminator!r}: choose one of {', '.join(TERMINATORS)}"
            )
        if use_bcc and not stx_etx:
            raise ValueError("a BCC needs STX/ETX framing (it is computed over the block)")
        self.terminator = terminator
        self.stx_etx = stx_etx
        self.use_bcc = use_bcc
        self._term = TERMINATORS[terminator]
        self._buf = bytearray()
        self._in_block = False  # STX seen, ETX not yet
        self._want_bcc = False  # ETX seen, waiting for the BCC byte
        self._outside = bytearray()  # stray bytes outside STX/ETX blocks

    @property
    def pending(self) -> bool:
        """True while bytes of an unfinished frame (or stray data) are held."""
        return bool(self._buf) or self._in_block or self._want_bcc or bool(self._outside)

    def feed(self, data: bytes) -> list[Frame]:
        """Process received bytes; returns the frames they completed."""
        out: list[Frame] = []
        for b in data:
            if self.stx_etx:
                self._block_byte(b, out)
            else:
                self._line_byte(b, out)
        return out

    def flush(self, why: str = "no more data before the timeout") -> list[Frame]:
        """End whatever is pending (timeout, port closed): reported, never lost."""
        out: list[Frame] = []
        if self.stx_etx:
            if self._want_bcc:
                out.append(
                    Frame(bytes(self._buf), f"incomplete read: check character missing ({why})")
                )
            elif self._in_block:
                out.append(Frame(bytes(self._buf), f"incomplete read: no ETX ({why})"))
            self._take_outside(out)
        elif self._buf:
            name = self.terminator.upper()
            out.append(Frame(bytes(self._buf), f"incomplete read: no {name} terminator ({why})"))
        self._buf.clear()
        self._in_block = self._want_bcc = False
        return out

    def _line_byte(self, b: int, out: list[Frame]) -> None:
        if not self._buf and b in _IDLE_BYTES and b not in self._term[:1]:
            return  # e.g. the LF of a CR LF when the terminator is CR
        self._buf.append(b)
        if self._buf.endswith(self._term):
            payload = bytes(self._buf[: -len(self._term)])
            self._buf.clear()
            if payload:
                out.append(Frame(payload))
        elif len(self._buf) >= MAX_FRAME_BYTES:
            out.append(Frame(bytes(self._buf), "incomplete read: frame too long, cut"))
            self._buf.clear()

    def _block_byte(self, b: int, out: list[Frame]) -> None:
        if self._want_bcc:
            self._want_bcc = False
            expected = bcc(bytes(self._buf) + bytes([ETX]))
            error = None
            if b != expected:
                error = f"check character (BCC) wrong: expected 0x{expected:02X}, got 0x{b:02X}"
            out.append(Frame(bytes(self._buf), error))
            self._buf.clear()
            return
        if b == STX:
            if self._in_block:
                out.append(Frame(bytes(self._buf), "incomplete read: a new frame began before ETX"))
                self._buf.clear()
            self._take_outside(out)
            self._in_block = True
            return
        if not self._in_block:
            if b not in _IDLE_BYTES or self._outside:
                self._outside.append(b)
            return
        if b == ETX:
            self._in_block = False
            if self.use_bcc:
                self._want_bcc = True
                return
            out.append(Frame(bytes(self._buf)))
            self._buf.clear()
            return
        self._buf.append(b)
        if len(self._buf) >= MAX_FRAME_BYTES:
            out.append(Frame(bytes(self._buf), "incomplete read: frame too long, cut"))
            self._buf.clear()
            self._in_block = False

    def _take_outside(self, out: list[Frame]) -> None:
        stray = bytes(self._outside).strip(bytes(_IDLE_BYTES))
        self._outside.clear()
        if stray:
            out.append(Frame(stray, "data outside STX/ETX framing"))


class SerialReader:
    """A serial scanner or reader; implements :class:`devices.events.Reader`.

    ``port`` should be a ``/dev/serial/by-id/...`` path: ``ttyUSB0`` numbering changes with
    plug order. When the port goes away (USB unplugged) the read in progress is reported as
    incomplete, "unplugged" is reported, and the path is polled until it returns.
    """

    def __init__(
        self,
        port: str,
        baud: int = 9600,
        framing: str = "8N1",
        terminator: str = "cr",
        stx_etx: bool = False,
        use_bcc: bool = False,
        *,
        frame_timeout_ms: int = 300,
        reopen_poll_s: float = 0.5,
    ) -> None:
        if framing.upper() not in FRAMINGS:
            raise ValueError(f"unknown framing {framing!r}: choose one of {', '.join(FRAMINGS)}")
        self.port = port
        self.name = f"serial:{port}"
        self.baud = baud
        self.framing = framing.upper()
        self._framer = SerialFramer(terminator, stx_etx, use_bcc)
        self._timeout = frame_timeout_ms / 1000
        self._poll = reopen_poll_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._serial: serial.Serial | None = None
        self._on_read: ReadCallback = lambda _r: None
        self._on_status: Callable[[str], None] = lambda _s: None

    @property
    def mid_frame(self) -> bool:
        """True while part of a frame has arrived and the rest has not (diagnostics, tests)."""
        return self._framer.pending

    def start(self, on_read: ReadCallback, on_status: Callable[[str], None] | None = None) -> None:
        """Open now (so a permission problem raises here) and read on a worker thread."""
        self._on_read = on_read
        self._on_status = on_status or (lambda _s: None)
        self._stop.clear()
        port = self._open(raise_errors=True)
        self._thread = threading.Thread(target=self._run, args=(port,), name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        port = self._serial
        if port is not None:
            with contextlib.suppress(OSError, serial.SerialException):
                port.cancel_read()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _status(self, message: str) -> None:
        log.info("%s: %s", self.name, message)
        self._on_status(message)

    def _open(self, *, raise_errors: bool) -> serial.Serial | None:
        if self.port.startswith("/") and not Path(self.port).exists():
            return None  # unplugged: udev removed the by-id link
        bytesize, parity, stopbits = FRAMINGS[self.framing]
        try:
            port = serial.Serial(
                self.port,
                self.baud,
                bytesize=bytesize,
                parity=parity,
                stopbits=stopbits,
                timeout=self._timeout,
                exclusive=True,
            )
        except (OSError, serial.SerialException) as exc:
            code = getattr(exc, "errno", None)
            if code == errno.EACCES:
                message = PERMISSION_HINT.format(port=self.port)
            elif code in (errno.EBUSY, errno.EAGAIN, errno.EWOULDBLOCK):
                message = f"{self.port} is in use by another program (another till?)"
            elif code == errno.ENOENT:
                return None
            else:
                message = f"cannot open {self.port}: {exc}"
            if raise_errors:
                raise DeviceError(message) from exc
            self._status(message)
            return None
        self._status("reader connected")
        return port

    def _emit(self, frames: list[Frame]) -> None:
        for f in frames:
            log.debug(
                "%s: frame of %d bytes%s", self.name, len(f.data), " (bad)" if f.error else ""
            )
            self._on_read(RawRead(text=f.text, source=self.name, error=f.error))

    def _run(self, port: serial.Serial | None) -> None:
        if port is None:
            self._status("reader not plugged in; waiting for it")
        while not self._stop.is_set():
            if port is None:
                if self._stop.wait(self._poll):
                    break
                port = self._open(raise_errors=False)
                continue
            self._serial = port
            try:
                self._read_until_gone(port)
            finally:
                self._serial = None
                port.close()
            port = None

    def _read_until_gone(self, port: serial.Serial) -> None:
        last_byte = time.monotonic()
        while not self._stop.is_set():
            try:
                data = port.read(max(1, port.in_waiting))
            except (OSError, serial.SerialException, TypeError):
                # pyserial reports a vanished USB device as "device reports readiness to
                # read but returned no data" or EIO; TypeError when closed under us on stop.
                if self._stop.is_set():
                    break
                self._emit(self._framer.flush("reader unplugged"))
                self._status("reader unplugged; waiting for it to come back")
                return
            now = time.monotonic()
            if data:
                last_byte = now
                self._emit(self._framer.feed(data))
            elif self._framer.pending and now - last_byte >= self._timeout:
                ms = round(self._timeout * 1000)
                self._emit(self._framer.flush(f"nothing received for {ms} ms"))
        self._emit(self._framer.flush("reader stopped"))
