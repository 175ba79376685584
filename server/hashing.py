"""Secrets at rest: staff PINs, till API keys and OTP codes are stored only as hashes.

- PINs are short and guessable, so they get a slow, salted KDF (scrypt, OWASP Password
  Storage Cheat Sheet) and the online attempt limit in ``approval.py``.
- API keys are 256-bit random tokens: a plain SHA-256 is enough (no dictionary to try), and
  it lets the key be looked up by its hash.
- OTP codes live for minutes and allow 5 guesses (NIST SP 800-63B 5.1.3 / 5.2.2): a salted
  HMAC-SHA-256 keeps them out of a database dump in clear; comparisons are constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        _, n, r, p, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.scrypt(
            pin.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p)
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


def new_api_key() -> str:
    return "tk_" + secrets.token_urlsafe(32)


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_otp_code() -> str:
    """Six digits from the OS CSPRNG (``secrets``), never ``random``."""
    return f"{secrets.randbelow(10**6):06d}"


def new_salt() -> str:
    return secrets.token_hex(16)


def hash_otp(code: str, salt: str) -> str:
    return hmac.new(bytes.fromhex(salt), code.encode(), hashlib.sha256).hexdigest()


def otp_matches(code: str, salt: str, stored: str) -> bool:
    return hmac.compare_digest(hash_otp(code, salt), stored)
