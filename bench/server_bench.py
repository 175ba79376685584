"""Earn throughput and latency of the reference backend, beside the disk's raw commit rate.

Starts the real server (``EmbeddedBackend``) on loopback with a fresh demo database, then N
client threads each send their share of a fixed number of ``POST /v1/earn`` requests (one
``requests.Session`` per thread, like one till each). In the same run and directory it
measures how many single-row INSERT + COMMIT transactions SQLite manages with the same
pragmas (WAL, synchronous=FULL): every earn is at least one such durable commit, so that rate
is the ceiling and the ratio shows what HTTP, validation and the ledger logic cost on top.

    .venv/bin/python bench/server_bench.py --clients 8 --requests 2000
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.embedded import EmbeddedBackend


def raw_commit_rate(directory: Path, commits: int) -> float:
    path = directory / "raw-commit.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, op TEXT, points INTEGER)")
    started = time.perf_counter()
    for n in range(commits):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (op, points) VALUES (?, ?)", (str(uuid.uuid4()), n))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return commits / elapsed


def earn_load(backend: EmbeddedBackend, clients: int, total: int) -> dict[str, float]:
    headers = {"Authorization": f"Bearer {backend.api_key}"}
    setup = requests.Session()
    ids = []
    for k in range(clients):
        r = setup.post(
            f"{backend.url}/v1/customers",
            json={"phone": f"+44770055{k:04d}", "name": f"bench {k}"},
            headers=headers,
            timeout=30,
        )
        r.raise_for_status()
        ids.append(r.json()["id"])
    setup.close()
    per_client = total // clients
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    gate = threading.Barrier(clients + 1)

    def client(customer_id: int) -> None:
        s = requests.Session()
        s.headers.update(headers)
        mine: list[float] = []
        bad = 0
        gate.wait()
        for _ in range(per_client):
            body = {
                "op_id": str(uuid.uuid4()),
                "customer_id": customer_id,
                "amount": "12.50",
                "receipt_no": uuid.uuid4().hex[:20],
            }
            t0 = time.perf_counter()
            r = s.post(f"{backend.url}/v1/earn", json=body, timeout=30)
            mine.append(time.perf_counter() - t0)
            bad += r.status_code != 201
        s.close()
        with lock:
            latencies.extend(mine)
            failures[0] += bad

    threads = [threading.Thread(target=client, args=(cid,)) for cid in ids]
    for t in threads:
        t.start()
    gate.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "failures": failures[0],
        "seconds": elapsed,
        "throughput_rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--requests", type=int, default=2000, help="earns in total")
    p.add_argument("--commits", type=int, default=2000, help="raw SQLite commits")
    p.add_argument("--dir", type=Path, default=None, help="where the databases go (the disk)")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        work = Path(tmp)
        raw = raw_commit_rate(work, args.commits)
        backend = EmbeddedBackend(work / "backend")
        backend.start()
        try:
            load = earn_load(backend, args.clients, args.requests)
        finally:
            backend.stop()
    result = {
        "clients": args.clients,
        **load,
        "raw_sqlite_commits_per_s": raw,
        "ratio_to_raw_commit": load["throughput_rps"] / raw,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"disk: {work.parent}")
        print(
            f"earn over HTTP, {args.clients} clients: {load['requests']:.0f} requests "
            f"in {load['seconds']:.2f} s = {load['throughput_rps']:.0f}/s, "
            f"p50 {load['p50_ms']:.1f} ms, p99 {load['p99_ms']:.1f} ms, "
            f"failures {load['failures']:.0f}"
        )
        print(f"raw SQLite INSERT+COMMIT (WAL, synchronous=FULL): {raw:.0f}/s")
        print(f"ratio earn/raw commit: {result['ratio_to_raw_commit']:.2f}")
    return 0 if load["failures"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
