"""Doctor checks for readers, scanners and cameras: present, openable, and if not, the fix.

The usual support call, "the reader beeps but nothing happens", is a device node the till's
user may not open: the fix is a group (``input`` for wedge readers, ``dialout`` for serial
scanners, ``video`` for cameras) or the udev rule in packaging/udev/70-loyalty-till.rules.
Works on what :mod:`devices.discovery` reports, or on any list of the same shape (tests).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from till.cardtest.check_result import FAIL, PASS, SKIP, WARN, CheckResult
from till.translate import translate


class FoundDeviceLike(Protocol):
    """What :mod:`devices.discovery` reports for one device node."""

    @property
    def kind(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def node(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def usb_id(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def keyboard(self) -> bool: ...


def _matches(device: FoundDeviceLike, wanted: str) -> bool:
    w = wanted.strip().lower()
    if w.isdigit():  # camera index
        return device.kind == "camera" and device.node.endswith(f"video{w}")
    return w in {device.path.lower(), device.node.lower(), (device.usb_id or "").lower()}


def _hardware(wanted: str) -> bool:
    """A camera setting may be a video file or a stream URL: nothing to plug in."""
    w = wanted.strip()
    return w.isdigit() or w.startswith("/dev/") or (":" in w and "/" not in w)


def check_devices(
    discover: Callable[[], Sequence[FoundDeviceLike]] | None, configured: Sequence[str]
) -> list[CheckResult]:
    """One check per configured reader (present? openable?), then one for all found."""
    if discover is None:
        return [
            CheckResult(
                "devices",
                translate("Doctor", "Readers, scanners and cameras"),
                SKIP,
                translate("Doctor", "Device discovery is not available on this system."),
            )
        ]
    try:
        found = list(discover())
    except OSError as exc:
        return [
            CheckResult(
                "devices",
                translate("Doctor", "Readers, scanners and cameras"),
                FAIL,
                translate("Doctor", "The device list could not be read ({detail}).").format(
                    detail=exc.strerror or exc
                ),
            )
        ]
    results = []
    for wanted in configured:
        if not wanted or not _hardware(wanted):
            continue
        title = translate("Doctor", "Reader {wanted}").format(wanted=wanted)
        match = next((d for d in found if _matches(d, wanted)), None)
        if match is None:
            results.append(
                CheckResult(
                    f"device:{wanted}",
                    title,
                    FAIL,
                    translate(
                        "Doctor",
                        "The configured device {wanted} is not present: unplugged, or another one.",
                    ).format(wanted=wanted),
                    translate(
                        "Doctor",
                        "Plug the reader in (try another USB port and cable); check the configured "
                        "path against the list below (till-cardtest doctor --json lists them).",
                    ),
                )
            )
        elif match.status == "ok":
            results.append(
                CheckResult(
                    f"device:{wanted}",
                    title,
                    PASS,
                    translate("Doctor", "{device} is present and opens ({node}).").format(
                        device=match.name or match.path, node=match.node
                    ),
                )
            )
        else:
            results.append(
                CheckResult(
                    f"device:{wanted}",
                    title,
                    FAIL,
                    translate(
                        "Doctor", "{device} is present but cannot be opened: {message}"
                    ).format(device=match.name or match.path, message=match.message),
                    _device_fix(match),
                )
            )
    relevant = [d for d in found if d.kind != "input" or d.keyboard]
    blocked = [d for d in relevant if d.status != "ok"]
    counts = {kind: sum(d.kind == kind for d in relevant) for kind in ("input", "serial", "camera")}
    summary = translate(
        "Doctor",
        "Found {inputs} keyboard-like input device(s), {serials} serial port(s), {cameras} camera(s).",
    ).format(inputs=counts["input"], serials=counts["serial"], cameras=counts["camera"])
    if not relevant:
        results.append(
            CheckResult(
                "devices",
                translate("Doctor", "Readers, scanners and cameras"),
                WARN,
                translate(
                    "Doctor",
                    "No card reader, scanner or camera was found on this till, so no card can be "
                    "swiped or scanned here; only typed phone numbers will work.",
                ),
                translate(
                    "Doctor",
                    "Plug the reader in (try another USB port and cable). If it is plugged in, "
                    "the till's user may lack the 'input' or 'dialout' group (see the README, "
                    "Hardware setup).",
                ),
            )
        )
    elif blocked:
        names = "; ".join(f"{d.name or d.path}: {d.message}" for d in blocked)
        results.append(
            CheckResult(
                "devices",
                translate("Doctor", "Readers, scanners and cameras"),
                FAIL,
                translate(
                    "Doctor", "{summary} The till cannot open {count} of them: {names}"
                ).format(summary=summary, count=len(blocked), names=names),
                _device_fix(blocked[0]),
            )
        )
    else:
        results.append(
            CheckResult(
                "devices", translate("Doctor", "Readers, scanners and cameras"), PASS, summary
            )
        )
    return results


def _device_fix(device: FoundDeviceLike) -> str:
    if device.status == "no-permission":
        group = {"input": "input", "serial": "dialout", "camera": "video"}.get(device.kind, "")
        return translate(
            "Doctor",
            "Add the till's user to the '{group}' group (sudo usermod -aG {group} $USER, then log in again), or install the udev rule: sudo cp packaging/udev/70-loyalty-till.rules /etc/udev/rules.d/ && sudo udevadm control --reload && sudo udevadm trigger.",
        ).format(group=group)
    if device.status == "busy":
        return translate(
            "Doctor",
            "Close the other program using it (another till, a serial terminal), then retry.",
        )
    return translate(
        "Doctor", "Unplug and replug the device; if it persists, try another port or cable."
    )


def device_list_json(found: Sequence[Any]) -> list[Mapping[str, Any]]:
    """The discovered devices as JSON objects (for ``--json`` and the support bundle)."""
    out = []
    for d in found:
        to_json = getattr(d, "to_json", None)
        out.append(to_json() if callable(to_json) else dict(vars(d)))
    return out


def configured_devices(devices_config: Any) -> list[str]:
    """The readers the till's configuration names (``DevicesConfig``)."""
    wanted = [*devices_config.wedge_devices, devices_config.serial_port, devices_config.camera]
    return [w for w in wanted if w]
