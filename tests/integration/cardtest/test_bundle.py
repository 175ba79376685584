"""``till-cardtest bundle``: everything support needs, nothing secret."""

from __future__ import annotations

import json
import zipfile

from till.cardtest.cli import main

BANK_PAN = "4111111111111111"


def test_bundle_holds_versions_config_logs_devices_and_doctor_without_secrets(
    backend, tmp_path, monkeypatch, capsys
):
    logs = tmp_path / "logs"
    logs.mkdir()
    # A log written by something that did not redact: the bundle redacts again.
    (logs / "till.log").write_text(
        "2026-11-23 03:00:00 INFO till: started\n"
        f"2026-11-23 03:01:00 WARNING devices: swipe %B{BANK_PAN}^DOE/JOHN^2812101?\n"
        f"2026-11-23 03:02:00 INFO client: Authorization: Bearer {backend.api_key}\n"
        "2026-11-23 03:03:00 INFO manager: pin=2468 accepted\n",
        encoding="utf-8",
    )
    config = tmp_path / "till.toml"
    config.write_text(
        f'[backend]\nurl = "{backend.url}"\n[logging]\ndirectory = "{logs}"\n'
        f'[journal]\npath = "{tmp_path / "journal.sqlite3"}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("TILL_API_KEY", backend.api_key)
    out = tmp_path / "support.zip"
    assert main(["bundle", str(out), "--card", "40023817", "--config", str(config)]) == 0
    assert f"Support bundle written to {out}" in capsys.readouterr().out
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        content = {n: zf.read(n).decode("utf-8") for n in names}
    assert {
        "README.txt",
        "versions.json",
        "config.json",
        "devices.json",
        "doctor.json",
        "doctor.txt",
        "logs/till.log",
    } <= names
    versions = json.loads(content["versions.json"])
    for key in ("python", "PySide6", "Qt", "zxing-cpp", "OpenCV (cv2)"):
        assert versions[key], key
    settings = json.loads(content["config.json"])["settings"]
    assert settings["backend"]["url"] == backend.url
    doctor = json.loads(content["doctor.json"])
    by_id = {c["id"]: c["status"] for c in doctor["checks"]}
    assert by_id["api_key"] == "pass" and by_id["customer_active"] == "pass"
    assert isinstance(json.loads(content["devices.json"]), list)
    everything = "\n".join(content.values())
    assert backend.api_key not in everything
    assert BANK_PAN not in everything and "DOE/JOHN" not in everything
    assert "411111******1111" in content["logs/till.log"]
    assert "2468" not in everything
    # the bundle is not overwritten
    assert main(["bundle", str(out), "--config", str(config)]) == 2


def test_scrubbing_removes_secret_keys_and_url_passwords():
    from till.cardtest.bundle import scrubbed_config

    data = scrubbed_config(
        {"backend": {"url": "https://till:hunter2@loyalty.example.com:8443/api", "token": "abc"}}
    )
    assert data["backend"]["url"] == "https://till:***@loyalty.example.com:8443/api"
    assert data["backend"]["token"] == "***"
