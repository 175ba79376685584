from __future__ import annotations

import threading
from types import SimpleNamespace

from pytestqt.qtbot import QtBot

from devices.events import Identified, ReadKind
from till.device_signals import DeviceSignals
from till.sync_signals import SyncSignals


def test_device_events_from_a_reader_thread_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    signals = DeviceSignals()
    seen: list[tuple[Identified, bool]] = []
    gui = threading.current_thread()
    signals.identified.connect(lambda e: seen.append((e, threading.current_thread() is gui)))
    event = Identified(ReadKind.PHONE, "test", "+44", "+44")
    worker = threading.Thread(target=signals.publish, args=(event,))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen[0] == (event, True)


def test_feed_on_the_gui_thread_is_queued_not_reentrant(qtbot: QtBot) -> None:
    signals = DeviceSignals()
    seen: list[str] = []
    signals.status.connect(seen.append)
    signals.publish_status("reader unplugged")
    assert seen == []  # delivered later by the event loop, never inside the caller
    qtbot.waitUntil(lambda: seen == ["reader unplugged"])


def test_sync_state_updates_online_on_edges_only(qtbot: QtBot) -> None:
    signals = SyncSignals()
    edges: list[bool] = []
    signals.online_changed.connect(edges.append)
    for online in (False, False, True):
        signals.publish(SimpleNamespace(online=online, pending=0, review=0))
    qtbot.waitUntil(lambda: edges == [False, True])
    assert signals.last_state.online is True
    signals.set_online(True)
    assert edges == [False, True]
