"""The card test bench, end to end: fake reader -> device hub -> router -> bench window,
against the real backend on loopback."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from devices.decoder import make_decoder
from devices.discovery import FoundDevice
from devices.fakes import FakeReader
from till.config import build_config
from till.techbench.standalone import close_bench, open_bench

ALICE = "40023817"
ERIN = "63018452"  # inactive customer
BANK_PAN = "4111111111111111"


@pytest.fixture(scope="module")
def shared_backend(module_backend_factory):
    """One server for the tests that only read from it (keeps the suite in budget)."""
    return module_backend_factory(otp_ttl=600)


def _open(qtbot, backend, tmp_path):
    reader = FakeReader("bench", source="wedge:test")
    config = build_config(
        {"backend": {"timeout_s": 3.0}, "journal": {"path": str(tmp_path / "journal.sqlite3")}},
        {},
    )
    ctx, window = open_bench(
        config,
        base_url=backend.url,
        api_key=backend.api_key,
        data_dir=tmp_path / "bench",
        journal_path=tmp_path / "journal.sqlite3",
        readers=[reader],
    )
    qtbot.addWidget(window)
    window.show()
    window.reader = reader
    return ctx, window


@pytest.fixture
def bench(qtbot, shared_backend, tmp_path):
    ctx, window = _open(qtbot, shared_backend, tmp_path)
    yield window
    close_bench(ctx, window)


@pytest.fixture
def own_bench(qtbot, backend, tmp_path):
    """A bench over a backend of its own (the test stops it)."""
    ctx, window = _open(qtbot, backend, tmp_path)
    yield window
    close_bench(ctx, window)


def swipe(qtbot, window, text: str) -> None:
    before = window.reads
    window.reader.push_from_thread(text).join()
    qtbot.waitUntil(lambda: window.reads == before + 1)


def scan(qtbot, window, text: str, fmt: str = "Code128", aim: str = "]C0") -> None:
    before = window.reads
    window.reader.push_from_thread(text, symbology_id=aim, format=fmt).join()
    qtbot.waitUntil(lambda: window.reads == before + 1)


def test_live_view_shows_raw_characters_tracks_number_and_checks(qtbot, bench):
    swipe(qtbot, bench, f"%{ALICE}?;{ALICE}?\r\n")
    live = bench.live
    assert live.raw_edit.text() == f"%{ALICE}?;{ALICE}?<CR><LF>"
    assert live.kind_label.text() == "loyalty card"
    assert live.number_label.text() == ALICE
    tracks = live.track_statuses()
    assert tracks[1][0].startswith("read") and tracks[1][1] == ALICE
    assert tracks[2][0].startswith("read") and tracks[2][1] == ALICE
    assert tracks[3] == ("absent", "")
    checks = live.check_results()
    assert {"min_length", "track_placement", "tracks_agree", "luhn"} <= set(checks)
    assert checks["min_length"][0] == "pass"
    assert checks["track_placement"][0] == "pass"


def test_alphanumeric_on_track_two_is_flagged_with_the_technician_sentence(qtbot, bench):
    swipe(qtbot, bench, "%LC7Q2M9X?;LC7Q2M9X?\r")
    result, message = bench.live.check_results()["track_placement"]
    assert result.lower().startswith("fail")
    assert message == (
        "Alphanumeric reference found on track 2: it can only be encoded on tracks 1 and 3."
    )
    assert bench.live.track_statuses()[2][0].startswith("error")


def test_bank_card_is_shown_masked_only(qtbot, bench):
    swipe(qtbot, bench, f"%B{BANK_PAN}^DOE/JOHN^2812101?;{BANK_PAN}=2812101?\r")
    live = bench.live
    shown = " ".join(
        [live.raw_edit.text(), live.number_label.text(), *map(str, live.track_statuses().values())]
    )
    assert BANK_PAN not in shown and "DOE/JOHN" not in shown
    assert live.kind_label.text().startswith("bank card")
    assert live.number_label.text() == "411111******1111"
    assert bench.barcode.reference_edit.text() == ""  # never offered for printing


# AAMVA DL/ID card: track 1 "%" + state + city ^ name ^ address ^ "?", track 2 ";636…=…?".
LICENCE_NO = "6360141234567890"
LICENCE = f"%CAANYTOWN^DOE$JOHN$Q^123 MAIN ST^?;{LICENCE_NO}=2412198001010?\r"


def test_driving_licence_is_never_shown_on_the_bench(qtbot, bench):
    swipe(qtbot, bench, LICENCE)
    live = bench.live
    shown = " ".join(
        [live.raw_edit.text(), live.number_label.text(), *map(str, live.track_statuses().values())]
    )
    assert LICENCE_NO not in shown and "DOE$JOHN" not in shown and "MAIN ST" not in shown


def test_unrecognised_read_holding_a_card_number_is_masked(qtbot, bench):
    swipe(qtbot, bench, f"xx%B{BANK_PAN}^DOE/JOHN^2812101\r")
    assert BANK_PAN not in bench.live.raw_edit.text()
    assert "DOE/JOHN" not in bench.live.raw_edit.text()


def test_sample_session_reports_per_track_consistency(qtbot, bench):
    bench.sample.target_spin.setValue(10)
    bench.sample.start_button.click()
    for text in [f"%{ALICE}?;{ALICE}?\r"] * 8 + [f"%{ALICE}?;E?\r", f"%{ALICE}?\r"]:
        swipe(qtbot, bench, text)
    summary = bench.sample.summary_edit.toPlainText()
    assert "Track 2 failed 2 of 10 swipes." in summary
    assert f"All 10 swipes gave the same card number {ALICE}." in summary
    assert bench.sample.verdict_label.text() == "The sample does NOT read reliably."
    assert bench.sample.progress_label.text() == "10 of 10 swipes"
    # the next swipe starts a fresh session
    swipe(qtbot, bench, f"%{ALICE}?;{ALICE}?\r")
    assert bench.sample.progress_label.text() == "1 of 10 swipes"


def test_barcode_backup_generates_printable_codes_and_compares_scans(qtbot, bench, tmp_path):
    swipe(qtbot, bench, f"%{ALICE}?;{ALICE}?\r")
    panel = bench.barcode
    assert panel.reference_edit.text() == ALICE
    panel.dir_edit.setText(str(tmp_path / "print"))
    panel.generate_button.click()
    qtbot.waitUntil(lambda: "Print at 100 %" in panel.files_label.text())
    png = tmp_path / "print" / f"{ALICE}.png"
    assert (tmp_path / "print" / f"{ALICE}.svg").exists()
    assert not panel.preview.pixmap().isNull()
    gray = np.asarray(Image.open(io.BytesIO(png.read_bytes())).convert("L"))
    assert {c.text for c in make_decoder("zxing").decode(gray)} == {ALICE}
    scan(qtbot, bench, ALICE)
    assert panel.result_label.text() == (
        f"Barcode (Code128) and magstripe carry the same reference {ALICE}."
    )
    scan(qtbot, bench, "40023818", fmt="QRCode", aim="]Q1")
    assert panel.last_verdict.same is False
    assert f"magstripe {ALICE}, barcode (QRCode) 40023818" in panel.result_label.text()


def _device(status: str, message: str) -> FoundDevice:
    return FoundDevice(
        kind="input",
        path="/dev/input/by-id/usb-MagTek-event-kbd",
        node="/dev/input/event3",
        name="MagTek reader",
        usb_id="0801:0002",
        status=status,
        message=message,
        keyboard=True,
    )


def run_diagnostics(qtbot, bench):
    panel = bench.diagnostics
    with qtbot.waitSignal(panel.finished, timeout=20_000) as blocker:
        panel.run_button.click()
    report = blocker.args[0]
    rows = {
        panel.table.item(r, 1).text(): panel.table.item(r, 0).text()
        for r in range(panel.table.rowCount())
    }
    return report, rows


def test_diagnostics_with_an_inactive_customer_and_a_reader_without_permission(qtbot, bench):
    swipe(qtbot, bench, f"%{ERIN}?;{ERIN}?\r")
    assert bench.diagnostics.card_edit.text() == ERIN
    bench.diagnostics.discover = lambda: [
        _device("no-permission", "cannot open /dev/input/event3: add ... 'input' group")
    ]
    report, rows = run_diagnostics(qtbot, bench)
    assert rows["Loyalty backend up"] == "PASS"
    assert rows["API key enabled"] == "PASS"
    assert rows["Card known to the backend"] == "PASS"
    assert rows["Customer active"] == "FAIL"
    assert rows["Readers, scanners and cameras"] == "FAIL"
    assert "'input' group" in report.get("devices").next_step
    assert "check(s) failed" in bench.diagnostics.summary_label.text()


def test_support_bundle_from_the_diagnostics_tab(qtbot, bench):
    import json
    import zipfile

    bench.diagnostics.discover = lambda: [_device("ok", "opens")]
    bench.diagnostics.bundle_button.click()
    qtbot.waitUntil(lambda: bench.diagnostics.bundle_path is not None, timeout=20_000)
    assert "Support bundle written to" in bench.diagnostics.bundle_label.text()
    with zipfile.ZipFile(bench.diagnostics.bundle_path) as zf:
        doctor = json.loads(zf.read("doctor.json"))
        devices = json.loads(zf.read("devices.json"))
    assert {c["id"] for c in doctor["checks"]} >= {"backend_health", "api_key", "devices"}
    assert devices[0]["name"] == "MagTek reader"


def test_diagnostics_with_the_backend_down(qtbot, own_bench, backend):
    bench = own_bench
    backend.stop()
    bench.diagnostics.discover = lambda: [_device("ok", "opens")]
    report, rows = run_diagnostics(qtbot, bench)
    assert rows["Loyalty backend up"] == "FAIL"
    assert rows["API key enabled"] == "SKIP"
    assert rows["Readers, scanners and cameras"] == "PASS"
    assert not report.ok


def test_unplugged_and_replugged_reader_status_reaches_the_bench(qtbot, bench):
    bench.reader.unplug()
    qtbot.waitUntil(lambda: "reader unplugged" in bench.status_label.text())
    bench.reader.replug()
    qtbot.waitUntil(lambda: "reader back" in bench.status_label.text())


def test_the_till_opens_the_bench_on_its_own_context(qtbot, till_factory, shared_backend):
    till = till_factory(shared_backend)
    window = till.window.open_staff_window("till.techbench", "TechnicianWindow")
    assert window is not None
    qtbot.addWidget(window)
    assert not window.unlocked  # behind the manager PIN gate
    till.swipe(f"%{ALICE}?;{ALICE}?\r")
    till.wait_member("Alice Demo")  # the cashier's window took it; the locked bench did not
    assert window.reads == 0
    window.login.name_edit.setText(shared_backend.manager[0])
    window.login.pin_edit.setText(shared_backend.manager[1])
    window.login.unlock_button.click()
    qtbot.waitUntil(lambda: window.unlocked, timeout=10_000)
    assert window.stack.currentWidget() is window.tabs
    assert window.signed_in_as == shared_backend.manager[0]
    till.window.remove_member()
    till.qtbot.waitUntil(lambda: till.window.member_panel.name_label.text() != "Alice Demo")
    till.swipe(f"%{ALICE}?;{ALICE}?\r")
    qtbot.waitUntil(lambda: window.reads == 1)
    assert window.live.number_label.text() == ALICE
    # the till's raw-read signal gives the bench exactly what the reader sent
    assert window.live.raw_edit.text() == f"%{ALICE}?;{ALICE}?<CR>"
    # ... and the cashier's window left the sample swipe alone
    till.wait_banner("card test bench is open")
    assert till.window.member_panel.name_label.text() != "Alice Demo"
    window.close()
