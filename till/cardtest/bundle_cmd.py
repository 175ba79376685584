"""``till-cardtest bundle OUT.zip``: versions, settings, logs, devices and the doctor's report.

The bundle is written even when checks fail (that is when it is needed); the exit status is
1 only when the zip itself could not be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "write a support bundle (versions, settings without secrets, logs, devices, doctor)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", type=Path, metavar="OUT.zip", help="the zip file to write")
    p.add_argument("--card", metavar="NUMBER", help="also check this card number")
    p.add_argument("--backend", help="backend URL (default: backend.url of the configuration)")
    p.add_argument("--config", type=Path, help="till configuration file (TOML)")


def run(args: argparse.Namespace) -> int:
    from devices import discovery
    from till.cardtest import connection
    from till.cardtest.bundle import write_bundle
    from till.cardtest.doctor import device_list_json, run_doctor
    from till.cardtest.doctor_cmd import machine_inputs
    from till.config import load_config
    from till.errors import TillError

    out: Path = args.out
    if out.exists():
        print(f"bundle: {out} exists already; give a new file name.", file=sys.stderr)
        return 2
    try:
        config, config_file = load_config(args.config, connection.settings_environ())
    except TillError as exc:
        print(f"bundle: {exc}", file=sys.stderr)
        return 2
    inputs = machine_inputs(config, args.backend, args.card)
    try:
        found = discovery.discover()
    except OSError:
        found = []
    inputs.discover = lambda: found
    report = run_doctor(inputs)
    try:
        names = write_bundle(
            out,
            config=config,
            config_file=config_file,
            log_directory=config.log_directory(),
            devices=device_list_json(found),
            doctor_json=report.to_json(),
            doctor_text=report.to_text(),
        )
    except OSError as exc:
        print(f"bundle: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    failed = sum(c.status == "fail" for c in report.checks)
    print(f"Support bundle written to {out} ({len(names)} files).")
    print("Doctor: all checks passed." if not failed else f"Doctor: {failed} check(s) failed.")
    return 0
