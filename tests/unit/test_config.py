from __future__ import annotations

from pathlib import Path

import pytest

from till.config import build_config, load_config
from till.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config, _used = load_config(None, environ={"XDG_CONFIG_HOME": str(tmp_path)})
    assert config.backend.url == ""
    assert config.devices.decoder == "zxing"


def test_file_then_environment_override(tmp_path: Path) -> None:
    f = tmp_path / "till.toml"
    f.write_text('[backend]\nurl = "http://a"\ntimeout_s = 3\n[devices]\nwedge_layout = "de"\n')
    config, used = load_config(
        f, environ={"TILL_BACKEND_URL": "http://b", "TILL_DEVICES_SERIAL_BAUD": "115200"}
    )
    assert used == f
    assert config.backend.url == "http://b"
    assert config.backend.timeout_s == 3.0
    assert config.devices.wedge_layout == "de"
    assert config.devices.serial_baud == 115200


def test_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml", environ={})


@pytest.mark.parametrize(
    ("raw", "env", "named"),
    [
        ({"devices": {"serial_baud": "fast"}}, {}, "devices.serial_baud"),
        ({"devices": {"decoder": "magic"}}, {}, "devices.decoder"),
        ({"backend": {"timeout_s": 0}}, {}, "backend.timeout_s"),
        ({"backend": {"colour": "red"}}, {}, "backend.colour"),
        ({"nonsense": {}}, {}, "[nonsense]"),
        ({}, {"TILL_DEVICES_SERIAL_BAUD": "fast"}, "TILL_DEVICES_SERIAL_BAUD"),
        ({}, {"TILL_BOGUS_X": "1"}, "TILL_BOGUS_X"),
        ({"devices": {"card_ranges": ["99-10"]}}, {}, "devices.card_ranges"),
        ({"devices": {"card_ranges": ["abc"]}}, {}, "devices.card_ranges"),
        ({"devices": {"member_qr_pattern": "^https://x/(.*)$"}}, {}, "devices.member_qr_pattern"),
        ({"devices": {"member_qr_pattern": "(["}}, {}, "devices.member_qr_pattern"),
        (
            {},
            {"TILL_SECRETS_ALLOW_PLAINTEXT_KEYRING": "maybe"},
            "TILL_SECRETS_ALLOW_PLAINTEXT_KEYRING",
        ),
    ],
)
def test_bad_settings_name_the_key(raw: dict, env: dict, named: str) -> None:
    with pytest.raises(ConfigError) as info:
        build_config(raw, env, source="till.toml")
    assert named in str(info.value)


def test_secrets_are_refused_in_the_file() -> None:
    with pytest.raises(ConfigError, match="keyring"):
        build_config({"backend": {"api_key": "abc"}}, {}, source="till.toml")


def test_bad_toml_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "till.toml"
    f.write_text("[backend\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(f, environ={})
