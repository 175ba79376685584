"""The offline journal's errors in the till's language: the till layer translates them.

Why here and not in :mod:`offline_queue`: that package is the till's durable queue, Qt-free
and English (its log, ``till-cardtest`` and its tests read its sentences), and it must not
import the till (``tests/unit/test_layering.py``). Each of its errors carries a stable
``code`` (:class:`offline_queue.errors.JournalError`) and a journal problem its ``kind`` and
``facts`` (:class:`offline_queue.journal_identity.JournalProblemError`); this module turns
those into the cashier's or technician's sentence, the way :mod:`till.device_words` does for
the readers. Paths, numbers and a raw error text stay as they are, inside a translated
sentence. ``tests/unit/till/test_journal_words.py`` fails when a problem kind or an error
code has no sentence here, or a sentence has no translation.

Qt-free (:mod:`till.translate`), so :mod:`till.core` uses it too.
"""

from __future__ import annotations

from offline_queue.errors import JournalError, JournalWriteError
from offline_queue.journal_identity import RESET_COMMAND, JournalProblemError, ProblemKind
from offline_queue.journal_lock import JournalLockedError
from till.translate import QT_TRANSLATE_NOOP, in_source_language, translate

CONTEXT = "Journal"

# What a journal problem is, by its kind; {where} is the journal's path, {lost} LOST below.
PROBLEMS: dict[str, str] = {
    ProblemKind.MISSING: QT_TRANSLATE_NOOP(
        "Journal",
        "the operation journal {where} is missing (this till had committed operations up to "
        "#{expected} in it)",
    ),
    ProblemKind.EMPTY: QT_TRANSLATE_NOOP(
        "Journal",
        "the operation journal {where} is empty (0 bytes; this till had committed operations "
        "up to #{expected} in it)",
    ),
    ProblemKind.REPLACED: QT_TRANSLATE_NOOP(
        "Journal",
        "the operation journal {where} is not the one this till was writing (journal id "
        "{found} instead of {expected}): it was replaced, {lost}",
    ),
    ProblemKind.BEHIND: QT_TRANSLATE_NOOP(
        "Journal",
        "the operation journal {where} ends at operation #{found}, but this till had "
        "committed up to #{expected}: operations are missing ({lost})",
    ),
    ProblemKind.LOST_WRITES: QT_TRANSLATE_NOOP(
        "Journal",
        "the operation journal {where} is missing this till's latest writes (it ends at "
        "operation #{found}, but the generation this till recorded last is not in it): {lost}",
    ),
    ProblemKind.UNREADABLE: QT_TRANSLATE_NOOP(
        "Journal", "the operation journal {where} cannot be read ({error})"
    ),
    ProblemKind.RECORD_UNREADABLE: QT_TRANSLATE_NOOP(
        "Journal", "the till's record of its journal ({record}) cannot be read ({error})"
    ),
}
LOST = QT_TRANSLATE_NOOP(
    "Journal",
    "restored from an older copy, or its write-ahead log (-wal) was lost after a crash",
)
NO_ID = QT_TRANSLATE_NOOP("Journal", "none")
PROBLEM = QT_TRANSLATE_NOOP(
    "Journal", "Journal problem: {detail}. Sales cannot be completed: call a technician."
)
FIX = QT_TRANSLATE_NOOP(
    "Journal",
    "Stop the till and keep every file as it is. Put back the right journal if a copy exists "
    "(with its -wal file). If its operations are lost for good, '{command}' starts a new "
    "journal and keeps the old files aside.",
)
# Every other journal error, by its stable code; {detail} is the English error text (or the
# SQLite error name and text for "not recorded"), kept for the technician.
CODES: dict[str, str] = {
    "not_recorded": QT_TRANSLATE_NOOP("Journal", "Sale not recorded, call a manager ({detail})."),
    "locked": QT_TRANSLATE_NOOP(
        "Journal",
        "Another till is already running on the journal {where}{who}. Only one till may use "
        "a journal: close the other one first.",
    ),
    "op_id_conflict": QT_TRANSLATE_NOOP(
        "Journal",
        "This operation is already in the journal with different details: it was not "
        "recorded again. Call a manager ({detail}).",
    ),
    "unknown_op": QT_TRANSLATE_NOOP(
        "Journal", "This operation is not in the till's journal ({detail})."
    ),
    "op_state": QT_TRANSLATE_NOOP(
        "Journal",
        "This operation was dealt with meanwhile (e.g. sent by the automatic sync) ({detail}).",
    ),
    "newer_version": QT_TRANSLATE_NOOP(
        "Journal",
        "The journal was written by a newer version of the till: update the till software "
        "({detail}).",
    ),
    "journal": QT_TRANSLATE_NOOP(
        "Journal", "The till's journal cannot be used: call a technician ({detail})."
    ),
}
WHO = QT_TRANSLATE_NOOP("Journal", " (process {pid})")


def problem_detail(problem: JournalProblemError) -> str:
    """What is wrong with the journal, in the till's language (``problem.detail`` in English)."""
    text = PROBLEMS.get(problem.kind)
    if text is None:  # a kind newer than this table: the English detail rather than nothing
        return problem.detail
    facts = problem.facts
    error = facts.get("error", "")
    if problem.kind == ProblemKind.RECORD_UNREADABLE and facts.get("error_type"):
        error = f"{facts['error_type']}: {error}"
    found = facts.get("found", "")
    if problem.kind == ProblemKind.REPLACED and not found:
        found = translate(CONTEXT, NO_ID)
    return translate(CONTEXT, text).format(
        where=problem.journal_path,
        found=found,
        expected=facts.get("expected", ""),
        record=facts.get("record", ""),
        error=error,
        lost=translate(CONTEXT, LOST),
    )


def problem_fix(problem: JournalProblemError) -> str:
    """What the technician does about it (``problem.fix`` in English)."""
    return translate(CONTEXT, FIX).format(command=RESET_COMMAND)


# The sentences this module gave (a few: one per journal error met), so the readers' status
# line, which also carries the start-up journal problem, shows them as they are.
_GIVEN: set[str] = set()


def given(text: str) -> bool:
    """True for a sentence :func:`sentence` produced (already in the till's language)."""
    return text in _GIVEN


def sentence(error: BaseException) -> str:
    """A journal error as the cashier or technician reads it, in the till's language."""
    text = _sentence(error)
    if len(_GIVEN) < 64:
        _GIVEN.add(text)
    return text


def _sentence(error: BaseException) -> str:
    if isinstance(error, JournalProblemError):
        return translate(CONTEXT, PROBLEM).format(detail=problem_detail(error))
    if isinstance(error, JournalLockedError):
        who = translate(CONTEXT, WHO).format(pid=error.holder) if error.holder else ""
        where = error.journal_path if error.journal_path is not None else ""
        return translate(CONTEXT, CODES["locked"]).format(where=where, who=who)
    if isinstance(error, JournalWriteError):
        return translate(CONTEXT, CODES["not_recorded"]).format(detail=error.detail)
    if isinstance(error, JournalError):
        if in_source_language():
            return str(error)  # the journal's own English sentence, as it always was
        code = getattr(error, "code", "journal")
        text = CODES.get(code, CODES["journal"])
        return translate(CONTEXT, text).format(detail=error)
    return str(error)
