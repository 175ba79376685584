"""A store's time zone and locale: checked in words, stored, defaulted for older rows, and
in the session body the tills read (server/store_locale.py, issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, select

from server import store_locale
from server.db import make_engine, read, write
from server.errors import InvalidRequest
from server.schema import merchants, stores


@pytest.mark.parametrize(
    ("raw", "zone"),
    [("Europe/London", "Europe/London"), (" Europe/Berlin ", "Europe/Berlin"), ("UTC", "UTC")],
)
def test_a_tz_database_name_is_a_zone(raw: str, zone: str) -> None:
    assert store_locale.check_time_zone(raw) == zone


@pytest.mark.parametrize("raw", ["Mars/Olympus", "", "../etc/passwd", "/etc/localtime", "+01:00"])
def test_anything_else_is_refused_in_words(raw: str) -> None:
    with pytest.raises(InvalidRequest, match=r"not a time zone .*\(e\.g\. Europe/London"):
        store_locale.check_time_zone(raw)


@pytest.mark.parametrize(("raw", "locale"), [("en_GB", "en_GB"), ("de-DE", "de_DE"), ("fr", "fr")])
def test_a_cldr_locale_is_a_locale(raw: str, locale: str) -> None:
    assert store_locale.check_locale(raw) == locale


@pytest.mark.parametrize("raw", ["xx_QQ", "", "english", "en_GB; DROP TABLE"])
def test_a_locale_cldr_does_not_know_is_refused(raw: str) -> None:
    with pytest.raises(InvalidRequest, match="not a locale"):
        store_locale.check_locale(raw)


def test_a_store_has_the_defaults_until_set_and_the_session_carries_them(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:

        def store(conn: object) -> int:
            m = conn.execute(insert(merchants).values(code="M", name="M")).inserted_primary_key  # type: ignore[attr-defined]
            row = conn.execute(  # type: ignore[attr-defined]
                insert(stores).values(merchant_id=m[0], code="S1", name="Store")
            )
            return int(row.inserted_primary_key[0])

        store_id = write(engine, store)
        body = store_locale.add_to_session(engine, store_id, {"store": {"code": "S1"}})
        assert body["store"] == {"code": "S1", "time_zone": "Europe/London", "locale": "en_GB"}
        done = write(
            engine, lambda c: store_locale.set_store_locale(c, store_id, "Europe/Paris", None)
        )
        assert done == {"time_zone": "Europe/Paris", "locale": "en_GB"}
        write(engine, lambda c: store_locale.set_store_locale(c, store_id, locale="fr-FR"))
        row = read(engine, lambda c: c.execute(select(stores.c.time_zone, stores.c.locale)).one())
        assert tuple(row) == ("Europe/Paris", "fr_FR")
    finally:
        engine.dispose()
