"""``till-cardtest listen --serial`` as a subprocess on a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BANK_PAN = "4111111111111111"
BANK_SWIPE = f"%B{BANK_PAN}^DOE/JOHN^25121010000000000000?;{BANK_PAN}=25121010000000000000?"


@pytest.fixture
def pty_link(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    master, slave = os.openpty()
    link = tmp_path / "usb-Datalogic_QuickScan-if00"
    link.symlink_to(os.ttyname(slave))
    os.close(slave)
    yield master, link
    os.close(master)


def listen(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TILL_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no developer config
    env["PYTHONUNBUFFERED"] = "1"
    return subprocess.Popen(
        [sys.executable, "-m", "till.cardtest.cli", "listen", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_listening(proc: subprocess.Popen[str]) -> list[str]:
    assert proc.stderr is not None
    lines = []
    while True:
        line = proc.stderr.readline()
        assert line, f"listen exited early: {lines}"
        lines.append(line)
        if line.startswith("Listening on"):
            return lines


def test_json_reads_masking_and_ctrl_c(pty_link: tuple[int, Path], tmp_path: Path) -> None:
    master, link = pty_link
    proc = listen(tmp_path, "--serial", str(link), "--json")
    try:
        assert any("reader connected" in s for s in wait_listening(proc))
        os.write(master, f"LOYALTY:12345678\r{BANK_SWIPE}\r4006381333931\r;1234".encode())
        assert proc.stdout is not None
        member, bank, product, partial = (json.loads(proc.stdout.readline()) for _ in range(4))
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "Stopped after 4 read(s)." in err

    assert member["source"] == f"serial:{link}"
    assert member["hex"] == b"LOYALTY:12345678".hex(" ")
    assert (member["kind"], member["value"], member["masked"]) == ("member_qr", "12345678", False)

    assert bank["masked"] is True and bank["card_kind"] == "bank"
    everything = json.dumps([member, bank, product, partial]) + out + err
    assert BANK_PAN not in everything
    assert BANK_PAN.encode().hex(" ") not in everything
    assert "DOE/JOHN" not in everything

    assert product["kind"] == "product_barcode"
    assert partial["text"] == ";1234"
    assert partial["error"].startswith("incomplete read")


def test_text_output_stops_after_count(pty_link: tuple[int, Path], tmp_path: Path) -> None:
    master, link = pty_link
    proc = listen(tmp_path, "--serial", str(link), "--count", "1", "--terminator", "lf")
    try:
        wait_listening(proc)
        os.write(master, b"\x02LOYALTY:87654321\n")
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "  hex:   02 4c 4f 59" in out
    assert "  text:  \\x02LOYALTY:87654321" in out
    assert "Stopped after 1 read(s)." in err


def test_a_missing_reader_option_is_a_usage_error(tmp_path: Path) -> None:
    proc = listen(tmp_path)
    _out, err = proc.communicate(timeout=20)
    assert proc.returncode == 2
    assert "--device" in err
