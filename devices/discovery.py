"""What reader hardware this machine has, and whether the till's user may open it.

For the technician's ``doctor`` and the settings screen: the usual support call is "the reader
beeps but nothing happens", which is almost always a missing group membership or udev rule,
so every entry says whether it opens and, if not, the fix in words.

Reads only ``/dev`` and ``/sys`` (both injectable, so tests use a directory tree). Stable
names come from udev's ``/dev/input/by-id`` and ``/dev/serial/by-id`` links; sysfs gives the
names and USB ids (``/sys/class/input/eventN/device/{name,id/vendor,id/product}``,
``/sys/class/tty``, ``/sys/class/video4linux``).
"""

from __future__ import annotations

import errno
import os
import struct
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from devices import keymaps

GROUP_HINT = {
    "input": "add the till's user to the 'input' group (sudo usermod -aG input $USER, then "
    "log in again) or install packaging/udev/70-loyalty-till.rules",
    "serial": "add the till's user to the 'dialout' group (sudo usermod -aG dialout $USER, "
    "then log in again) or install packaging/udev/70-loyalty-till.rules",
    "camera": "add the till's user to the 'video' group (sudo usermod -aG video $USER, then "
    "log in again)",
}
_LONG_BITS = struct.calcsize("l") * 8


@dataclass(frozen=True)
class FoundDevice:
    """One device node. ``path`` is the stable by-id link when udev made one, else the node.

    ``status`` is "ok", "no-permission", "busy" or "error"; ``message`` says what to do.
    ``keyboard`` (input devices) is True when the device has letter keys: a wedge candidate.
    """

    kind: str  # "input" | "serial" | "camera"
    path: str
    node: str
    name: str
    usb_id: str | None
    status: str
    message: str
    keyboard: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None


def _by_id(dev_root: Path, sub: str) -> dict[str, str]:
    """Resolved node path -> by-id link path."""
    links: dict[str, str] = {}
    folder = dev_root / sub / "by-id"
    if not folder.is_dir():
        return links
    for link in sorted(folder.iterdir()):
        try:
            target = (folder / os.readlink(link)).resolve()
        except OSError:
            continue
        links.setdefault(str(target), str(link))
    return links


def _check_open(node: Path, kind: str) -> tuple[str, str]:
    flags = os.O_RDONLY if kind == "input" else os.O_RDWR | os.O_NOCTTY
    try:
        fd = os.open(node, flags | os.O_NONBLOCK | os.O_CLOEXEC)
    except PermissionError:
        return "no-permission", f"cannot open {node}: {GROUP_HINT[kind]}"
    except OSError as exc:
        if exc.errno == errno.EBUSY:
            return "busy", f"{node} is in use by another program"
        return "error", f"cannot open {node}: {exc.strerror}"
    os.close(fd)
    return "ok", "opens"


def _has_letter_keys(bitmask: str | None) -> bool:
    """Parse sysfs ``capabilities/key`` for KEY_A, KEY_Z and Enter.

    The kernel prints the bitmap as unpadded hex ``long`` words, most significant first
    (drivers/input/input.c, ``input_print_bitmap``), so the word size is this machine's.
    """
    if not bitmask:
        return False
    try:
        words = [int(w, 16) for w in bitmask.split()][::-1]
    except ValueError:
        return False
    bits = _LONG_BITS

    def has(code: int) -> bool:
        i = code // bits
        return i < len(words) and bool(words[i] >> (code % bits) & 1)

    return has(keymaps.KEY_A) and has(keymaps.KEY_Z) and has(keymaps.KEY_ENTER)


def _usb_id_upwards(sysdev: Path) -> str | None:
    """Walk up a sysfs device path to the USB device that has idVendor/idProduct."""
    try:
        current = sysdev.resolve()
    except OSError:
        return None
    for folder in (current, *current.parents):
        vid, pid = _read(folder / "idVendor"), _read(folder / "idProduct")
        if vid and pid:
            return f"{vid.lower()}:{pid.lower()}"
    return None


def input_devices(
    dev_root: Path = Path("/dev"), sys_root: Path = Path("/sys")
) -> list[FoundDevice]:
    links = _by_id(dev_root, "input")
    found: list[FoundDevice] = []
    nodes = sorted((dev_root / "input").glob("event*"), key=lambda p: (len(p.name), p.name))
    for node in nodes:
        sysdev = sys_root / "class/input" / node.name / "device"
        vid, pid = _read(sysdev / "id/vendor"), _read(sysdev / "id/product")
        usb_id = f"{vid.lower()}:{pid.lower()}" if vid and pid else None
        status, message = _check_open(node, "input")
        found.append(
            FoundDevice(
                kind="input",
                path=links.get(str(node.resolve()), str(node)),
                node=str(node),
                name=_read(sysdev / "name") or "",
                usb_id=usb_id,
                status=status,
                message=message,
                keyboard=_has_letter_keys(_read(sysdev / "capabilities/key")),
            )
        )
    return found


def serial_ports(dev_root: Path = Path("/dev"), sys_root: Path = Path("/sys")) -> list[FoundDevice]:
    links = _by_id(dev_root, "serial")
    nodes = {str(p): p for pat in ("ttyUSB*", "ttyACM*") for p in dev_root.glob(pat)}
    for target in links:
        nodes.setdefault(target, Path(target))
    found: list[FoundDevice] = []
    for key in sorted(nodes):
        node = nodes[key]
        if not node.exists():
            continue
        sysdev = sys_root / "class/tty" / node.name / "device"
        status, message = _check_open(node, "serial")
        found.append(
            FoundDevice(
                kind="serial",
                path=links.get(str(node.resolve()), str(node)),
                node=str(node),
                name=_read(sysdev / "interface") or _read(sysdev / "../product") or "",
                usb_id=_usb_id_upwards(sysdev),
                status=status,
                message=message,
            )
        )
    return found


def cameras(dev_root: Path = Path("/dev"), sys_root: Path = Path("/sys")) -> list[FoundDevice]:
    found: list[FoundDevice] = []
    for node in sorted(dev_root.glob("video*"), key=lambda p: (len(p.name), p.name)):
        sysdev = sys_root / "class/video4linux" / node.name
        status, message = _check_open(node, "camera")
        found.append(
            FoundDevice(
                kind="camera",
                path=str(node),
                node=str(node),
                name=_read(sysdev / "name") or "",
                usb_id=_usb_id_upwards(sysdev / "device"),
                status=status,
                message=message,
            )
        )
    return found


def discover(dev_root: Path = Path("/dev"), sys_root: Path = Path("/sys")) -> list[FoundDevice]:
    """Every input device, serial port and camera, in that order."""
    return [
        *input_devices(dev_root, sys_root),
        *serial_ports(dev_root, sys_root),
        *cameras(dev_root, sys_root),
    ]
