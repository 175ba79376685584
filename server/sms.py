"""SMS delivery behind one small interface (seed 002: SMS on earn, SMS PIN on redemption).

``OutboxGateway`` appends one JSON object per message to a file: the demo and the tests read
codes from it, and it doubles as an audit of what was sent. ``WebhookGateway`` posts the same
object to an HTTP endpoint, the usual shape of commercial SMS providers' APIs. Neither logs the
text: OTP codes must never reach a log (NIST SP 800-63B 5.1.3.2 treats them as secrets).
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import requests

from server.db import Clock, iso
from server.errors import Unavailable

log = logging.getLogger("server.sms")
# The code in a code SMS: six digits in every language (server.sms_texts), e.g. "is 123456."
_CODE_RE = re.compile(r"(^|\D)\d{6}(?!\d)")


@dataclass(frozen=True)
class Sms:
    to: str
    text: str
    # For a code SMS: its challenge, when the code expires, and the challenge it replaces.
    challenge_id: str | None = None
    expires_at: str | None = None
    replaces: str | None = None
    # The code itself, as data (issue 17): the outbox keeps it beside the text so the demo
    # and tests read it whatever the store's language; no gateway sends it, no repr shows it.
    code: str | None = field(default=None, repr=False)


class SmsGateway(Protocol):
    def send(self, message: Sms) -> None:
        """Deliver or raise ``Unavailable``."""

    def retire(self, challenge_id: str) -> None:
        """The challenge's code was used: a gateway that keeps copies must blank them."""


class NullGateway:
    """No gateway configured: refuses, so a code request fails visibly (503) instead of a
    customer waiting for an SMS that was never sent. Earn SMS failures are only logged."""

    def send(self, message: Sms) -> None:
        raise Unavailable(
            "No SMS gateway is configured on the loyalty server", code="sms_unavailable"
        )

    def retire(self, challenge_id: str) -> None:
        return None


class DiscardGateway:
    """Drops messages on purpose: seeding demo data must not text anyone."""

    def send(self, message: Sms) -> None:
        return None

    def retire(self, challenge_id: str) -> None:
        return None


class OutboxGateway:
    """JSON lines ``{"to", "text", "at"}`` (code SMS also ``challenge_id``, ``expires_at``
    and ``code``, the digits as data, blanked with the text's).

    The file is readable by its owner only (0600). A code stays readable only while it can
    still be used: once its challenge is used, replaced or resent, or it has expired, its
    digits are replaced by ``******`` (issue 13, finding 4: the outbox kept every code in
    clear for ever). Writes happen under a lock, as one ``write`` per new line; blanking
    rewrites the file to a temporary one and renames it over the old, so a reader sees the
    old or the new file, never half of one.
    """

    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        self.path = path
        self.clock = clock or Clock()
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.chmod(0o600)

    def send(self, message: Sms) -> None:
        entry: dict[str, str] = {"to": message.to, "text": message.text}
        entry["at"] = iso(self.clock.now())
        if message.challenge_id is not None:
            entry["challenge_id"] = message.challenge_id
        if message.expires_at is not None:
            entry["expires_at"] = message.expires_at
        if message.code is not None:
            entry["code"] = message.code
        stale = {c for c in (message.challenge_id, message.replaces) if c is not None}
        try:
            with self._lock:
                self._blank(stale)
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                with os.fdopen(fd, "a", encoding="utf-8") as f:
                    f.write(json.dumps(entry) + "\n")
                    f.flush()
        except OSError as exc:
            raise Unavailable("The SMS outbox cannot be written", code="sms_unavailable") from exc

    def retire(self, challenge_id: str) -> None:
        try:
            with self._lock:
                self._blank({challenge_id})
        except OSError:
            log.warning("The SMS outbox could not be rewritten to blank a used code")

    def _blank(self, challenges: set[str]) -> None:
        """Blank the codes of ``challenges`` and every expired code (caller holds the lock)."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        now = iso(self.clock.now())
        changed = False
        out: list[str] = []
        for line in lines:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                out.append(line)
                continue
            challenge = entry.get("challenge_id")
            expired = str(entry.get("expires_at", "~")) <= now
            if challenge is not None and (challenge in challenges or expired):
                blanked = _CODE_RE.sub(r"\1******", str(entry.get("text", "")))
                if blanked != entry.get("text") or "code" in entry:
                    entry["text"] = blanked
                    entry.pop("code", None)
                    line = json.dumps(entry)
                    changed = True
            out.append(line)
        if not changed:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("".join(x + "\n" for x in out))
            f.flush()
        os.replace(tmp, self.path)


class WebhookGateway:
    """POSTs ``{"to", "text"}`` as JSON, with an optional bearer token, 5 s timeout."""

    def __init__(
        self, url: str, token: str | None = None, session: requests.Session | None = None
    ) -> None:
        self.url = url
        self.token = token
        self.session = session or requests.Session()

    def retire(self, challenge_id: str) -> None:
        return None  # the provider's copies are the provider's to purge

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
