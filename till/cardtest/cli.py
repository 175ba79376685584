"""``till-cardtest`` dispatcher: subcommands are modules of this package, imported on use.

A subcommand module defines ``HELP: str``, ``add_arguments(parser)`` and ``run(args) -> int``.
None imports Qt at module level, so the CLI works on a terminal without a display.
"""

from __future__ import annotations

import argparse
import importlib
import sys

SUBCOMMANDS = ("analyze", "decode", "listen", "batch", "doctor", "bundle", "bench", "journal")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="till-cardtest", description="Loyalty card and reader test tools for technicians."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"till.cardtest.{name}_cmd")
        except ModuleNotFoundError as exc:
            if exc.name != f"till.cardtest.{name}_cmd":
                raise
            continue
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args._run(args))


if __name__ == "__main__":
    sys.exit(main())
