"""``till``: the cashier application's command line."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from till import __version__
from till.errors import TillError

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="till", description="Loyalty till for the point of sale.")
    parser.add_argument("--version", action="version", version=f"till {__version__}")
    parser.add_argument("--config", type=Path, help="configuration file (TOML)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against the embedded reference backend with demo data",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="render the main window to a PNG and exit",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from till.config import load_config
    from till.logs import setup_logging

    try:
        config, config_file = load_config(args.config)
    except TillError as exc:
        print(f"till: {exc}", file=sys.stderr)
        return 2
    setup_logging(
        config.log_directory(),
        config.logging.level,
        config.logging.max_bytes,
        config.logging.backups,
    )
    log.info("till %s starting; configuration %s", __version__, config_file or "defaults")

    from PySide6.QtWidgets import QApplication

    from till.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(store_label="demo" if args.demo else "")
    if args.screenshot is not None:
        window.show()
        app.processEvents()
        pixmap = window.grab()
        if not pixmap.save(str(args.screenshot), "PNG"):
            print(f"till: could not write {args.screenshot}", file=sys.stderr)
            return 1
        print(args.screenshot)
        return 0
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
