"""Linux input devices (``/dev/input/event*``) through python-evdev: open, list, identify.

One seam for the wedge reader and for discovery: :func:`open_input_device` and
:func:`list_input_devices` are python-evdev's ``InputDevice`` and ``list_devices()``; the
tests replace them (and only them) with a fake kernel device, because CI has no
``/dev/uinput`` to make real ones. Everything above this module is the real code path.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import evdev
from evdev import ecodes

from devices.errors import DeviceError


class NotPluggedIn(DeviceError):
    """No device with the wanted USB id is present (yet): the reader waits for it."""


class InputEventLike(Protocol):
    """What the reader uses of ``evdev.InputEvent``."""

    type: int
    code: int
    value: int


class DeviceInfoLike(Protocol):
    """What the till uses of ``evdev.DeviceInfo`` (the EVIOCGID answer)."""

    @property
    def vendor(self) -> int: ...

    @property
    def product(self) -> int: ...


class InputNode(Protocol):
    """What the till uses of ``evdev.InputDevice`` (a fake implements the same in tests)."""

    @property
    def name(self) -> str: ...

    @property
    def info(self) -> DeviceInfoLike: ...

    def fileno(self) -> int: ...

    def read_one(self) -> InputEventLike | None: ...

    def grab(self) -> None: ...

    def ungrab(self) -> None: ...

    def close(self) -> None: ...

    def capabilities(self) -> dict[int, list[int]]: ...


Opener = Callable[[str], InputNode]
Lister = Callable[[str], list[str]]


def open_input_device(path: str) -> InputNode:
    """``evdev.InputDevice(path)``; an existing node that is no evdev device raises
    DeviceError (the kernel answers the EVIOCGID ioctl with ENOTTY or EINVAL)."""
    try:
        return evdev.InputDevice(path)
    except (FileNotFoundError, PermissionError):
        raise
    except OSError as exc:
        if exc.errno in (errno.ENOTTY, errno.EINVAL):
            raise DeviceError(f"{path} is not an input (evdev) device") from exc
        raise


def list_input_devices(input_dir: str) -> list[str]:
    """``evdev.list_devices()``: the event nodes in ``input_dir`` this user can read."""
    return sorted(evdev.list_devices(input_dir, writable=False), key=_event_number)


def _event_number(path: str) -> int:
    digits = Path(path).name.removeprefix("event")
    return int(digits) if digits.isdigit() else 0


def usb_id(node: InputNode) -> str:
    """``VID:PID`` in lower-case hex, from the device's EVIOCGID answer."""
    return f"{node.info.vendor:04x}:{node.info.product:04x}"


def types_text(node: InputNode) -> bool:
    """True when the device can type letters and Enter: a keyboard-wedge candidate."""
    keys = set(node.capabilities().get(ecodes.EV_KEY, []))
    return {ecodes.KEY_A, ecodes.KEY_Z, ecodes.KEY_ENTER} <= keys


def resolve_device(
    spec: str,
    input_dir: str = "/dev/input",
    *,
    opener: Opener | None = None,
    lister: Lister | None = None,
) -> str:
    """The event node for ``spec``: a path (``/dev/input/by-id/...``) or ``VID:PID`` in hex.

    A VID:PID matches the first readable ``event*`` node with that id; readers with several
    HID interfaces expose the keyboard one first. Raises DeviceError when nothing matches.
    """
    if "/" in spec:
        return spec
    parts = spec.lower().split(":")
    if len(parts) != 2 or not all(len(p) == 4 for p in parts):
        raise DeviceError(f"wedge device {spec!r}: expected a /dev/input path or VID:PID in hex")
    open_node = opener or open_input_device
    for path in (lister or list_input_devices)(input_dir):
        try:
            node = open_node(path)
        except (OSError, DeviceError):
            continue
        try:
            if usb_id(node) == spec.lower():
                return path
        finally:
            node.close()
    raise NotPluggedIn(f"no input device with USB id {spec} is plugged in")
