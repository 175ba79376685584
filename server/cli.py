"""``till-server``: run the backend and administer it (keys, staff, policy, demo data).

The PIN of ``create-staff`` may come from ``--pin`` or, to keep it out of the process list
and shell history, from the environment variable ``TILL_STAFF_PIN``. ``create-key`` prints
the new key once on stdout; it is stored only hashed and cannot be shown again.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import socket
import sys
import threading
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from server import __version__

DEFAULT_DB = "sqlite:///loyalty.db"
_MERCHANT_HELP = (
    "the merchant (brand) of a new store; needed once the backend has several merchants"
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="till-server", description="Reference loyalty backend")
    p.add_argument("--version", action="version", version=__version__)
    sub = p.add_subparsers(dest="command", required=True)

    def db(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--db", default=DEFAULT_DB, help="SQLAlchemy URL (default %(default)s)")

    s = sub.add_parser("serve", help="run the HTTP API")
    db(s)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8080)
    s.add_argument(
        "--fd",
        type=int,
        help="serve on this inherited, already bound TCP socket (--host/--port are ignored)",
    )
    s.add_argument("--sms-outbox", type=Path, help="append SMS as JSON lines to this file")
    s.add_argument("--sms-webhook", help="POST SMS to this URL (token: $TILL_SMS_WEBHOOK_TOKEN)")
    s.add_argument("--otp-ttl", type=int, default=600, help="OTP lifetime in seconds")
    s.add_argument("--otp-resend-interval", type=int, default=30, help=argparse.SUPPRESS)
    s.add_argument(
        "--header-timeout",
        type=float,
        default=10.0,
        help="seconds for a request's line and headers to arrive (default %(default)s)",
    )
    s.add_argument(
        "--body-timeout",
        type=float,
        default=30.0,
        help="seconds for a request's body to arrive after its headers (default %(default)s)",
    )
    s.add_argument(
        "--keep-alive",
        type=float,
        default=5.0,
        help="seconds an idle keep-alive connection stays open (default %(default)s)",
    )
    s.add_argument(
        "--max-connections",
        type=int,
        default=256,
        help="open connections at most; more are closed on arrival (default %(default)s)",
    )
    s.add_argument(
        "--exit-with-stdin",
        action="store_true",
        help="stop when stdin closes (the embedding process died)",
    )
    s.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes on one socket (PostgreSQL only; default %(default)s)",
    )
    from server import clock_file  # tests only, refused outside them (see its docstring)

    clock_file.add_option(s)
    from server import trusted_proxies  # whose X-Forwarded-For is believed (none by default)

    trusted_proxies.add_option(s)

    mg = sub.add_parser(
        "migrate", help="bring the database's schema to this version (one process at a time)"
    )
    db(mg)

    sd = sub.add_parser("seed-demo", help="create the demo store, staff, customers and cards")
    db(sd)

    ini = sub.add_parser("init", help="create the tables and the server pepper (mode 0600)")
    db(ini)

    k = sub.add_parser("create-key", help="create a till API key (printed once)")
    db(k)
    k.add_argument("--store", required=True)
    k.add_argument("--till", required=True)
    k.add_argument("--merchant", help=_MERCHANT_HELP)
    k.add_argument(
        "--claim-key-out",
        type=Path,
        help="also issue the till's receipt claim key and write it to this file (mode 0600)",
    )

    ck = sub.add_parser(
        "create-claim-key", help="issue a till's receipt claim key (printed once, issue 17)"
    )
    db(ck)
    ck.add_argument("--store", required=True)
    ck.add_argument("--till", required=True)
    ck.add_argument("--merchant", help=_MERCHANT_HELP)

    cd = sub.add_parser("set-claim-days", help="how long a receipt's claim code is valid")
    db(cd)
    cd.add_argument("--store", required=True)
    cd.add_argument("--days", type=int, required=True)

    r = sub.add_parser("revoke-key", help="revoke every key of a till")
    db(r)
    r.add_argument("--store", required=True)
    r.add_argument("--till", required=True)

    st = sub.add_parser("create-staff", help="create or update a staff member")
    db(st)
    st.add_argument("--store", required=True)
    st.add_argument("--name", required=True)
    st.add_argument("--role", choices=["cashier", "manager"], required=True)
    st.add_argument("--pin", help="4-8 digits (or set TILL_STAFF_PIN)")
    st.add_argument("--merchant", help=_MERCHANT_HELP)

    po = sub.add_parser("set-policy", help="set the store's OTP policy")
    db(po)
    po.add_argument("--store", required=True)
    po.add_argument("--otp-required", choices=["yes", "no"], required=True)
    po.add_argument("--otp-min-value", default="0.00")

    pr = sub.add_parser(
        "set-phone-region", help="set the country of the phone numbers typed at a store"
    )
    db(pr)
    pr.add_argument("--store", required=True)
    pr.add_argument("--region", required=True, help="ISO 3166-1 alpha-2, e.g. GB, DE, US")

    sl = sub.add_parser(
        "set-store", help="set the time zone and locale of a store's screens and receipts"
    )
    db(sl)
    sl.add_argument("--store", required=True)
    sl.add_argument("--time-zone", help="IANA tz database name, e.g. Europe/London")
    sl.add_argument("--locale", help="CLDR locale, e.g. en_GB, de_DE")

    from server.ordering import cli as ordering_cli  # issue 18: set-ordering, table-qr

    ordering_cli.add_commands(sub, db)

    from server import rules_cli  # issue 16: expire, set-program, campaigns, catalogue

    rules_cli.add_commands(sub, db)

    oa = sub.add_parser("openapi", help="write the OpenAPI document")
    oa.add_argument("--output", type=Path, default=None, help="file (default: stdout)")
    return p


def openapi_document() -> dict[str, Any]:
    """The app's OpenAPI document, independent of any database."""
    from sqlalchemy import create_engine

    from server.app import create_app
    from server.service import Backend

    doc: dict[str, Any] = create_app(Backend(create_engine("sqlite://"))).openapi()
    return doc


