"""EvdevWedgeReader through a real file descriptor: a FIFO carrying kernel-format input events.

No /dev/uinput in CI, so the "device" is a named pipe at a by-id-like path; the bytes are
``struct input_event`` records exactly as the kernel writes them to an evdev node. Closing the
writer gives the reader end-of-file, which it treats like ENODEV (unplugged).
"""

from __future__ import annotations

import json
import os
import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.events import RawRead
from devices.wedge import PERMISSION_HINT, EvdevWedgeReader, pack_event, resolve_device
from tests.fixtures.privileges import make_world_traversable, run_unprivileged

DATA = Path(__file__).resolve().parents[2] / "data" / "wedge"
WAIT = 10.0


class Device:
    """The writer side of a FIFO standing in for /dev/input/by-id/...-event-kbd."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd = -1

    def plug(self) -> None:
        os.mkfifo(self.path)
        self.fd = os.open(self.path, os.O_RDWR | os.O_NONBLOCK)

    def unplug(self) -> None:
        os.unlink(self.path)
        os.close(self.fd)
        self.fd = -1

    def send(self, events: list[list[float]]) -> None:
        data = b"".join(pack_event(int(t), int(c), int(v), float(ts)) for ts, t, c, v in events)
        os.write(self.fd, data)


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


@pytest.fixture
def device(tmp_path: Path) -> Iterator[Device]:
    by_id = tmp_path / "input" / "by-id"
    by_id.mkdir(parents=True)
    dev = Device(by_id / "usb-Mag-Tek_USB_Swipe_Reader-event-kbd")
    yield dev
    if dev.fd >= 0:
        os.close(dev.fd)


def trace(name: str) -> dict[str, object]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_reads_unplug_and_replug(device: Device) -> None:
    magtek = trace("magtek_us.json")
    device.plug()
    sink = Sink()
    # The longest idle timeout, so a slow machine cannot end the half swipe below as idle.
    reader = EvdevWedgeReader(
        str(device.path), "us", "enter", idle_timeout_ms=5000, grab=False, reopen_poll_s=0.01
    )
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("connected")
        device.send(magtek["events"])  # type: ignore[arg-type]
        first, second = sink.next(), sink.next()
        assert [first.text, second.text] == magtek["expected"]
        assert first.source == f"wedge:{device.path}"
        assert first.error is None

        # Half a swipe, then the cable is pulled: the part read is reported, marked incomplete.
        half = [ev for ev in magtek["events"] if ev[0] < 1732330000.3]  # type: ignore[attr-defined]
        device.send(half)
        device.unplug()
        partial = sink.next()
        assert partial.error == "incomplete read: reader unplugged during the read"
        assert partial.text.startswith("%B62800")
        sink.wait_status("unplugged")

        device.plug()
        sink.wait_status("connected", count=2)
        device.send(magtek["events"])  # type: ignore[arg-type]
        assert [sink.next().text, sink.next().text] == magtek["expected"]
    finally:
        reader.stop()
    assert sink.reads.empty()


def test_a_missing_device_is_waited_for(device: Device) -> None:
    sink = Sink()
    reader = EvdevWedgeReader(str(device.path), grab=False, reopen_poll_s=0.01)
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("not plugged in")
        device.plug()
        sink.wait_status("connected")
        device.send([[0.0, 1, 2, 1], [0.0, 1, 28, 1]])  # "1", Enter
        assert sink.next().text == "1"
    finally:
        reader.stop()


def test_a_read_without_its_terminator_ends_on_idle_marked_incomplete(device: Device) -> None:
    device.plug()
    sink = Sink()
    reader = EvdevWedgeReader(str(device.path), "us", "enter", idle_timeout_ms=10, grab=False)
    reader.start(sink.on_read, sink.on_status)
    try:
        sink.wait_status("connected")
        device.send([[0.0, 1, 2, 1], [0.0, 1, 2, 0], [0.0, 1, 3, 1], [0.0, 1, 3, 0]])  # "12"
        raw = sink.next()
    finally:
        reader.stop()
    assert raw.text == "12"
    assert raw.error == "incomplete read: no terminator before the idle timeout"


def test_grab_failure_is_a_device_error_in_words(device: Device) -> None:
    device.plug()  # a FIFO is not an evdev node: EVIOCGRAB fails with ENOTTY
    reader = EvdevWedgeReader(str(device.path), grab=True)
    with pytest.raises(DeviceError, match="cannot be grabbed"):
        reader.start(lambda _r: None)


def test_permission_denied_names_the_fix(device: Device) -> None:
    device.path.write_bytes(b"")
    device.path.chmod(0)
    make_world_traversable(device.path)
    with pytest.raises(DeviceError, match="'input' group"):
        run_unprivileged(lambda: EvdevWedgeReader(str(device.path)).start(lambda _r: None))


def test_permission_hint_names_group_and_udev_rule() -> None:
    text = PERMISSION_HINT.format(path="/dev/input/event3")
    assert "'input' group" in text
    assert "70-loyalty-till.rules" in text


def test_resolve_by_vid_pid_through_sysfs(tmp_path: Path) -> None:
    dev, sys = tmp_path / "dev", tmp_path / "sys"
    (dev / "input").mkdir(parents=True)
    for n, ids in ((2, ("0001", "0001")), (11, ("0801", "0002")), (12, ("0801", "0002"))):
        (dev / "input" / f"event{n}").touch()
        idd = sys / "class/input" / f"event{n}" / "device/id"
        idd.mkdir(parents=True)
        (idd / "vendor").write_text(ids[0] + "\n")
        (idd / "product").write_text(ids[1] + "\n")
    assert resolve_device("0801:0002", dev, sys) == dev / "input/event11"
    assert resolve_device("/dev/input/by-id/x", dev, sys) == Path("/dev/input/by-id/x")
    with pytest.raises(DeviceError, match="plugged in"):
        resolve_device("0c2e:0b61", dev, sys)
    with pytest.raises(DeviceError, match="VID:PID"):
        resolve_device("magtek", dev, sys)
