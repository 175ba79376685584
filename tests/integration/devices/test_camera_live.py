"""The camera reader with a live source and clock injected: stop, loss, repeats, handoff.

The frames are real rendered codes decoded by the real decoder; only the capture device
and the clock are stand-ins, because CI has no camera.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from devices.camera import CameraReader, CapturedFrame, LatestFrame, RepeatFilter
from devices.decoder import Image, make_decoder
from devices.errors import DeviceError
from devices.events import RawRead
from tests.fixtures.codes import load_make_frames

WAIT_S = 30


def qr_frame(payload: str) -> Image:
    label = load_make_frames().render_code("qr", payload, 3.0)
    frame = np.full((480, 640, 3), 160, np.uint8)
    h, w = label.shape
    frame[100 : 100 + h, 100 : 100 + w] = label[..., None]
    return frame


class FakeCamera:
    """A live source: shows ``image`` for ``frames`` reads (None: forever), then is lost."""

    finite = False

    def __init__(self, image: Image, clock: object, frames: int | None = None) -> None:
        self.image = image
        self.frames = frames
        self.clock = clock
        self.reads = 0
        self.closed = threading.Event()

    def read(self) -> CapturedFrame | None:
        if self.frames is not None and self.reads >= self.frames:
            return None
        self.reads += 1
        return CapturedFrame(self.image, self.reads / 1000.0)

    def close(self) -> None:
        self.closed.set()


def test_stop_ends_a_live_camera_promptly() -> None:
    camera = FakeCamera(qr_frame("LOYALTY:LIVE0001"), clock=None)
    got = threading.Event()
    reads: list[RawRead] = []

    def on_read(raw: RawRead) -> None:
        reads.append(raw)
        got.set()

    reader = CameraReader("0", make_decoder("zxing"), open_source=lambda _s, _c: camera)
    reader.start(on_read)
    assert got.wait(WAIT_S)
    reader.stop()
    assert reader.wait(WAIT_S)
    assert camera.closed.is_set()
    assert {(r.text, r.source, r.symbology_id, r.format) for r in reads} == {
        ("LOYALTY:LIVE0001", "camera:0", "]Q1", "QRCode")
    }
    assert reader.stats().dropped + reader.stats().decoded <= reader.stats().captured


def test_stop_from_the_read_callback_does_not_deadlock() -> None:
    camera = FakeCamera(qr_frame("LOYALTY:LIVE0002"), clock=None)
    reader = CameraReader("1", make_decoder("zxing"), open_source=lambda _s, _c: camera)
    reader.start(lambda _raw: reader.stop())
    assert reader.wait(WAIT_S)
    assert camera.closed.wait(WAIT_S)


def test_lost_camera_is_reported_and_ends_the_reader_when_reopening_is_off() -> None:
    camera = FakeCamera(qr_frame("LOYALTY:LIVE0003"), clock=None, frames=3)
    statuses: list[str] = []
    reader = CameraReader(
        "0", make_decoder("zxing"), open_source=lambda _s, _c: camera, reopen_s=None
    )
    reader.start(lambda _r: None, statuses.append)
    assert reader.wait(WAIT_S)
    assert statuses == ["camera ready", "camera stopped delivering pictures (unplugged?)"]


def test_lost_camera_is_reopened_when_it_returns() -> None:
    """Unplugged: reported, retried (absent meanwhile), reading again once it is back."""
    first = FakeCamera(qr_frame("LOYALTY:LIVE0004"), clock=None, frames=3)
    second = FakeCamera(qr_frame("LOYALTY:LIVE0005"), clock=None)
    attempts: list[str] = []

    def open_source(spec: str, _clock: object) -> FakeCamera:
        attempts.append(spec)
        if len(attempts) == 1:
            return first
        if len(attempts) < 4:
            raise DeviceError("camera 0 is not plugged in")
        return second

    statuses: list[str] = []
    back = threading.Event()

    def on_read(raw: RawRead) -> None:
        if raw.text == "LOYALTY:LIVE0005":
            back.set()

    reader = CameraReader("0", make_decoder("zxing"), open_source=open_source, reopen_s=0.01)
    reader.start(on_read, statuses.append)
    assert back.wait(WAIT_S)
    reader.stop()
    assert reader.wait(WAIT_S)
    assert first.closed.is_set() and second.closed.is_set()
    assert len(attempts) == 4
    assert statuses[:3] == [
        "camera ready",
        "camera stopped delivering pictures (unplugged?); waiting for it",
        "camera back",
    ]


class ScriptedCamera:
    """A live source showing a list of images in turn, stamped by the injected clock."""

    finite = False

    def __init__(self, images: list[Image], clock: Callable[[], float]) -> None:
        self.images = list(images)
        self.clock = clock

    def read(self) -> CapturedFrame | None:
        if not self.images:
            return None
        return CapturedFrame(self.images.pop(0), self.clock())

    def close(self) -> None:
        pass


def test_live_repeat_window_runs_on_the_injected_clock() -> None:
    # Each read advances the clock half a second: QR for 2 s, out of sight 1.5 s (inside
    # the 2 s window), back 1 s, out of sight 2.5 s (past it), back: two reads.
    now = [0.0]

    def clock() -> float:
        now[0] += 0.5
        return now[0]

    qr, blank = qr_frame("LOYALTY:LIVE0004"), np.full((480, 640, 3), 160, np.uint8)
    script = [qr] * 4 + [blank] * 2 + [qr] * 2 + [blank] * 4 + [qr] * 2
    reads: list[RawRead] = []
    reader = CameraReader(
        "0",
        make_decoder("zxing"),
        repeat_window_s=2.0,
        drop_frames=False,  # every frame decoded, so the script alone decides
        open_source=lambda _s, c: ScriptedCamera(script, c),
        clock=clock,
        reopen_s=None,  # the end of the script ends the reader
    )
    reader.start(reads.append)
    assert reader.wait(WAIT_S)
    assert [r.text for r in reads] == ["LOYALTY:LIVE0004"] * 2
    assert reader.stats().decoded == len(script)


def test_repeat_filter_counts_the_window_from_the_last_sighting() -> None:
    f = RepeatFilter(3.0)
    assert f.admit("A", 0.0)
    assert not f.admit("A", 1.0)  # held up
    assert not f.admit("A", 3.5)  # still held: 3.5 s after the first, 2.5 s after the last
    assert f.admit("B", 3.6)  # another code is its own
    assert f.admit("A", 7.0)  # away for 3.5 s: a new scan
    assert not f.admit("B", 5.0)


def test_repeat_filter_forgets_old_codes() -> None:
    f = RepeatFilter(1.0)
    for i in range(1000):
        assert f.admit(f"code{i}", float(i))
    assert len(f._last_seen) <= 257


def frame(n: int) -> CapturedFrame:
    return CapturedFrame(np.full((2, 2), n, np.uint8), float(n))


def test_latest_frame_keeps_only_the_newest() -> None:
    slot = LatestFrame()
    for n in range(5):
        slot.put(frame(n))
    taken = slot.take()
    assert taken is not None and taken.at == 4.0
    assert slot.dropped == 4
    slot.put(frame(9))
    slot.close()
    last = slot.take()
    assert last is not None and last.at == 9.0  # a pending frame survives close
    assert slot.take() is None


def test_lossless_slot_makes_capture_wait_for_the_decoder() -> None:
    slot = LatestFrame(lossless=True)
    second_put = threading.Event()

    def capture() -> None:
        slot.put(frame(1))
        slot.put(frame(2))  # waits until frame 1 is taken
        second_put.set()
        slot.close()

    thread = threading.Thread(target=capture)
    thread.start()
    first = slot.take()
    second = slot.take()
    thread.join(WAIT_S)
    assert second_put.is_set()
    assert [first.at if first else None, second.at if second else None] == [1.0, 2.0]
    assert slot.take() is None
    assert slot.dropped == 0
