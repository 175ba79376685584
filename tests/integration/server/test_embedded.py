"""The embedded backend as the till and the demo use it: restart on the same DB and port,
SMS outbox helpers, the child dying with its parent, and resources/demo/cards.json matching
the seeded demo data."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import requests

from server import demo_data
from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import ALICE, Api, code_of

ROOT = Path(__file__).resolve().parents[3]


def test_stop_start_keeps_database_and_port(backend: EmbeddedBackend) -> None:
    api = Api.of(backend)
    alice = api.customer(ALICE)
    assert api.earn(alice["id"], "10.00").status_code == 200 + 1
    url, port, key = backend.url, backend.port, backend.api_key
    backend.stop()
    assert not backend.running
    try:
        requests.get(url + "/v1/health", timeout=2)
        raise AssertionError("the backend still answers after stop()")
    except requests.ConnectionError:
        pass
    backend.start()
    assert backend.running and backend.url == url and backend.port == port
    assert backend.api_key == key  # the till's client keeps working
    assert Api.of(backend).balance(ALICE) == alice["balance"] + 10
    backend.restart()
    assert Api.of(backend).balance(ALICE) == alice["balance"] + 10


@pytest.mark.sqlite_only("the till's embedded backend is a SQLite file in its workdir")
def test_contract_properties(backend: EmbeddedBackend) -> None:
    assert backend.url.startswith("http://127.0.0.1:")
    assert backend.db_url.startswith("sqlite:///") and backend.db_url.endswith(".db")
    assert backend.manager == ("manager", "2468")
    assert backend.cashier == ("cashier", "1357")
    assert backend.sms_outbox.parent == backend.workdir
    assert backend.last_sms_to(ALICE) is None
    assert backend.last_otp_for(ALICE) is None
    api = Api.of(backend)
    alice = api.customer(ALICE)
    api.earn(alice["id"], "3.00")
    assert "3 points" in (backend.last_sms_to("+44 7700 900123") or "")
    assert backend.last_otp_for(ALICE) is None  # an earn SMS carries no code
    api.post("/otp", {"customer_id": alice["id"], "points": 1000})
    code = backend.last_otp_for(ALICE)
    assert code is not None and len(code) == 6
    assert (backend.workdir / "server.log").exists()


def test_without_demo_data(backend_factory: BackendFactory) -> None:
    b = backend_factory(demo_data=False)
    api = Api.of(b)
    assert api.get("/session").json()["store"]["code"] == "DEMO"
    assert code_of(api.get("/customers/lookup", phone=ALICE)) == "not_found"


def test_first_start_seeds_in_an_empty_workdir(tmp_path: Path) -> None:
    b = EmbeddedBackend(tmp_path / "fresh", otp_ttl=30)
    try:
        b.start()
        assert Api.of(b).balance(ALICE) == 1240
        assert Api.of(b).get("/session").json()["otp_ttl_s"] == 30
    finally:
        b.stop()


def test_a_port_taken_before_the_first_start_is_not_a_failure(tmp_path: Path) -> None:
    """Another test worker may take the port picked at construction before the child
    binds it: the backend then serves on another free port, and its own health answers."""
    b = EmbeddedBackend(tmp_path / "taken", otp_ttl=30)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", b.port))
        other.listen(1)
        taken = b.port
        try:
            b.start()
            assert b.port != taken
            assert Api.of(b).balance(ALICE) == 1240  # our key, our database
        finally:
            b.stop()


def test_child_dies_with_its_parent(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from server.embedded import EmbeddedBackend
        b = EmbeddedBackend(Path({str(tmp_path / "w")!r}))
        b.start()
        print(b.url, b._proc.pid, flush=True)
        time.sleep(600)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        url, child_pid = parent.stdout.readline().split()
        assert requests.get(url + "/v1/health", timeout=5).status_code == 200
        os.kill(parent.pid, signal.SIGKILL)  # no atexit, no stop(): only the pipe tells
        parent.wait(timeout=10)
        deadline = time.monotonic() + 20
        while _alive(int(child_pid)):
            assert time.monotonic() < deadline, "the server outlived its parent"
            time.sleep(0.05)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_cards_json_is_generated_from_the_demo_data() -> None:
    committed = json.loads((ROOT / "resources/demo/cards.json").read_text(encoding="utf-8"))
    assert committed == demo_data.cards_json()
    for entry in committed:
        assert set(entry) == {"label", "number", "customer", "swipe", "barcode", "qr", "notes"}
        if entry["swipe"]:
            assert entry["swipe"].endswith("?\n")


def test_cards_json_matches_the_running_backend(backend: EmbeddedBackend) -> None:
    api = Api.of(backend)
    entries = json.loads((ROOT / "resources/demo/cards.json").read_text(encoding="utf-8"))
    members = [e for e in entries if e["customer"]]
    assert len(members) >= 6
    for e in members:
        c = api.customer(e["customer"])
        if e["number"]:
            assert api.get("/customers/lookup", card=e["number"]).json()["id"] == c["id"]
            assert e["number"] in c["cards"]
        if e["qr"]:
            assert api.get("/customers/lookup", app_id=e["qr"]).json()["id"] == c["id"]
    by_label = {e["label"]: e for e in entries}
    assert code_of(api.get("/customers/lookup", card=by_label["unassigned card"]["number"])) == (
        "card_unassigned"
    )
    balances = [api.customer(e["customer"])["balance"] for e in members]
    assert min(balances) >= 100 and max(balances) >= 2000
    statuses = {api.customer(e["customer"])["status"] for e in members}
    assert statuses == {"active", "inactive"}
    numeric = [e["number"] for e in members if e["number"] and e["number"].isdigit()]
    assert all(8 <= len(n) <= 12 for n in numeric)
    assert any(e["number"] and not e["number"].isdigit() for e in members)
