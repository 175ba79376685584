"""``till-server set-ordering`` and ``till-server table-qr`` (issue 18).

``set-ordering`` is the administrator's form of ``PUT /v1/ordering`` (on the server
machine, like ``set-policy``: no manager PIN). Options left out keep their value; an empty
string clears a link. ``table-qr`` prints the QR code of a table's member page in the
terminal (or writes a PNG) for the table's current seating, or, with ``--rotate``, for a new
seating (every earlier code of the table stops working). The URL it prints is the one in
the QR code: shown at the table by design (see ``table_tokens``), never logged.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Connection, Engine, select

from server import accounts
from server.db import Clock, iso, read, write
from server.errors import InvalidRequest
from server.ordering import config, table_tokens
from server.ordering.models import Url
from server.schema import stores

COMMANDS = ("set-ordering", "table-qr")
_URL = TypeAdapter(Url)


def add_commands(sub: Any, db: Callable[[argparse.ArgumentParser], None]) -> None:
    so = sub.add_parser("set-ordering", help="configure member orders from the table (issue 18)")
    db(so)
    so.add_argument("--store", required=True)
    so.add_argument("--enabled", choices=["yes", "no"])
    so.add_argument("--program-name", help="the CRM program name members see")
    so.add_argument("--reset-url", help="password-reset page (empty: the built-in SMS reset)")
    so.add_argument("--portal-url", help="rewards portal (empty: the built-in My rewards)")
    so.add_argument("--public-url", help="base URL of the member pages, e.g. https://order.example")
    so.add_argument("--menu", type=Path, help="menu file: JSON list or CSV code,name,price")

    tq = sub.add_parser("table-qr", help="print or write the QR code of a table (issue 18)")
    db(tq)
    tq.add_argument("--store", required=True)
    tq.add_argument("--table", required=True)
    tq.add_argument("--hours", type=float, default=table_tokens.DEFAULT_HOURS)
    tq.add_argument("--png", type=Path, help="write the QR code to this PNG file")
    tq.add_argument("--base-url", help="base URL of the member pages (default: --public-url)")
    tq.add_argument("--rotate", action="store_true", help="a new seating: older codes stop")


def _url(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return _URL.validate_python(value)
    except ValidationError as exc:
        raise InvalidRequest(f"--{name}: {exc.errors()[0]['msg']}", field=name) from None


def run(engine: Engine, clock: Clock, args: argparse.Namespace) -> None:
    if args.command == "set-ordering":
        _set_ordering(engine, clock, args)
    else:
        _table_qr(engine, clock, args)


def _set_ordering(engine: Engine, clock: Clock, args: argparse.Namespace) -> None:
    fields: dict[str, Any] = {}
    if args.enabled is not None:
        fields["enabled"] = args.enabled == "yes"
    if args.program_name is not None:
        fields["program_name"] = args.program_name.strip()
    for name in ("reset_url", "portal_url", "public_url"):
        value = getattr(args, name)
        if value is not None:
            fields[name] = _url(value, name.replace("_", "-"))
    menu = config.read_menu_file(args.menu) if args.menu is not None else None

    def tx(conn: Connection) -> dict[str, Any]:
        store_id = accounts.store_id_of(conn, args.store)
        config.put(conn, store_id, iso(clock.now()), fields, menu)
        merchant = conn.execute(
            select(stores.c.merchant_id).where(stores.c.id == store_id)
        ).scalar_one()
        out = config.settings_json(conn, store_id, args.store, int(merchant))
        if out["enabled"] and not out["menu"]:
            raise InvalidRequest("Ordering needs a menu with at least one item (--menu)")
        return out

    out = write(engine, tx)
    state = "on" if out["enabled"] else "off"
    print(
        f"Store {args.store}: ordering {state}, program {out['program_name']!r}, "
        f"{len(out['menu'])} menu items, reset {out['reset_url'] or 'built-in'}, "
        f"rewards {out['portal_url'] or 'built-in'}"
    )


def _table_qr(engine: Engine, clock: Clock, args: argparse.Namespace) -> None:
    import qrcode

    base = _url(args.base_url, "base-url")
    if base is None:
        store_id = read(engine, lambda c: accounts.store_id_of(c, args.store))
        base = read(engine, lambda c: config.settings(c, store_id).public_url)
    if base is None:
        raise InvalidRequest(
            "Set the member pages' address first (set-ordering --public-url) or give --base-url"
        )
    issued = write(
        engine,
        lambda c: table_tokens.issue(
            c, args.store, args.table, clock, hours=args.hours, rotate=args.rotate
        ),
    )
    url = table_tokens.url_for(base, issued.token)
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    qr.add_data(url)
    qr.make(fit=True)
    if args.png is not None:
        qr.make_image().save(str(args.png))
        print(f"QR code written to {args.png}")
    else:
        out = io.StringIO()
        qr.print_ascii(out=out, invert=True)
        sys.stdout.write(out.getvalue())
    print(url)
    print(
        f"Table {issued.table} of store {issued.store_code}, valid until {iso(issued.expires_at)}"
    )
