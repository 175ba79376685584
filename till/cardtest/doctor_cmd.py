"""``till-cardtest doctor``: the seed 001 troubleshooting checklist on this till, from a terminal.

Exit status 0 when every check passes or is skipped, 1 when one fails, 2 when the
configuration can't be read; so a script (or a remote support session) can act on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from till.cardtest.doctor import DoctorInputs
    from till.config import Config

HELP = "check network, backend, API key, a card, readers and the journal (seed 001 checklist)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--card", metavar="NUMBER", help="also check this card number")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--backend", help="backend URL (default: backend.url of the configuration)")
    p.add_argument("--config", type=Path, help="till configuration file (TOML)")
    p.add_argument(
        "--lang",
        choices=("en", "de", "uk"),
        default="en",
        help="the findings' language (default: English; the ids in --json never change)",
    )
    p.add_argument(
        "--demo",
        nargs="?",
        const="",
        metavar="LINK",
        help="check the backend of the running 'till --demo' (its URL and key come from the "
        "link file the demo writes; default: demo-backend.json in the till's data directory)",
    )


def run(args: argparse.Namespace) -> int:
    from till.cardtest import connection
    from till.cardtest.doctor import run_doctor
    from till.errors import TillError

    try:
        config = connection.load(args.config)
    except TillError as exc:
        print(f"doctor: {exc}", file=sys.stderr)
        return 2
    key: str | None = None
    backend = args.backend
    if args.demo is not None:
        from till.cardtest import demo_link

        try:
            link = demo_link.read(Path(args.demo) if args.demo else None)
            key = link.api_key()
        except TillError as exc:
            print(f"doctor: {exc}", file=sys.stderr)
            return 2
        backend = link.url
    app = _translated(args.lang)
    report = run_doctor(machine_inputs(config, backend, args.card, key))
    del app
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(report.to_text(), end="")
    return 0 if report.ok else 1


def _translated(lang: str) -> object:
    """The till's translator for ``lang`` (Qt's needs a core application: no window)."""
    if lang == "en":
        return None
    from PySide6.QtCore import QCoreApplication

    from till import i18n

    app = QCoreApplication.instance() or QCoreApplication([])
    i18n.install(lang, app)
    return app


def machine_inputs(
    config: Config, backend: str | None, card: str | None, key_value: str | None = None
) -> DoctorInputs:
    """Doctor inputs for this machine: its configuration, key, devices and journal.
    ``key_value``: a key already found (the demo's) instead of the keyring's."""
    from devices import discovery
    from till.cardtest import connection
    from till.cardtest.doctor import DoctorInputs, configured_devices, journal_file_stats

    url = connection.backend_url(config, backend)
    key = connection.KeyResult(key_value, "the demo") if key_value else connection.api_key(config)
    return DoctorInputs(
        backend_url=url,
        client=connection.make_client(config, url, key.value) if url else None,
        key_problem=key.problem,
        card=card,
        card_ranges=config.devices.card_ranges,
        require_luhn=config.devices.require_luhn,
        configured_devices=configured_devices(config.devices),
        discover=discovery.discover,
        journal_stats=journal_file_stats(config.journal_path()),
        printer=config.printer,
    )
