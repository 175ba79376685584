"""Receipts at the till (issue 17): Ctrl+P to an ESC/POS printer, reprint, a printer that is
off, and the receipt's claim QR claimed later by the member at the till.

Real parts throughout: the demo backend over HTTP, a claim key issued by ``till-server
create-claim-key`` and handed over as a systemd credential, a "port 9100" printer that is a
real TCP listener on loopback, the cashier's keys.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from server.claim_tokens import ClaimKey, verify
from tests.fixtures.till import Till, TillFactory
from till.config import Config, build_config
from till.core.sale import SaleState

BOB = "+447700900456"
CLAIM_TILL = ("--store", "DEMO", "--till", "T1")
QR_DATA = re.compile(rb"\x1d\(k..1P0(LTC\.[A-Za-z0-9_\-]+)", re.DOTALL)


class PrinterPort:
    """A network receipt printer: accepts connections on loopback, keeps each job's bytes."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.jobs: list[bytes] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                data = bytearray()
                while chunk := conn.recv(65536):
                    data += chunk
            with self.lock:
                self.jobs.append(bytes(data))

    def count(self) -> int:
        with self.lock:
            return len(self.jobs)


@pytest.fixture
def printer() -> Any:
    port = PrinterPort()
    yield port
    port.sock.close()


@pytest.fixture
def claim_key(backend: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ClaimKey:
    made = subprocess.run(
        [sys.executable, "-m", "server", "create-claim-key", "--db", backend.db_url, *CLAIM_TILL],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    creds = tmp_path / "credentials"
    creds.mkdir()
    (creds / "till-claim-key").write_text(made.stdout)
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(creds))
    return ClaimKey.parse(made.stdout)


def config(port: int, paper: int = 80) -> Config:
    raw = {
        "backend": {"health_interval_s": 0.3, "timeout_s": 3.0},
        "printer": {"kind": "network", "host": "127.0.0.1", "port": port, "paper_mm": paper},
    }
    return build_config(raw, {})


def sell(till: Till, amount: str) -> None:
    till.add_line(amount)
    till.window.tender("cash")
    till.window.complete()
    till.wait_state(SaleState.COMPLETED)


def ctrl_p(till: Till, shift: bool = False) -> None:
    mods = Qt.KeyboardModifier.ControlModifier
    if shift:
        mods |= Qt.KeyboardModifier.ShiftModifier
    till.qtbot.keyClick(till.window, Qt.Key.Key_P, mods)  # type: ignore[no-untyped-call]


def test_ctrl_p_prints_the_claim_qr_which_the_member_claims_once(
    till_factory: TillFactory, backend: Any, printer: PrinterPort, claim_key: ClaimKey
) -> None:
    till = till_factory(backend, config=config(printer.port))
    hook = till.window.receipts
    till.qtbot.waitUntil(lambda: hook.service.claim_key is not None)
    sell(till, "12.50")  # no member
    ctrl_p(till)
    till.qtbot.waitUntil(lambda: printer.count() == 1, timeout=15_000)
    till.wait_banner("printed")
    job = printer.jobs[0]
    assert job.startswith(b"\x1b@") and b"\x1dkI" in job
    found = QR_DATA.search(job)
    assert found is not None
    token = found.group(1).decode()
    claim = verify(token, claim_key.secret)
    assert claim.receipt_no == till.sale.receipt_no and str(claim.amount) == "12.50"

    # Reprint: the same receipt, marked as a copy.
    ctrl_p(till, shift=True)
    till.qtbot.waitUntil(lambda: printer.count() == 2, timeout=15_000)
    assert b"*** COPY ***" in printer.jobs[1] and token.encode() in printer.jobs[1]

    # Later: the member is identified, then the receipt's QR is scanned.
    till.window.new_sale()
    till.phone(BOB)
    till.wait_member("Bob Sample")
    before = till.ctx.client.lookup(phone=BOB).balance
    till.scan(token, symbology_id="]Q1", fmt="QRCode")
    till.wait_banner("points added", timeout=15_000)
    assert till.ctx.client.lookup(phone=BOB).balance == before + 12
    till.scan(token, symbology_id="]Q1", fmt="QRCode")
    till.wait_banner("already given", timeout=15_000)
    assert till.ctx.client.lookup(phone=BOB).balance == before + 12
    assert till.ctx.journal.stats().review == 0


def test_a_claim_scanned_offline_is_replayed_once(
    till_factory: TillFactory, backend: Any, printer: PrinterPort, claim_key: ClaimKey
) -> None:
    till = till_factory(backend, config=config(printer.port, paper=58))
    hook = till.window.receipts
    till.qtbot.waitUntil(lambda: hook.service.claim_key is not None)
    sell(till, "7.00")
    last = hook.service.last
    assert last is not None and last.claim_token is not None
    token = last.claim_token
    till.window.new_sale()
    till.phone(BOB)
    till.wait_member("Bob Sample")
    before = till.ctx.client.lookup(phone=BOB).balance
    backend.stop()
    till.wait_online(False)
    till.scan(token, symbology_id="]Q1", fmt="QRCode")
    till.wait_banner("when the loyalty server is back", timeout=15_000)
    backend.start()
    till.wait_online(True)
    till.qtbot.waitUntil(
        lambda: till.window.pending_label.text() == "Pending operations: 0", timeout=20_000
    )
    assert till.ctx.client.lookup(phone=BOB).balance == before + 7
    assert till.ctx.journal.stats().review == 0


def test_a_printer_that_is_off_never_blocks_the_sale(
    till_factory: TillFactory, backend: Any
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once closed
    till = till_factory(backend, config=config(port))
    sell(till, "4.00")
    ctrl_p(till)
    till.wait_banner("does not answer", timeout=15_000)
    assert "switched on" in till.window.banner.text()
    # The cashier goes on at once: the next sale rings up as usual.
    till.window.new_sale()
    sell(till, "3.00")
    assert till.sale.state == SaleState.COMPLETED
