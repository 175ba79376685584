"""Receipt claim tokens: a sale's receipt that proves itself, signed by the till offline.

A receipt of a sale without an identified member carries a QR code with a claim token. The
member later claims the receipt's points (``POST /v1/claims/receipt``) without a manager:
the signature proves the receipt was printed by one of the merchant's tills. The till signs
with its own claim key (issued with its API key: ``till-server create-key --claim-key-out``
or ``create-claim-key``), so a till that is offline can still sign.

Format (version 1), documented in docs/receipts.md::

    "LTC." + base64url(body || tag)            (RFC 4648 section 5, no padding)
    body = version (1 byte, 0x01)
           key_id (uint32 big-endian: the claim key, hence the till, that signed)
           issued_at (uint32 big-endian: Unix seconds, UTC)
           amount (uint48 big-endian: the sale's amount in cents)
           store, till, receipt_no (each: 1 length byte + UTF-8 text)
    tag  = HMAC-SHA256(claim key, body) truncated to its first 16 bytes

HMAC is RFC 2104; truncating the output to its leftmost 128 bits is allowed by RFC 2104
section 5 (no less than half the hash length and no less than 80 bits). The tag is compared
in constant time (:func:`hmac.compare_digest`). Standard library only: the till imports this
module to sign, the backend to verify, so there is one codec.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

PREFIX = "LTC."
VERSION = 1
TAG_BYTES = 16
KEY_PREFIX = "ck1"
_HEAD = struct.Struct(">BII6s")
_MAX_CENTS = 2**48 - 1


class TokenError(ValueError):
    """The token is not one of ours: malformed, unknown version, or a bad signature."""


@dataclass(frozen=True)
class ClaimKey:
    """A till's claim key: its id, the till it belongs to, and the secret (never shown).

    Text form ``ck1.<key_id>.<store>.<till>.<secret base64url>``: what ``create-claim-key``
    prints and the till keeps in its keyring, so that it can sign before it has ever reached
    the backend. ``repr``/``str`` never show the secret.
    """

    key_id: int
    store: str
    till: str
    secret: bytes = field(repr=False)

    def __str__(self) -> str:
        return f"claim key {self.key_id} of {self.store}/{self.till}"

    def text(self) -> str:
        secret = base64.urlsafe_b64encode(self.secret).rstrip(b"=").decode("ascii")
        return f"{KEY_PREFIX}.{self.key_id}.{self.store}.{self.till}.{secret}"

    @classmethod
    def parse(cls, text: str) -> ClaimKey:
        parts = text.strip().split(".")
        if len(parts) != 5 or parts[0] != KEY_PREFIX or not parts[1].isdigit():
            raise TokenError("not a claim key (expected ck1.<id>.<store>.<till>.<secret>)")
        secret = _b64decode(parts[4])
        if len(secret) < 16 or not parts[2] or not parts[3]:
            raise TokenError("not a claim key (secret too short or no store/till)")
        return cls(int(parts[1]), parts[2], parts[3], secret)

    @classmethod
    def generate(cls, key_id: int, store: str, till: str) -> ClaimKey:
        return cls(key_id, store, till, secrets.token_bytes(32))


@dataclass(frozen=True)
class Claim:
    """What a token says about its receipt."""

    key_id: int
    store: str
    till: str
    receipt_no: str
    amount: Decimal
    issued_at: datetime


def _b64decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise TokenError("not a claim token (bad base64url)") from None


def _field(text: str) -> bytes:
    raw = text.encode("utf-8")
    if not raw or len(raw) > 255:
        raise ValueError(f"{text!r}: a token field holds 1 to 255 bytes")
    return bytes([len(raw)]) + raw


def _tag(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, body, hashlib.sha256).digest()[:TAG_BYTES]


def sign(key: ClaimKey, receipt_no: str, amount: Decimal, issued_at: datetime) -> str:
    """The token for one receipt, signed with ``key`` (its store and till are the key's)."""
    cents = int((amount * 100).to_integral_value())
    if not 0 < cents <= _MAX_CENTS or amount != Decimal(cents) / 100:
        raise ValueError(f"amount {amount}: must be positive with at most 2 decimals")
    stamp = int(issued_at.astimezone(UTC).timestamp())
    head = _HEAD.pack(VERSION, key.key_id, stamp, cents.to_bytes(6, "big"))
    body = head + _field(key.store) + _field(key.till) + _field(receipt_no)
    encoded = base64.urlsafe_b64encode(body + _tag(key.secret, body)).rstrip(b"=")
    return PREFIX + encoded.decode("ascii")


def _unpack(token: str) -> tuple[bytes, bytes, Claim]:
    if not token.startswith(PREFIX):
        raise TokenError("not a claim token (no LTC. prefix)")
    raw = _b64decode(token[len(PREFIX) :])
    if len(raw) < _HEAD.size + 3 + TAG_BYTES:
        raise TokenError("not a claim token (too short)")
    body, tag = raw[:-TAG_BYTES], raw[-TAG_BYTES:]
    version, key_id, stamp, cents = _HEAD.unpack_from(body)
    if version != VERSION:
        raise TokenError(f"claim token version {version} is not supported")
    texts: list[str] = []
    at = _HEAD.size
    for _ in range(3):
        if at >= len(body):
            raise TokenError("not a claim token (cut short)")
        size = body[at]
        chunk = body[at + 1 : at + 1 + size]
        if size == 0 or len(chunk) != size:
            raise TokenError("not a claim token (cut short)")
        try:
            texts.append(chunk.decode("utf-8"))
        except UnicodeDecodeError:
            raise TokenError("not a claim token (bad text)") from None
        at += 1 + size
    if at != len(body):
        raise TokenError("not a claim token (trailing bytes)")
    amount = Decimal(int.from_bytes(cents, "big")) / 100
    claim = Claim(
        key_id, texts[0], texts[1], texts[2], amount.quantize(Decimal("0.01")),
        datetime.fromtimestamp(stamp, UTC),
    )  # fmt: skip
    return body, tag, claim


def peek(token: str) -> Claim:
    """The token's claim, NOT verified: only to find the key that verifies it."""
    return _unpack(token)[2]


def verify(token: str, secret: bytes) -> Claim:
    """The token's claim when ``secret`` signed it; :class:`TokenError` otherwise."""
    body, tag, claim = _unpack(token)
    if not hmac.compare_digest(tag, _tag(secret, body)):
        raise TokenError("the claim token's signature is not valid")
    return claim


def looks_like_token(text: str) -> bool:
    """A scanned code that is a claim token (cheap: no decoding)."""
    return text.startswith(PREFIX) and len(text) > len(PREFIX) + 40
