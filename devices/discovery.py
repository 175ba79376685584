"""What reader hardware this machine has, and whether the till's user may open it.

For the technician's ``doctor`` and the settings screen: the usual support call is "the reader
beeps but nothing happens", which is almost always a missing group membership or udev rule,
so every entry says whether it opens and, if not, the fix in words.

Input devices are opened with python-evdev (``InputDevice``: ``name``, ``info`` for the USB
id, ``capabilities()`` for the keys it can type). A node the till's user cannot open is still
listed — it is the one the technician must hear about — with its name and id from sysfs
(``/sys/class/input/eventN/device/{name,id/vendor,id/product}``, readable by everyone) and
udev's verdict on whether it is a keyboard (its ``by-id`` link ends in ``-event-kbd``).
Stable names come from udev's ``/dev/input/by-id`` and ``/dev/serial/by-id`` links; serial
ports and cameras from ``/sys/class/tty`` and ``/sys/class/video4linux``. ``/dev`` and
``/sys`` are injectable, so tests use a directory tree.
"""

from __future__ import annotations

import errno
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from devices import input_nodes
from devices.errors import DeviceError

GROUP_HINT = {
    "input": "add the till's user to the 'input' group (sudo usermod -aG input $USER, then "
    "log in again) or install packaging/udev/70-loyalty-till.rules",
    "serial": "add the till's user to the 'dialout' group (sudo usermod -aG dialout $USER, "
    "then log in again) or install packaging/udev/70-loyalty-till.rules",
    "camera": "add the till's user to the 'video' group (sudo usermod -aG video $USER, then "
    "log in again)",
}


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


def _open_input(node: Path) -> tuple[str, str, input_nodes.InputNode | None]:
    """Status and message for an input node, and the open device when it opens."""
    try:
        device = input_nodes.open_input_device(str(node))
    except PermissionError:
        return "no-permission", f"cannot open {node}: {GROUP_HINT['input']}", None
    except DeviceError as exc:
        return "error", str(exc), None
    except OSError as exc:
        if exc.errno == errno.EBUSY:
            return "busy", f"{node} is in use by another program", None
        return "error", f"cannot open {node}: {exc.strerror}", None
    return "ok", "opens", device


def input_devices(
    dev_root: Path = Path("/dev"), sys_root: Path = Path("/sys")
) -> list[FoundDevice]:
    links = _by_id(dev_root, "input")
    found: list[FoundDevice] = []
    nodes = sorted((dev_root / "input").glob("event*"), key=lambda p: (len(p.name), p.name))
    for node in nodes:
        path = links.get(str(node.resolve()), str(node))
        status, message, device = _open_input(node)
        usb_id: str | None
        if device is not None:
            try:
                name, usb_id = device.name, input_nodes.usb_id(device)
                keyboard = input_nodes.types_text(device)
            finally:
                device.close()
        else:
            sysdev = sys_root / "class/input" / node.name / "device"
            vid, pid = _read(sysdev / "id/vendor"), _read(sysdev / "id/product")
            name = _read(sysdev / "name") or ""
            usb_id = f"{vid.lower()}:{pid.lower()}" if vid and pid else None
            keyboard = path.endswith("-event-kbd")
        found.append(
            FoundDevice(
                kind="input",
                path=path,
                node=str(node),
                name=name,
                usb_id=usb_id,
                status=status,
                message=message,
                keyboard=keyboard,
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
