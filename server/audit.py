"""The audit trail of manager-approved changes to the store's rules (policy, card programs).

Why a table of its own: those writes change no balance, so the ledger (which records the
approving manager of every claim, reversal and OTP override) does not see them; a store
still has to answer "who switched the OTP requirement off, and when?". Entries are append-
only and hold no secret: the approval's PIN is checked, never stored.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select

from server.approval import StaffMember
from server.context import Caller
from server.schema import audit_log, staff, tills


def record(
    conn: Connection,
    caller: Caller,
    member: StaffMember,
    action: str,
    detail: dict[str, Any],
    at: str,
) -> None:
    """Append one entry in the caller's transaction (it commits or rolls back with the change)."""
    conn.execute(
        insert(audit_log).values(
            at=at,
            store_id=caller.store_id,
            till_id=caller.till_id,
            staff_id=member.id,
            action=action,
            detail=json.dumps(detail, sort_keys=True),
        )
    )


def entries(conn: Connection, store_id: int, start: str, end: str) -> dict[str, Any]:
    """The store's entries with ``start <= at < end``, oldest first."""
    rows = conn.execute(
        select(audit_log.c.at, audit_log.c.action, audit_log.c.detail, staff.c.name, tills.c.code)
        .join(staff, staff.c.id == audit_log.c.staff_id)
        .join(tills, tills.c.id == audit_log.c.till_id)
        .where(audit_log.c.store_id == store_id, audit_log.c.at >= start, audit_log.c.at < end)
        .order_by(audit_log.c.at, audit_log.c.id)
    ).all()
    return {
        "from": start,
        "to": end,
        "entries": [
            {
                "at": r.at,
                "action": r.action,
                "staff": r.name,
                "till": r.code,
                "detail": json.loads(r.detail),
            }
            for r in rows
        ],
    }
