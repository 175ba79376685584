"""The claim token codec (server/claim_tokens.py) and where the till keeps its claim key."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from server.claim_tokens import ClaimKey, TokenError, looks_like_token, peek, sign, verify
from till.core.sale import Line, Member, Sale, SaleState, Tender
from till.errors import SecretError
from till.printing.claim_key import claim_token_for, load_claim_key, store_claim_key

KEY = ClaimKey(42, "S01", "T7", bytes(range(32)))
AT = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_round_trip() -> None:
    token = sign(KEY, "T7-20261201120000-ABC123", Decimal("12.50"), AT)
    assert looks_like_token(token) and len(token) < 120
    claim = verify(token, KEY.secret)
    assert (claim.key_id, claim.store, claim.till) == (42, "S01", "T7")
    assert (claim.receipt_no, claim.amount, claim.issued_at) == (
        "T7-20261201120000-ABC123",
        Decimal("12.50"),
        AT,
    )
    assert peek(token) == claim


def test_every_altered_character_is_refused() -> None:
    token = sign(KEY, "R-1001", Decimal("9.99"), AT)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for i in range(len("LTC."), len(token)):
        other = alphabet[(alphabet.index(token[i]) + 1) % 64]
        altered = token[:i] + other + token[i + 1 :]
        if altered == token:
            continue
        with pytest.raises(TokenError):
            verify(altered, KEY.secret)


@pytest.mark.parametrize(
    "bad", ["", "LTC.", "LTC.!!!!", "XYZ." + "A" * 80, "LTC." + "A" * 10, "LTC." + "A" * 90]
)
def test_malformed_tokens(bad: str) -> None:
    with pytest.raises(TokenError):
        verify(bad, KEY.secret)


def test_another_key_does_not_verify() -> None:
    token = sign(KEY, "R-1", Decimal("1.00"), AT)
    with pytest.raises(TokenError, match="signature"):
        verify(token, replace(KEY, secret=b"\x00" * 32).secret)


@pytest.mark.parametrize("amount", ["0", "-1.00", "1.001"])
def test_amounts_that_cannot_be_signed(amount: str) -> None:
    with pytest.raises(ValueError):
        sign(KEY, "R-1", Decimal(amount), AT)


def test_key_text_round_trip_and_never_shown() -> None:
    text = KEY.text()
    assert ClaimKey.parse(text) == KEY
    assert KEY.secret.hex() not in repr(KEY) and KEY.secret.hex() not in str(KEY)
    with pytest.raises(TokenError):
        ClaimKey.parse("ck1.x.S01.T7.AAAA")


def completed_sale(member: bool = False) -> Sale:
    sale = Sale(
        receipt_no="T7-1",
        completed_at="2026-12-01T12:00:00Z",
        state=SaleState.COMPLETED,
        lines=[Line("Item", Decimal("5.00"))],
        tenders=[Tender("cash", Decimal("5.00"))],
    )
    if member:
        sale.member = Member("1", "A B", "+447700900123", "active", 10)
    return sale


def test_only_completed_sales_without_a_member_get_a_token() -> None:
    token = claim_token_for(completed_sale(), KEY)
    assert token is not None and verify(token, KEY.secret).amount == Decimal("5.00")
    assert claim_token_for(completed_sale(member=True), KEY) is None
    assert claim_token_for(completed_sale(), None) is None
    voided = completed_sale()
    voided.state = SaleState.VOIDED
    assert claim_token_for(voided, KEY) is None


def test_the_key_from_a_systemd_credential(tmp_path: Path) -> None:
    (tmp_path / "till-claim-key").write_text(KEY.text() + "\n")
    assert load_claim_key("svc", environ={"CREDENTIALS_DIRECTORY": str(tmp_path)}) == KEY


class _Keyring:
    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], str] = {}

    def get_keyring(self) -> Any:
        return SimpleNamespace()  # an ordinary (not plaintext, not failing) backend

    def get_password(self, service: str, user: str) -> str | None:
        return self.stored.get((service, user))

    def set_password(self, service: str, user: str, value: str) -> None:
        self.stored[(service, user)] = value


def test_the_key_in_the_keyring_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    kr = _Keyring()
    caplog.set_level(logging.DEBUG)
    assert load_claim_key("svc", environ={}, keyring_module=kr) is None  # type: ignore[arg-type]
    store_claim_key(KEY.text(), "svc", keyring_module=kr)  # type: ignore[arg-type]
    assert load_claim_key("svc", environ={}, keyring_module=kr) == KEY  # type: ignore[arg-type]
    with pytest.raises(SecretError):
        store_claim_key("not a key", "svc", keyring_module=kr)  # type: ignore[arg-type]
    assert KEY.text().split(".")[-1] not in caplog.text
