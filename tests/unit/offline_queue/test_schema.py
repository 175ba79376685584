"""Schema versioning: a version-1 file written by this test is upgraded in place, in order."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from offline_queue import Journal, OpState
from offline_queue.errors import JournalError, JournalVersionError
from offline_queue.redaction import REDACTED
from offline_queue.schema import LATEST_VERSION

# The version-1 layout, spelled out here on purpose: the test must keep describing the files
# old tills wrote even when schema.py changes.
V1 = """
CREATE TABLE ops (
    seq INTEGER PRIMARY KEY,
    op_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    account TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending',
    last_error TEXT,
    result TEXT
);
CREATE INDEX ops_state_seq ON ops(state, seq);
PRAGMA user_version = 1;
"""


def write_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1)
    rows = [
        ("p1", "earn", "a", {"customer_id": "a", "amount": "5.00"}, "pending", None),
        (
            "k1",
            "redeem",
            "a",
            {"customer_id": "a", "points": 3, "otp": "654321"},
            "acknowledged",
            {"transaction_id": 4},
        ),
        (
            "r1",
            "claim",
            "b",
            {"customer_id": "b", "approval": {"staff": "m", "pin": "2468"}},
            "review",
            None,
        ),
        ("p2", "earn", "b", {"customer_id": "b", "amount": "1.00"}, "pending", None),
    ]
    for i, (op_id, kind, account, payload, state, result) in enumerate(rows):
        conn.execute(
            "INSERT INTO ops (op_id, kind, account, payload, created_at, attempts, state, result)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                op_id,
                kind,
                account,
                json.dumps({**payload, "op_id": op_id}),
                1000.0 + i,
                i,
                state,
                json.dumps(result) if result else None,
            ),
        )
    conn.commit()
    conn.close()


def version_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_new_file_is_latest_version(journal_path: Path) -> None:
    Journal(journal_path).close()
    assert version_of(journal_path) == LATEST_VERSION == 3


def test_upgrade_from_v1_keeps_every_operation(journal_path: Path) -> None:
    write_v1(journal_path)
    with Journal(journal_path) as j:
        assert [op.op_id for op in j.pending()] == ["p1", "p2"]
        assert [(op.op_id, op.last_error) for op in j.review()] == [("r1", None)]
        acked = j.get("k1")
        assert acked is not None and acked.state is OpState.ACKNOWLEDGED
        assert acked.result == {"transaction_id": 4}
        assert acked.payload["otp"] == REDACTED  # v1 kept secrets after the ack; v2 does not
        assert j.get("r1").payload["approval"]["pin"] == "2468"  # type: ignore[union-attr]
        assert j.get("p1").attempts == 0 and j.get("p2").attempts == 3  # type: ignore[union-attr]
        stats = j.stats()
        assert (stats.pending, stats.oldest_pending_created_at, stats.review) == (2, 1000.0, 1)
        new = j.append("earn", "a", {"customer_id": "a", "amount": "2.00"})
        assert [op.op_id for op in j.pending()] == ["p1", "p2", new]
        assert j.integrity_check() == ["ok"]
    assert version_of(journal_path) == LATEST_VERSION
    with Journal(journal_path) as j:  # a second open has nothing left to do
        assert len(j.pending()) == 3


def test_newer_file_is_refused_untouched(journal_path: Path) -> None:
    Journal(journal_path).close()
    conn = sqlite3.connect(journal_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(JournalVersionError, match="newer"):
        Journal(journal_path)
    assert version_of(journal_path) == 99


def test_failed_migration_leaves_the_old_version(journal_path: Path) -> None:
    write_v1(journal_path)
    conn = sqlite3.connect(journal_path)
    conn.execute("CREATE INDEX ops_pending ON ops(seq)")  # makes step 2 fail half-way
    conn.commit()
    conn.close()
    with pytest.raises(JournalError, match="ops_pending"):
        Journal(journal_path)
    assert version_of(journal_path) == 1
    conn = sqlite3.connect(journal_path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(ops)")]
    conn.close()
    assert "updated_at" not in columns  # the ALTERs before the failure were rolled back
