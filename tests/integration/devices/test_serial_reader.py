"""SerialReader through a real pseudo-terminal: pyserial opens the pty's slave by a by-id link."""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.events import RawRead
from devices.serial_reader import PERMISSION_HINT, SerialReader, bcc
from tests.fixtures.privileges import make_world_traversable, run_unprivileged

WAIT = 10.0


class Port:
    """A pty whose slave is reachable through a stable link, like /dev/serial/by-id/..."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master = -1

    def plug(self) -> None:
        master, slave = os.openpty()
        self.link.symlink_to(os.ttyname(slave))
        os.close(slave)  # the reader opens it by path; the pty lives while the master is open
        self.master = master

    def unplug(self) -> None:
        self.link.unlink()
        os.close(self.master)
        self.master = -1

    def send(self, data: bytes) -> None:
        os.write(self.master, data)


class Sink:
    def __init__(self) -> None:
        self.reads: queue.Queue[RawRead] = queue.Queue()
        self.statuses: list[str] = []
        self._cond = threading.Condition()

    def on_read(self, raw: RawRead) -> None:
        self.reads.put(raw)

    def on_status(self, message: str) -> None:
        with self._cond:
            self.statuses.append(message)
            self._cond.notify_all()

    def wait_status(self, text: str, count: int = 1) -> None:
        with self._cond:
            ok = self._cond.wait_for(
                lambda: sum(text in s for s in self.statuses) >= count, timeout=WAIT
            )
        assert ok, f"no status {text!r} x{count}: {self.statuses}"

    def next(self) -> RawRead:
        return self.reads.get(timeout=WAIT)


def wait_mid_frame(reader: SerialReader, sink: Sink) -> None:
    """Until the reader holds part of a frame (or already reported it on its timeout).

    The kernel gives no event for "the other end has read the bytes", so this polls, bounded.
    """
    deadline = time.monotonic() + WAIT
    while not (reader.mid_frame or sink.reads.qsize()):
        assert time.monotonic() < deadline, "the reader did not take the bytes"
        time.sleep(0.001)


@pytest.fixture
def port(tmp_path: Path) -> Iterator[Port]:
    by_id = tmp_path / "serial" / "by-id"
    by_id.mkdir(parents=True)
    p = Port(by_id / "usb-Honeywell_Imaging___Mobility_1900-if00")
    yield p
    if p.master >= 0:
        os.close(p.master)


def test_reads_partial_frames_unplug_and_replug(port: Port) -> None:
    port.plug()
    sink = Sink()
    reader = SerialReader(
        str(port.link), 9600, "7E1", "cr", frame_timeout_ms=100, reopen_poll_s=0.01
    )
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("connected")
        port.send(b"4006381333931\rLOYALTY:12345678\r")
        first, second = sink.next(), sink.next()
        assert (first.text, second.text) == ("4006381333931", "LOYALTY:12345678")
        assert first.source == f"serial:{port.link}" and first.error is None

        # A frame that stops coming: reported after the frame timeout with what arrived.
        port.send(b";1234567")
        partial = sink.next()
        assert partial.text == ";1234567"
        assert partial.error is not None and partial.error.startswith(
            "incomplete read: no CR terminator"
        )

        # Pulled out mid-frame: the bytes so far are reported, then "unplugged".
        port.send(b"99")
        # Closing a pty master drops bytes the reader has not taken yet: wait until it has.
        wait_mid_frame(reader, sink)
        port.unplug()
        sink.wait_status("unplugged")
        cut = sink.next()  # ended by the unplug, or by the frame timeout just before it
        assert cut.text and "99".startswith(cut.text)
        assert (cut.error or "").startswith("incomplete read")

        port.plug()
        sink.wait_status("connected", count=2)
        port.send(b"87654321\r")
        assert sink.next().text == "87654321"
    finally:
        reader.stop()
    assert sink.reads.empty()


def test_stx_etx_with_bcc_through_the_pty(port: Port) -> None:
    port.plug()
    sink = Sink()
    reader = SerialReader(str(port.link), 19200, "8N1", "etx", stx_etx=True, use_bcc=True)
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("connected")
        payload = b"%12345678?;12345678?"
        port.send(b"\r\n\x02" + payload + b"\x03" + bytes([bcc(payload + b"\x03")]) + b"\r\n")
        port.send(b"\x02" + payload + b"\x03\x00")
        good, bad = sink.next(), sink.next()
        assert good.text == payload.decode() and good.error is None
        assert bad.text == payload.decode() and "BCC" in (bad.error or "")
    finally:
        reader.stop()


def test_waits_for_a_port_that_is_not_there_yet(port: Port) -> None:
    sink = Sink()
    reader = SerialReader(str(port.link), reopen_poll_s=0.01)
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("not plugged in")
        port.plug()
        sink.wait_status("connected")
        port.send(b"1\r")
        assert sink.next().text == "1"
    finally:
        reader.stop()


def test_a_port_in_use_is_refused_in_words(port: Port) -> None:
    port.plug()
    first = SerialReader(str(port.link))
    first.start(lambda _r: None)
    try:
        with pytest.raises(DeviceError, match="in use by another program"):
            SerialReader(str(port.link)).start(lambda _r: None)
    finally:
        first.stop()


def test_stop_reports_a_frame_in_progress(port: Port) -> None:
    port.plug()
    sink = Sink()
    reader = SerialReader(str(port.link), frame_timeout_ms=5000)
    reader.start(sink.on_read, sink.on_status)
    sink.wait_status("connected")
    port.send(b"123")
    wait_mid_frame(reader, sink)
    reader.stop()
    (got,) = [sink.reads.get_nowait() for _ in range(sink.reads.qsize())]
    assert got.text and "123".startswith(got.text)
    assert got.error is not None and got.error.endswith("(reader stopped)")


def test_permission_hint_names_group_and_udev_rule() -> None:
    text = PERMISSION_HINT.format(port="/dev/ttyUSB0")
    assert "'dialout' group" in text and "70-loyalty-till.rules" in text


def test_permission_denied_is_a_device_error(tmp_path: Path) -> None:
    path = tmp_path / "ttyUSB9"
    path.touch()
    path.chmod(0)
    make_world_traversable(tmp_path)
    with pytest.raises(DeviceError, match="'dialout' group"):
        run_unprivileged(lambda: SerialReader(str(path)).start(lambda _r: None))


def test_bad_framing_setting() -> None:
    with pytest.raises(ValueError, match="framing"):
        SerialReader("/dev/null", framing="9Z9")
