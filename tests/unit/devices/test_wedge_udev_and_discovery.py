"""The udev rules file is well-formed; discovery reads a /dev + /sys tree correctly.

Input nodes that open are asked through python-evdev (here the fake kernel device of
tests/fixtures/input_devices.py stands at the tree's node paths); a node the user may not
open is described from sysfs and its udev by-id name, by the real python-evdev call failing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from devices import discovery
from tests.fixtures.input_devices import FakeKernel
from tests.fixtures.privileges import make_world_traversable, run_unprivileged

ROOT = Path(__file__).resolve().parents[3]
RULES = ROOT / "packaging" / "udev" / "70-loyalty-till.rules"
_PAIR = re.compile(r'^\s*([A-Z]+(?:\{[^}]+\})?)\s*(==|!=|\+=|=|:=)\s*"([^"]*)"\s*$')


def rule_lines() -> list[str]:
    return [
        ln.strip()
        for ln in RULES.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]


def test_udev_rules_parse_and_every_goto_has_its_label() -> None:
    labels, gotos, vendors = set(), set(), set()
    for line in rule_lines():
        for part in line.split(","):
            m = _PAIR.match(part)
            assert m, f"not a udev key/value pair: {part!r} in {line!r}"
            key, _op, value = m.groups()
            if key == "LABEL":
                labels.add(value)
            elif key == "GOTO":
                gotos.add(value)
            elif key == "ATTRS{idVendor}":
                assert re.fullmatch(r"[0-9a-f]{4}", value), value
                vendors.add(value)
            elif key == "GROUP":
                assert value in {"input", "dialout"}
            elif key == "MODE":
                assert value == "0660"  # never world-readable: swipes can be bank cards
    assert gotos <= labels
    assert {"0801", "0acd", "0c2e", "05e0"} <= vendors


def test_udev_rule_lines_each_have_a_comment() -> None:
    text = RULES.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(text):
        if "ATTRS{idVendor}" in line:
            assert text[i - 1].startswith("#"), f"rule without a comment: {line}"


def make_tree(tmp_path: Path) -> tuple[Path, Path]:
    dev, sys = tmp_path / "dev", tmp_path / "sys"
    (dev / "input" / "by-id").mkdir(parents=True)
    # event3: a MagTek reader (keyboard), event10: a power button (no letter keys).
    for node, name, vid, pid, keys in (
        ("event3", "Mag-Tek USB Swipe Reader", "0801", "0001", _key_bits(30, 44, 28)),
        ("event10", "Power Button", "0000", "0001", _key_bits(116)),
    ):
        (dev / "input" / node).touch()
        base = sys / "class/input" / node / "device"
        (base / "id").mkdir(parents=True)
        (base / "name").write_text(name + "\n")
        (base / "id/vendor").write_text(vid + "\n")
        (base / "id/product").write_text(pid + "\n")
        (base / "capabilities").mkdir()
        (base / "capabilities/key").write_text(keys + "\n")
    os.symlink("../event3", dev / "input/by-id/usb-Mag-Tek_USB_Swipe_Reader-event-kbd")
    # A USB serial scanner: /dev/ttyACM0 with a by-id link and a USB device up the sysfs tree.
    (dev / "serial" / "by-id").mkdir(parents=True)
    (dev / "ttyACM0").touch()
    os.symlink("../../ttyACM0", dev / "serial/by-id/usb-Honeywell_1900-if00")
    usb = sys / "devices/usb1/1-2"
    iface = usb / "1-2:1.0"
    iface.mkdir(parents=True)
    (usb / "idVendor").write_text("0c2e\n")
    (usb / "idProduct").write_text("0b61\n")
    (iface / "interface").write_text("Honeywell CDC\n")
    (sys / "class/tty/ttyACM0").mkdir(parents=True)
    os.symlink(iface, sys / "class/tty/ttyACM0/device")
    # A camera.
    (dev / "video0").touch()
    (sys / "class/video4linux/video0").mkdir(parents=True)
    (sys / "class/video4linux/video0/name").write_text("USB Camera\n")
    return dev, sys


def _key_bits(*codes: int) -> str:
    """The sysfs capabilities/key text for these key codes (hex longs, high word first)."""
    bits = 64
    words = [0] * (max(codes) // bits + 1)
    for c in codes:
        words[c // bits] |= 1 << (c % bits)
    return " ".join(f"{w:x}" for w in reversed(words))


def plug_tree_inputs(kernel: FakeKernel, dev: Path) -> None:
    kernel.plug(str(dev / "input/event3"), name="Mag-Tek USB Swipe Reader", usb_id="0801:0001")
    kernel.plug(str(dev / "input/event10"), name="Power Button", usb_id="0000:0001", keys=[116])


def test_discovery_lists_inputs_serial_ports_and_cameras(
    tmp_path: Path, input_devices: FakeKernel
) -> None:
    dev, sys = make_tree(tmp_path)
    plug_tree_inputs(input_devices, dev)
    found = discovery.discover(dev, sys)
    by_kind = {(d.kind, d.node): d for d in found}
    reader = by_kind[("input", str(dev / "input/event3"))]
    assert reader.path.endswith("by-id/usb-Mag-Tek_USB_Swipe_Reader-event-kbd")
    assert (reader.name, reader.usb_id, reader.keyboard, reader.status) == (
        "Mag-Tek USB Swipe Reader",
        "0801:0001",
        True,
        "ok",
    )
    assert by_kind[("input", str(dev / "input/event10"))].keyboard is False
    scanner = by_kind[("serial", str(dev / "ttyACM0"))]
    assert scanner.path.endswith("serial/by-id/usb-Honeywell_1900-if00")
    assert (scanner.usb_id, scanner.name, scanner.status) == ("0c2e:0b61", "Honeywell CDC", "ok")
    camera = by_kind[("camera", str(dev / "video0"))]
    assert (camera.name, camera.status) == ("USB Camera", "ok")
    assert [d.kind for d in found] == ["input", "input", "serial", "camera"]
    assert set(reader.to_json()) >= {"kind", "path", "node", "status", "message", "keyboard"}


def test_discovery_on_an_empty_machine(tmp_path: Path) -> None:
    assert discovery.discover(tmp_path / "dev", tmp_path / "sys") == []


def test_discovery_names_the_group_when_permission_is_missing(tmp_path: Path) -> None:
    dev, sys = make_tree(tmp_path)
    (dev / "input/event3").chmod(0)
    make_world_traversable(dev / "input")
    make_world_traversable(sys)
    (reader,) = [
        d for d in run_unprivileged(lambda: discovery.input_devices(dev, sys)) if d.keyboard
    ]
    assert reader.status == "no-permission"
    assert "'input' group" in reader.message
    # Not opened, so described from sysfs: name and USB id are still shown.
    assert (reader.name, reader.usb_id) == ("Mag-Tek USB Swipe Reader", "0801:0001")


def test_a_keyboard_is_told_by_the_keys_it_can_type(
    tmp_path: Path, input_devices: FakeKernel
) -> None:
    dev, sys = make_tree(tmp_path)
    plug_tree_inputs(input_devices, dev)
    # A scanner without letters (digits and Enter only) is no wedge candidate for letters.
    input_devices.plug(str(dev / "input/event3"), keys=[2, 3, 4, 28])
    found = {d.node: d for d in discovery.input_devices(dev, sys)}
    assert found[str(dev / "input/event3")].keyboard is False
    assert found[str(dev / "input/event3")].name == "Fake Wedge Reader"  # asked, not sysfs


def test_a_node_that_is_no_input_device_is_an_error_in_words(tmp_path: Path) -> None:
    dev, sys = make_tree(tmp_path)  # regular files: the real InputDevice() refuses them
    reader = discovery.input_devices(dev, sys)[0]
    assert reader.status == "error"
    assert "is not an input (evdev) device" in reader.message
