"""SMS delivery behind one small interface (seed 002: SMS on earn, SMS PIN on redemption).

``OutboxGateway`` appends one JSON object per message to a file: the demo and the tests read
codes from it, and it doubles as an audit of what was sent. ``WebhookGateway`` posts the same
object to an HTTP endpoint, the usual shape of commercial SMS providers' APIs. Neither logs the
text: OTP codes must never reach a log (NIST SP 800-63B 5.1.3.2 treats them as secrets).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import requests

from server.db import Clock, iso
from server.errors import Unavailable

log = logging.getLogger("server.sms")


@dataclass(frozen=True)
class Sms:
    to: str
    text: str


class SmsGateway(Protocol):
    def send(self, message: Sms) -> None:
        """Deliver or raise ``Unavailable``."""


class NullGateway:
    """No gateway configured: refuses, so a code request fails visibly (503) instead of a
    customer waiting for an SMS that was never sent. Earn SMS failures are only logged."""

    def send(self, message: Sms) -> None:
        raise Unavailable(
            "No SMS gateway is configured on the loyalty server", code="sms_unavailable"
        )


class DiscardGateway:
    """Drops messages on purpose: seeding demo data must not text anyone."""

    def send(self, message: Sms) -> None:
        return None


class OutboxGateway:
    """JSON lines ``{"to", "text", "at"}``; one ``write`` per line under a lock, then fsync."""

    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        self.path = path
        self.clock = clock or Clock()
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)

    def send(self, message: Sms) -> None:
        line = json.dumps({"to": message.to, "text": message.text, "at": iso(self.clock.now())})
        try:
            with self._lock, self.path.open("a", encoding="utf-8") as f:
                f.write(line + "\n")
                f.flush()
        except OSError as exc:
            raise Unavailable("The SMS outbox cannot be written", code="sms_unavailable") from exc


class WebhookGateway:
    """POSTs ``{"to", "text"}`` as JSON, with an optional bearer token, 5 s timeout."""

    def __init__(
        self, url: str, token: str | None = None, session: requests.Session | None = None
    ) -> None:
        self.url = url
        self.token = token
        self.session = session or requests.Session()

    def send(self, message: Sms) -> None:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            resp = self.session.post(
                self.url, json={"to": message.to, "text": message.text}, headers=headers, timeout=5
            )
        except requests.RequestException as exc:
            log.warning("SMS webhook unreachable: %s", type(exc).__name__)
            raise Unavailable("The SMS service cannot be reached", code="sms_unavailable") from None
        if resp.status_code >= 300:
            log.warning("SMS webhook answered HTTP %s", resp.status_code)
            raise Unavailable("The SMS service refused the message", code="sms_unavailable")


def mask_phone(phone: str) -> str:
    """What a till may show of a phone number: the last three digits."""
    return "*" * max(len(phone) - 3, 0) + phone[-3:]
