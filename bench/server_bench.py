"""Earn throughput and latency of the reference backend, beside its engine's raw commit rate.

Starts the real server (``EmbeddedBackend``) on loopback with a fresh demo database, then N
client threads each send their share of a fixed number of ``POST /v1/earn`` requests (one
``requests.Session`` per thread, like one till each). In the same run it measures how many
single-row INSERT + COMMIT transactions the same engine manages on its own (SQLite: WAL,
synchronous=FULL; PostgreSQL: fsync and synchronous_commit on): every earn is at least one
such durable commit, so that rate is the ceiling, and the ratio shows what HTTP, validation
and the ledger logic cost on top. Ratios, not absolute figures, compare across machines.

One run measures three set-ups (issue 14): SQLite, PostgreSQL with one server process, and
PostgreSQL with ``--workers N`` processes. PostgreSQL is a throwaway durable cluster
(tests/fixtures/postgres.py) unless ``--db`` names a server to use (a maintenance database
URL: the bench creates and drops a scratch database there).

    .venv/bin/python bench/server_bench.py --clients 8 --requests 2000 --workers 2
    .venv/bin/python bench/server_bench.py --db postgresql+psycopg://postgres@db/postgres
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def raw_pg_commit_rate(url: str, commits: int) -> float:
    """The same loop on PostgreSQL, one connection, one INSERT + COMMIT each."""
    import psycopg

    with psycopg.connect(_libpq(url)) as conn:
        conn.execute("CREATE TABLE raw_commit (id BIGSERIAL PRIMARY KEY, op TEXT, points INT)")
        conn.commit()
        started = time.perf_counter()
        for n in range(commits):
            conn.execute(
                "INSERT INTO raw_commit (op, points) VALUES (%s, %s)", (str(uuid.uuid4()), n)
            )
            conn.commit()
        elapsed = time.perf_counter() - started
    return commits / elapsed


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@contextlib.contextmanager
def pg_server(admin_url: str | None) -> Iterator[str]:
    """A maintenance-database URL: the one given, or a throwaway durable cluster's."""
    if admin_url:
        yield admin_url
        return
    from tests.fixtures.postgres import throwaway_cluster

    with throwaway_cluster(durable=True) as cluster:
        yield cluster.url("postgres")


@contextlib.contextmanager
def scratch_database(admin_url: str) -> Iterator[str]:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


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


def measure(
    work: Path, args: argparse.Namespace, db_url: str | None, workers: int
) -> dict[str, Any]:
    workdir = work / f"backend-{uuid.uuid4().hex[:6]}"
    pepper = None
    if db_url is not None:
        workdir.mkdir(parents=True)
        pepper = workdir / "pepper"
        pepper.write_text(uuid.uuid4().hex + uuid.uuid4().hex + "\n", encoding="ascii")
        pepper.chmod(0o600)
    backend = EmbeddedBackend(workdir, db_url=db_url, pepper_file=pepper)
    if workers > 1:
        backend.extra_args = ["--workers", str(workers)]
    backend.start()
    try:
        return earn_load(backend, args.clients, args.requests)
    finally:
        backend.stop()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--requests", type=int, default=2000, help="earns in total, per set-up")
    p.add_argument("--commits", type=int, default=2000, help="raw commits, per engine")
    p.add_argument("--dir", type=Path, default=None, help="where the SQLite files go (the disk)")
    p.add_argument("--db", help="a PostgreSQL maintenance database URL (default: throwaway)")
    p.add_argument("--workers", type=int, default=2, help="processes of the PostgreSQL xN run")
    p.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        work = Path(tmp)
        raw = raw_commit_rate(work, args.commits)
        rows.append({"setup": "sqlite", **measure(work, args, None, 1), "raw_commits_per_s": raw})
        if not args.sqlite_only:
            with pg_server(args.db) as admin:
                with scratch_database(admin) as url:
                    pg_raw = raw_pg_commit_rate(url, args.commits)
                for workers in (1, args.workers):
                    with scratch_database(admin) as url:
                        load = measure(work, args, url, workers)
                    rows.append(
                        {"setup": f"postgres x{workers}", **load, "raw_commits_per_s": pg_raw}
                    )
    for row in rows:
        row["ratio_to_raw_commit"] = row["throughput_rps"] / row["raw_commits_per_s"]
        row["ratio_to_sqlite"] = row["throughput_rps"] / rows[0]["throughput_rps"]
    if args.json:
        print(json.dumps({"clients": args.clients, "runs": rows}, indent=2))
    else:
        print(f"earn over HTTP, {args.clients} clients, {args.requests} requests per set-up")
        print(
            f"{'set-up':<13} {'earns/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'fail':>5} "
            f"{'raw commits/s':>14} {'earn/raw':>9} {'vs sqlite':>9}"
        )
        for r in rows:
            print(
                f"{r['setup']:<13} {r['throughput_rps']:>8.0f} {r['p50_ms']:>7.1f} "
                f"{r['p99_ms']:>7.1f} {r['failures']:>5.0f} {r['raw_commits_per_s']:>14.0f} "
                f"{r['ratio_to_raw_commit']:>9.2f} {r['ratio_to_sqlite']:>9.2f}"
            )
    return 0 if all(r["failures"] == 0 for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
