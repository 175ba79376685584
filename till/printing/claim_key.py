"""The till's receipt claim key: where it is kept, and signing a sale's claim token.

Kept like the API key (:mod:`till.secrets`): a systemd credential ``till-claim-key`` first,
then the OS keyring (user ``receipt-claim-key``), never the configuration file, never
logged. Without one the till prints receipts without a claim QR (and says so once in the
log) — claiming then needs a manager (``POST /v1/claims``), as before issue 17.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from server.claim_tokens import ClaimKey, TokenError, sign
from till.core.sale import Sale, SaleState
from till.errors import SecretError
from till.secrets import backend_is_plaintext, backend_is_unavailable, describe_backend
from till.translate import translate

log = logging.getLogger(__name__)

CREDENTIAL_NAME = "till-claim-key"
KEYRING_USERNAME = "receipt-claim-key"


def _keyring() -> ModuleType:
    import keyring

    return keyring


def load_claim_key(
    service: str,
    allow_plaintext: bool = False,
    environ: Mapping[str, str] | None = None,
    keyring_module: ModuleType | None = None,
) -> ClaimKey | None:
    """The till's claim key, or None when none was stored (or it cannot be read safely)."""
    env = os.environ if environ is None else environ
    cred_dir = env.get("CREDENTIALS_DIRECTORY")
    text: str | None = None
    if cred_dir and (Path(cred_dir) / CREDENTIAL_NAME).exists():
        try:
            text = (Path(cred_dir) / CREDENTIAL_NAME).read_text(encoding="utf-8").strip()
        except OSError as exc:
            log.warning("the claim key credential cannot be read (%s)", exc.strerror)
            return None
    else:
        try:
            kr = keyring_module or _keyring()
            backend = kr.get_keyring()
            if backend_is_unavailable(backend) or (
                backend_is_plaintext(backend) and not allow_plaintext
            ):
                return None
            text = kr.get_password(service, KEYRING_USERNAME)
        except Exception as exc:  # a keyring that fails must not stop the till
            log.warning("the OS keyring cannot be read for the claim key: %s", type(exc).__name__)
            return None
    if not text:
        return None
    try:
        return ClaimKey.parse(text)
    except TokenError:
        log.warning("the stored receipt claim key is not valid: receipts print without a QR")
        return None


def store_claim_key(
    value: str,
    service: str,
    allow_plaintext: bool = False,
    keyring_module: ModuleType | None = None,
) -> str:
    """Check and store the key text printed by ``till-server create-claim-key``."""
    try:
        key = ClaimKey.parse(value)
    except TokenError as exc:
        raise SecretError(
            translate("Printing", "That is not a receipt claim key: {exc}").format(exc=exc)
        ) from None
    kr = keyring_module or _keyring()
    backend = kr.get_keyring()
    if backend_is_unavailable(backend):
        raise SecretError(
            translate("Printing", "No OS keyring is available to store the claim key in")
        )
    if backend_is_plaintext(backend) and not allow_plaintext:
        raise SecretError(
            translate(
                "Printing", "The OS keyring ({value}) stores secrets in plain text; refusing it."
            ).format(value=describe_backend(backend))
        )
    kr.set_password(service, KEYRING_USERNAME, key.text())
    return describe_backend(backend)


def claim_token_for(sale: Sale, key: ClaimKey | None) -> str | None:
    """The claim token of a completed sale without a member (None: no QR on this receipt)."""
    if key is None or sale.member is not None or sale.state != SaleState.COMPLETED:
        return None
    amount = sale.earnable_amount
    if amount <= Decimal(0) or not sale.receipt_no:
        return None
    when = datetime.fromisoformat((sale.completed_at or sale.created_at).replace("Z", "+00:00"))
    try:
        return sign(key, sale.receipt_no, amount, when)
    except ValueError:
        log.warning("receipt %s: no claim code (receipt number too long)", sale.receipt_no)
        return None


def demo_claim_key(demo: object) -> ClaimKey | None:
    """``till --demo``: a claim key issued by the embedded demo backend for its till."""
    from server import receipt_claims
    from server.db import Clock, make_engine, write
    from server.embedded import STORE, TILL

    url = getattr(demo, "db_url", "")
    if not url:
        return None
    engine = make_engine(url)
    try:
        clock = Clock()
        return write(engine, lambda c: receipt_claims.issue_key(c, STORE, TILL, clock))
    finally:
        engine.dispose()
