"""Secrets at rest: staff PINs, till API keys and OTP codes are stored only as hashes.

- PINs are short and guessable, so they get a slow, salted KDF (scrypt, OWASP Password
  Storage Cheat Sheet) over an HMAC of the PIN keyed with the server pepper
  (``server.pepper``, kept out of the database), and the online rate limit in
  ``approval.py``. Hashes of the older, unpeppered form (``scrypt$...``) still verify and
  are replaced by the peppered form (``scrypt-p$...``) at the first right PIN.
- API keys are 256-bit random tokens: a plain SHA-256 is enough (no dictionary to try), and
  it lets the key be looked up by its hash.
- OTP codes live for minutes and allow 5 guesses (NIST SP 800-63B 5.1.3 / 5.2.2): an
  HMAC-SHA-256 keyed with the pepper over the row's salt and the code, so the million
  possible codes cannot be tried against a copy of the database alone. Comparisons are
  constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1


_PEPPERED = "scrypt-p"
_LEGACY = "scrypt"


def _peppered(pin: str, pepper: bytes) -> bytes:
    return hmac.new(pepper, pin.encode(), hashlib.sha256).digest()


def hash_pin(pin: str, pepper: bytes) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        _peppered(pin, pepper), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P
    )
    return f"{_PEPPERED}${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str, pepper: bytes) -> bool:
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        secret = _peppered(pin, pepper) if scheme == _PEPPERED else pin.encode()
        if scheme not in (_PEPPERED, _LEGACY):
            return False
        digest = hashlib.scrypt(secret, salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


def pin_needs_rehash(stored: str) -> bool:
    """True for a hash of the older, unpeppered form: rehash it once the PIN is known."""
    return not stored.startswith(_PEPPERED + "$")


def new_api_key() -> str:
    return "tk_" + secrets.token_urlsafe(32)


def hash_api_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_otp_code() -> str:
    """Six digits from the OS CSPRNG (``secrets``), never ``random``."""
    return f"{secrets.randbelow(10**6):06d}"


def new_salt() -> str:
    return secrets.token_hex(16)


def hash_otp(code: str, salt: str, pepper: bytes) -> str:
    return hmac.new(pepper, bytes.fromhex(salt) + code.encode(), hashlib.sha256).hexdigest()


def otp_matches(code: str, salt: str, stored: str, pepper: bytes) -> bool:
    return hmac.compare_digest(hash_otp(code, salt, pepper), stored)
