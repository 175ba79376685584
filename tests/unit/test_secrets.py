from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from till.errors import SecretError
from till.secrets import ApiKey, load_api_key, mask_key, store_api_key


class _Backend:
    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}


class SecretServiceKeyring(_Backend):
    pass


class PlaintextKeyring(_Backend):
    pass


def fake_keyring(backend: _Backend) -> Any:
    return SimpleNamespace(
        get_keyring=lambda: backend,
        get_password=lambda s, u: backend.store.get((s, u)),
        set_password=lambda s, u, v: backend.store.__setitem__((s, u), v),
    )


def test_systemd_credential_wins(tmp_path: Path) -> None:
    (tmp_path / "till-api-key").write_text("k-123456\n")
    key = load_api_key(
        "svc",
        environ={"CREDENTIALS_DIRECTORY": str(tmp_path)},
        keyring_module=fake_keyring(SecretServiceKeyring()),
    )
    assert key.value == "k-123456"
    assert "systemd credential" in key.source
    assert "k-123456" not in repr(key) and "k-123456" not in str(key)


def test_keyring_round_trip() -> None:
    kr = fake_keyring(SecretServiceKeyring())
    store_api_key("secret-key-9876", "svc", keyring_module=kr)
    key = load_api_key("svc", environ={}, keyring_module=kr)
    assert key == ApiKey("secret-key-9876", key.source)
    assert "OS keyring" in key.source


def test_plaintext_keyring_refused_unless_allowed() -> None:
    backend = PlaintextKeyring()
    kr = fake_keyring(backend)
    with pytest.raises(SecretError, match="plain text"):
        store_api_key("abc12345", "svc", keyring_module=kr)
    store_api_key("abc12345", "svc", allow_plaintext=True, keyring_module=kr)
    with pytest.raises(SecretError, match="plain text"):
        load_api_key("svc", environ={}, keyring_module=kr)
    assert (
        load_api_key("svc", allow_plaintext=True, environ={}, keyring_module=kr).value == "abc12345"
    )


def test_missing_key_says_what_to_do() -> None:
    with pytest.raises(SecretError, match="set-api-key"):
        load_api_key("svc", environ={}, keyring_module=fake_keyring(SecretServiceKeyring()))


def test_mask_key_shows_only_the_tail() -> None:
    assert mask_key("abcdefgh1234") == "****1234"
    assert mask_key("abc") == "****"
