"""Issue 17: the offline journal's errors (offline_queue, English, Qt-free) reach a German or
Ukrainian cashier in their language, through :mod:`till.journal_words`, by the stable
``kind`` / ``code`` each error carries; English keeps the journal's own sentences."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_queue import errors
from offline_queue.errors import JournalError, JournalWriteError, OpStateError
from offline_queue.journal_identity import JournalProblemError, ProblemKind, _problem
from offline_queue.journal_lock import JournalLock, JournalLockedError
from tests.unit.till.i18n_scan import ROOT
from till import i18n, journal_words
from till.core.outcome import OpOutcome, OpStatus
from till.device_words import status_message

JOURNAL = Path("/var/lib/till/journal.sqlite3")


def every_problem() -> list[JournalProblemError]:
    """One problem of each kind, built as offline_queue builds them."""
    return [
        _problem(ProblemKind.MISSING, JOURNAL, expected=12),
        _problem(ProblemKind.EMPTY, JOURNAL, expected=12),
        _problem(ProblemKind.REPLACED, JOURNAL, found="abc", expected="def"),
        _problem(ProblemKind.REPLACED, JOURNAL, found=None, expected="def"),
        _problem(ProblemKind.BEHIND, JOURNAL, found=3, expected=12),
        _problem(ProblemKind.LOST_WRITES, JOURNAL, found=3),
        _problem(ProblemKind.UNREADABLE, JOURNAL, exc=Exception("SQLITE_NOTADB: not a database")),
        _problem(
            ProblemKind.RECORD_UNREADABLE,
            JOURNAL,
            record=JOURNAL.with_suffix(".identity.json"),
            exc=ValueError("bad json"),
        ),
    ]


def error_classes() -> Iterator[type[JournalError]]:
    for name in dir(errors):
        value = getattr(errors, name)
        if isinstance(value, type) and issubclass(value, JournalError):
            yield value
    yield JournalLockedError
    yield JournalProblemError


@pytest.fixture
def german() -> Iterator[None]:
    assert i18n.install("de")
    try:
        yield
    finally:
        i18n.install("en")


def test_every_problem_kind_has_a_sentence() -> None:
    """A new ProblemKind without a sentence fails here."""
    assert set(ProblemKind) == set(journal_words.PROBLEMS)
    assert {p.kind for p in every_problem()} == set(ProblemKind)


def test_every_error_code_has_a_sentence() -> None:
    codes = {cls.code for cls in error_classes()}
    assert codes - {"journal_problem"} <= set(journal_words.CODES)
    assert len(codes) == len(list(error_classes()))  # each class its own stable code


def test_english_is_the_journals_own_words() -> None:
    """The till in English says exactly what offline_queue says (logs and tests agree)."""
    for problem in every_problem():
        assert journal_words.problem_detail(problem) == problem.detail
        assert journal_words.problem_fix(problem) == problem.fix
        assert journal_words.sentence(problem) == str(problem)
    disk = JournalWriteError("SQLITE_FULL: database or disk is full")
    assert journal_words.sentence(disk) == str(disk)
    assert journal_words.sentence(OpStateError("Operation x is acked.")) == "Operation x is acked."


def test_a_german_cashier_reads_every_journal_problem_in_german(qapp: object, german: None) -> None:
    for problem in every_problem():
        said = journal_words.sentence(problem)
        assert said.startswith("Journalproblem: "), said
        assert "Sales cannot" not in said and "the operation journal" not in said, said
        assert str(JOURNAL) in said or problem.kind == ProblemKind.RECORD_UNREADABLE
        assert "Stop the till" not in journal_words.problem_fix(problem)
        # The banner of a sale that could not complete, and the start-up status line.
        outcome = OpOutcome("op-1", "earn", OpStatus.NOT_RECORDED, error=problem)
        assert outcome.message == said
        assert status_message(said) == said
    disk = journal_words.sentence(JournalWriteError("SQLITE_FULL: database or disk is full"))
    assert "SQLITE_FULL" in disk and "Sale not recorded" not in disk
    generic = journal_words.sentence(JournalError("Cannot read the journal: SQLITE_IOERR"))
    assert "SQLITE_IOERR" in generic and not generic.startswith("Cannot read")


def test_the_lock_error_names_the_other_till_in_german(
    qapp: object, german: None, tmp_path: Path
) -> None:
    journal = tmp_path / "journal.sqlite3"
    held = JournalLock.acquire(journal)
    try:
        with pytest.raises(JournalLockedError) as caught:
            JournalLock.acquire(journal)
    finally:
        held.release()
    error = caught.value
    assert error.journal_path == journal and error.holder.isdigit()
    said = journal_words.sentence(error)
    assert str(journal) in said and error.holder in said
    assert "Another till" not in said


def test_offline_queue_stays_free_of_the_till() -> None:
    """The translation lives in the till layer: offline_queue imports nothing of it."""
    for path in (ROOT / "offline_queue").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("till"), path


def test_the_manager_reads_a_journal_failure_in_german(german: None) -> None:
    """The manager window's failure sentence (till.manager.widgets.plain_error) wraps the
    journal's translated sentence; no English is left around it."""
    from till.manager.widgets import plain_error

    text = plain_error(_problem(ProblemKind.BEHIND, JOURNAL, found=3, expected=12))
    assert text.startswith("Das Journal der Kasse konnte das nicht speichern: Journalproblem")
    assert "could not record" not in text and "Call a technician" not in text
    assert plain_error(OpStateError("x")).startswith("Dieser Vorgang wurde inzwischen erledigt")
