"""The till process SIGKILLed at random points, 30 times, against the real backend behind a
delaying proxy (issue 11): then 0 operations lost, 0 applied twice, 0 redemptions without
their sale.

A child (``till_child.py``) is the real till (``open_till``, offscreen) ringing up sales by
itself — member, line, sometimes points, cash, complete — and finishing whatever it is
offered after a restart. The parent kills it after a random time, 30 times, then runs it
once more to drain, and compares the till's files with the backend's ledger.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tests.fixtures.slow_proxy import SlowProxy
from till.backend_client import BackendClient
from till.core.sale import Sale

ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("till_child.py")
KILLS = int(os.environ.get("TILL_SIGKILL_KILLS", "30"))


def _start(url: str, key: str, data: Path, seed: int, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    data.mkdir(parents=True, exist_ok=True)
    with (data.parent / "child.log").open("ab") as log:  # the child's stderr, for a failure
        return subprocess.Popen(
            [sys.executable, str(CHILD), url, key, str(data), str(seed), *extra],
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
        )


def _sales(data: Path) -> list[Sale]:
    db = sqlite3.connect(data / "sales.sqlite3")
    try:
        return [Sale.from_json(json.loads(r[0])) for r in db.execute("SELECT body FROM sales")]
    finally:
        db.close()


def test_thirty_kills_lose_nothing_and_charge_nothing_twice(
    backend: Any, slow_proxy_factory: type[SlowProxy], tmp_path: Path
) -> None:
    proxy = slow_proxy_factory(urlparse(backend.url).port or 0, delay_s=0.02)
    data = tmp_path / "till"
    rng = random.Random(11)
    client = BackendClient(backend.url, backend.api_key)
    alice = client.lookup(phone="+447700900123")
    for kill in range(KILLS):
        child = _start(proxy.url, backend.api_key, data, kill)
        assert child.stdout is not None
        child.stdout.readline()  # "ringing up": the till is open and selling
        time.sleep(rng.uniform(0.0, 2.0))  # a random point of its work, not a wait
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
    drain = _start(proxy.url, backend.api_key, data, 999, "drain")
    assert drain.stdout is not None
    drain.stdout.readline()
    drain.stdout.close()
    try:
        code = drain.wait(90)
    except subprocess.TimeoutExpired:
        drain.kill()
        drain.wait(10)
        code = -1
    assert code == 0, (data.parent / "child.log").read_text()[-3000:]

    db = sqlite3.connect(data / "journal.sqlite3")
    journaled = {r[0] for r in db.execute("SELECT op_id FROM ops")}
    pending = db.execute("SELECT count(*) FROM ops WHERE state = 'pending'").fetchone()[0]
    db.close()
    assert journaled and pending == 0
    path = f"/v1/customers/{alice.id}/transactions"
    ledger = client.request("GET", path, params={"limit": 500})["transactions"]
    by_op: dict[str, list[dict[str, Any]]] = {}
    for entry in ledger:  # this till's entries (the demo data has its own)
        if entry.get("op_id") in journaled:
            by_op.setdefault(str(entry["op_id"]), []).append(entry)
    assert all(len(v) == 1 for v in by_op.values())  # 0 duplicated
    sales = _sales(data)
    assert sales, (data.parent / "child.log").read_text()[-3000:]
    earns = {s.earn_op_id: s for s in sales if s.earn_op_id and s.state.value == "completed"}
    assert set(earns) <= set(by_op)  # 0 lost: every completed sale's earn is on the ledger
    redemptions = {s.redemption.op_id: s for s in sales if s.redemption is not None}
    for op_id, entries in by_op.items():
        if entries[0]["kind"] == "redeem":
            sale = redemptions.get(op_id)  # 0 redemptions without their sale
            assert sale is not None, entries[0]
            assert sale.redemption is not None and sale.redemption.state.value in (
                "committed",
                "reversed",
            )
