"""Limits an attacker with a till key must not get around (issue 13, findings 3, 4, 6, 11),
in-process with a clock the test moves and a real SQLite file and SMS outbox file."""

from __future__ import annotations

import hashlib
import hmac
import json
import stat
import uuid
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from server import accounts, demo_data
from server.context import Caller
from server.db import make_engine, read, write
from server.errors import ServerError
from server.models import EarnRequest, OtpRequest, OtpUnlock, PolicyRequest, RedeemRequest
from server.schema import otp_challenges
from server.service import Backend
from server.sms import DiscardGateway, OutboxGateway
from tests.unit.server.fake_clock import FakeClock

MANAGER = {"staff": demo_data.MANAGER[0], "pin": demo_data.MANAGER[1]}


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Backend, FakeClock, OutboxGateway, Caller]]:
    clock = FakeClock()
    engine = make_engine(f"sqlite:///{tmp_path / 'limits.db'}")
    demo_data.seed(Backend(engine, sms=DiscardGateway(), clock=clock))
    clock.advance(2 * 24 * 3600)  # the seeded history is older than any 24 h window
    outbox = OutboxGateway(tmp_path / "outbox.jsonl", clock)
    backend = Backend(engine, sms=outbox, clock=clock)
    key = write(engine, lambda c: accounts.create_key(c, "DEMO", "T1", clock))
    yield backend, clock, outbox, backend.authenticate(key)
    engine.dispose()


def refusal(fn: Any) -> tuple[str, dict[str, Any]]:
    with pytest.raises(ServerError) as info:
        fn()
    return info.value.code, info.value.extra


def new_customer(backend: Backend, caller: Caller, points: int) -> int:
    from server.models import CustomerCreate

    phone = f"+447700900{uuid.uuid4().int % 1000:03d}"
    try:
        c = backend.create_customer(caller, CustomerCreate(phone=phone))
    except ServerError:
        return new_customer(backend, caller, points)
    if points:
        earn(backend, caller, int(c["id"]), f"{points}.00", approval=MANAGER)
    return int(c["id"])


def earn(backend: Backend, caller: Caller, cid: int, amount: str, **kw: Any) -> Any:
    return backend.run(
        "earn",
        caller,
        EarnRequest(
            op_id=str(uuid.uuid4()),
            customer_id=cid,
            amount=amount,
            receipt_no=uuid.uuid4().hex[:10],
            **kw,
        ),
    )


def redeem(backend: Backend, caller: Caller, cid: int, points: int, receipt: str, **kw: Any) -> Any:
    return backend.run(
        "redeem",
        caller,
        RedeemRequest(
            op_id=str(uuid.uuid4()),
            customer_id=cid,
            points=points,
            receipt_no=receipt,
            **kw,
        ),
    )


def last_code(outbox: OutboxGateway) -> str:
    text = json.loads(outbox.path.read_text().splitlines()[-1])["text"]
    return str(text.split(" is ")[1][:6])


# -- finding 3: the OTP minimum applies to sums ------------------------------------------


def test_a_receipt_split_into_small_redemptions_needs_a_code(env: Any) -> None:
    backend, _clock, _outbox, caller = env
    cid = new_customer(backend, caller, 2000)
    assert redeem(backend, caller, cid, 499, "SPLIT-1")[0] == 201  # 4.99 < 5.00
    code, extra = refusal(lambda: redeem(backend, caller, cid, 1, "SPLIT-1"))
    assert code == "otp_required"
    assert extra["counted_value"] == "5.00"


def test_the_customers_total_over_24_hours_counts_across_receipts(env: Any) -> None:
    backend, clock, _outbox, caller = env
    cid = new_customer(backend, caller, 2000)
    assert redeem(backend, caller, cid, 300, "DAY-1")[0] == 201
    clock.advance(3600)
    assert refusal(lambda: redeem(backend, caller, cid, 300, "DAY-2"))[0] == "otp_required"
    clock.advance(23 * 3600)  # the first redemption has left the rolling window
    assert redeem(backend, caller, cid, 300, "DAY-3")[0] == 201


def test_redemptions_with_a_code_are_not_counted_again(env: Any) -> None:
    backend, _clock, outbox, caller = env
    cid = new_customer(backend, caller, 2000)
    ch = backend.request_otp(caller, OtpRequest(customer_id=cid, points=600))
    status, _ = redeem(
        backend, caller, cid, 600, "WITH", challenge_id=ch["challenge_id"], otp=last_code(outbox)
    )
    assert status == 201
    assert redeem(backend, caller, cid, 400, "AFTER")[0] == 201  # 4.00 alone: no code


def test_the_policy_documents_the_sums(env: Any) -> None:
    backend, _clock, _outbox, caller = env
    policy = backend.session(caller)["otp_policy"]
    assert policy["otp_sum_window_s"] == 24 * 3600
    assert policy["max_earn_amount"] == "1000.00"


# -- finding 6: large earns need a manager ------------------------------------------------


def test_an_earn_above_the_store_maximum_needs_a_manager(env: Any) -> None:
    backend, _clock, _outbox, caller = env
    cid = new_customer(backend, caller, 0)
    code, extra = refusal(lambda: earn(backend, caller, cid, "999999999.99"))
    assert (code, extra["max_earn_amount"]) == ("approval_required", "1000.00")
    assert earn(backend, caller, cid, "1000.00")[1]["points"] == 1000
    wrong = {"staff": MANAGER["staff"], "pin": "0000"}
    assert refusal(lambda: earn(backend, caller, cid, "1500.00", approval=wrong))[0] == (
        "approval_invalid"
    )
    status, body = earn(backend, caller, cid, "1500.00", approval=MANAGER)
    assert (status, body["points"]) == (201, 1500)


