"""Logging: a rotating file plus stderr, both behind a filter that masks secrets.

The filter is a last line of defence, not the first: code must not log secrets at all. It
masks what slips through: bearer tokens and API keys, OTP codes, PINs, and anything that
looks like a payment card number (13-19 Luhn-valid digits, PCI DSS 3.4: first 6 and last 4
visible) including whole bank-card tracks (ISO/IEC 7813 track 1 ``%B...^...^...?`` and
track 2 ``;PAN=...?``).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import time
from pathlib import Path

from devices.cardnumber import looks_like_pan, mask_pan

_MASK = "***"

# key = value, key: value, "key": "value" for secret-bearing keys.
_SECRET_KV = re.compile(
    r"""(?ix)
    (?P<key>["']?\b(?:api[_-]?key|x-api-key|authorization|token|secret|password|passwd
        |pin|staff[_-]?pin|otp|otp[_-]?code|sms[_-]?code|code)\b["']?)
    (?P<sep>\s*[:=]\s*)
    (?P<quote>["']?)
    (?P<value>(?:Bearer\s+)?[^\s"',;}&]+)
    """
)
_BEARER = re.compile(r"(?i)\b(Bearer)\s+[A-Za-z0-9._~+/=-]+")
# Bank-card tracks (ISO/IEC 7813 allows PANs of 12-19 digits): keep the masked PAN, drop the rest (name, expiry, service code, discretionary).
_TRACK1 = re.compile(r"%B(\d{12,19})\^[^?]*\?")
_TRACK2 = re.compile(r";(\d{12,19})=[^?]*\?")
# Digit runs with optional single spaces or dashes, 13-19 digits in all.
_PAN_CANDIDATE = re.compile(r"(?<![\dA-Za-z])(?:\d[ -]?){12,18}\d(?![\dA-Za-z])")
# Six digits on their own after words that announce an OTP, e.g. "code 123456 sent".
_OTP_PHRASE = re.compile(
    r"(?i)\b(otp|one[- ]time (?:password|code)|pin|verification code)(\D{0,12}?)\b\d{4,8}\b"
)


def redact(text: str) -> str:
    """Mask secrets and card numbers in ``text``."""
    text = _TRACK1.sub(lambda m: f"%B{mask_pan(m.group(1))}^{_MASK}?", text)
    text = _TRACK2.sub(lambda m: f";{mask_pan(m.group(1))}={_MASK}?", text)
    text = _BEARER.sub(lambda m: f"{m.group(1)} {_MASK}", text)
    text = _SECRET_KV.sub(
        lambda m: f"{m.group('key')}{m.group('sep')}{m.group('quote')}{_MASK}", text
    )
    text = _OTP_PHRASE.sub(lambda m: f"{m.group(1)}{m.group(2)}{_MASK}", text)

    def _pan(m: re.Match[str]) -> str:
        digits = re.sub(r"[ -]", "", m.group(0))
        return mask_pan(digits) if looks_like_pan(digits) else m.group(0)

    return _PAN_CANDIDATE.sub(_pan, text)


class RedactionFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) with secrets masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(
    directory: Path, level: str = "INFO", max_bytes: int = 2_000_000, backups: int = 5
) -> Path:
    """Configure the root logger; returns the log file's path."""
    directory.mkdir(parents=True, exist_ok=True)
    log_file = directory / "till.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_till_handler", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(FORMAT)
    formatter.converter = time.gmtime
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    stderr_handler = logging.StreamHandler(sys.stderr)
    for handler in (file_handler, stderr_handler):
        handler.setFormatter(formatter)
        handler.addFilter(RedactionFilter())
        setattr(handler, "_till_handler", True)  # noqa: B010 - marks our handlers for re-setup
        root.addHandler(handler)
    root.setLevel(level)
    return log_file