def _serve(args: argparse.Namespace) -> int:
    from server.errors import ServerError

    try:
        if args.workers > 1:
            from server.workers import serve_workers

            return serve_workers(args, _serve_one)
        return _serve_one(args)
    except ServerError as exc:  # e.g. schema_outdated: says to run `till-server migrate`
        print(exc.message, file=sys.stderr)
        return 1


def _serve_one(args: argparse.Namespace) -> int:
    import uvicorn

    from server import trusted_proxies
    from server.app import create_app
    from server.connections import MAX_HEADER_BYTES, ConnectionLimits, protocol_class
    from server.context import Limits
    from server.db import make_engine
    from server.service import Backend
    from server.sms import NullGateway, OutboxGateway, SmsGateway, WebhookGateway

    gateway: SmsGateway = NullGateway()
    if args.sms_webhook:
        gateway = WebhookGateway(args.sms_webhook, os.environ.get("TILL_SMS_WEBHOOK_TOKEN"))
    elif args.sms_outbox:
        gateway = OutboxGateway(args.sms_outbox)
    else:
        logging.getLogger("server").warning(
            "No SMS gateway (--sms-outbox or --sms-webhook): OTP requests will fail"
        )
    limits = Limits(otp_ttl_s=args.otp_ttl, otp_resend_interval_s=args.otp_resend_interval)
    from server.clock_file import from_args as test_clock
    from server.db import clock_for

    test = test_clock(args)  # refused outside tests, before the database is touched
    engine = make_engine(args.db)
    clock = test or clock_for(engine)  # a test's clock file, else the database's
    backend = Backend(engine, sms=gateway, limits=limits, clock=clock)
    conn_limits = ConnectionLimits(
        header_timeout_s=args.header_timeout,
        body_timeout_s=args.body_timeout,
        keep_alive_s=args.keep_alive,
        max_connections=args.max_connections,
    )
    config = uvicorn.Config(
        create_app(backend),
        host=args.host,
        port=args.port,
        access_log=False,
        log_config=None,
        timeout_graceful_shutdown=5,
        http=protocol_class(conn_limits),
        timeout_keep_alive=max(1, round(conn_limits.keep_alive_s)),
        # Requests in progress at most; the accepted connections are capped by the protocol.
        limit_concurrency=conn_limits.max_connections + 1,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        **trusted_proxies.uvicorn_options(args),
    )
    from server.closing_server import ClosingServer

    server = ClosingServer(config)
    if args.exit_with_stdin:
        threading.Thread(target=_exit_on_eof, args=(server,), daemon=True).start()
    # An inherited socket: the embedding process bound the port, so no one can take it
    # between its choice and our start-up.
    server.run(sockets=[socket.socket(fileno=args.fd)] if args.fd is not None else None)
    backend.engine.dispose()
    return 0