def test_the_maximum_is_set_with_the_policy(env: Any) -> None:
    backend, _clock, _outbox, caller = env
    cid = new_customer(backend, caller, 0)

    def policy(**kw: Any) -> dict[str, Any]:
        req = PolicyRequest(otp_required=True, otp_min_value="5.00", approval=MANAGER, **kw)
        return backend.set_policy(caller, req)

    assert policy()["max_earn_amount"] == "1000.00"  # absent: unchanged
    assert policy(max_earn_amount="50.00")["max_earn_amount"] == "50.00"
    assert refusal(lambda: earn(backend, caller, cid, "50.01"))[0] == "approval_required"
    assert policy(max_earn_amount=None)["max_earn_amount"] is None
    assert earn(backend, caller, cid, "5000.00")[0] == 201


# -- findings 4 and 11: codes peppered, a long-term limit, the outbox -------------------


def test_twenty_wrong_codes_in_a_day_block_redemptions_by_code_until_unlocked(
    env: Any,
) -> None:
    backend, clock, outbox, caller = env
    cid = new_customer(backend, caller, 5000)
    tills = [caller]
    for code in ("T2", "T3", "T4"):
        key = write(
            backend.engine, lambda c, code=code: accounts.create_key(c, "DEMO", code, clock)
        )
        tills.append(backend.authenticate(key))
    wrong = 0
    blocked = None
    for n in range(8):  # challenges at several tills, spread out over the day
        till = tills[n % len(tills)]
        ch = backend.request_otp(till, OtpRequest(customer_id=cid, points=600 + n))
        good = last_code(outbox)
        bad = f"{(int(good) + 1) % 10**6:06d}"
        for _ in range(5):
            code, _ = refusal(
                partial(
                    redeem,
                    backend,
                    till,
                    cid,
                    600 + n,
                    "G",
                    challenge_id=ch["challenge_id"],
                    otp=bad,
                )
            )
            wrong += 1
            if code == "otp_blocked":
                blocked = wrong
                break
            assert code in {"otp_invalid", "otp_locked"}
        if blocked:
            break
        clock.advance(16 * 60)  # past the 15-minute challenge window
    assert blocked == 20
    # Blocked: no new code is sent, and even the right code of a live challenge is refused.
    assert refusal(lambda: backend.request_otp(caller, OtpRequest(customer_id=cid, points=700)))[
        0
    ] == ("otp_blocked")
    assert refusal(lambda: backend.unlock_otp(caller, cid, OtpUnlock()))[0] == "approval_required"
    assert backend.unlock_otp(caller, cid, OtpUnlock(approval=MANAGER))["otp_blocked"] is False
    ch = backend.request_otp(caller, OtpRequest(customer_id=cid, points=700))
    status, _ = redeem(
        backend, caller, cid, 700, "OK", challenge_id=ch["challenge_id"], otp=last_code(outbox)
    )
    assert status == 201


def test_a_code_cannot_be_recovered_from_the_database_alone(env: Any) -> None:
    """Every one of the million codes tried against the stored row the way the old scheme
    keyed it (the row's own salt): none matches, so the row alone gives nothing away."""
    backend, _clock, outbox, caller = env
    cid = new_customer(backend, caller, 2000)
    backend.request_otp(caller, OtpRequest(customer_id=cid, points=600))
    code = last_code(outbox)
    row = read(backend.engine, lambda c: c.execute(select(otp_challenges)).all()[-1])
    salt = bytes.fromhex(row.code_salt)
    found = [
        f"{n:06d}"
        for n in range(10**6)
        if hmac.new(salt, f"{n:06d}".encode(), hashlib.sha256).hexdigest() == row.code_hash
    ]
    assert found == []
    assert code not in str(tuple(row))


def test_files_are_private_and_used_codes_are_blanked_in_the_outbox(
    env: Any, tmp_path: Path
) -> None:
    backend, clock, outbox, caller = env
    for name in ("limits.db", "limits.db-wal", "limits.db.pepper", "outbox.jsonl"):
        path = tmp_path / name
        if name != "outbox.jsonl" or path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
    cid = new_customer(backend, caller, 5000)
    assert stat.S_IMODE(outbox.path.stat().st_mode) == 0o600

    def texts() -> list[str]:
        lines = outbox.path.read_text().splitlines()
        return [json.loads(x)["text"] for x in lines if "challenge_id" in json.loads(x)]

    used = backend.request_otp(caller, OtpRequest(customer_id=cid, points=600))
    redeem(backend, caller, cid, 600, "U", challenge_id=used["challenge_id"], otp=last_code(outbox))
    assert "******" in texts()[-1]
    backend.request_otp(caller, OtpRequest(customer_id=cid, points=601))
    live = last_code(outbox)
    backend.request_otp(caller, OtpRequest(customer_id=cid, points=602))  # replaces it
    assert live not in texts()[-2] and "******" in texts()[-2]
    assert "******" not in texts()[-1]  # the live one stays readable
    clock.advance(601)
    backend.request_otp(caller, OtpRequest(customer_id=cid, points=603))  # expiry sweep
    assert all("******" in t for t in texts()[:-1])
    assert "******" not in texts()[-1]


def test_init_creates_a_private_pepper_that_later_runs_reuse(tmp_path: Path) -> None:
    from server import cli
    from server.db import pepper_of

    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert cli.main(["init", "--db", url]) == 0
    pepper_file = tmp_path / "new.db.pepper"
    assert stat.S_IMODE(pepper_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "new.db").stat().st_mode) == 0o600
    engine = make_engine(url)
    try:
        assert pepper_of(engine) == bytes.fromhex(pepper_file.read_text().strip())
    finally:
        engine.dispose()
