"""Doctor check of the offline journal: is it the right one, whole; operations waiting, how
long, and any for review.

A journal problem (missing, empty, replaced, or cut short: issue 11, see
``offline_queue/journal_identity.py``) fails first and names the fix, because the till
completes no sale until it is dealt with. Operations waiting while the backend is down are
expected (they are sent later); waiting long while the backend answers means sending is
stuck; review items always need a manager.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from offline_queue.journal_identity import JournalProblemError
from till import journal_words
from till.cardtest.check_result import FAIL, PASS, SKIP, CheckResult
from till.translate import translate

# Pending operations older than this while the backend answers mean the sync is stuck.
STUCK_AFTER_S = 15 * 60


class JournalStatsLike(Protocol):
    @property
    def pending(self) -> int: ...
    @property
    def oldest_pending_created_at(self) -> float | None: ...
    @property
    def review(self) -> int: ...


def check_journal(
    journal_stats: Callable[[], JournalStatsLike] | None,
    clock: Callable[[], float],
    backend_ok: bool,
) -> CheckResult:
    """Review items always fail; pending ones fail only when old while the backend answers."""
    title = translate("Doctor", "Offline journal")
    if journal_stats is None:
        return CheckResult(
            "journal",
            title,
            SKIP,
            translate("Doctor", "The till has no journal yet on this machine."),
        )
    try:
        stats = journal_stats()
    except JournalProblemError as problem:
        return CheckResult(
            "journal",
            title,
            FAIL,
            translate("Doctor", "Journal problem: {detail}.").format(
                detail=journal_words.problem_detail(problem)
            ),
            journal_words.problem_fix(problem),
        )
    except Exception as exc:  # a damaged journal is a finding, not a crash
        return CheckResult(
            "journal",
            title,
            FAIL,
            translate("Doctor", "The journal cannot be read ({name}: {exc}).").format(
                name=type(exc).__name__, exc=exc
            ),
            translate(
                "Doctor", "Stop the till, keep a copy of the journal file, and contact support."
            ),
        )
    age = (
        clock() - stats.oldest_pending_created_at
        if stats.oldest_pending_created_at is not None
        else 0.0
    )
    pending = translate("Doctor", "{pending} operation(s) waiting to be sent").format(
        pending=stats.pending
    )
    if stats.pending:
        pending += translate("Doctor", ", the oldest for {duration}").format(
            duration=_duration(age)
        )
    if stats.review:
        return CheckResult(
            "journal",
            title,
            FAIL,
            translate("Doctor", "{review} operation(s) need a manager's review; {pending}.").format(
                review=stats.review, pending=pending
            ),
            translate(
                "Doctor",
                "A manager opens the till's review list and retries or cancels each operation.",
            ),
        )
    if stats.pending and backend_ok and age > STUCK_AFTER_S:
        return CheckResult(
            "journal",
            title,
            FAIL,
            translate(
                "Doctor", "{pending}, although the backend answers: sending is stuck."
            ).format(pending=pending),
            translate(
                "Doctor",
                "Look at the till's sync status and log; restarting the till retries at once.",
            ),
        )
    if stats.pending and not backend_ok:
        return CheckResult(
            "journal",
            title,
            PASS,
            translate(
                "Doctor", "{pending}; they are sent when the backend is reachable again."
            ).format(pending=pending),
        )
    return CheckResult(
        "journal",
        title,
        PASS,
        translate("Doctor", "{pending}; nothing needs review.").format(pending=pending),
    )


def _duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return translate("Doctor", "{n} min").format(n=seconds // 60)
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h"
    return translate("Doctor", "{n} days").format(n=seconds // 86400)


def journal_file_stats(path: Any) -> Callable[[], JournalStatsLike] | None:
    """Stats of the journal file at ``path``, or None when the till hasn't made one yet
    (opening would create it). The journal's identity is checked first, read-only: a
    missing or replaced journal is a problem to name, never a journal to create."""
    from pathlib import Path

    from offline_queue.journal import Journal
    from offline_queue.journal_identity import inspect_journal

    problem = inspect_journal(Path(path))
    if problem is not None:

        def failing() -> JournalStatsLike:
            raise problem

        return failing
    if not Path(path).exists():
        return None

    def stats() -> JournalStatsLike:
        journal = Journal(path)
        try:
            return journal.stats()
        finally:
            journal.close()

    return stats
