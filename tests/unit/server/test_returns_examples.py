"""The step-by-step returns of docs/rules.md, replayed in order through the backend's own
operation path: each row's points and balance must be what the page says."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from server import accounts, customers, demo_data
from server.context import Caller
from server.db import iso, make_engine, write
from server.errors import ServerError
from server.models import CustomerCreate, EarnLine, EarnRequest, RedeemRequest, ReturnRequest
from server.service import Backend
from server.sms import DiscardGateway
from tests.unit.server.test_rules_examples import _table

RECEIPT = "DOC-1"
SALE = [("12.00", "fresh"), ("9.99", "grocery"), ("15.00", "tobacco")]


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Backend, Caller, int]]:
    engine = make_engine(f"sqlite:///{tmp_path / 'r.db'}")
    backend = Backend(engine, sms=DiscardGateway())
    demo_data.seed(backend)

    def setup(conn: Any) -> tuple[Caller, int]:
        caller = accounts.caller_for(conn, demo_data.STORE, demo_data.TILL)
        accounts.set_policy(conn, caller.store_id, False, Decimal("0.00"))
        body = customers.create_customer(
            conn,
            caller.merchant_id,
            CustomerCreate(phone="+447700900444"),
            iso(backend.clock.now()),
        )
        return caller, int(body["id"])

    caller, cid = write(engine, setup)
    yield backend, caller, cid
    engine.dispose()


def test_the_returns_table(env: tuple[Backend, Caller, int]) -> None:
    backend, caller, cid = env
    rows = _table("| step | return |")
    assert len(rows) >= 4
    backend.run(
        "earn",
        caller,
        EarnRequest(op_id="before", customer_id=cid, amount="100.00", receipt_no="B"),
    )
    lines = [EarnLine(line_no=n, amount=a, category=c) for n, (a, c) in enumerate(SALE, start=1)]
    total = f"{sum(Decimal(a) for a, _ in SALE):.2f}"
    sold = backend.run(
        "earn",
        caller,
        EarnRequest(op_id="sale", customer_id=cid, amount=total, receipt_no=RECEIPT, lines=lines),
    )[1]
    assert sold["points"] == 33
    backend.run(
        "redeem",
        caller,
        RedeemRequest(op_id="spend", customer_id=cid, points=20, receipt_no=RECEIPT),
    )
    for step, what, reversed_, restored, balance, _why in rows:
        req: dict[str, Any] = {"op_id": f"ret-{step}", "receipt_no": RECEIPT}
        if what.startswith("line "):
            no, amount = what[len("line ") :].split(":")
            req["lines"] = [{"line_no": int(no), "amount": amount.strip()}]
        elif what.startswith("amount "):
            req["amount"] = what[len("amount ") :]
        if reversed_.startswith("409"):
            with pytest.raises(ServerError) as info:
                backend.run("return", caller, ReturnRequest.model_validate(req))
            assert info.value.code == reversed_.split()[1]
            continue
        out = backend.run("return", caller, ReturnRequest.model_validate(req))[1]
        assert (out["points_reversed"], out["points_restored"], out["balance"]) == (
            int(reversed_),
            int(restored),
            int(balance),
        ), step
