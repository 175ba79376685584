"""``till --print-sample FILE.bin`` and ``till --set-claim-key``: no window, no backend."""

from __future__ import annotations

import sys
from pathlib import Path

from till.config import Config
from till.errors import TillError


def run_command(config: Config, sample: Path | None, set_claim_key: bool) -> int:
    if set_claim_key:
        from till.printing.claim_key import store_claim_key

        try:
            where = store_claim_key(
                sys.stdin.readline(),
                config.secrets.keyring_service,
                config.secrets.allow_plaintext_keyring,
            )
        except TillError as exc:
            print(f"till: {exc}", file=sys.stderr)
            return 1
        print(f"Receipt claim key stored in {where}")
        return 0
    assert sample is not None
    from till.printing.sample import sample_bytes

    data = sample_bytes(config.printer.paper_mm, member=False, profile=config.printer.profile)
    try:
        sample.write_bytes(data)
    except OSError as exc:
        print(f"till: {sample} cannot be written ({exc.strerror})", file=sys.stderr)
        return 1
    print(f"{sample}: {len(data)} bytes of ESC/POS ({config.printer.paper_mm} mm paper)")
    return 0
