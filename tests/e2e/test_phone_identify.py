"""A typed phone number at the till: the store's region from the session, national forms
found online and offline, shown nationally, refused in plain words (issue 12, 5 and 6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from server.embedded import EmbeddedBackend
from till.account_cache import AccountCache
from till.backend_client import BackendClient, BackendError
from till.identify import Identifier, LookupKind, LookupResult
from till.phone_numbers import region_of
from till.tasks import TaskRunner

NOT_A_PHONE = "That is not a phone number for United Kingdom"
RUNNERS: dict[Identifier, TaskRunner] = {}


def _lookup(qtbot: QtBot, identifier: Identifier, phone: str) -> LookupResult:
    results: list[LookupResult] = []
    identifier.lookup("phone", phone, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    return results[0]


def _identifier(backend: EmbeddedBackend, tmp_path: Path, *, with_region: bool) -> Identifier:
    client = BackendClient(backend.url, backend.api_key, timeout_s=2)
    region = region_of(client.session())
    assert region == "GB"  # the store's setting, from /v1/session
    cache = AccountCache(tmp_path / "accounts.sqlite3")
    runner = TaskRunner()
    identifier = Identifier(client, cache, runner, region=(lambda: region) if with_region else None)
    RUNNERS[identifier] = runner
    return identifier


def test_a_national_number_finds_the_member_and_is_shown_nationally(
    qtbot: QtBot, backend: EmbeddedBackend, tmp_path: Path
) -> None:
    identifier = _identifier(backend, tmp_path, with_region=True)
    result = _lookup(qtbot, identifier, "07700900123")
    assert result.kind == LookupKind.MEMBER and result.member is not None
    assert result.member.name == "Alice Demo"
    assert result.member.phone == "07700 900123"
    assert result.phone == "+447700900123"  # what is sent, cached and registered


def test_a_bad_number_is_refused_at_once_in_plain_words(
    qtbot: QtBot, backend: EmbeddedBackend, tmp_path: Path
) -> None:
    identifier = _identifier(backend, tmp_path, with_region=True)
    backend.stop()  # the till's own check: no backend needed
    results: list[LookupResult] = []
    identifier.lookup("phone", "07700", results.append)
    assert [(r.kind, r.message) for r in results] == [(LookupKind.REFUSED, NOT_A_PHONE)]


def test_without_the_region_the_backend_says_the_same(
    qtbot: QtBot, backend: EmbeddedBackend, tmp_path: Path
) -> None:
    identifier = _identifier(backend, tmp_path, with_region=False)
    result = _lookup(qtbot, identifier, "07700")
    assert (result.kind, result.message) == (LookupKind.REFUSED, NOT_A_PHONE)
    found = _lookup(qtbot, identifier, "07700 900123")  # the backend applies the region
    assert found.kind == LookupKind.MEMBER


def test_offline_the_national_form_finds_the_cached_member(
    qtbot: QtBot, backend: EmbeddedBackend, tmp_path: Path
) -> None:
    identifier = _identifier(backend, tmp_path, with_region=True)
    assert _lookup(qtbot, identifier, "+44 7700 900123").kind == LookupKind.MEMBER
    runner = RUNNERS[identifier]  # wait for the cache write to land
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10_000)
    backend.stop()
    result = _lookup(qtbot, identifier, "07700 900123")
    assert result.kind == LookupKind.MEMBER and result.member is not None
    assert result.member.offline and result.member.phone == "07700 900123"


def test_the_till_reads_phones_in_the_stores_region(till_factory: Any, backend: Any) -> None:
    """Acceptance: a national-format phone finds the member; registering it again is
    refused as a duplicate."""
    till = till_factory(backend)
    till.phone("07700900123")
    till.wait_member("Alice Demo")
    assert till.sale.member.phone == "07700 900123"  # shown as the cashier would say it
    with pytest.raises(BackendError) as refused:
        till.ctx.client.create_customer("07700 900123", "Alice again")
    assert refused.value.code == "customer_exists"
    till.phone("07700")
    till.wait_banner(NOT_A_PHONE)
