"""``till-cardtest bench``: the card test bench window on its own (needs a display).

Qt is imported inside :func:`run` only, so the other subcommands work on a bare terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "open the card test bench window (live reads, sample sessions, barcode backup, doctor)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", help="backend URL (default: backend.url of the configuration)")
    p.add_argument("--config", type=Path, help="till configuration file (TOML)")
    p.add_argument(
        "--screenshot", type=Path, metavar="FILE.png", help="render the window to a PNG and exit"
    )


def run(args: argparse.Namespace) -> int:
    from till.cardtest import connection
    from till.errors import TillError

    try:
        config = connection.load(args.config)
    except TillError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    url = connection.backend_url(config, args.backend)
    key = connection.api_key(config)
    if key.value is None:
        print(f"bench: no API key, backend checks will fail: {key.problem}", file=sys.stderr)

    from PySide6.QtWidgets import QApplication

    from till.techbench.standalone import close_bench, open_bench

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctx, window = open_bench(
        config,
        base_url=url,
        api_key=key.value or "",
        data_dir=config.journal_path().parent / "bench",
        journal_path=config.journal_path(),
    )
    try:
        window.show()
        if args.screenshot is not None:
            app.processEvents()
            if not window.grab().save(str(args.screenshot), "PNG"):
                print(f"bench: could not write {args.screenshot}", file=sys.stderr)
                return 1
            print(args.screenshot)
            return 0
        return int(app.exec())
    finally:
        close_bench(ctx, window)
