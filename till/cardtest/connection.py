"""How the technician commands reach the backend: configuration, API key, manager approval.

Why a module of its own: ``batch``, ``doctor`` and ``bundle`` must find the backend and the
key the same way the till does (the configuration file and the OS keyring / systemd
credential of :mod:`till.secrets`), plus two conveniences a technician's terminal needs:
``TILL_API_KEY`` for a key pasted from the backend's ``create-key``, and ``TILL_MANAGER_PIN``
or a hidden prompt for the manager approval of program and card registration. Neither value
is ever printed, logged or put into an error message.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from till.backend_client import BackendClient, approval
from till.config import Config, load_config
from till.errors import TillError

API_KEY_ENV = "TILL_API_KEY"
MANAGER_PIN_ENV = "TILL_MANAGER_PIN"
# Variables of this tool that look like settings to the configuration loader.
_NOT_SETTINGS = {API_KEY_ENV, MANAGER_PIN_ENV}


def settings_environ(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment without this tool's secret variables, for :func:`load_config`."""
    env = os.environ if environ is None else environ
    return {k: v for k, v in env.items() if k not in _NOT_SETTINGS}


def load(config_path: Path | None, environ: Mapping[str, str] | None = None) -> Config:
    config, _ = load_config(config_path, settings_environ(environ))
    return config


@dataclass(frozen=True)
class KeyResult:
    """The API key (or None) and, when missing, why in plain words."""

    value: str | None
    source: str
    problem: str = ""


def api_key(config: Config, environ: Mapping[str, str] | None = None) -> KeyResult:
    env = os.environ if environ is None else environ
    if env.get(API_KEY_ENV, "").strip():
        return KeyResult(env[API_KEY_ENV].strip(), f"environment variable {API_KEY_ENV}")
    from till.secrets import load_api_key

    try:
        key = load_api_key(
            config.secrets.keyring_service,
            config.secrets.allow_plaintext_keyring,
            environ=env,
        )
    except TillError as exc:
        return KeyResult(None, "", f"{exc} (or set {API_KEY_ENV} for this command)")
    except Exception as exc:  # a broken keyring backend must not crash a diagnosis
        return KeyResult(None, "", f"the OS keyring failed ({type(exc).__name__})")
    return KeyResult(key.value, key.source)


def backend_url(config: Config, override: str | None) -> str:
    return (override or config.backend.url or "").rstrip("/")


def make_client(config: Config, url: str, key: str | None) -> BackendClient:
    return BackendClient(url, key or "", timeout_s=config.backend.timeout_s)


def manager_approval(
    manager: str,
    environ: Mapping[str, str] | None = None,
    prompt: Callable[[str], str] = getpass.getpass,
) -> dict[str, str]:
    """``{"staff", "pin"}`` with the PIN from ``TILL_MANAGER_PIN`` or a prompt that doesn't echo."""
    env = os.environ if environ is None else environ
    pin = env.get(MANAGER_PIN_ENV, "").strip()
    if not pin:
        pin = prompt(f"PIN of manager {manager} (not shown): ").strip()
    if not pin:
        raise TillError("No manager PIN was given: the backend needs a manager's approval.")
    return approval(manager, pin)
