"""The real backend restored from an older backup (issue 11, finding 4): within one check the
ledger is whole again, each operation once.

The backend's database is copied (SQLite's online backup API) before 5 earns are
acknowledged; after the restore those 5 are gone from its ledger while the till holds them
as acknowledged. One :meth:`Reconciler.run_once` over ``POST /v1/ops/status`` finds them
``unknown`` and puts them back to pending; the sync worker sends them again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import requests

from offline_queue import Journal, OpState
from offline_queue.journal_identity import open_till_journal
from offline_queue.reconcile import Reconciler
from offline_queue.sync import SyncWorker
from server.embedded import EmbeddedBackend
from tests.fixtures.journal import RequestsTransport


class StatusTransport:
    def __init__(self, session: requests.Session, url: str) -> None:
        self.session, self.url = session, url

    def __call__(self, op_ids: list[str]) -> Sequence[Mapping[str, Any]]:
        r = self.session.post(f"{self.url}/v1/ops/status", json={"op_ids": op_ids}, timeout=10)
        assert r.status_code == 200, r.text
        ops = r.json()["ops"]
        assert isinstance(ops, list)
        return ops


def backup(db: Path, to: Path) -> None:
    src, dst = sqlite3.connect(db), sqlite3.connect(to)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def restore(backend: EmbeddedBackend, copy: Path) -> None:
    backend.stop()
    for suffix in ("-wal", "-shm"):
        Path(f"{backend.db_path}{suffix}").unlink(missing_ok=True)
    copy.replace(backend.db_path)
    backend.start()


def earn(journal: Journal, cid: int, n: int) -> str:
    body = {"customer_id": cid, "amount": f"{n}.00", "receipt_no": f"R{n}"}
    return journal.append("earn", str(cid), body)


def drain(worker: SyncWorker) -> None:
    for _ in range(20):
        if worker.run_once(force=True).sent == 0:
            return
    raise AssertionError(worker.state())


def test_restored_backend_is_made_whole_in_one_check(
    backend: EmbeddedBackend, tmp_path: Path
) -> None:
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {backend.api_key}"
    r = s.post(f"{backend.url}/v1/customers", json={"phone": "+447009001234", "name": "Bak"})
    assert r.status_code == 201, r.text
    cid = int(r.json()["id"])

    journal = open_till_journal(tmp_path / "journal.sqlite3")
    transport = RequestsTransport(backend.url, backend.api_key)
    worker = SyncWorker(journal, transport)
    reconciler = Reconciler(journal, StatusTransport(s, backend.url), on_requeued=lambda _n: None)
    try:
        before = [earn(journal, cid, n) for n in (1, 2)]
        drain(worker)
        backup(backend.db_path, tmp_path / "backup.db")
        lost = [earn(journal, cid, n) for n in (3, 4, 5, 6, 7)]
        drain(worker)
        states = {journal.get(i).state for i in before + lost}  # type: ignore[union-attr]
        assert states == {OpState.ACKNOWLEDGED}

        restore(backend, tmp_path / "backup.db")
        tx = s.get(f"{backend.url}/v1/customers/{cid}/transactions").json()["transactions"]
        assert sorted(t["op_id"] for t in tx) == sorted(before)  # the backup's: 5 ops gone

        report = reconciler.run_once()
        assert (report.checked, report.applied, report.requeued, report.error) == (7, 2, 5, None)
        drain(worker)

        tx = s.get(f"{backend.url}/v1/customers/{cid}/transactions").json()["transactions"]
        ledger = [t["op_id"] for t in sorted(tx, key=lambda t: t["id"])]
        assert ledger == before + lost  # whole again, each once, in journal order
        assert sum(t["points"] for t in tx) == 1 + 2 + 3 + 4 + 5 + 6 + 7
        customer = s.get(
            f"{backend.url}/v1/customers/lookup", params={"phone": "+447009001234"}
        ).json()
        assert customer["balance"] == 28

        again = reconciler.run_once()  # a second check finds nothing to do
        assert (again.applied, again.requeued) == (7, 0)
        assert worker.run_once(force=True).sent == 0
    finally:
        journal.close()
        transport.close()
        s.close()
