"""Phone numbers to E.164 for the store's region, and the migration of old rows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, insert, select

from server import migrations, phones
from server.db import make_engine
from server.schema import customers, merchants, stores


@pytest.mark.parametrize(
    "raw",
    ["07700900123", "07700 900123", "(07700) 900-123", "7700900123", "+44 7700 900123"],
)
def test_national_and_international_forms_are_one_number(raw: str) -> None:
    assert phones.to_e164(raw, "GB") == "+447700900123"


def test_the_region_decides_what_a_national_number_means() -> None:
    assert phones.to_e164("030 123456", "DE") == "+4930123456"
    assert phones.to_e164("(650) 253-0000", "US") == "+16502530000"
    assert phones.to_e164("+44 7700 900123", "US") == "+447700900123"


@pytest.mark.parametrize("raw", ["abc", "12", "077009001234567", "", "+44", "4" * 41])
def test_not_a_phone_number_is_said_in_plain_words(raw: str) -> None:
    with pytest.raises(phones.InvalidPhone) as caught:
        phones.to_e164(raw, "GB")
    assert str(caught.value) == "That is not a phone number for United Kingdom"
    assert caught.value.body()["error"] == {
        "code": "invalid_phone",
        "message": "That is not a phone number for United Kingdom",
        "field": "phone",
        "region": "GB",
    }


def test_an_international_number_is_judged_by_its_country() -> None:
    with pytest.raises(phones.InvalidPhone, match="for United States"):
        phones.to_e164("+1 555", "GB")


@given(
    st.text(alphabet="0123456789", min_size=9, max_size=9),
    st.lists(st.sampled_from([" ", "-", ".", ""]), min_size=10, max_size=10),
)
def test_punctuation_never_changes_the_number(digits: str, seps: list[str]) -> None:
    national = "07" + digits
    spaced = "".join(ch + sep for ch, sep in zip(national, seps, strict=False)) + national[10:]
    assert phones.to_e164(spaced, "GB") == phones.to_e164(national, "GB") == "+447" + digits


def _database_before_the_rewrite(path: Path) -> None:
    """A database at the revision before ``0008_phones_e164``: phones as they were typed."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(migrations.alembic_config(conn), "0007_claim_keys")
    with engine.begin() as conn:
        m = conn.execute(insert(merchants).values(code="M", name="M")).inserted_primary_key
        conn.execute(insert(stores).values(merchant_id=m[0], code="S", name="S"))
        for phone in ("07700 900555", "+447700900666", "07700900666", "not a number"):
            conn.execute(
                insert(customers).values(
                    merchant_id=m[0],
                    phone=phone,
                    name="",
                    status="active",
                    balance=0,
                    created_at="2026-01-01T00:00:00Z",
                )
            )
    engine.dispose()


def test_old_rows_are_rewritten_to_e164_by_the_migration_not_at_start_up(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    _database_before_the_rewrite(path)
    with pytest.raises(migrations.SchemaOutdated, match="till-server migrate"):
        make_engine(f"sqlite:///{path}")  # a start no longer migrates (or scans) anything
    engine = create_engine(f"sqlite:///{path}")
    try:
        before, head = migrations.upgrade(engine)
        assert (before, head) == ("0007_claim_keys", migrations.head())
        with engine.connect() as conn:
            stored = [r.phone for r in conn.execute(select(customers.c.phone).order_by("id"))]
            # The duplicate of an existing E.164 number and the garbage are left for a manager.
            assert stored == ["+447700900555", "+447700900666", "07700900666", "not a number"]
        with engine.begin() as conn:
            assert phones.rewrite_to_e164(conn) == 0  # idempotent
    finally:
        engine.dispose()


def test_the_store_region_is_set_from_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(db)
    with engine.begin() as conn:
        m = conn.execute(insert(merchants).values(code="M", name="M")).inserted_primary_key
        conn.execute(insert(stores).values(merchant_id=m[0], code="BER", name="Berlin"))
    run = [sys.executable, "-m", "server", "set-phone-region", "--db", db, "--store", "BER"]
    done = subprocess.run([*run, "--region", "de"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    with engine.connect() as conn:
        assert conn.execute(select(stores.c.phone_region)).scalar_one() == "DE"
        assert phones.store_region(conn, 1) == "DE"
    bad = subprocess.run([*run, "--region", "XX"], capture_output=True, text=True, check=False)
    assert bad.returncode != 0 and "not a country code" in bad.stderr
    engine.dispose()
