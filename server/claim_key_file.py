"""``till-server`` commands of receipt claim keys (issue 17): issue, write once, set the period.

The claim key is a secret like the API key: printed once (``create-claim-key``) or written
to a file only its owner can read (``create-key --claim-key-out``), never logged.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sqlalchemy import Engine

from server import receipt_claims
from server.db import Clock, write


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text + "\n")
    os.chmod(path, 0o600)


def write_claim_key(engine: Engine, clock: Clock, args: argparse.Namespace) -> None:
    key = write(
        engine,
        lambda c: receipt_claims.issue_key(c, args.store, args.till, clock, args.merchant),
    )
    _write_private(args.claim_key_out, key.text())


def claim_command(engine: Engine, clock: Clock, args: argparse.Namespace) -> None:
    if args.command == "create-claim-key":
        key = write(
            engine,
            lambda c: receipt_claims.issue_key(c, args.store, args.till, clock, args.merchant),
        )
        print(key.text())
        return
    write(engine, lambda c: receipt_claims.set_claim_days(c, args.store, args.days))
    print(f"Store {args.store}: receipts can be claimed for {args.days} days")
