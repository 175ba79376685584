"""The server suite runs on both engines (issue 14): every test that starts a backend runs
once on SQLite and once on PostgreSQL, ids ``[sqlite]`` / ``[postgres]``.

``backend_engine`` is parametrised at module scope, so a module's shared backend
(``module_backend_factory``) is started once per engine, and the PostgreSQL cluster once per
session (tests/fixtures/postgres.py). A test that is about SQLite itself (its files, its
backup API) is marked ``@pytest.mark.sqlite_only("why")`` and runs on SQLite alone.
While a module runs on PostgreSQL, ``TILL_SERVER_PEPPER_FILE`` names the templates' pepper,
so ``till-server`` commands a test runs against ``srv.db_url`` use the same key.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fixtures.backend import PEPPER_ENV

ENGINES = ("sqlite", "postgres")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): a server test about SQLite itself; not run on PostgreSQL"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend_engine" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("sqlite_only")
    engines = ["sqlite"] if marker is not None else list(ENGINES)
    metafunc.parametrize("backend_engine", engines, indirect=True, scope="module")


@pytest.fixture(scope="module")
def backend_engine(request: pytest.FixtureRequest) -> Iterator[str]:
    engine: str = request.param
    with pytest.MonkeyPatch.context() as mp:
        if engine == "postgres":
            mp.setenv(PEPPER_ENV, str(request.getfixturevalue("pg_templates").pepper_file))
        yield engine
