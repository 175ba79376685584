"""The doctor against the real backend: up, down, key revoked, customer inactive, unknown card."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from devices.discovery import FoundDevice
from offline_queue.journal import Journal
from till.backend_client import BackendClient
from till.cardtest.cli import main
from till.cardtest.doctor import DoctorInputs, run_doctor

ALICE = "40023817"  # active demo customer
ERIN = "63018452"  # inactive demo customer
UNASSIGNED = "90417368"  # registered in program DEMO, given to nobody
READER = "/dev/input/by-id/usb-MagTek_USB_Swipe_Reader-event-kbd"


def reader(status: str = "ok", message: str = "opens") -> FoundDevice:
    return FoundDevice(
        kind="input",
        path=READER,
        node="/dev/input/event7",
        name="MagTek USB Swipe Reader",
        usb_id="0801:0002",
        status=status,
        message=message,
        keyboard=True,
    )


def inputs(backend, card: str | None = None, **kw) -> DoctorInputs:
    values = {
        "backend_url": backend.url,
        "client": BackendClient(backend.url, backend.api_key, timeout_s=2.0),
        "card": card,
        "configured_devices": [READER],
        "discover": lambda: [reader()],
    }
    values.update(kw)
    return DoctorInputs(**values)


@pytest.fixture(scope="module")
def shared(module_backend_factory):
    """One server for the tests that only read from it."""
    return module_backend_factory(otp_ttl=600)


def statuses(report) -> dict[str, str]:
    return {c.id: c.status for c in report.checks}


def test_everything_up_passes_with_an_active_customer(shared, tmp_path):
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        report = run_doctor(inputs(shared, ALICE, journal_stats=journal.stats))
    finally:
        journal.close()
    assert statuses(report) == {
        "till_online": "pass",
        "backend_health": "pass",
        "api_key": "pass",
        "card_rules": "pass",
        "card_known": "pass",
        "customer_active": "pass",
        f"device:{READER}": "pass",
        "devices": "pass",
        "journal": "pass",
    }
    assert report.ok
    assert "store DEMO" in report.get("api_key").detail
    assert all(c.next_step == "" for c in report.checks)


def test_backend_down_fails_health_and_skips_what_depends_on_it(backend):
    backend.stop()
    report = run_doctor(inputs(backend, ALICE))
    assert statuses(report)["till_online"] == "pass"
    health = report.get("backend_health")
    assert health.status == "fail"
    assert "does not answer" in health.detail
    assert "till-server serve" in health.next_step
    assert report.get("api_key").status == "skip"
    assert report.get("card_known").status == "skip"
    assert report.get("card_rules").status == "pass"  # judged locally, no backend needed
    assert not report.ok


def test_revoked_key_is_spelled_out(backend):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "revoke-key",
            "--db",
            backend.db_url,
            "--store",
            "DEMO",
            "--till",
            "T1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    report = run_doctor(inputs(backend, ALICE))
    key = report.get("api_key")
    assert key.status == "fail"
    assert key.detail.startswith("The API key is revoked or wrong: ")
    assert "create-key" in key.next_step and "till --set-api-key" in key.next_step
    assert backend.api_key not in report.to_text()
    assert report.get("card_known").status == "skip"


def test_inactive_customer_fails_customer_active(shared):
    report = run_doctor(inputs(shared, ERIN))
    assert report.get("card_known").status == "pass"
    active = report.get("customer_active")
    assert active.status == "fail"
    assert "inactive" in active.detail and "cannot earn or redeem" in active.detail
    assert "Reactivate the customer" in active.next_step


@pytest.mark.parametrize(
    ("card", "detail"),
    [
        ("49999991", "No loyalty account has card 49999991."),
        (UNASSIGNED, f"Card {UNASSIGNED} is registered but not attached to a customer yet."),
    ],
)
def test_unknown_and_unassigned_cards(shared, card, detail):
    report = run_doctor(inputs(shared, card))
    known = report.get("card_known")
    assert (known.status, known.detail) == ("fail", detail)
    assert report.get("customer_active").status == "skip"


def test_card_outside_the_program_range_fails_the_rules(shared):
    report = run_doctor(inputs(shared, "1234", card_ranges=["40000000-49999999"]))
    rules = report.get("card_rules")
    assert rules.status == "fail"
    assert "1234" in rules.detail


def test_cli_json_and_exit_status(shared, tmp_path, monkeypatch, capsys):
    config = tmp_path / "till.toml"
    config.write_text(
        f'[backend]\nurl = "{shared.url}"\n[journal]\npath = "{tmp_path / "j.sqlite3"}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("TILL_API_KEY", shared.api_key)
    code = main(["doctor", "--json", "--card", ERIN, "--config", str(config)])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert report["ok"] is False
    by_id = {c["id"]: c for c in report["checks"]}
    assert by_id["backend_health"]["status"] == "pass"
    assert by_id["api_key"]["status"] == "pass"
    assert by_id["customer_active"]["status"] == "fail"
    assert by_id["journal"]["status"] == "skip"  # no journal file yet: not created by the doctor
    assert not (tmp_path / "j.sqlite3").exists()
    assert shared.api_key not in json.dumps(report)
    # a card that passes: the exit status follows the checks (devices depend on this machine)
    code = main(["doctor", "--card", ALICE, "--config", str(config)])
    text = capsys.readouterr().out
    assert "[PASS] Customer active" in text
    assert code == (0 if "[FAIL]" not in text else 1)


def test_old_pending_operations_while_the_backend_answers_mean_sync_is_stuck(shared, tmp_path):
    import time

    journal = Journal(tmp_path / "journal.sqlite3", clock=lambda: time.time() - 3600)
    try:
        journal.append("earn", "c1", {"op_id": "op-1", "amount": "5.00"}, "op-1")
        check = run_doctor(inputs(shared, journal_stats=journal.stats)).get("journal")
    finally:
        journal.close()
    assert check.status == "fail"
    assert "1 operation(s) waiting to be sent, the oldest for 60 min" in check.detail
    assert "sending is stuck" in check.detail
