from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.cardnumber import luhn_check_digit
from till.logs import redact, setup_logging

VISA = "4111111111111111"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Bearer tk_live_abcdef123456", "tk_live_abcdef123456"),
        ('{"otp": "482913", "customer_id": "c1"}', "482913"),
        ("otp=482913", "482913"),
        ("staff pin=4321 approved", "4321"),
        ('{"pin": "9876"}', "9876"),
        ("api_key=sk-ABCDEF0123456789", "sk-ABCDEF0123456789"),
        ("your OTP code is 123456", "123456"),
        (f"card {VISA} declined", VISA),
        ("card 4111 1111 1111 1111 declined", "4111 1111 1111 1111"),
        (f"%B{VISA}^DOE/JOHN^25121010000000000000?", "DOE/JOHN"),
        (f";{VISA}=25121010000000000000?", "25121010000000000000"),
        # ISO/IEC 7813 allows 12-digit PANs: the track's format says it is a bank card.
        ("%B455600000000^NAME/CARD^2512101?", "455600000000"),
        ("%B455600000000^NAME/CARD^2512101?", "NAME/CARD"),
        (";455600000000=2512101?", "455600000000"),
    ],
)
def test_secrets_are_masked(text: str, secret: str) -> None:
    assert secret not in redact(text)


def test_pan_keeps_first_six_and_last_four() -> None:
    assert "411111******1111" in redact(f"pan {VISA}")


def test_loyalty_numbers_that_are_not_pans_stay_readable() -> None:
    # 8-12 digit loyalty references and non-Luhn 16-digit numbers are not card numbers.
    assert "12345678" in redact("card 12345678 not found")
    assert "4111111111111112" in redact("ref 4111111111111112")


@given(st.text(alphabet="0123456789", min_size=12, max_size=18))
def test_any_luhn_valid_pan_is_masked(body: str) -> None:
    pan = body + luhn_check_digit(body)
    assert pan not in redact(f"swipe {pan} rejected")


def test_log_file_is_redacted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log_file = setup_logging(tmp_path, "INFO")
    logging.getLogger("t").warning("redeem with otp=%s for card %s", "123456", VISA)
    track = "%B" + VISA + "^DOE/" + "JOHN^2512?"  # not contiguous in this source line
    try:
        raise ValueError(f"bad track {track}")
    except ValueError:
        logging.getLogger("t").exception("swipe failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = log_file.read_text()
    err = capsys.readouterr().err
    for out in (content, err):
        assert "123456" not in out
        assert VISA not in out
        assert "DOE/JOHN" not in out
        assert "411111******1111" in out
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_till_handler", False):
            root.removeHandler(handler)
            handler.close()
