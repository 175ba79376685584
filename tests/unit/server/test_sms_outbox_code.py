"""Issue 17: a code SMS carries its code as data in the outbox, for the demo and the tests to
read in any language; it is blanked with the text's digits, and no gateway sends it on."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from server.db import iso
from server.embedded import EmbeddedBackend
from server.sms import OutboxGateway, Sms, WebhookGateway
from server.sms_texts import sms_text
from tests.unit.server.fake_clock import FakeClock

PHONE = "+491701234567"


def entries(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def code_sms(clock: FakeClock, code: str, challenge: str, replaces: str | None = None) -> Sms:
    text = sms_text("otp_code", "de_DE", store="Laden", points=1000, code=code, minutes=5)
    expires = iso(clock.now() + timedelta(minutes=5))
    return Sms(
        PHONE, text, challenge_id=challenge, expires_at=expires, replaces=replaces, code=code
    )


def test_the_outbox_keeps_the_code_as_data_and_blanks_it_with_the_text(tmp_path: Path) -> None:
    clock = FakeClock()
    outbox = OutboxGateway(tmp_path / "sms-outbox.jsonl", clock)
    reader = EmbeddedBackend(tmp_path)  # only its outbox helpers: never started
    outbox.send(code_sms(clock, "123456", "c1"))
    assert reader.last_otp_for(PHONE) == "123456"
    assert "987650" not in repr(Sms(PHONE, "x", code="987650"))
    outbox.send(code_sms(clock, "654321", "c2", replaces="c1"))
    first, second = entries(outbox.path)
    assert "code" not in first and "******" in first["text"]
    assert second["code"] == "654321" and reader.last_otp_for(PHONE) == "654321"
    outbox.retire("c2")
    assert "code" not in entries(outbox.path)[1] and reader.last_otp_for(PHONE) is None
    outbox.send(code_sms(clock, "111222", "c3"))
    clock.advance(301)
    outbox.send(Sms(PHONE, "Laden: Sie haben 5 Punkte gesammelt."))  # expired: blanked too
    assert [e.get("code") for e in entries(outbox.path)] == [None, None, None, None]
    assert reader.last_otp_for(PHONE) is None


class Recorder:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def post(self, url: str, json: dict[str, Any], **kw: Any) -> Any:
        self.sent.append(json)
        return type("R", (), {"status_code": 200})()


def test_a_gateway_sends_the_text_only() -> None:
    recorder = Recorder()
    WebhookGateway("https://sms.example/send", session=recorder).send(  # type: ignore[arg-type]
        code_sms(FakeClock(), "123456", "c1")
    )
    assert list(recorder.sent[0]) == ["to", "text"]
