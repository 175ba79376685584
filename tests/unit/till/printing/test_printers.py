"""The configured printer's transports with real sockets and files (python-escpos)."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from till.config import PrinterConfig, build_config
from till.errors import ConfigError
from till.printing import printers
from till.printing.printers import PrinterError, PrinterStatus
from till.printing.sample import sample_bytes


class Listener:
    """A raw TCP "port 9100" printer on loopback: keeps what it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.received = bytearray()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            while chunk := conn.recv(65536):
                self.received += chunk
        self.done.set()

    def close(self) -> None:
        self.sock.close()


def test_network_printer_receives_exactly_the_rendered_bytes() -> None:
    listener = Listener()
    try:
        data = sample_bytes(80, False)
        printers.send(PrinterConfig(kind="network", host="127.0.0.1", port=listener.port), data)
        assert listener.done.wait(30)
        assert bytes(listener.received) == data
    finally:
        listener.close()


def test_a_network_printer_that_is_off_is_a_plain_message() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    cfg = PrinterConfig(kind="network", host="127.0.0.1", port=port, timeout_s=2.0)
    with pytest.raises(PrinterError) as err:
        printers.send(cfg, b"\x1b@")
    assert "switched on and plugged in" in str(err.value)
    assert "Traceback" not in str(err.value)


def test_file_printer_writes_the_bytes(tmp_path: Path) -> None:
    out = tmp_path / "lp0"
    data = sample_bytes(58, True)
    printers.send(PrinterConfig(kind="file", path=str(out)), data)
    assert out.read_bytes() == data


def test_an_unplugged_device_file_is_a_plain_message(tmp_path: Path) -> None:
    cfg = PrinterConfig(kind="file", path=str(tmp_path / "gone" / "lp0"))
    with pytest.raises(PrinterError, match="does not answer"):
        printers.send(cfg, b"\x1b@")


def test_a_missing_serial_port_is_a_plain_message() -> None:
    with pytest.raises(PrinterError, match="does not answer"):
        printers.send(PrinterConfig(kind="serial", serial_port="/dev/does-not-exist"), b"\x1b@")


def test_no_printer_configured() -> None:
    with pytest.raises(PrinterError, match="No receipt printer"):
        printers.open_printer(PrinterConfig())


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (PrinterStatus(False, 2), "offline"),
        (PrinterStatus(True, 0), "out of paper"),
        (PrinterStatus(True, 1), ""),
        (PrinterStatus(None, None), ""),
    ],
)
def test_status_words(status: PrinterStatus, words: str) -> None:
    assert (words in status.problem()) if words else status.problem() == ""


def test_printer_section_in_the_configuration() -> None:
    cfg = build_config(
        {"printer": {"kind": "network", "host": "10.0.0.9", "paper_mm": 58}},
        {"TILL_PRINTER_PORT": "9101"},
    )
    assert (cfg.printer.kind, cfg.printer.host, cfg.printer.port, cfg.printer.paper_mm) == (
        "network",
        "10.0.0.9",
        9101,
        58,
    )
    with pytest.raises(ConfigError, match=r"printer\.paper_mm"):
        build_config({"printer": {"paper_mm": 60}}, {})
    with pytest.raises(ConfigError, match=r"printer\.kind"):
        build_config({"printer": {"kind": "bluetooth"}}, {})


def test_settings_save_the_printer_section_and_keep_the_rest(tmp_path: Path) -> None:
    from till.config import load_config
    from till.printing.printer_settings import save_printer

    path = tmp_path / "till.toml"
    path.write_text('[backend]\nurl = "https://loyalty.example"\n')
    save_printer(path, PrinterConfig(kind="serial", serial_port="/dev/ttyS1", paper_mm=58))
    config, used = load_config(path, {})
    assert used == path and config.backend.url == "https://loyalty.example"
    assert (config.printer.kind, config.printer.serial_port, config.printer.paper_mm) == (
        "serial",
        "/dev/ttyS1",
        58,
    )
    assert "port = 9100" not in path.read_text()  # defaults are not pinned in the file
