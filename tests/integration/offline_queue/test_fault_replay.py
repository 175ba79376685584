"""Fault test: 2,000 journaled operations over 50 accounts replay through a misbehaving network.

The real server (``backend`` fixture) sits behind ``FaultyProxy``, which resets requests,
drops, resets or truncates responses after the server applied them, and delays some past the
client's timeout. The sync worker must still give every operation exactly one ledger
effect, in journal order per account (redemptions spend the balance the account's earlier
earns built, so a redemption applied too early would be refused), and the server's balances
must equal the sum of the journal's operations.
"""

from __future__ import annotations

import random
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import requests

from offline_queue import Entry, Journal, OpState
from offline_queue.backoff import Backoff
from offline_queue.sync import SyncState, SyncWorker
from server.embedded import EmbeddedBackend
from tests.fixtures.faulty_proxy import Faults, FaultyProxy
from tests.fixtures.journal import RequestsTransport

OPS = 2000
ACCOUNTS = 50
FAULTS = Faults(
    reset_before=0.05,
    drop=0.10,
    reset=0.05,
    truncate=0.05,
    delay=0.10,
    delay_s=(0.05, 1.2),  # the client gives up after 1 s: some replies arrive too late
    max_faults=200,
    seed=5,
)


def api(backend: EmbeddedBackend) -> requests.Session:
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {backend.api_key}"
    return s


def make_customers(s: requests.Session, url: str) -> list[int]:
    ids = []
    for i in range(ACCOUNTS):
        r = s.post(f"{url}/v1/customers", json={"phone": f"+44700900{i:04d}", "name": f"F{i}"})
        assert r.status_code == 201, r.text
        ids.append(int(r.json()["id"]))
    return ids


def plan(customers: list[int], rng: random.Random) -> list[tuple[str, int, dict[str, Any]]]:
    """Earns and, now and then, a redemption of an account's whole balance so far."""
    balance: dict[int, int] = defaultdict(int)
    ops: list[tuple[str, int, dict[str, Any]]] = []
    for n in range(OPS):
        cid = rng.choice(customers)
        if balance[cid] >= 10 and rng.random() < 0.08:
            points = balance[cid]
            ops.append(
                ("redeem", cid, {"customer_id": cid, "points": points, "receipt_no": f"F{n}"})
            )
            balance[cid] = 0
        else:
            pounds = rng.randint(1, 40)  # 1 point per 1.00 (demo program)
            ops.append(
                ("earn", cid, {"customer_id": cid, "amount": f"{pounds}.00", "receipt_no": f"F{n}"})
            )
            balance[cid] += pounds
    return ops


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_replay_through_faults_has_one_effect_each_in_order(
    backend: EmbeddedBackend, tmp_path: Path, faulty_proxy_factory: type[FaultyProxy]
) -> None:
    s = api(backend)
    manager, pin = backend.manager
    r = s.put(
        f"{backend.url}/v1/policy",
        json={
            "otp_required": False,
            "otp_min_value": "5.00",
            "approval": {"staff": manager, "pin": pin},
        },
    )
    assert r.status_code == 200, r.text
    customers = make_customers(s, backend.url)
    ops = plan(customers, random.Random(11))
    assert sum(1 for kind, _, _ in ops if kind == "redeem") >= 20

    journal = Journal(tmp_path / "journal.sqlite3")
    # The first half was journaled while the till was offline; the rest arrives during sync.
    ids = journal.append_many(Entry(kind, str(cid), body) for kind, cid, body in ops[: OPS // 2])

    proxy = faulty_proxy_factory(backend.port, FAULTS).start()
    transport = RequestsTransport(proxy.url, backend.api_key, timeout_s=1.0)
    done = threading.Event()
    appended_all = threading.Event()

    def on_state(state: SyncState) -> None:
        if state.review or (appended_all.is_set() and state.pending == 0):
            done.set()

    worker = SyncWorker(
        journal,
        transport,
        on_state=on_state,
        batch_size=ACCOUNTS,
        backoff=Backoff(base_s=0.01, cap_s=0.2),
        idle_poll_s=0.5,
    )
    worker.start()
    try:
        for kind, cid, body in ops[OPS // 2 :]:
            ids.append(journal.append(kind, str(cid), body))
            if len(ids) % 100 == 0:
                worker.kick()
        appended_all.set()
        worker.kick()
        assert done.wait(180), worker.state()
    finally:
        worker.stop()
        transport.close()
        proxy.stop()

    assert journal.review() == [], [op.last_error for op in journal.review()]
    assert journal.pending() == []
    faults = {k: v for k, v in proxy.counts.items() if v}
    assert set(faults) == {"reset_before", "drop", "reset", "truncate", "delay"}, faults

    # Exactly one ledger effect per operation, in journal order per account, with the
    # balance each acknowledged response reported matching the journal's running sum.
    expected: dict[int, int] = defaultdict(int)
    journal_order: dict[int, list[str]] = defaultdict(list)
    for op_id, (kind, cid, body) in zip(ids, ops, strict=True):
        op = journal.get(op_id)
        assert op is not None and op.state is OpState.ACKNOWLEDGED
        if kind == "earn":
            expected[cid] += int(body["amount"].split(".")[0])
        else:
            expected[cid] -= body["points"]
        assert op.result is not None and op.result["balance"] == expected[cid]
        journal_order[cid].append(op_id)

    for cid in customers:
        tx = s.get(f"{backend.url}/v1/customers/{cid}/transactions").json()["transactions"]
        ledger_order = [t["op_id"] for t in sorted(tx, key=lambda t: t["id"])]
        assert ledger_order == journal_order[cid]  # once each, in order
        phone = f"+44700900{customers.index(cid):04d}"
        customer = s.get(f"{backend.url}/v1/customers/lookup", params={"phone": phone}).json()
        assert customer["balance"] == expected[cid] == sum(t["points"] for t in tx)
    journal.close()
    s.close()
