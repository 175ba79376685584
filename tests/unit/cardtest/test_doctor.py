"""Doctor checks that need no backend: network route, fake devices, journal states."""

from __future__ import annotations

import errno

from devices.discovery import FoundDevice
from offline_queue.journal import Journal
from till.cardtest.doctor import DoctorInputs, configured_devices, run_doctor
from till.config import DevicesConfig

WEDGE = "/dev/input/by-id/usb-MagTek_USB_Swipe_Reader-event-kbd"
SERIAL = "/dev/serial/by-id/usb-Honeywell_Scanner-if00"


def no_dns(host: str, port: int) -> list[str]:
    raise OSError(errno.EAI_NONAME if hasattr(errno, "EAI_NONAME") else 0, "no such name")


def device(kind: str, path: str, status: str = "ok", message: str = "opens") -> FoundDevice:
    return FoundDevice(
        kind=kind,
        path=path,
        node={"input": "/dev/input/event5", "serial": "/dev/ttyACM0"}.get(kind, "/dev/video0"),
        name=f"{kind} device",
        usb_id="0c2e:0b61",
        status=status,
        message=message,
        keyboard=kind == "input",
    )


def offline_inputs(**kw) -> DoctorInputs:
    values = {"backend_url": "https://loyalty.example.com", "client": None, "resolve": no_dns}
    values.update(kw)
    return DoctorInputs(**values)


def test_unresolvable_backend_name_means_offline_and_skips_backend_checks():
    report = run_doctor(offline_inputs())
    online = report.get("till_online")
    assert online.status == "fail"
    assert "loyalty.example.com cannot be looked up" in online.detail
    assert "network cable" in online.next_step
    assert report.get("backend_health").status == "skip"
    assert report.get("api_key").status == "skip"


def test_no_route_to_the_backend_host():
    def unreachable(address: str, port: int) -> None:
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    report = run_doctor(offline_inputs(resolve=lambda h, p: ["203.0.113.7"], route=unreachable))
    online = report.get("till_online")
    assert online.status == "fail"
    assert "no network route to loyalty.example.com (203.0.113.7: Network is unreachable)" in (
        online.detail
    )


def test_missing_backend_url_is_explained():
    report = run_doctor(offline_inputs(backend_url=""))
    assert report.get("till_online").status == "fail"
    assert "backend.url" in report.get("till_online").next_step


def test_configured_reader_present_and_openable():
    report = run_doctor(
        offline_inputs(configured_devices=[WEDGE], discover=lambda: [device("input", WEDGE)])
    )
    assert report.get(f"device:{WEDGE}").status == "pass"
    assert report.get("devices").status == "pass"


def test_permission_denied_names_the_group_and_the_udev_rule():
    blocked = [
        device("input", WEDGE, "no-permission", "cannot open /dev/input/event5: ..."),
        device("serial", SERIAL, "no-permission", "cannot open /dev/ttyACM0: ..."),
    ]
    report = run_doctor(
        offline_inputs(configured_devices=[WEDGE, SERIAL], discover=lambda: blocked)
    )
    wedge = report.get(f"device:{WEDGE}")
    assert wedge.status == "fail"
    assert "present but cannot be opened" in wedge.detail
    assert "'input' group" in wedge.next_step
    assert "packaging/udev/70-loyalty-till.rules" in wedge.next_step
    serial = report.get(f"device:{SERIAL}")
    assert "'dialout' group" in serial.next_step
    summary = report.get("devices")
    assert summary.status == "fail"
    assert "cannot open 2 of them" in summary.detail


def test_unplugged_reader_is_reported_missing():
    report = run_doctor(
        offline_inputs(configured_devices=[WEDGE, "0801:0002"], discover=lambda: [])
    )
    for wanted in (WEDGE, "0801:0002"):
        check = report.get(f"device:{wanted}")
        assert check.status == "fail"
        assert "is not present" in check.detail
        assert "Plug the reader in" in check.next_step


def test_a_video_file_camera_is_not_hardware_and_usb_ids_match():
    found = [device("input", WEDGE)]
    report = run_doctor(
        offline_inputs(configured_devices=["0c2e:0b61", "/srv/test.mp4"], discover=lambda: found)
    )
    assert report.get("device:0c2e:0b61").status == "pass"
    assert all(c.id != "device:/srv/test.mp4" for c in report.checks)


def test_busy_device():
    found = [device("serial", SERIAL, "busy", "/dev/ttyACM0 is in use by another program")]
    report = run_doctor(offline_inputs(configured_devices=[SERIAL], discover=lambda: found))
    assert "Close the other program" in report.get(f"device:{SERIAL}").next_step


def test_discovery_unavailable_is_a_skip():
    assert run_doctor(offline_inputs()).get("devices").status == "skip"


def test_configured_devices_from_config():
    config = DevicesConfig(wedge_devices=[WEDGE], serial_port=SERIAL, camera="0")
    assert configured_devices(config) == [WEDGE, SERIAL, "0"]


def test_journal_review_items_fail_and_pending_waits_pass_while_offline(tmp_path):
    now = [1_000_000.0]
    journal = Journal(tmp_path / "j.sqlite3", clock=lambda: now[0])
    try:
        for i in range(3):
            journal.append("earn", "cust-1", {"op_id": f"op-{i}", "amount": "1.00"}, f"op-{i}")
        now[0] += 3600
        report = run_doctor(offline_inputs(journal_stats=journal.stats, clock=lambda: now[0]))
        check = report.get("journal")
        assert check.status == "pass"  # the backend is unreachable: waiting is expected
        assert "3 operation(s) waiting to be sent, the oldest for 60 min" in check.detail
        journal.move_to_review("op-0", "customer_inactive")
        check = run_doctor(offline_inputs(journal_stats=journal.stats)).get("journal")
        assert check.status == "fail"
        assert check.detail.startswith("1 operation(s) need a manager's review")
    finally:
        journal.close()


def test_report_text_lists_next_steps():
    text = run_doctor(offline_inputs()).to_text()
    assert "[FAIL] Till online" in text
    assert "next: Check the network cable" in text
    assert text.rstrip().endswith("check(s) failed.")
