"""WedgeDecoder on recorded-style traces and on hand-built event sequences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import evdev.ecodes as e
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.wedge import MAX_READ_CHARS, WedgeDecoder, WedgeRead

DATA = Path(__file__).resolve().parents[2] / "data" / "wedge"


def load(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["magtek_us.json", "honeywell_de.json"])
def test_recorded_traces_decode_to_what_was_typed(name: str) -> None:
    trace = load(name)
    events = trace["events"]
    assert any(ev[1] == e.EV_KEY and ev[3] == 0 for ev in events)  # releases present
    dec = WedgeDecoder(trace["layout"], trace["terminator"])
    reads = dec.feed_all(events)
    assert [r.text for r in reads] == trace["expected"]
    assert all(r.ended_by == "terminator" and r.ignored_keys == 0 for r in reads)


def test_magtek_trace_has_autorepeat_that_does_not_type() -> None:
    events = load("magtek_us.json")["events"]
    assert any(ev[1] == e.EV_KEY and ev[3] == 2 and ev[2] != e.KEY_LEFTSHIFT for ev in events)


def test_the_de_trace_decoded_as_us_is_wrong_and_says_so() -> None:
    trace = load("honeywell_de.json")
    reads = WedgeDecoder("us", "enter").feed_all(trace["events"])
    assert reads[0].text != trace["expected"][0]
    assert reads[0].ignored_keys > 0  # e.g. the DE-only ISO key (<>|) has no US AltGr level


class Typist:
    """Builds (timestamp, type, code, value) tuples, 5 ms apart, like a reader would."""

    def __init__(self) -> None:
        self.t = 100.0
        self.events: list[tuple[float, int, int, int]] = []

    def key(self, code: int, value: int) -> Typist:
        self.events.append((self.t, e.EV_MSC, e.MSC_SCAN, 0x70000))
        self.events.append((self.t, e.EV_KEY, code, value))
        self.events.append((self.t, e.EV_SYN, e.SYN_REPORT, 0))
        self.t += 0.005
        return self

    def tap(self, *codes: int) -> Typist:
        *mods, code = codes
        for m in mods:
            self.key(m, 1)
        self.key(code, 1).key(code, 0)
        for m in reversed(mods):
            self.key(m, 0)
        return self


def decode(events: list[tuple[float, int, int, int]], **kw: Any) -> list[WedgeRead]:
    return WedgeDecoder(**kw).feed_all(events)


def test_only_key_down_types_and_modifiers_follow_down_and_up() -> None:
    t = Typist().key(e.KEY_LEFTSHIFT, 1).key(e.KEY_A, 1).key(e.KEY_A, 2).key(e.KEY_A, 0)
    t.key(e.KEY_LEFTSHIFT, 2).key(e.KEY_B, 1).key(e.KEY_LEFTSHIFT, 0).tap(e.KEY_C).tap(e.KEY_ENTER)
    assert [r.text for r in decode(t.events)] == ["ABc"]


def test_caps_lock_toggles_on_press_only() -> None:
    t = Typist().tap(e.KEY_CAPSLOCK).tap(e.KEY_A).tap(e.KEY_LEFTSHIFT, e.KEY_B).tap(e.KEY_1)
    t.tap(e.KEY_CAPSLOCK).tap(e.KEY_C).tap(e.KEY_ENTER)
    assert [r.text for r in decode(t.events)] == ["Ab1c"]


def test_right_and_left_shift_together_release_independently() -> None:
    t = Typist().key(e.KEY_LEFTSHIFT, 1).key(e.KEY_RIGHTSHIFT, 1).key(e.KEY_LEFTSHIFT, 0)
    t.tap(e.KEY_A).key(e.KEY_RIGHTSHIFT, 0).tap(e.KEY_A).tap(e.KEY_ENTER)
    assert decode(t.events)[0].text == "Aa"


@pytest.mark.parametrize(
    ("terminator", "end_key", "expected"),
    [
        ("enter", e.KEY_ENTER, ["12"]),
        ("enter", e.KEY_KPENTER, ["12"]),
        ("kp_enter", e.KEY_KPENTER, ["12"]),
        ("tab", e.KEY_TAB, ["12"]),
    ],
)
def test_terminators_end_a_read(terminator: str, end_key: int, expected: list[str]) -> None:
    t = Typist().tap(e.KEY_1).tap(e.KEY_2).tap(end_key).tap(e.KEY_3)
    reads = decode(t.events, terminator=terminator)
    assert [r.text for r in reads] == [*expected, "3"]
    assert reads[0].ended_by == "terminator"
    assert reads[1].ended_by == "idle"


def test_a_return_that_is_not_the_terminator_stays_in_the_text() -> None:
    # A MagTek set to CR after each track, with the till set to end reads on idle only.
    t = Typist().tap(e.KEY_1).tap(e.KEY_ENTER).tap(e.KEY_2).tap(e.KEY_TAB).tap(e.KEY_ENTER)
    assert [r.text for r in decode(t.events, terminator="none")] == ["1\n2\t\n"]
    t2 = Typist().tap(e.KEY_1).tap(e.KEY_ENTER).tap(e.KEY_2).tap(e.KEY_TAB)
    assert [r.text for r in decode(t2.events, terminator="tab")] == ["1\n2"]


def test_idle_timeout_through_the_deadline_api() -> None:
    dec = WedgeDecoder("us", "none", idle_timeout_s=0.15)
    assert dec.deadline is None
    assert dec.feed(10.0, e.EV_KEY, e.KEY_4, 1) == []
    assert dec.feed(10.01, e.EV_KEY, e.KEY_2, 1) == []
    assert dec.deadline == pytest.approx(10.16)
    assert dec.tick(10.159) == []
    assert dec.tick(10.16) == [WedgeRead("42", "idle")]
    assert dec.deadline is None
    assert dec.tick(99.0) == []


def test_a_key_after_the_idle_gap_starts_a_new_read() -> None:
    dec = WedgeDecoder("us", "enter", idle_timeout_s=0.1)
    dec.feed(1.0, e.EV_KEY, e.KEY_1, 1)
    out = dec.feed(2.0, e.EV_KEY, e.KEY_2, 1)
    assert out == [WedgeRead("1", "idle")]
    assert dec.feed(2.01, e.EV_KEY, e.KEY_ENTER, 1) == [WedgeRead("2", "terminator")]


def test_a_lone_terminator_or_modifier_makes_no_read() -> None:
    t = Typist().tap(e.KEY_ENTER).tap(e.KEY_LEFTSHIFT).tap(e.KEY_ESC).tap(e.KEY_ENTER)
    assert decode(t.events) == []


def test_dead_circumflex_on_de() -> None:
    t = Typist().tap(e.KEY_GRAVE).tap(e.KEY_SPACE).tap(e.KEY_GRAVE).tap(e.KEY_E)
    t.tap(e.KEY_GRAVE).tap(e.KEY_X).tap(e.KEY_EQUAL).tap(e.KEY_LEFTSHIFT, e.KEY_A).tap(e.KEY_ENTER)
    assert decode(t.events, layout="de")[0].text == "^ê^xÁ"


def test_a_dead_key_left_at_the_end_is_kept() -> None:
    t = Typist().tap(e.KEY_1).tap(e.KEY_GRAVE).tap(e.KEY_ENTER)
    assert decode(t.events, layout="de")[0].text == "1^"


def test_ctrl_types_ascii_control_characters_like_gs1_group_separator() -> None:
    t = Typist().tap(e.KEY_0).tap(e.KEY_1).tap(e.KEY_LEFTCTRL, e.KEY_RIGHTBRACE).tap(e.KEY_9)
    t.tap(e.KEY_LEFTCTRL, e.KEY_1).tap(e.KEY_ENTER)
    assert decode(t.events)[0].text == "01\x1d9"


def test_unknown_keys_are_counted() -> None:
    t = Typist().tap(e.KEY_1).tap(e.KEY_F5).tap(e.KEY_2).tap(e.KEY_ENTER)
    assert decode(t.events) == [WedgeRead("12", "terminator", ignored_keys=1)]


def test_runaway_input_is_cut_into_bounded_reads() -> None:
    dec = WedgeDecoder("us", "enter")
    out: list[WedgeRead] = []
    for i in range(MAX_READ_CHARS + 10):
        out += dec.feed(i * 0.001, e.EV_KEY, e.KEY_7, 1)
    assert [(len(r.text), r.ended_by) for r in out] == [(MAX_READ_CHARS, "overflow")]


def test_flush_resets_modifiers() -> None:
    dec = WedgeDecoder("us", "enter")
    dec.feed(1.0, e.EV_KEY, e.KEY_LEFTSHIFT, 1)
    dec.feed(1.0, e.EV_KEY, e.KEY_A, 1)
    assert dec.flush() == [WedgeRead("A", "flush")]
    dec.feed(1.1, e.EV_KEY, e.KEY_A, 1)
    assert dec.feed(1.1, e.EV_KEY, e.KEY_ENTER, 1)[0].text == "a"


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="terminator"):
        WedgeDecoder("us", "semicolon")
    with pytest.raises(ValueError, match="layout"):
        WedgeDecoder("fr")


event = st.tuples(
    st.floats(min_value=0, max_value=1000, allow_nan=False),
    st.sampled_from([e.EV_SYN, e.EV_KEY, e.EV_KEY, e.EV_KEY, e.EV_MSC, e.EV_LED]),
    st.integers(min_value=0, max_value=300),
    st.integers(min_value=-1, max_value=3),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(event, max_size=200), st.sampled_from(["us", "de"]))
def test_any_event_stream_decodes_without_error(events: list[Any], layout: str) -> None:
    for terminator in ("enter", "none"):
        for r in WedgeDecoder(layout, terminator).feed_all(sorted(events)):
            assert r.text
            assert len(r.text) <= MAX_READ_CHARS + 1
            assert r.ended_by in {"terminator", "idle", "overflow"}
