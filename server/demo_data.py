"""Demo data: store DEMO, till T1, two staff, six customers, cards, balances (CONTRACTS.md),
all of merchant DEMO; and a second, small merchant NORTH (store NW1) kept apart (issue 13).

Balances are built through the ledger (earns and a redemption with fixed op_ids), not set as
numbers, so the demo's history is real and seeding twice changes nothing. Phone numbers are
from Ofcom's drama range (+44 7700 900xxx), never assigned to real subscribers. Card numbers
are random-looking 8-12 digits (seed 001: random, not sequential) plus one alphanumeric
reference, which only fits on magstripe tracks 1 and 3.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from server import accounts, customers, programs, rules_demo, store_limits
from server.context import Caller
from server.db import iso, write
from server.models import CustomerCreate, EarnRequest, RedeemRequest
from server.schema import customers as customers_t
from server.schema import programs as programs_t
from server.service import Backend
from server.store_locale import set_store_locale

STORE = "DEMO"
STORE_NAME = "Demo Store"
TILL = "T1"
MANAGER = ("manager", "2468")
CASHIER = ("cashier", "1357")
OTP_MIN_VALUE = Decimal("5.00")
MAX_EARN_AMOUNT = Decimal("1000.00")  # larger earns need a manager (issue 13)
PROGRAM = ("DEMO", "10000000", "999999999999")
UNASSIGNED_CARD = "90417368"


@dataclass(frozen=True)
class DemoCustomer:
    name: str
    phone: str
    email: str
    app_id: str
    card: str | None
    earns: tuple[str, ...]
    redeem: int = 0
    active: bool = True


CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer(
        "Alice Demo",
        "+447700900123",
        "alice@example.com",
        "APP-1001",
        "40023817",
        ("412.50", "389.99", "520.00"),
        redeem=81,
    ),
    DemoCustomer(
        "Bob Sample",
        "+447700900456",
        "bob@example.com",
        "APP-1002",
        "5829163047",
        ("150.00", "200.75"),
    ),
    DemoCustomer(
        "Carol Test",
        "+447700900789",
        "carol@example.com",
        "APP-1003",
        "LC7Q2M9X",
        ("1200.00", "1675.40"),
    ),
    DemoCustomer(
        "Dan Example",
        "+447700900321",
        "dan@example.com",
        "APP-1004",
        "719304826551",
        ("3000.00", "2200.99"),
    ),
    DemoCustomer(
        "Erin Inactive",
        "+447700900654",
        "erin@example.com",
        "APP-1005",
        "63018452",
        ("800.00",),
        active=False,
    ),
    DemoCustomer(
        "Frank Nocard", "+447700900987", "frank@example.com", "APP-1006", None, ("150.00",)
    ),
)


@dataclass(frozen=True)
class DemoMerchant:
    """One brand of the demo: its store, till, staff, card program and members."""

    code: str
    name: str
    store: str
    store_name: str
    till: str
    staff: tuple[tuple[str, str, str], ...]  # (name, role, PIN)
    program: tuple[str, str, str]  # (name, range start, range end)
    unassigned: tuple[str, ...]
    customers: tuple[DemoCustomer, ...]
    prefix: str  # of the seeding op_ids and receipt numbers
    time_zone: str = "Europe/London"  # the store's screens and receipts (server/store_locale)
    locale: str = "en_GB"


# The second merchant (issue 13) shows brands kept apart on one backend: its Alice has the
# same phone as the first merchant's, and is another account with its own balance and card.
SECOND_MERCHANT = DemoMerchant(
    code="NORTH",
    name="Northwind Coffee",
    store="NW1",
    store_name="Northwind High Street",
    till="T1",
    staff=(("manager", "manager", "8642"), ("cashier", "cashier", "9753")),
    program=("NORTH", "70000000", "79999999"),
    unassigned=(),
    customers=(
        DemoCustomer(
            "Alice Northwind",
            "+447700900123",
            "alice@example.com",
            "NW-APP-1",
            "73920561",
            ("42.00",),
        ),
        DemoCustomer(
            "Grace North", "+447700900111", "grace@example.com", "NW-APP-2", None, ("18.50",)
        ),
    ),
    prefix="north",
)

MERCHANTS: tuple[DemoMerchant, ...] = (
    DemoMerchant(
        code="DEMO",
        name="Demo Brand",
        store=STORE,
        store_name=STORE_NAME,
        till=TILL,
        staff=((MANAGER[0], "manager", MANAGER[1]), (CASHIER[0], "cashier", CASHIER[1])),
        program=PROGRAM,
        unassigned=(UNASSIGNED_CARD,),
        customers=CUSTOMERS,
        prefix="demo",
    ),
    SECOND_MERCHANT,
)


def expected_balance(c: DemoCustomer) -> int:
    return sum(int(Decimal(a)) for a in c.earns) - c.redeem


def seed(backend: Backend) -> None:
    """Creates or completes the demo data of both merchants; idempotent."""
    for merchant in MERCHANTS:
        _seed_merchant(backend, merchant)


def _seed_merchant(backend: Backend, m: DemoMerchant) -> None:
    now = iso(backend.clock.now())

    def setup(conn: Any) -> Caller:
        merchant_id = accounts.ensure_merchant(conn, m.code, m.name)
        store_id = accounts.ensure_store(conn, m.store, m.store_name, merchant=m.code)
        till_id = accounts.ensure_till(conn, store_id, m.till)
        set_store_locale(conn, store_id, m.time_zone, m.locale)
        for name, role, pin in m.staff:
            accounts.create_staff(conn, m.store, name, role, pin)
        known = conn.execute(
            select(programs_t.c.id).where(
                programs_t.c.merchant_id == merchant_id, programs_t.c.name == m.program[0]
            )
        ).first()
        if known is None:
            programs.put_program(conn, merchant_id, *m.program)
            numeric = [c.card for c in m.customers if c.card and c.card.isdigit()]
            programs.register_cards(conn, merchant_id, m.program[0], [*numeric, *m.unassigned], now)
        if m.prefix == "demo":  # issue 16: catalogue, campaign, customer types, expiry
            rules_demo.seed(conn, merchant_id, backend.clock.now())
        return Caller(0, store_id, m.store, till_id, m.till, merchant_id)

    caller = write(backend.engine, setup)
    for n, c in enumerate(m.customers, start=1):
        customer_id = _ensure_customer(backend, caller, c)
        for k, amount in enumerate(c.earns, start=1):
            backend.run(
                "earn",
                caller,
                EarnRequest(
                    op_id=f"{m.prefix}-seed-{n}-earn-{k}",
                    customer_id=customer_id,
                    amount=amount,
                    receipt_no=f"{m.prefix.upper()}-{n:02d}{k:02d}",
                ),
            )
        if c.redeem:
            backend.run(
                "redeem",
                caller,
                RedeemRequest(
                    op_id=f"{m.prefix}-seed-{n}-redeem",
                    customer_id=customer_id,
                    points=c.redeem,
                    receipt_no=f"{m.prefix.upper()}-{n:02d}99",
                ),
            )
        if not c.active:
            _deactivate(backend, customer_id)

    def policy(conn: Any) -> None:
        accounts.set_policy(conn, caller.store_id, True, OTP_MIN_VALUE)
        store_limits.set_max_earn(conn, caller.store_id, MAX_EARN_AMOUNT)

    write(backend.engine, policy)


def _deactivate(backend: Backend, customer_id: int) -> None:
    def tx(conn: Any) -> None:
        customers.set_status(conn, customer_id, "inactive")

    write(backend.engine, tx)


def _ensure_customer(backend: Backend, caller: Caller, c: DemoCustomer) -> int:
    def find(conn: Any) -> int | None:
        row = conn.execute(
            select(customers_t.c.id).where(
                customers_t.c.merchant_id == caller.merchant_id, customers_t.c.phone == c.phone
            )
        ).first()
        return None if row is None else int(row.id)

    existing = write(backend.engine, find)
    if existing is not None:
        return existing
    body = backend.create_customer(
        caller,
        CustomerCreate(
            phone=c.phone,
            name=c.name,
            email=c.email,
            app_id=c.app_id,
            cards=[c.card] if c.card else [],
        ),
    )
    return int(body["id"])


def swipe_text(number: str) -> str:
    """What a keyboard-wedge magstripe reader types: tracks 1+2 numeric, 1+3 alphanumeric."""
    if number.isdigit():
        return f"%{number}?;{number}?\n"
    return f"%{number}?+{number}?\n"


def cards_json() -> list[dict[str, Any]]:
    """The content of ``resources/demo/cards.json`` (a test keeps the file equal to this)."""
    out: list[dict[str, Any]] = []
    for c in CUSTOMERS:
        if c.card is None:
            out.append(
                {
                    "label": f"{c.name} (app QR only)",
                    "number": None,
                    "customer": c.phone,
                    "swipe": None,
                    "barcode": None,
                    "qr": f"LOYALTY:{c.app_id}",
                    "notes": f"no card; identified by phone or member QR; balance {expected_balance(c)}",
                }
            )
            continue
        kind = "numeric, tracks 1+2" if c.card.isdigit() else "alphanumeric, tracks 1+3"
        notes = f"{kind}; balance {expected_balance(c)}"
        if not c.active:
            notes += "; customer INACTIVE: cannot earn or redeem"
        out.append(
            {
                "label": c.name,
                "number": c.card,
                "customer": c.phone,
                "swipe": swipe_text(c.card),
                "barcode": c.card,
                "qr": f"LOYALTY:{c.app_id}",
                "notes": notes,
            }
        )
    out += [
        {
            "label": "unassigned card",
            "number": UNASSIGNED_CARD,
            "customer": None,
            "swipe": swipe_text(UNASSIGNED_CARD),
            "barcode": UNASSIGNED_CARD,
            "qr": None,
            "notes": "registered in program DEMO, not given to a customer: lookup -> card_unassigned",
        },
        {
            "label": "bank card",
            "number": "4111111111111111",
            "customer": None,
            "swipe": "%B4111111111111111^DEMO/TEST CARD^3012101000000000000?"
            ";4111111111111111=30121010000000000000?\n",
            "barcode": None,
            "qr": None,
            "notes": "payment card test PAN (ISO/IEC 7813); must be masked and refused, never looked up",
        },
        {
            "label": "damaged swipe",
            "number": None,
            "customer": None,
            "swipe": "%E?;E?\n",
            "barcode": None,
            "qr": None,
            "notes": "read error on tracks 1 and 2: unreadable",
        },
        {
            "label": "product barcode",
            "number": None,
            "customer": None,
            "swipe": None,
            "barcode": "4006381333931",
            "qr": None,
            "notes": "EAN-13 of a product, not a member",
        },
    ]
    return out
