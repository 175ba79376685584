"""Guard against PySide6 wheels that mis-count references to None/True on this Python.

PySide6 6.12.0 (stable ABI) treats None/True/False as immortal, as CPython 3.12 does, and
skips the reference it should take: on CPython 3.11 every Signal.emit drops one reference to
True, a Python QRunnable.run one to None, and after a few hundred the interpreter aborts
("bool_dealloc"). pyproject pins PySide6 below 6.12; this test fails if a wheel with the bug
comes back.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from pytestqt.qtbot import QtBot

N = 1000


class _Emitter(QObject):
    fired = Signal(object)


class _Job(QRunnable):
    def run(self) -> None:
        pass


@contextmanager
def _gc_held() -> Iterator[None]:
    """Garbage collection frees objects that hold None/True and would blur the count."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_signal_emit_keeps_reference_counts(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    with _gc_held():
        before_true = sys.getrefcount(True)
        for i in range(N):
            emitter.fired.emit(i)
        delta = sys.getrefcount(True) - before_true
    assert len(received) == N
    assert delta > -N // 2  # the bug: exactly -N


def test_python_runnables_keep_reference_counts(qtbot: QtBot) -> None:
    pool = QThreadPool()
    with _gc_held():
        before_none = sys.getrefcount(None)
        for _ in range(N):
            pool.start(_Job())
        assert pool.waitForDone(30_000)
        delta = sys.getrefcount(None) - before_none
    assert delta > -N // 2  # the bug: exactly -N
