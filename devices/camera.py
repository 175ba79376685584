"""Camera reader: codes in front of a webcam, a V4L2 device, a video file or a stream.

Two threads, so a slow decode never stalls capture: the capture thread keeps only the
newest frame in a one-slot handoff (:class:`LatestFrame`); the decode thread takes
whatever is newest when it is free. A live camera's frames are dropped, never queued, so
memory stays flat and a read reflects what is in front of the camera now, not a backlog.
A video file is different: nothing is live, so by default every frame is decoded
(capture waits for the decoder) and time is the file's own (frame number / fps), which
makes a recording replay identically on any machine.

A code held in front of the camera is seen in frame after frame; :class:`RepeatFilter`
reports it once, and again only after it has been out of sight for ``repeat_window_s``.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

import cv2

from devices.decoder import Decoder, Image, make_decoder
from devices.errors import DeviceError
from devices.events import RawRead, ReadCallback

log = logging.getLogger(__name__)

Clock = Callable[[], float]


@dataclass(frozen=True)
class CapturedFrame:
    """A frame and when it was taken (seconds: the file's time, or the reader's clock)."""

    image: Image
    at: float


class FrameSource(Protocol):
    """What the reader captures from; :func:`open_source` makes the OpenCV one.

    ``finite`` sources (video files) end; ``read`` returns None at the end or when a live
    camera stops delivering.
    """

    finite: bool

    def read(self) -> CapturedFrame | None: ...

    def close(self) -> None: ...


OpenSource = Callable[[str, Clock], FrameSource]


def _is_url(spec: str) -> bool:
    return "://" in spec


class OpenCvSource:
    """``cv2.VideoCapture`` behind :class:`FrameSource`."""

    def __init__(self, capture: cv2.VideoCapture, finite: bool, clock: Clock) -> None:
        self._capture = capture
        self.finite = finite
        self._clock = clock
        fps = float(capture.get(cv2.CAP_PROP_FPS)) if finite else 0.0
        self._fps = fps if fps > 0 else 25.0
        self._index = 0

    def read(self) -> CapturedFrame | None:
        ok, image = self._capture.read()
        if not ok or image is None:
            return None
        at = self._index / self._fps if self.finite else self._clock()
        self._index += 1
        return CapturedFrame(cast(Image, image), at)

    def close(self) -> None:
        self._capture.release()


def open_source(spec: str, clock: Clock = time.monotonic) -> FrameSource:
    """Open a camera index ("0"), a V4L2 path, a video file or a stream URL.

    Raises DeviceError with what a technician should check: absent, busy or forbidden
    camera, missing or unreadable file, unreachable stream.
    """
    spec = spec.strip()
    if not spec:
        raise DeviceError("no camera configured (devices.camera is empty)")
    if spec.isdigit():
        target: int | str = int(spec)
        device = Path(f"/dev/video{spec}")
        what = f"camera {spec}"
    else:
        target, device, what = spec, Path(spec), spec
    if not _is_url(spec) and not device.exists():
        if spec.isdigit() or spec.startswith("/dev/"):
            raise DeviceError(f"no camera at {device}: is it plugged in?")
        raise DeviceError(f"video file {spec} does not exist")
    capture = cv2.VideoCapture(target)
    if not capture.isOpened():
        capture.release()
        raise DeviceError(_open_failure(spec, device, what))
    finite = not _is_url(spec) and device.is_file()
    return OpenCvSource(capture, finite, clock)


def _open_failure(spec: str, device: Path, what: str) -> str:
    if _is_url(spec):
        return f"stream {spec} could not be opened: unreachable, or not a video stream"
    if device.is_file():
        return f"{spec} is not a video file this computer can play"
    if not os.access(device, os.R_OK | os.W_OK):
        return f"no permission to use {what}: add the till's user to the 'video' group"
    return f"{what} could not be opened: it is in use by another program, or not a camera"


class LatestFrame:
    """A one-slot handoff: ``put`` replaces an untaken frame (counting it as dropped).

    With ``lossless`` (for files), ``put`` instead waits until the slot is free.
    """

    def __init__(self, lossless: bool = False) -> None:
        self._cond = threading.Condition()
        self._frame: CapturedFrame | None = None
        self._closed = False
        self._lossless = lossless
        self.dropped = 0

    def put(self, frame: CapturedFrame) -> None:
        with self._cond:
            if self._lossless:
                self._cond.wait_for(lambda: self._frame is None or self._closed)
            if self._closed:
                return
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._cond.notify_all()

    def take(self) -> CapturedFrame | None:
        """The newest frame, waiting for one; None once closed and empty."""
        with self._cond:
            self._cond.wait_for(lambda: self._frame is not None or self._closed)
            frame, self._frame = self._frame, None
            self._cond.notify_all()
            return frame

    def close(self, discard: bool = False) -> None:
        """No more frames; a pending one is still taken unless ``discard``."""
        with self._cond:
            self._closed = True
            if discard:
                self._frame = None
            self._cond.notify_all()


class RepeatFilter:
    """Lets a code through once, then again only after ``window_s`` out of sight.

    Why "out of sight" rather than "since last report": a member card held up for ten
    seconds is one scan, not four.
    """

    def __init__(self, window_s: float) -> None:
        self.window_s = window_s
        self._last_seen: dict[str, float] = {}

    def admit(self, text: str, at: float) -> bool:
        last = self._last_seen.get(text)
        self._last_seen[text] = at
        if len(self._last_seen) > 256:
            self._forget_before(at - self.window_s)
        return last is None or at - last >= self.window_s

    def _forget_before(self, cutoff: float) -> None:
        for text in [t for t, seen in self._last_seen.items() if seen < cutoff]:
            del self._last_seen[text]


@dataclass(frozen=True)
class CameraStats:
    captured: int
    decoded: int
    dropped: int


class CameraReader:
    """A :class:`devices.events.Reader` for camera-read codes; source ``camera:<spec>``.

    ``open_source`` and ``clock`` are injectable for tests. ``drop_frames`` defaults to
    True for live sources and False for video files (see the module docstring).
    """

    def __init__(
        self,
        spec: str,
        decoder: Decoder | None = None,
        *,
        repeat_window_s: float = 3.0,
        drop_frames: bool | None = None,
        open_source: OpenSource = open_source,
        clock: Clock = time.monotonic,
        reopen_s: float | None = 2.0,
    ) -> None:
        self.spec = spec
        # A lost live camera is reopened every ``reopen_s`` seconds until it returns, as the
        # wedge and serial readers do on replug; None: the reader ends instead.
        self._reopen_s = reopen_s
        self.name = f"camera:{spec}"
        self._decoder = decoder if decoder is not None else make_decoder("zxing")
        self._repeats = RepeatFilter(repeat_window_s)
        self._drop_frames = drop_frames
        self._open_source = open_source
        self._clock = clock
        self._stop = threading.Event()
        self.finished = threading.Event()  # set when both threads have ended
        self.capture_ended = threading.Event()  # set when capture has read its last frame
        self._slot = LatestFrame()
        self._threads: list[threading.Thread] = []
        self._capture_thread: threading.Thread | None = None
        self._on_read: ReadCallback = lambda _r: None
        self._on_status: Callable[[str], None] = lambda _s: None
        self._captured = 0
        self._decoded = 0

    def start(self, on_read: ReadCallback, on_status: Callable[[str], None] | None = None) -> None:
        """Open now (a missing or busy camera raises DeviceError here), then run threads."""
        if any(t.is_alive() for t in self._threads):
            raise RuntimeError(f"{self.name} is already started")
        self._on_read = on_read
        self._on_status = on_status or (lambda _s: None)
        source = self._open_source(self.spec, self._clock)
        drop = (not source.finite) if self._drop_frames is None else self._drop_frames
        self._slot = LatestFrame(lossless=not drop)
        self._repeats = RepeatFilter(self._repeats.window_s)
        self._captured = self._decoded = 0
        self._stop.clear()
        self.finished.clear()
        self.capture_ended.clear()
        self._status("camera ready" if not source.finite else "playing video file")
        capture = threading.Thread(
            target=self._capture_loop, args=(source,), name=f"{self.name} capture", daemon=True
        )
        decode = threading.Thread(target=self._decode_loop, name=f"{self.name} decode", daemon=True)
        self._threads = [capture, decode]
        self._capture_thread = capture
        capture.start()
        decode.start()

    def stop(self) -> None:
        """Stop capturing and decoding; safe from any thread, including ``on_read``."""
        self._stop.set()
        self._slot.close(discard=True)
        current = threading.current_thread()
        for thread in self._threads:
            if thread is not current:
                thread.join(timeout=5)
        self._threads = [t for t in self._threads if t.is_alive()]

    def wait(self, timeout: float | None = None) -> bool:
        """Until the reader has ended (end of a video file, camera lost, or stopped)."""
        return self.finished.wait(timeout)

    def stats(self) -> CameraStats:
        return CameraStats(self._captured, self._decoded, self._slot.dropped)

    def _status(self, message: str) -> None:
        log.info("%s: %s", self.name, message)
        try:
            self._on_status(message)
        except Exception:
            log.exception("%s: status callback failed", self.name)

    def _capture_loop(self, source: FrameSource | None) -> None:
        try:
            while source is not None and not self._stop.is_set():
                frame = source.read()
                if frame is not None:
                    self._captured += 1
                    self._slot.put(frame)
                    continue
                if self._stop.is_set():
                    break
                if source.finite:
                    self._status("end of video file")
                    break
                source.close()
                source = None
                if self._reopen_s is None:
                    self._status("camera stopped delivering pictures (unplugged?)")
                    break
                self._status("camera stopped delivering pictures (unplugged?); waiting for it")
                source = self._reopen()
        except Exception:
            log.exception("%s: capture failed", self.name)
            self._status("camera capture failed (see the log for details)")
        finally:
            if source is not None:
                source.close()
            self.capture_ended.set()
            self._slot.close()

    def _reopen(self) -> FrameSource | None:
        """Try to open the camera again until it answers or the reader is stopped."""
        assert self._reopen_s is not None
        while not self._stop.wait(self._reopen_s):
            try:
                source = self._open_source(self.spec, self._clock)
            except DeviceError:
                continue
            self._status("camera back")
            return source
        return None

    def _decode_loop(self) -> None:
        try:
            while True:
                frame = self._slot.take()
                if frame is None or self._stop.is_set():
                    break
                self._decode(frame)
        finally:
            capture = self._capture_thread
            if capture is not None and capture is not threading.current_thread():
                capture.join(timeout=5)
            self.finished.set()

    def _decode(self, frame: CapturedFrame) -> None:
        try:
            codes = self._decoder.decode(frame.image)
        except Exception:
            log.exception("%s: decoding a frame failed", self.name)
            return
        finally:
            self._decoded += 1
        for code in codes:
            if not self._repeats.admit(code.text, frame.at):
                continue
            raw = RawRead(
                text=code.text,
                source=self.name,
                symbology_id=code.symbology_id,
                format=code.format,
            )
            try:
                self._on_read(raw)
            except Exception:
                log.exception("%s: read callback failed", self.name)
