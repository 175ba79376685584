"""Staff PIN checks: till login, and the manager approval that manager-only writes carry.

Three rules from issue 13 (finding 2 and 5):

- **Off the write lock.** scrypt is slow on purpose (tens of milliseconds); run inside the
  write transaction it stalled every other write (a batch of 500 approved claims held the
  lock 14 s). ``pins_checked`` verifies every PIN a request carries *before* the write
  transaction, at most ``PIN_CHECKS_AT_ONCE`` at a time (a semaphore, so a burst of logins
  cannot take all cores), and the transaction only applies the verdicts and the counters.
  A PIN is verified once per request, however many operations of a batch carry it.
- **One path for every name.** An unknown name is checked against a dummy hash with the
  same cost, and answered like a wrong PIN, with the same ``attempts_left``: neither the
  time nor the answer tells which names exist.
- **Rate limiting, not lock-out** (NIST SP 800-63B 5.2.2). Wrong PINs are counted per till
  and name; from the ``pin_max_attempts``-th in a row each further failure waits longer
  (``pin_lock_s``, doubling, at most ``pin_lock_max_s``). A right PIN clears the count.
  Another till's failures never delay this till, so no till key can lock a store's managers
  out everywhere.

The counters are committed although the request fails (``commit=True``), otherwise a
rollback would erase each failed guess.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, delete, insert, select, update

from server import approval_proof
from server.context import Limits
from server.db import Clock, iso, parse_iso, pepper_of, read
from server.errors import Forbidden, TooMany
from server.hashing import hash_pin, pin_needs_rehash, verify_pin
from server.models import Approval
from server.schema import pin_throttle, staff, tills

PIN_CHECKS_AT_ONCE = max(2, os.cpu_count() or 2)
_SLOTS = threading.BoundedSemaphore(PIN_CHECKS_AT_ONCE)


@dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class Verdict:
    member: StaffMember | None  # None: unknown name or wrong PIN
    rehash: bool = False  # right PIN, stored in the older unpeppered form


@dataclass
class PinChecks:
    """The verdicts of one request's PINs, made before its write transaction."""

    till_id: int
    limits: Limits = field(default_factory=Limits)
    verdicts: dict[tuple[int, str, str], Verdict] = field(default_factory=dict)


_CHECKS: ContextVar[PinChecks | None] = ContextVar("loyalty_pin_checks", default=None)


@cache
def _dummy_hash() -> str:
    """What an unknown name is checked against: same scrypt cost, matches no PIN."""
    return hash_pin(os.urandom(16).hex(), os.urandom(32))


def warm_up() -> None:
    """Make the dummy hash now (server start), so the first unknown name is not the one
    answered a hash slower than the rest."""
    _dummy_hash()


def _verify(row: Any, pin: str, pepper: bytes) -> Verdict:
    stored = row.pin_hash if row is not None else _dummy_hash()
    with _SLOTS:
        ok = verify_pin(pin, stored, pepper)
    if row is None or not ok:
        return Verdict(None)
    return Verdict(StaffMember(row.id, row.name, row.role), pin_needs_rehash(stored))


def credentials(raw: Any) -> tuple[str, str] | None:
    """(name, PIN) of an approval as its model will read it, or None if it is not one."""
    if isinstance(raw, Approval):
        approval = raw
    elif not isinstance(raw, dict):
        return None
    else:
        try:
            approval = Approval.model_validate(raw)
        except ValidationError:
            return None
    if approval.pin is None:  # a proof (or nothing) instead: no PIN to check ahead
        return None
    return approval.staff, approval.pin


@contextmanager
def pins_checked(
    engine: Engine,
    till_id: int,
    store_id: int,
    pairs: Iterable[tuple[str, str] | None],
    clock: Clock,
    limits: Limits,
) -> Iterator[None]:
    """Verifies ``pairs`` (name, PIN) now, outside any transaction, for the code inside."""
    checks = PinChecks(till_id, limits)
    wanted = list(dict.fromkeys(p for p in pairs if p is not None))
    if wanted:
        names = sorted({name for name, _ in wanted})
        now = iso(clock.now())

        def rows(conn: Connection) -> tuple[dict[str, Any], set[str]]:
            found = conn.execute(
                select(staff).where(staff.c.store_id == store_id, staff.c.name.in_(names))
            ).all()
            held = conn.execute(
                select(pin_throttle.c.name).where(
                    pin_throttle.c.till_id == till_id,
                    pin_throttle.c.name.in_(names),
                    pin_throttle.c.locked_until > now,
                )
            ).scalars()
            return {r.name: r for r in found}, set(held)

        staff_rows, locked = read(engine, rows)
        pepper = pepper_of(engine)
        tried: Counter[str] = Counter()
        for name, pin in wanted:
            # A delayed name is answered without a check; and past the attempt limit more
            # guesses in the same request cannot change the answer, only cost CPU.
            if name in locked or tried[name] >= limits.pin_max_attempts:
                continue
            tried[name] += 1
            checks.verdicts[(store_id, name, pin)] = _verify(staff_rows.get(name), pin, pepper)
    token = _CHECKS.set(checks)
    try:
        yield
    finally:
        _CHECKS.reset(token)


