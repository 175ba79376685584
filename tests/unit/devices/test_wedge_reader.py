"""EvdevWedgeReader over python-evdev's API, with the kernel device faked (no /dev/uinput here).

The fake (tests/fixtures/input_devices.py) stands where ``evdev.InputDevice`` opens a node: it
hands the reader real ``evdev.InputEvent`` objects through ``read_one()`` behind a selectable
descriptor, and ENODEV once unplugged. Where the real kernel answers without hardware (a node
that is no input device, a permission denied), the real python-evdev call is used.
tests/integration/devices/test_wedge_uinput.py runs the same through a real uinput keyboard.
"""

from __future__ import annotations

import errno
import json
import os
import queue
import threading
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.events import RawRead
from devices.wedge import PERMISSION_HINT, EvdevWedgeReader, resolve_device
from tests.fixtures.input_devices import FakeKernel
from tests.fixtures.privileges import make_world_traversable, run_unprivileged

DATA = Path(__file__).resolve().parents[2] / "data" / "wedge"
WAIT = 10.0
PATH = "/dev/input/by-id/usb-Mag-Tek_USB_Swipe_Reader-event-kbd"


class Sink:
    def __init__(self) -> None:
        self.reads: queue.Queue[RawRead] = queue.Queue()
        self.statuses: list[str] = []
        self._status_seen = threading.Condition()

    def on_read(self, raw: RawRead) -> None:
        self.reads.put(raw)

    def on_status(self, message: str) -> None:
        with self._status_seen:
            self.statuses.append(message)
            self._status_seen.notify_all()

    def wait_status(self, text: str, count: int = 1) -> None:
        with self._status_seen:
            ok = self._status_seen.wait_for(
                lambda: sum(text in s for s in self.statuses) >= count, timeout=WAIT
            )
        assert ok, f"no status {text!r} x{count}: {self.statuses}"

    def next(self) -> RawRead:
        return self.reads.get(timeout=WAIT)


def trace(name: str) -> dict[str, object]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_reads_unplug_and_replug(input_devices: FakeKernel) -> None:
    magtek = trace("magtek_us.json")
    device = input_devices.plug(PATH)
    sink = Sink()
    # The longest idle timeout, so a slow machine cannot end the half swipe below as idle.
    reader = EvdevWedgeReader(PATH, "us", "enter", idle_timeout_ms=5000, reopen_poll_s=0.01)
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("connected")
        assert device.grabbed  # exclusive: the swipe types into no other window
        device.send(magtek["events"])  # type: ignore[arg-type]
        first, second = sink.next(), sink.next()
        assert [first.text, second.text] == magtek["expected"]
        assert first.source == f"wedge:{PATH}"
        assert first.error is None

        # Half a swipe, then the cable is pulled: the part read is reported, marked incomplete.
        half = [ev for ev in magtek["events"] if ev[0] < 1732330000.3]  # type: ignore[attr-defined]
        device.send(half)
        input_devices.unplug(PATH)
        partial = sink.next()
        assert partial.error == "incomplete read: reader unplugged during the read"
        assert partial.text.startswith("%B62800")
        sink.wait_status("unplugged")

        device = input_devices.plug(PATH)
        sink.wait_status("connected", count=2)
        device.send(magtek["events"])  # type: ignore[arg-type]
        assert [sink.next().text, sink.next().text] == magtek["expected"]
    finally:
        reader.stop()
    assert sink.reads.empty()
    assert device.closed and not device.grabbed  # stopping releases the reader


def test_a_missing_device_is_waited_for(input_devices: FakeKernel) -> None:
    sink = Sink()
    reader = EvdevWedgeReader(PATH, grab=False, reopen_poll_s=0.01)
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("not plugged in")
        device = input_devices.plug(PATH)
        sink.wait_status("connected")
        assert not device.grabbed
        device.send([[0.0, 1, 2, 1], [0.0, 1, 28, 1]])  # "1", Enter
        assert sink.next().text == "1"
    finally:
        reader.stop()


def test_a_read_without_its_terminator_ends_on_idle_marked_incomplete(
    input_devices: FakeKernel,
) -> None:
    device = input_devices.plug(PATH)
    sink = Sink()
    reader = EvdevWedgeReader(PATH, "us", "enter", idle_timeout_ms=10)
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("connected")
        device.send([[0.0, 1, 2, 1], [0.0, 1, 2, 0], [0.0, 1, 3, 1], [0.0, 1, 3, 0]])  # "12"
        raw = sink.next()
    finally:
        reader.stop()
    assert raw.text == "12"
    assert raw.error == "incomplete read: no terminator before the idle timeout"


def test_a_reader_grabbed_by_another_program_is_named(input_devices: FakeKernel) -> None:
    input_devices.plug(PATH).grab_error = errno.EBUSY
    with pytest.raises(DeviceError, match="grabbed by another program"):
        EvdevWedgeReader(PATH).start(lambda _r: None)
    input_devices.plug(PATH).grab_error = errno.EPERM
    with pytest.raises(DeviceError, match="cannot be grabbed"):
        EvdevWedgeReader(PATH).start(lambda _r: None)


def test_a_node_that_is_no_input_device_is_refused_in_words(tmp_path: Path) -> None:
    # Real python-evdev on a FIFO: the EVIOCGID ioctl fails, so InputDevice() raises.
    fifo = tmp_path / "usb-Not_A_Reader-event-kbd"
    os.mkfifo(fifo)
    keep_open = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        with pytest.raises(DeviceError, match="is not an input"):
            EvdevWedgeReader(str(fifo)).start(lambda _r: None)
    finally:
        os.close(keep_open)


def test_permission_denied_names_the_fix(tmp_path: Path) -> None:
    node = tmp_path / "event7"
    node.write_bytes(b"")
    node.chmod(0)
    make_world_traversable(node)
    with pytest.raises(DeviceError, match="'input' group"):
        run_unprivileged(lambda: EvdevWedgeReader(str(node)).start(lambda _r: None))


def test_permission_hint_names_group_and_udev_rule() -> None:
    text = PERMISSION_HINT.format(path="/dev/input/event3")
    assert "'input' group" in text
    assert "70-loyalty-till.rules" in text


def test_resolve_by_vid_pid_from_the_devices_ids(input_devices: FakeKernel) -> None:
    for n, usb_id in ((2, "0001:0001"), (11, "0801:0002"), (12, "0801:0002")):
        input_devices.plug(f"/dev/input/event{n}", usb_id=usb_id)
    assert resolve_device("0801:0002") == "/dev/input/event11"
    assert resolve_device("/dev/input/by-id/x") == "/dev/input/by-id/x"
    with pytest.raises(DeviceError, match="plugged in"):
        resolve_device("0c2e:0b61")
    with pytest.raises(DeviceError, match="VID:PID"):
        resolve_device("magtek")


def test_a_reader_named_by_vid_pid_is_read(input_devices: FakeKernel) -> None:
    sink = Sink()
    reader = EvdevWedgeReader("0801:0002", reopen_poll_s=0.01)
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("not plugged in")
        device = input_devices.plug("/dev/input/event5", usb_id="0801:0002")
        sink.wait_status("connected")
        device.send([[0.0, 1, 2, 1], [0.0, 1, 28, 1]])  # "1", Enter
        assert sink.next().text == "1"
    finally:
        reader.stop()
