"""Shared parts for the core's tests: a real journal file, the model backend and its door."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_queue.journal import Journal
from tests.unit.till.core.model_backend import FaultyDoor, ModelBackend


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


@pytest.fixture
def model() -> ModelBackend:
    return ModelBackend(balances={"7": 1000})


@pytest.fixture
def door(model: ModelBackend) -> FaultyDoor:
    return FaultyDoor(model)