def verify_staff(
    conn: Connection, store_id: int, name: str, pin: str, clock: Clock, limits: Limits
) -> StaffMember:
    """The staff member of ``store_id`` with this name and PIN, or ``approval_*`` errors."""
    checks = _CHECKS.get()
    till_id = checks.till_id if checks is not None else 0
    now = clock.now()
    key = (pin_throttle.c.till_id == till_id, pin_throttle.c.name == name)
    # Counted under row locks (PostgreSQL; SQLite runs one writer at a time): the staff row,
    # then this till's count. Without them ten concurrent wrong PINs all read 0 failures and
    # all answered ``attempts_left: 4`` (issue 14, finding 2). An unknown name has no staff
    # row; there the count's primary key decides (a second insert fails, ``db.write``
    # retries it, and the retry finds and locks the row).
    conn.execute(
        select(staff.c.id)
        .where(staff.c.store_id == store_id, staff.c.name == name)
        .with_for_update()
    ).first()
    held = conn.execute(select(pin_throttle).where(*key).with_for_update()).first()
    if held is not None and held.locked_until and parse_iso(held.locked_until) > now:
        raise TooMany(
            f"{name} is locked at this till after too many wrong PINs; try again later",
            code="approval_locked",
            retry_after_s=int((parse_iso(held.locked_until) - now).total_seconds()) + 1,
        )
    verdict = checks.verdicts.get((store_id, name, pin)) if checks is not None else None
    if verdict is None:  # not checked ahead (a caller outside ``pins_checked``): now, then
        row = conn.execute(
            select(staff).where(staff.c.store_id == store_id, staff.c.name == name)
        ).first()
        verdict = _verify(row, pin, pepper_of(conn))
    if verdict.member is None:
        failures = (held.failures if held is not None else 0) + 1
        delay = _delay(failures, limits)
        until = iso(now + timedelta(seconds=delay)) if delay else None
        if held is None:
            conn.execute(
                insert(pin_throttle).values(
                    till_id=till_id, name=name, failures=failures, locked_until=until
                )
            )
        else:
            conn.execute(
                update(pin_throttle).where(*key).values(failures=failures, locked_until=until)
            )
        if delay:
            raise TooMany(
                f"{name} is locked at this till after too many wrong PINs",
                code="approval_locked",
                commit=True,
                retry_after_s=delay,
            )
        raise Forbidden(
            "Unknown staff member or wrong PIN",
            code="approval_invalid",
            commit=True,
            attempts_left=limits.pin_max_attempts - failures,
        )
    if held is not None:
        conn.execute(delete(pin_throttle).where(*key))
    if verdict.rehash:
        conn.execute(
            update(staff)
            .where(staff.c.id == verdict.member.id)
            .values(pin_hash=hash_pin(pin, pepper_of(conn)))
        )
    return verdict.member


def _delay(failures: int, limits: Limits) -> int:
    """Seconds to wait after ``failures`` wrong PINs in a row: none before the limit, then
    ``pin_lock_s`` doubling with each further failure, capped."""
    over = failures - limits.pin_max_attempts
    if over < 0:
        return 0
    return int(min(limits.pin_lock_s * 2 ** min(over, 30), limits.pin_lock_max_s))


def lift_pin_delays(conn: Connection, store_id: int, name: str) -> None:
    """A new PIN set by an administrator starts with a clean count at every till."""
    conn.execute(
        delete(pin_throttle).where(
            pin_throttle.c.name == name,
            pin_throttle.c.till_id.in_(select(tills.c.id).where(tills.c.store_id == store_id)),
        )
    )


def current_limits() -> Limits:
    """The limits of the request being served (those given to ``pins_checked``)."""
    checks = _CHECKS.get()
    return checks.limits if checks is not None else Limits()


def require_manager(
    conn: Connection, store_id: int, approval: Approval | None, clock: Clock, limits: Limits
) -> StaffMember:
    """A manager of the key's store approved this write; raises ``approval_*`` otherwise.

    By PIN, or by the proof the backend answered when it applied this same operation before
    (``approval_proof``: a re-send after a restore). Either way the manager is noted on the
    operation being applied, whose answer then carries a proof for the next time.
    """
    if approval is None or (approval.pin is None and approval.proof is None):
        raise Forbidden("A manager must approve this", code="approval_required")
    if approval.pin is None:
        member = _proven_manager(conn, store_id, approval)
    else:
        member = verify_staff(conn, store_id, approval.staff, approval.pin, clock, limits)
    if member.role != "manager":
        raise Forbidden(
            f"{member.name} is not a manager; a manager must approve this",
            code="approval_invalid",
            commit=True,
        )
    approval_proof.note_approved(member.id)
    return member


#: Why a proof is not honoured, in words the till shows its manager (issue 11).
PROOF_REFUSED = "This needs a manager's PIN again: the backend lost its approval in a restore"


def _proven_manager(conn: Connection, store_id: int, approval: Approval) -> StaffMember:
    """The manager whose proof for the operation being applied is ``approval.proof``.

    Refused (``approval_proof_invalid``, for a manager to approve again with a PIN) outside
    an operation, for another operation or body, or when that staff member is gone. No
    attempt counting: a 256-bit HMAC is not guessed.
    """
    binding = approval_proof.current()
    row = conn.execute(
        select(staff).where(staff.c.store_id == store_id, staff.c.name == approval.staff)
    ).first()
    proof = approval.proof or ""
    if (
        binding is None
        or row is None
        or not approval_proof.valid(pepper_of(conn), binding, int(row.id), proof)
    ):
        raise Forbidden(PROOF_REFUSED, code="approval_proof_invalid")
    return StaffMember(row.id, row.name, row.role)
