"""The ``till-server`` admin commands (in-process), the committed OpenAPI document, and
the two SMS gateways (the webhook against a real local HTTP server)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import select

from server import cli
from server.db import make_engine, read
from server.errors import Unavailable
from server.schema import api_keys, staff, stores
from server.sms import OutboxGateway, Sms, WebhookGateway

ROOT = Path(__file__).resolve().parents[3]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_admin_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out, _ = run(capsys, "create-key", "--db", db, "--store", "S1", "--till", "A")
    assert code == 0
    key = out.strip()
    assert key.startswith("tk_") and len(key) > 40
    code, out, err = run(
        capsys,
        "create-staff",
        "--db",
        db,
        "--store",
        "S1",
        "--name",
        "Mia",
        "--role",
        "manager",
        "--pin",
        "8642",
    )
    assert code == 0 and "8642" not in out + err
    code, _, err = run(
        capsys,
        "create-staff",
        "--db",
        db,
        "--store",
        "S1",
        "--name",
        "Mia",
        "--role",
        "manager",
        "--pin",
        "12",
    )
    assert code == 2 and "4 to 8 digits" in err
    code, out, _ = run(
        capsys,
        "set-policy",
        "--db",
        db,
        "--store",
        "S1",
        "--otp-required",
        "yes",
        "--otp-min-value",
        "10.00",
    )
    assert code == 0
    for bad in ("abc", "-1", "1.234", "NaN"):
        code, _, _ = run(
            capsys,
            "set-policy",
            "--db",
            db,
            "--store",
            "S1",
            "--otp-required",
            "yes",
            "--otp-min-value",
            bad,
        )
        assert code == 2, bad
    code, _, err = run(capsys, "set-policy", "--db", db, "--store", "NOPE", "--otp-required", "no")
    assert code == 1 and "NOPE" in err
    code, out, _ = run(capsys, "revoke-key", "--db", db, "--store", "S1", "--till", "A")
    assert code == 0 and "1" in out
    engine = make_engine(db)
    try:
        store = read(engine, lambda c: c.execute(select(stores)).one())
        assert (store.otp_required, store.otp_min_value) == (True, "10.00")
        member = read(engine, lambda c: c.execute(select(staff)).one())
        assert member.role == "manager" and "8642" not in member.pin_hash
        keys = read(engine, lambda c: c.execute(select(api_keys)).all())
        assert len(keys) == 1 and keys[0].revoked_at is not None
        assert key not in str(tuple(keys[0]))
    finally:
        engine.dispose()


def test_committed_openapi_matches_the_app() -> None:
    committed = json.loads((ROOT / "resources/openapi.json").read_text(encoding="utf-8"))
    assert committed == cli.openapi_document(), (
        "run: till-server openapi --output resources/openapi.json"
    )
    paths = committed["paths"]
    for path in (
        "/v1/health",
        "/v1/session",
        "/v1/customers",
        "/v1/customers/lookup",
        "/v1/earn",
        "/v1/otp",
        "/v1/redeem",
        "/v1/transactions/{transaction_id}/reverse",
        "/v1/claims",
        "/v1/ops",
        "/v1/customers/{customer_id}/transactions",
        "/v1/reports/redemptions",
        "/v1/reports/shift",
        "/v1/policy",
        "/v1/staff/verify",
        "/v1/programs/{name}",
        "/v1/programs",
        "/v1/cards",
    ):
        assert path in paths, path


def test_outbox_gateway_writes_json_lines(tmp_path: Path) -> None:
    gw = OutboxGateway(tmp_path / "sms" / "out.jsonl")
    gw.send(Sms("+447700900123", "one"))
    gw.send(Sms("+447700900456", "two"))
    lines = [json.loads(x) for x in (tmp_path / "sms" / "out.jsonl").read_text().splitlines()]
    assert [(m["to"], m["text"]) for m in lines] == [
        ("+447700900123", "one"),
        ("+447700900456", "two"),
    ]
    assert all(m["at"].endswith("Z") for m in lines)


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []
    status = 200

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        _Hook.received.append(
            {"auth": self.headers.get("Authorization"), "body": json.loads(self.rfile.read(length))}
        )
        self.send_response(_Hook.status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Hook.received = []
    _Hook.status = 200
    yield f"http://127.0.0.1:{server.server_port}/sms"
    server.shutdown()
    server.server_close()
    thread.join()


def test_webhook_gateway(hook: str) -> None:
    gw = WebhookGateway(hook, token="secret-token")
    gw.send(Sms("+447700900123", "hello"))
    assert _Hook.received == [
        {"auth": "Bearer secret-token", "body": {"to": "+447700900123", "text": "hello"}}
    ]
    _Hook.status = 500
    with pytest.raises(Unavailable):
        gw.send(Sms("+447700900123", "again"))
    gw.session.close()


def test_webhook_unreachable() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    gw = WebhookGateway(f"http://127.0.0.1:{port}/sms")
    with pytest.raises(Unavailable) as info:
        gw.send(Sms("+447700900123", "x"))
    assert info.value.code == "sms_unavailable"
    gw.session.close()
