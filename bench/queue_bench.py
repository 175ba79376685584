"""Benchmark of the offline journal: durable append rate, open time, replay throughput.

    .venv/bin/python bench/queue_bench.py [--appends 2000] [--pending 100000]
                                          [--replay-ops 5000] [--accounts 500] [--batch 500]

1. Append rate (one operation per commit, WAL + synchronous=FULL) beside the raw SQLite
   insert-and-commit rate with the same pragmas, in the same directory, in the same run,
   interleaved in blocks so that disk drift hits both alike. Goal: >= 80 % of raw. Measured
   twice: the bare :class:`Journal`, and the till's journal as it runs
   (:func:`offline_queue.journal_identity.open_till_journal`: process lock, identity record
   and high-water mark kept outside the file, issue 11), each as a ratio to the raw rate.
2. Open time of a journal holding 100,000 pending operations (goal: < 1 s), with the time of
   the first ``stats()`` and ``next_batch()`` a restarted till does.
3. Replay throughput of the sync worker to the real server (``EmbeddedBackend``) on loopback,
   batched (goal: >= 1,000 ops/s); run once with the server's database on the same disk
   and, when /dev/shm exists, once on tmpfs, which shows the worker's own ceiling apart from
   the server's fsync per operation.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from offline_queue import Entry, Journal
from offline_queue.errors import TransientSendError
from offline_queue.journal_identity import open_till_journal
from offline_queue.sync import SyncWorker

PAYLOAD = {"customer_id": 1234, "amount": "12.50", "receipt_no": "R000123"}


def raw_block(conn: sqlite3.Connection, n: int) -> float:
    text = json.dumps(PAYLOAD)
    t = time.perf_counter()
    for _ in range(n):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (data) VALUES (?)", (text,))
        conn.execute("COMMIT")
    return time.perf_counter() - t


def journal_block(journal: Journal, n: int) -> float:
    t = time.perf_counter()
    for i in range(n):
        journal.append("earn", f"c{i % 50}", PAYLOAD)
    return time.perf_counter() - t


def bench_append(workdir: Path, n: int) -> dict[str, float]:
    raw = sqlite3.connect(workdir / "raw.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "fullfsync=ON", "secure_delete=ON"):
        raw.execute(f"PRAGMA {pragma}")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT NOT NULL)")
    journal = Journal(workdir / "append.sqlite3")
    till_dir = workdir / "till"
    till_dir.mkdir()
    till = open_till_journal(till_dir / "journal.sqlite3")
    blocks, per_block = 8, max(1, n // 8)
    raw_s = journal_s = till_s = 0.0
    raw_block(raw, 20)  # warm the files up
    journal_block(journal, 20)
    journal_block(till, 20)
    for _ in range(blocks):
        raw_s += raw_block(raw, per_block)
        journal_s += journal_block(journal, per_block)
        till_s += journal_block(till, per_block)
    raw.close()
    journal.close()
    till.close()
    total = blocks * per_block
    raw_rate, journal_rate, till_rate = total / raw_s, total / journal_s, total / till_s
    return {
        "appends": total,
        "raw_commits_per_s": raw_rate,
        "journal_appends_per_s": journal_rate,
        "ratio": journal_rate / raw_rate,
        "till_journal_appends_per_s": till_rate,
        "till_ratio": till_rate / raw_rate,
    }


def bench_open(workdir: Path, pending: int) -> dict[str, float]:
    path = workdir / "restart.sqlite3"
    with Journal(path) as j:
        t = time.perf_counter()
        j.append_many(
            Entry("earn", f"c{i % 500}", {**PAYLOAD, "receipt_no": f"R{i}"}) for i in range(pending)
        )
        fill_s = time.perf_counter() - t
    opens, firsts = [], []
    for _ in range(5):
        t = time.perf_counter()
        j = Journal(path)
        opens.append(time.perf_counter() - t)
        t = time.perf_counter()
        stats = j.stats()
        batch = j.next_batch(100)
        firsts.append(time.perf_counter() - t)
        j.close()
        assert stats.pending == pending and len(batch) == 100
    with Journal(path) as j:
        t = time.perf_counter()
        loaded = len(j.pending())
        pending_s = time.perf_counter() - t
    assert loaded == pending
    return {
        "pending": pending,
        "fill_one_transaction_s": fill_s,
        "open_s_median": statistics.median(opens),
        "open_s_max": max(opens),
        "stats_and_first_batch_s_median": statistics.median(firsts),
        "load_all_pending_s": pending_s,
    }


class HttpTransport:
    def __init__(self, url: str, key: str) -> None:
        self.url = url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {key}"
        self.busy_s = 0.0  # time spent waiting for the server

    def send_ops(self, ops: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        t = time.perf_counter()
        try:
            return self._send(ops)
        finally:
            self.busy_s += time.perf_counter() - t

    def _send(self, ops: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        try:
            r = self.session.post(f"{self.url}/v1/ops", json={"ops": list(ops)}, timeout=30)
        except requests.RequestException as exc:
            raise TransientSendError(type(exc).__name__) from exc
        if r.status_code >= 500 or r.status_code == 429:
            raise TransientSendError(f"HTTP {r.status_code}")
        r.raise_for_status()
        return [dict(x) for x in r.json()["results"]]


def bench_replay(
    server_dir: Path, journal_path: Path, n_ops: int, accounts: int, batch: int
) -> dict[str, float]:
    from server.embedded import EmbeddedBackend

    backend = EmbeddedBackend(server_dir)
    backend.start()
    try:
        transport = HttpTransport(backend.url, backend.api_key)
        customers = []
        for i in range(accounts):
            r = transport.session.post(
                f"{backend.url}/v1/customers", json={"phone": f"+4477{i:08d}"}, timeout=30
            )
            r.raise_for_status()
            customers.append(int(r.json()["id"]))
        journal = Journal(journal_path)
        journal.append_many(
            Entry(
                "earn",
                str(customers[i % accounts]),
                {"customer_id": customers[i % accounts], "amount": "3.00", "receipt_no": f"B{i}"},
            )
            for i in range(n_ops)
        )
        worker = SyncWorker(journal, transport, batch_size=batch)
        t = time.perf_counter()
        rounds = 0
        while worker.run_once(force=True).sent:
            rounds += 1
        elapsed = time.perf_counter() - t
        stats = journal.stats()
        journal.close()
        assert stats.pending == 0 and stats.review == 0, stats
        return {
            "ops": n_ops,
            "batch": batch,
            "rounds": rounds,
            "seconds": elapsed,
            "ops_per_s": n_ops / elapsed,
            "server_share": transport.busy_s / elapsed,
        }
    finally:
        backend.stop()


class InstantTransport:
    """Answers 201 at once: the journal's and the worker's own ceiling, without a server."""

    def send_ops(self, ops: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        return [{"op_id": op["op_id"], "status": 201, "body": {"ok": True}} for op in ops]


def bench_worker_ceiling(journal_path: Path, n_ops: int, accounts: int, batch: int) -> float:
    journal = Journal(journal_path)
    journal.append_many(
        Entry("earn", str(i % accounts), {"customer_id": i % accounts, "amount": "3.00"})
        for i in range(n_ops)
    )
    worker = SyncWorker(journal, InstantTransport(), batch_size=batch)
    t = time.perf_counter()
    while worker.run_once(force=True).sent:
        pass
    elapsed = time.perf_counter() - t
    journal.close()
    return n_ops / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--appends", type=int, default=2000)
    parser.add_argument("--pending", type=int, default=100_000)
    parser.add_argument("--replay-ops", type=int, default=5000)
    parser.add_argument("--accounts", type=int, default=500)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument(
        "--dir", type=Path, default=None, help="disk to measure (default: a temp dir)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument(
        "--append-only", action="store_true", help="measure the append rates only (fast)"
    )
    args = parser.parse_args()

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        work = Path(tmp)
        a = results["append"] = bench_append(work, args.appends)
        print(f"durable append, one op per commit: {a['journal_appends_per_s']:8.0f} ops/s")
        print(
            f"raw SQLite insert+commit, same pragmas/disk: {a['raw_commits_per_s']:8.0f} commits/s"
        )
        print(f"  ratio: {a['ratio']:.0%} (goal >= 80%)  [{a['appends']} each, interleaved]")
        print(
            f"the till's journal (lock + identity record): {a['till_journal_appends_per_s']:8.0f}"
            f" ops/s\n  ratio: {a['till_ratio']:.0%} of raw (goal >= 80%)"
        )
        if args.append_only:
            if args.json:
                print(json.dumps(results, indent=2))
            return
        o = results["open"] = bench_open(work, args.pending)
        print(
            f"open with {o['pending']} pending: median {o['open_s_median'] * 1000:.1f} ms, "
            f"max {o['open_s_max'] * 1000:.1f} ms (goal < 1 s); first stats()+next_batch(): "
            f"{o['stats_and_first_batch_s_median'] * 1000:.1f} ms; loading all pending(): "
            f"{o['load_all_pending_s']:.2f} s"
        )
        targets = [("same disk", work)]
        if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK):
            targets.append(("server DB on tmpfs", Path("/dev/shm")))
        for n, (label, base) in enumerate(targets):
            with tempfile.TemporaryDirectory(dir=base) as server_tmp:
                r = bench_replay(
                    Path(server_tmp),
                    work / f"replay-{n}.sqlite3",
                    args.replay_ops,
                    args.accounts,
                    args.batch,
                )
            results["replay " + label] = r
            print(
                f"replay to the server on loopback ({label}): {r['ops_per_s']:8.0f} ops/s "
                f"({r['ops']} ops, batch {r['batch']}, {r['rounds']} rounds, "
                f"{r['seconds']:.1f} s, {r['server_share']:.0%} of it waiting for the server; "
                "goal >= 1000)"
            )
        ceiling = results["worker_ceiling_ops_per_s"] = bench_worker_ceiling(
            work / "ceiling.sqlite3", args.replay_ops, args.accounts, args.batch
        )
        print(f"worker + journal alone (instant fake backend): {ceiling:8.0f} ops/s")
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
