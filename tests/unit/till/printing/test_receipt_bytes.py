"""Golden files: the exact ESC/POS bytes python-escpos's ``Dummy`` printer receives.

Regenerate after a deliberate layout change with
``REGENERATE_RECEIPTS=1 .venv/bin/python -m pytest tests/unit/till/printing/test_receipt_bytes.py``
and look at the diff of ``tests/data/receipts/*.txt`` (the same receipts as text) first.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from server import claim_tokens
from till.printing.escpos_doc import CODE128_COMMAND, ESC_INIT, QR_COMMAND, code128_data
from till.printing.sample import SAMPLE_KEY, sample_bytes, sample_receipt

DATA = Path(__file__).resolve().parents[3] / "data" / "receipts"
REGENERATE = os.environ.get("REGENERATE_RECEIPTS") == "1"
CASES = [(58, False), (80, False), (58, True), (80, True)]


def name(paper: int, member: bool) -> str:
    return f"sample_{paper}mm_{'member' if member else 'claim'}"


@pytest.mark.parametrize(("paper", "member"), CASES)
def test_bytes_equal_the_golden_file(paper: int, member: bool) -> None:
    data = sample_bytes(paper, member)
    golden = DATA / f"{name(paper, member)}.bin"
    if REGENERATE:
        DATA.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
        golden.with_suffix(".txt").write_text(sample_receipt(paper, member).plain_text())
    assert golden.exists(), f"{golden} is missing: run with REGENERATE_RECEIPTS=1"
    assert data == golden.read_bytes()


@pytest.mark.parametrize(("paper", "member"), CASES)
def test_commands_init_barcode_qr_cut(paper: int, member: bool) -> None:
    data = sample_bytes(paper, member)
    assert data.startswith(ESC_INIT)
    barcode = CODE128_COMMAND + bytes([len(code128_data("T1-20261201120000-SAMPLE"))])
    assert barcode + code128_data("T1-20261201120000-SAMPLE") in data
    assert (QR_COMMAND in data) is not member  # the claim QR only without a member
    assert data.endswith(b"\x1dV\x00")  # GS V 0: full cut (after the feed)


def test_the_qr_holds_a_token_the_sample_key_verifies() -> None:
    data = sample_bytes(80, False)
    found = re.search(rb"\x1d\(k..1P0(LTC\.[A-Za-z0-9_\-]+)", data, re.DOTALL)
    assert found is not None
    claim = claim_tokens.verify(found.group(1).decode(), SAMPLE_KEY.secret)
    assert claim.receipt_no == "T1-20261201120000-SAMPLE"
    assert str(claim.amount) == "11.00" and (claim.store, claim.till) == ("DEMO", "T1")


@pytest.mark.parametrize(("paper", "columns"), [(58, 32), (80, 48)])
def test_no_line_is_wider_than_the_paper(paper: int, columns: int) -> None:
    for member in (False, True):
        text = sample_receipt(paper, member).plain_text()
        assert max(len(line) for line in text.splitlines()) <= columns
        assert "TOTAL" in text and "EUR 11.00" in text


def test_the_member_receipt_names_points_campaigns_and_expiry() -> None:
    text = sample_receipt(80, True).plain_text()
    for expected in (
        "Points redeemed",
        "Points earned",
        "Double points on fresh",
        "1154 points",
        "120 pt on 2027-03-01",
    ):
        assert expected in text
    assert "Collect" not in text


def _decode_code128(data: bytes) -> str:
    out, mode, i = [], "B", 2
    while i < len(data):
        if data[i : i + 1] == b"{":
            mode = chr(data[i + 1])
            i += 2
        elif mode == "C":
            out.append(f"{data[i]:02d}")
            i += 1
        else:
            out.append(chr(data[i]))
            i += 1
    return "".join(out)


@pytest.mark.parametrize("text", ["T1-20261201120000-SAMPLE", "R-1001", "12345", "A1234567B", "9"])
def test_code128_data_reads_back_as_the_receipt_number(text: str) -> None:
    data = code128_data(text)
    assert data.startswith(b"{B")
    assert _decode_code128(data) == text
