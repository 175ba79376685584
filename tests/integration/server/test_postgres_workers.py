"""Several server processes on one PostgreSQL database (issue 14): ``serve --workers 2`` on
one socket, and two separate servers whose requests alternate, repeat the races of
tests/integration/server/races.py: one op_id sent ten times at once, the whole balance
redeemed ten times at once, ten wrong PINs at once, crossed batches. PostgreSQL only:
``--workers`` refuses SQLite (one writer at a time)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import PgTemplates
from tests.integration.server import races
from tests.integration.server.client import Api


def _children(pid: int) -> list[int]:
    raw = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    return [int(p) for p in raw.split()]


@pytest.fixture(scope="module")
def workers(
    pg_templates: PgTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EmbeddedBackend]:
    srv = EmbeddedBackend(
        tmp_path_factory.mktemp("workers"),
        db_url=pg_templates.database(True),
        pepper_file=pg_templates.pepper_file,
    )
    srv.extra_args = ["--workers", "2"]
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def pair(
    pg_templates: PgTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[Api]]:
    url = pg_templates.database(True)
    servers = [
        EmbeddedBackend(
            tmp_path_factory.mktemp(f"pair{i}"), db_url=url, pepper_file=pg_templates.pepper_file
        )
        for i in range(2)
    ]
    for s in servers:
        s.start()
    yield [Api.of(s) for s in servers]
    for s in servers:
        s.stop()


def test_workers_are_two_processes(workers: EmbeddedBackend) -> None:
    assert workers.pid is not None
    assert len(_children(workers.pid)) == 2


def test_one_op_id_sent_ten_times_across_workers(workers: EmbeddedBackend) -> None:
    races.same_op_ten_times([Api.of(workers)])
    races.same_batched_op_ten_times([Api.of(workers)])


def test_whole_balance_redeemed_once_across_workers(workers: EmbeddedBackend) -> None:
    races.whole_balance_redeemed_once([Api.of(workers)])


def test_one_op_id_sent_ten_times_to_two_servers(pair: list[Api]) -> None:
    for _ in range(3):
        races.same_op_ten_times(pair)
    races.same_batched_op_ten_times(pair)


def test_whole_balance_redeemed_once_through_two_servers(pair: list[Api]) -> None:
    races.whole_balance_redeemed_once(pair)


def test_wrong_pins_through_two_servers_are_each_counted(pair: list[Api]) -> None:
    # Each server's key is its own till's: the count is per till, so both keys' till is one.
    races.wrong_pins_counted_exactly(pair, "nobody-here")


def test_crossed_batches_through_two_servers(pair: list[Api]) -> None:
    races.crossed_batches_never_fail(pair)


def test_workers_refuse_sqlite(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "serve",
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and "PostgreSQL" in done.stderr
