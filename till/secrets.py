"""Where the backend API key comes from, and never from the configuration file.

Order: a systemd credential (``$CREDENTIALS_DIRECTORY/till-api-key``, for headless terminals
where no keyring session runs), then the OS keyring. A keyring backend that stores secrets in
plain text on disk is refused unless the configuration allows it explicitly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from till.errors import SecretError

CREDENTIAL_NAME = "till-api-key"
KEYRING_USERNAME = "backend-api-key"


@dataclass(frozen=True)
class ApiKey:
    """The key and the source it came from; ``repr`` never shows the key."""

    value: str = field(repr=False)
    source: str

    def __str__(self) -> str:
        return f"API key from {self.source}"


def _keyring() -> ModuleType:
    import keyring

    return keyring


def backend_is_plaintext(backend: Any) -> bool:
    """True for keyring backends that write the secret readable on disk."""
    inner = getattr(backend, "backends", None)
    if inner:
        return any(backend_is_plaintext(b) for b in inner)
    cls = type(backend)
    name = f"{cls.__module__}.{cls.__qualname__}"
    return "Plaintext" in name or (
        name.startswith("keyrings.alt.file.") and "Encrypted" not in name
    )


def backend_is_unavailable(backend: Any) -> bool:
    inner = getattr(backend, "backends", None)
    if inner is not None:
        return len(inner) == 0 or all(backend_is_unavailable(b) for b in inner)
    return type(backend).__module__ == "keyring.backends.fail"


def describe_backend(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def load_api_key(
    service: str,
    allow_plaintext: bool = False,
    environ: Mapping[str, str] | None = None,
    keyring_module: ModuleType | None = None,
) -> ApiKey:
    env = os.environ if environ is None else environ
    cred_dir = env.get("CREDENTIALS_DIRECTORY")
    if cred_dir:
        path = Path(cred_dir) / CREDENTIAL_NAME
        if path.exists():
            try:
                value = path.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise SecretError(
                    f"The systemd credential {path} cannot be read ({exc.strerror})"
                ) from None
            if not value:
                raise SecretError(f"The systemd credential {path} is empty")
            return ApiKey(value, f"systemd credential {path}")
    kr = keyring_module or _keyring()
    backend = kr.get_keyring()
    if backend_is_unavailable(backend):
        raise SecretError(
            "No API key: no systemd credential 'till-api-key' and no OS keyring available. "
            "Install a keyring (e.g. gnome-keyring) or pass the key as a systemd credential."
        )
    if backend_is_plaintext(backend) and not allow_plaintext:
        raise SecretError(
            f"The OS keyring ({describe_backend(backend)}) stores secrets in plain text; "
            "refusing it. Set secrets.allow_plaintext_keyring = true to accept that risk."
        )
    value = kr.get_password(service, KEYRING_USERNAME)
    if not value:
        raise SecretError(
            f"No API key in the OS keyring ({describe_backend(backend)}) for '{service}'. "
            "A manager can enter it under Settings, or run 'till --set-api-key'."
        )
    return ApiKey(value, f"OS keyring ({describe_backend(backend)})")


def store_api_key(
    value: str,
    service: str,
    allow_plaintext: bool = False,
    keyring_module: ModuleType | None = None,
) -> str:
    """Store the key in the OS keyring; returns the backend's description."""
    if not value.strip():
        raise SecretError("The API key is empty")
    kr = keyring_module or _keyring()
    backend = kr.get_keyring()
    if backend_is_unavailable(backend):
        raise SecretError("No OS keyring is available to store the API key in")
    if backend_is_plaintext(backend) and not allow_plaintext:
        raise SecretError(
            f"The OS keyring ({describe_backend(backend)}) stores secrets in plain text; refusing it."
        )
    kr.set_password(service, KEYRING_USERNAME, value.strip())
    return describe_backend(backend)


def mask_key(value: str) -> str:
    """What a settings screen may show of a key: its last four characters."""
    if len(value) <= 4:
        return "****"
    return "****" + value[-4:]
