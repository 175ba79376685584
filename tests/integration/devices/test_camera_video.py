"""The camera reader playing real generated video files (MJPG in AVI) through OpenCV.

A file replays on the file's own clock (frame number / fps) and, by default, decodes every
frame, so the expected reads follow from the script of the video alone, on any machine.
"""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.camera import CameraReader
from devices.decoder import DecodedCode, Decoder, Image, make_decoder
from devices.errors import DeviceError
from devices.events import RawRead
from tests.fixtures.codes import load_make_frames

FPS = 10
WAIT_S = 60  # generous upper bound on a finished reader; never a sleep


def scene(rng: np.random.Generator, codes: list[tuple[str, str, tuple[int, int]]]) -> Image:
    """A desk in soft light with the given codes held up, shaking a little like a hand."""
    mf = load_make_frames()
    frame = np.full((480, 640), 150.0, np.float32)
    for kind, payload, (x, y) in codes:
        label = mf.render_code(kind, payload, 3.0).astype(np.float32)
        dx, dy = (int(v) for v in rng.integers(-4, 5, 2))
        h, w = label.shape
        frame[y + dy : y + dy + h, x + dx : x + dx + w] = label * 0.85 + 20
    frame += rng.normal(0, 3, frame.shape)
    gray = np.clip(frame, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(np.repeat(gray[..., None], 3, axis=2))


def write_video(path: Path, script: list[list[tuple[str, str, tuple[int, int]]]]) -> Path:
    rng = np.random.default_rng(4)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), FPS, (640, 480))
    assert writer.isOpened()
    for codes in script:
        writer.write(scene(rng, codes))
    writer.release()
    return path


QR = ("qr", "LOYALTY:CAMERA01", (80, 120))
BAR = ("code128", "2468013579", (300, 300))


def run_reader(reader: CameraReader) -> tuple[list[RawRead], list[str]]:
    reads: list[RawRead] = []
    statuses: list[str] = []
    reader.start(reads.append, statuses.append)
    assert reader.wait(WAIT_S), "reader did not finish at the end of the file"
    reader.stop()
    return reads, statuses


def test_each_code_reported_once_per_window(tmp_path: Path) -> None:
    # Seconds at 10 fps: QR held 4 s, gone 1 s (inside the 2 s window), back 2 s; gone 4 s
    # while the Code 128 shows; QR back for 3 s -> QR, Code 128, QR.
    script = (
        [[]] * 10
        + [[QR]] * 40
        + [[]] * 10
        + [[QR]] * 20
        + [[]] * 15
        + [[BAR]] * 20
        + [[]] * 5
        + [[QR]] * 30
    )
    video = write_video(tmp_path / "hold.avi", script)
    reader = CameraReader(str(video), make_decoder("zxing"), repeat_window_s=2.0)
    reads, statuses = run_reader(reader)
    assert [(r.text, r.symbology_id, r.format) for r in reads] == [
        ("LOYALTY:CAMERA01", "]Q1", "QRCode"),
        ("2468013579", "]C0", "Code128"),
        ("LOYALTY:CAMERA01", "]Q1", "QRCode"),
    ]
    assert {r.source for r in reads} == {f"camera:{video}"}
    assert statuses[-1] == "end of video file"
    stats = reader.stats()
    assert (stats.captured, stats.decoded, stats.dropped) == (len(script), len(script), 0)


def test_two_codes_in_one_frame_both_reported_once(tmp_path: Path) -> None:
    video = write_video(tmp_path / "both.avi", [[QR, BAR]] * 12)
    reads, _ = run_reader(CameraReader(str(video), make_decoder("zxing"), repeat_window_s=5.0))
    # The cascade settles on its first pass, which reads both clean codes.
    assert sorted(r.text for r in reads) == ["2468013579", "LOYALTY:CAMERA01"]


class Stalled:
    """A decoder stuck on its first frame until capture has read the whole file."""

    name = "stalled"

    def __init__(self, inner: Decoder) -> None:
        self.inner = inner
        self.capture_ended = threading.Event()
        self.calls = 0

    def decode(self, image: Image) -> list[DecodedCode]:
        self.calls += 1
        if self.calls == 1:
            assert self.capture_ended.wait(WAIT_S)
        return self.inner.decode(image)


def test_slow_decoder_drops_frames_instead_of_queueing(tmp_path: Path) -> None:
    frames = 120
    video = write_video(tmp_path / "live.avi", [[]] * (frames - 1) + [[QR]])
    stalled = Stalled(make_decoder("zxing"))
    reader = CameraReader(str(video), stalled, repeat_window_s=2.0, drop_frames=True)
    stalled.capture_ended = reader.capture_ended
    reads, _ = run_reader(reader)
    stats = reader.stats()
    # Capture ran through all frames while the decoder was stuck on its first; only the
    # newest waited in the one-frame slot, so at most one more frame was decoded (the
    # last one, with the code) and every other frame was dropped, not queued.
    assert stats.captured == frames
    assert stalled.calls == stats.decoded
    assert stats.decoded <= 2
    assert stats.dropped == frames - stats.decoded
    assert [r.text for r in reads] == ["LOYALTY:CAMERA01"]


def test_missing_video_file_is_a_plain_device_error(tmp_path: Path) -> None:
    reader = CameraReader(str(tmp_path / "nowhere.avi"))
    with pytest.raises(DeviceError, match=r"video file .*nowhere\.avi does not exist"):
        reader.start(lambda _r: None)


def test_not_a_video_is_a_plain_device_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.avi"
    notes.write_text("not a video", encoding="utf-8")
    with pytest.raises(DeviceError, match="not a video file this computer can play"):
        CameraReader(str(notes)).start(lambda _r: None)


def test_absent_camera_is_a_plain_device_error() -> None:
    with pytest.raises(DeviceError, match=r"no camera at /dev/video97: is it plugged in\?"):
        CameraReader("97").start(lambda _r: None)


def test_unreachable_stream_is_a_plain_device_error() -> None:
    with pytest.raises(DeviceError, match=r"stream .* could not be opened"):
        CameraReader("http://127.0.0.1:1/video.mjpg").start(lambda _r: None)
