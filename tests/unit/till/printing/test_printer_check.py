"""The doctor's printer check against a real TCP "printer" that answers ``DLE EOT``."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from till.cardtest.check_result import FAIL, PASS, SKIP, WARN
from till.config import PrinterConfig
from till.printing.printer_check import check_printer


class StatusPrinter:
    """Answers ``DLE EOT 1`` with ``online`` and ``DLE EOT 4`` with ``paper`` (one byte each)."""

    def __init__(self, online: int, paper: int) -> None:
        self.answers = {b"\x10\x04\x01": bytes([online]), b"\x10\x04\x04": bytes([paper])}
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            while (asked := conn.recv(3)) and len(asked) == 3:
                conn.sendall(self.answers.get(asked, b"\x00"))


@pytest.fixture
def make_printer() -> Iterator[object]:
    made: list[StatusPrinter] = []

    def make(online: int, paper: int) -> PrinterConfig:
        p = StatusPrinter(online, paper)
        made.append(p)
        return PrinterConfig(kind="network", host="127.0.0.1", port=p.port, timeout_s=5.0)

    yield make
    for p in made:
        p.sock.close()


def test_no_printer_configured_is_skipped() -> None:
    assert check_printer(PrinterConfig()).status == SKIP


@pytest.mark.parametrize(
    ("online", "paper", "status", "words"),
    [
        (0x12, 0x12, PASS, "online and has paper"),
        (0x12 | 0x08, 0x12, FAIL, "offline"),
        (0x12, 0x72, FAIL, "out of paper"),
        (0x12, 0x1E, WARN, "nearly at its end"),
    ],
)
def test_status_of_a_network_printer(
    make_printer: object, online: int, paper: int, status: str, words: str
) -> None:
    result = check_printer(make_printer(online, paper))  # type: ignore[operator]
    assert result.status == status, result
    assert words in result.detail


def test_a_printer_that_is_not_there_fails_with_a_next_step() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = check_printer(PrinterConfig(kind="network", host="127.0.0.1", port=port))
    assert result.status == FAIL
    assert "switched on" in result.detail and "cable" in result.next_step
