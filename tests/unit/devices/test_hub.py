"""The hub: one event stream from many readers, robust against bad subscribers and readers."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import pytest

from devices.errors import DeviceError
from devices.events import Identified, RawRead, ReadKind
from devices.fakes import REPLUGGED, UNPLUGGED, FakeReader
from devices.hub import DeviceHub
from devices.router import Router

PAN = "4111111111111111"
StatusCb = Callable[[str], None] | None


class Collector:
    def __init__(self) -> None:
        self.events: list[Identified] = []
        self.threads: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, event: Identified) -> None:
        with self.lock:
            self.events.append(event)
            self.threads.append(threading.current_thread().name)


def make_hub(*readers: FakeReader) -> tuple[DeviceHub, Collector, list[str]]:
    hub = DeviceHub(Router(), readers=list(readers))
    events = Collector()
    statuses: list[str] = []
    hub.subscribe(events)
    hub.on_status(statuses.append)
    return hub, events, statuses


def test_reads_from_a_reader_are_routed_to_subscribers() -> None:
    reader = FakeReader("msr")
    hub, events, _ = make_hub(reader)
    hub.start()
    reader.push("%12345678?;12345678?")
    assert [(e.kind, e.value, e.source) for e in events.events] == [
        (ReadKind.MAGSTRIPE, "12345678", "fake:msr")
    ]
    hub.stop()


def test_feed_without_readers_uses_the_same_path() -> None:
    hub, events, _ = make_hub()
    result = hub.feed(RawRead("LOYALTY:M-1", "demo"))
    assert result.kind is ReadKind.MEMBER_QR and result.value == "M-1"
    assert events.events == [result]


def test_reads_arrive_on_the_reader_thread() -> None:
    reader = FakeReader("cam")
    hub, events, _ = make_hub(reader)
    hub.start()
    thread = reader.push_from_thread("]C060000001")
    thread.join(timeout=10)
    assert thread.errors == []
    assert events.threads == ["fake-reader-cam"]
    assert events.events[0].value == "60000001"


def test_many_threads_at_once_lose_nothing() -> None:
    readers = [FakeReader(f"r{i}") for i in range(4)]
    hub, events, _ = make_hub(*readers)
    hub.start()
    threads = [
        reader.push_from_thread(f"]C0{60000000 + i * 100 + j}")
        for i, reader in enumerate(readers)
        for j in range(25)
    ]
    for t in threads:
        t.join(timeout=10)
    assert all(t.errors == [] for t in threads)
    assert sorted(e.value or "" for e in events.events) == sorted(
        str(60000000 + i * 100 + j) for i in range(4) for j in range(25)
    )


def test_a_raising_subscriber_does_not_break_the_others(caplog: pytest.LogCaptureFixture) -> None:
    hub = DeviceHub(Router())
    before, after = Collector(), Collector()

    def broken(_: Identified) -> None:
        raise RuntimeError("subscriber bug")

    hub.subscribe(before)
    hub.subscribe(broken)
    hub.subscribe(after)
    with caplog.at_level(logging.ERROR, logger="devices.hub"):
        hub.feed(RawRead(f";{PAN}=2512101?", "demo"))
    assert len(before.events) == len(after.events) == 1
    assert "subscriber failed" in caplog.text
    assert PAN not in caplog.text


def test_a_raising_router_is_logged_and_reported_as_unknown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class BrokenRouter(Router):
        def route(self, raw: RawRead) -> Identified:
            raise ValueError("router bug")

    hub = DeviceHub(BrokenRouter())
    events = Collector()
    hub.subscribe(events)
    with caplog.at_level(logging.ERROR, logger="devices.hub"):
        result = hub.feed(RawRead(f";{PAN}=2512?", "demo"))
    assert result.kind is ReadKind.UNKNOWN and result.value is None and result.raw == ""
    assert events.events == [result]
    assert "Routing failed" in caplog.text and PAN not in caplog.text


def test_unsubscribe() -> None:
    hub = DeviceHub(Router())
    events = Collector()
    unsubscribe = hub.subscribe(events)
    hub.feed(RawRead("]C060000001", "demo"))
    unsubscribe()
    unsubscribe()  # twice is harmless
    hub.feed(RawRead("]C060000002", "demo"))
    assert len(events.events) == 1


def test_unplug_and_replug_are_reported_with_the_reader_name() -> None:
    reader = FakeReader("msr")
    hub, events, statuses = make_hub(reader)
    hub.start()
    reader.unplug()
    with pytest.raises(DeviceError, match="unplugged"):
        reader.push("%12345678?")
    reader.replug()
    reader.push("%12345678?")
    assert statuses == [f"msr: {UNPLUGGED}", f"msr: {REPLUGGED}"]
    assert len(events.events) == 1


def test_a_reader_that_cannot_start_is_reported_and_others_run() -> None:
    bad = FakeReader("wedge", start_error=DeviceError("no permission to read /dev/input/event3"))
    good = FakeReader("cam")
    hub, events, statuses = make_hub(bad, good)
    hub.start()
    assert statuses == ["wedge: no permission to read /dev/input/event3"]
    good.push("]C060000001")
    assert len(events.events) == 1
    hub.stop()
    assert bad.stop_count == 0 and good.stop_count == 1


def test_start_and_stop_are_idempotent_and_late_reads_are_dropped() -> None:
    reader = FakeReader("msr")
    hub, events, _ = make_hub(reader)
    hub.start()
    hub.start()
    assert reader.start_count == 1 and hub.running
    on_read = reader._on_read  # what a reader thread still holds after stop
    hub.stop()
    hub.stop()
    assert reader.stop_count == 1 and not hub.running and not reader.running
    assert on_read is not None
    on_read(RawRead("%12345678?", "fake:msr"))
    assert events.events == []


def test_reader_added_while_running_starts_at_once() -> None:
    hub, events, _ = make_hub()
    hub.start()
    late = FakeReader("late")
    hub.add_reader(late)
    late.push("]C060000001")
    assert len(events.events) == 1 and late in hub.readers
    hub.stop()


def test_fake_reader_refuses_reads_when_not_started() -> None:
    with pytest.raises(DeviceError, match="not started"):
        FakeReader("idle").push("x")


def test_fake_reader_keeps_a_given_rawread() -> None:
    reader = FakeReader("r")
    got: list[RawRead] = []
    reader.start(got.append)
    raw = RawRead("abc", "serial:/dev/ttyUSB0", symbology_id="]C0")
    assert reader.push(raw) is raw
    built = reader.push("def", symbology_id="]Q1", format="QRCode", error="partial")
    assert got == [raw, built]
    assert (built.source, built.symbology_id, built.format, built.error) == (
        "fake:r",
        "]Q1",
        "QRCode",
        "partial",
    )


class SynchronousStartReader:
    """A reader whose start() waits for its own thread, which calls back into the hub."""

    name = "sync"

    def __init__(self) -> None:
        self.thread_finished = False

    def start(self, on_read: Callable[[RawRead], None], on_status: StatusCb = None) -> None:
        def opening() -> None:
            if on_status is not None:
                on_status("reader opened")
            on_read(RawRead("]C060000001", "sync"))

        thread = threading.Thread(target=opening)
        thread.start()
        thread.join(timeout=10)  # a guard against hanging the suite, not a timing check
        self.thread_finished = not thread.is_alive()

    def stop(self) -> None:
        pass


def test_a_reader_may_call_back_from_its_thread_while_starting() -> None:
    reader = SynchronousStartReader()
    hub = DeviceHub(Router(), readers=[reader])
    events, statuses = Collector(), list[str]()
    hub.subscribe(events)
    hub.on_status(statuses.append)
    hub.start()
    assert reader.thread_finished
    assert statuses == ["sync: reader opened"]
    assert [e.value for e in events.events] == ["60000001"]
    hub.stop()


def test_raw_subscribers_see_the_exact_text_before_routing() -> None:
    hub, events, _ = make_hub()
    raws: list[RawRead] = []
    unsubscribe = hub.subscribe_raw(raws.append)
    text = "%40023817?;40023817?\r"
    hub.feed(RawRead(text=text, source="keyboard-wedge"))
    assert [r.text for r in raws] == [text]
    assert events.events[0].value == "40023817"
    unsubscribe()
    hub.feed(RawRead(text=text, source="keyboard-wedge"))
    assert len(raws) == 1 and len(events.events) == 2