def _exit_on_eof(server: Any) -> None:
    """The parent holds our stdin pipe; EOF means it has gone, so we go too.

    Unlike PR_SET_PDEATHSIG this does not depend on which of the parent's threads spawned
    us, and it works on every POSIX system.
    """
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except (OSError, ValueError):
        pass
    server.handle_exit(0, None)  # as SIGTERM would: the waiting order feeds answer first


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command == "serve":
        return _serve(args)
    if args.command == "migrate":
        from server.migrations import migrate_command

        return migrate_command(args.db)
    if args.command == "openapi":
        text = json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n"
        if args.output is None:
            sys.stdout.write(text)
        else:
            args.output.write_text(text, encoding="utf-8")
        return 0

    from server import accounts, demo_data, phones, rules_cli
    from server.db import Clock, make_engine, write
    from server.errors import ServerError
    from server.service import Backend
    from server.sms import DiscardGateway

    try:
        engine = make_engine(args.db)
    except ServerError as exc:  # schema_outdated: names `till-server migrate`
        print(exc.message, file=sys.stderr)
        return 1
    clock = Clock()
    try:
        if args.command == "init":
            from server.pepper import pepper_path

            where = pepper_path(args.db) if not os.environ.get("TILL_SERVER_PEPPER") else None
            print(f"Database ready; pepper: {where or 'from the environment'}")
        elif args.command == "seed-demo":
            demo_data.seed(Backend(engine, sms=DiscardGateway()))
            second = demo_data.SECOND_MERCHANT
            print(
                "Demo data ready: store DEMO, till T1; second merchant "
                f"{second.code}: store {second.store}, till {second.till}"
            )
        elif args.command == "create-key":
            key = write(
                engine,
                lambda c: accounts.create_key(c, args.store, args.till, clock, args.merchant),
            )
            print(key)
            if args.claim_key_out is not None:
                from server.claim_key_file import write_claim_key

                write_claim_key(engine, clock, args)
        elif args.command in ("create-claim-key", "set-claim-days"):
            from server.claim_key_file import claim_command

            claim_command(engine, clock, args)
        elif args.command == "revoke-key":
            n = write(engine, lambda c: accounts.revoke_keys(c, args.store, args.till, clock))
            print(f"Revoked {n} key(s) of {args.store}/{args.till}")
        elif args.command == "create-staff":
            pin = args.pin or os.environ.get("TILL_STAFF_PIN", "")
            if not (pin.isdigit() and 4 <= len(pin) <= 8):
                print("The PIN must be 4 to 8 digits", file=sys.stderr)
                return 2
            write(
                engine,
                lambda c: accounts.create_staff(
                    c, args.store, args.name, args.role, pin, args.merchant
                ),
            )
            print(f"{args.role} {args.name} saved for store {args.store}")
        elif args.command == "set-policy":
            try:
                minimum = Decimal(args.otp_min_value)
            except InvalidOperation:
                minimum = Decimal(-1)
            if (
                not minimum.is_finite()
                or minimum < 0
                or minimum != minimum.quantize(Decimal("0.01"))
            ):
                print("--otp-min-value must be an amount like 10.00", file=sys.stderr)
                return 2
            required = args.otp_required == "yes"
            write(
                engine,
                lambda c: accounts.set_policy(
                    c, accounts.store_id_of(c, args.store), required, minimum
                ),
            )
            print(f"Store {args.store}: OTP required {args.otp_required}, from {minimum:.2f}")
        elif args.command == "set-phone-region":
            region = write(
                engine,
                lambda c: phones.set_store_region(
                    c, accounts.store_id_of(c, args.store), args.region
                ),
            )
            print(f"Store {args.store}: national phone numbers are read as {region} numbers")
        elif args.command == "set-store":
            from server.store_locale import set_store_locale

            done = write(
                engine,
                lambda c: set_store_locale(
                    c, accounts.store_id_of(c, args.store), args.time_zone, args.locale
                ),
            )
            print(f"Store {args.store}: time zone {done['time_zone']}, locale {done['locale']}")
        elif args.command in ("set-ordering", "table-qr"):
            from server.ordering import cli as ordering_cli

            ordering_cli.run(engine, clock, args)
        elif args.command in rules_cli.COMMANDS:
            return rules_cli.run(engine, clock, args)
    except ServerError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0
