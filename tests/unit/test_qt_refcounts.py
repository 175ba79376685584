"""Guard against PySide6 wheels that mis-count references to None/True on this Python.

PySide6 6.12.0 (stable ABI) treats None/True/False as immortal, as CPython 3.12 does, and
skips the reference it should take: on CPython 3.11 every Signal.emit drops one reference to
True, a Python QRunnable.run one to None, and after a few hundred the interpreter aborts
("bool_dealloc"). pyproject pins PySide6 below 6.12; this test fails if a wheel with the bug
comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    fired = Signal(object)


class _Job(QRunnable):
    def run(self) -> None:
        pass


def test_signal_emit_keeps_reference_counts(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(100):
        emitter.fired.emit(i)
    assert len(received) == 100
    # Other threads may hold or drop a few references meanwhile; a bug shows as -100.
    assert sys.getrefcount(True) - before_true > -20
    assert sys.getrefcount(None) - before_none > -20


def test_python_runnables_keep_reference_counts(qtbot: QtBot) -> None:
    pool = QThreadPool()
    before_none = sys.getrefcount(None)
    for _ in range(100):
        pool.start(_Job())
    assert pool.waitForDone(10_000)
    assert sys.getrefcount(None) - before_none > -20
