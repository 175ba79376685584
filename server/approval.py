"""Staff PIN checks: till login, and the manager approval that manager-only writes carry.

Wrong PINs are counted per staff member; after ``pin_max_attempts`` in a row the member is
locked for ``pin_lock_s`` (OWASP Authentication Cheat Sheet: account lockout against online
guessing of short PINs). The counters are committed even though the request fails
(``commit=True``), otherwise a rollback would erase each failed guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, select, update

from server.context import Limits
from server.db import Clock, iso, parse_iso
from server.errors import Forbidden, TooMany
from server.hashing import verify_pin
from server.models import Approval
from server.schema import staff


@dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    role: str


def verify_staff(
    conn: Connection, store_id: int, name: str, pin: str, clock: Clock, limits: Limits
) -> StaffMember:
    """The staff member of ``store_id`` with this name and PIN, or ``approval_*`` errors."""
    row = conn.execute(
        select(staff).where(staff.c.store_id == store_id, staff.c.name == name)
    ).first()
    if row is None:
        # Same answer as a wrong PIN: the response must not reveal which names exist.
        raise Forbidden("Unknown staff member or wrong PIN", code="approval_invalid")
    now = clock.now()
    if row.locked_until and parse_iso(row.locked_until) > now:
        retry = int((parse_iso(row.locked_until) - now).total_seconds()) + 1
        raise TooMany(
            f"{name} is locked after too many wrong PINs; try again later",
            code="approval_locked",
            retry_after_s=retry,
        )
    if not verify_pin(pin, row.pin_hash):
        failed = row.failed_attempts + 1
        values: dict[str, object] = {"failed_attempts": failed}
        if failed >= limits.pin_max_attempts:
            values = {
                "failed_attempts": 0,
                "locked_until": iso(now + timedelta(seconds=limits.pin_lock_s)),
            }
        conn.execute(update(staff).where(staff.c.id == row.id).values(**values))
        if failed >= limits.pin_max_attempts:
            raise TooMany(
                f"{name} is locked after too many wrong PINs",
                code="approval_locked",
                commit=True,
                retry_after_s=limits.pin_lock_s,
            )
        raise Forbidden(
            "Unknown staff member or wrong PIN",
            code="approval_invalid",
            commit=True,
            attempts_left=limits.pin_max_attempts - failed,
        )
    if row.failed_attempts or row.locked_until:
        conn.execute(
            update(staff).where(staff.c.id == row.id).values(failed_attempts=0, locked_until=None)
        )
    return StaffMember(row.id, row.name, row.role)


def require_manager(
    conn: Connection, store_id: int, approval: Approval | None, clock: Clock, limits: Limits
) -> StaffMember:
    """A manager of the key's store approved this write; raises ``approval_*`` otherwise."""
    if approval is None:
        raise Forbidden("A manager must approve this", code="approval_required")
    member = verify_staff(conn, store_id, approval.staff, approval.pin, clock, limits)
    if member.role != "manager":
        raise Forbidden(
            f"{member.name} is not a manager; a manager must approve this",
            code="approval_invalid",
            commit=True,
        )
    return member
