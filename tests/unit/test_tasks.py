from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from till.tasks import TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui_thread = threading.get_ident()
    worker_threads: list[int] = []
    results: list[tuple[int, int]] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.run(work, on_done=lambda r: results.append((r, threading.get_ident())))
    assert results == [(42, gui_thread)]
    assert worker_threads and worker_threads[0] != gui_thread


def test_errors_arrive_too(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def boom() -> None:
        raise RuntimeError("backend down")

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.run(boom, on_error=errors.append)
    assert isinstance(errors[0], RuntimeError)
    assert runner.in_flight == 0
