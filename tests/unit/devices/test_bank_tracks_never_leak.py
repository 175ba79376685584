"""Property test: a bank card's PAN never leaves in any output, whatever the reader typed.

Random bank tracks (ISO/IEC 7813: 12-19 digit Luhn-valid PANs in a card network's IIN
range, cardholder names, plausible expiry and service code, discretionary data), behind
every sentinel variant readers use, with LRCs, junk around them, bad tracks and every
framing (CR, LF, CR LF, TAB, MagTek's ESC). The outputs checked are those a person or a file
can see: the parser's analysis, the router's event, ``till-cardtest analyze`` (text and
JSON), ``till-cardtest listen``'s record, and every log record while the hub routes it.
"""

from __future__ import annotations

import io
import json
import logging
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devices.cardnumber import luhn_check_digit, mask_pan
from devices.events import RawRead
from devices.hub import DeviceHub
from devices.magstripe import parse_swipe
from devices.router import Router
from till.cardtest.cli import main
from till.cardtest.listen_cmd import describe

PROPERTY = settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
NETWORK_PREFIXES = ["4", "51", "53", "55", "2221", "2720", "34", "37", "36", "3528", "6011"]
NETWORK_PREFIXES += ["62", "65", "67", "2200", "60", "81"]


@st.composite
def bank_pans(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(NETWORK_PREFIXES))
    length = draw(st.integers(12, 19))
    body = prefix + draw(st.text("0123456789", min_size=length, max_size=length))
    body = body[: length - 1]
    return body + luhn_check_digit(body)


@st.composite
def bank_reads(draw: st.DrawFn) -> tuple[str, str, str]:
    """(text the reader typed, PAN, cardholder name)."""
    pan = draw(bank_pans())
    # "ZQX" makes the name distinctive: no sentence of the till's contains it.
    name = "ZQX" + draw(
        st.text(st.sampled_from(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ /.")), max_size=23)
    )
    expiry = f"{draw(st.integers(0, 99)):02d}{draw(st.integers(1, 12)):02d}"
    service = draw(st.sampled_from(["101", "120", "201", "221", "501", "601", "701", "902"]))
    extra = draw(st.text("0123456789", max_size=20))
    spaced = draw(st.booleans()) and len(pan) == 16
    pan1 = " ".join(pan[i : i + 4] for i in range(0, 16, 4)) if spaced else pan
    lrc = lambda: draw(st.sampled_from(["", "", "Z", "?", ";", "%", "5"]))  # noqa: E731
    track1 = f"%B{pan1}^{name}^{expiry}{service}{extra}?{lrc()}"
    if draw(st.booleans()):
        track1 = track1.lower()  # Caps Lock
    ss2 = draw(st.sampled_from([";", "@"]))
    track2 = f"{ss2}{pan}={expiry}{service}{extra}?{lrc()}"
    ss3 = draw(st.sampled_from(["+", ";", "&", "#", "!", "%"]))
    track3 = draw(
        st.sampled_from(["", f"{ss3}E?", f"{ss3}{pan}={expiry}{extra}?", f"{ss3}0{extra}?"])
    )
    sep = draw(st.sampled_from(["", "\r", "\n", "\r\n", "\t"]))
    layout = draw(st.sampled_from(["both", "track1", "track2", "err1", "err2", "cut2"]))
    tracks = {
        "both": [track1, track2, track3],
        "track1": [track1],
        "track2": [track2, track3],
        "err1": ["%E?", track2, track3],
        "err2": [track1, ";E?", track3],
        "cut2": [track1, track2[: draw(st.integers(1, len(track2) - 1))]],
    }[layout]
    text = sep.join(t for t in tracks if t)
    before = draw(st.sampled_from(["", "", "\x1b", "\x02\x1b", "xx", "MSR "]))
    after = draw(st.sampled_from(["", "\r", "\n", "\r\n", "\t", "0\r", "0\r\x03", " junk"]))
    return before + text + after, pan, name


def assert_hidden(texts: list[str], pan: str, name: str) -> None:
    spaced = " ".join(pan[i : i + 4] for i in range(0, len(pan), 4))
    for text in texts:
        assert pan not in text
        assert spaced not in text
        assert name.upper() not in text.upper()


@PROPERTY
@given(read=bank_reads())
def test_bank_tracks_never_show_the_pan(
    read: tuple[str, str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    text, pan, name = read
    analysis = parse_swipe(text)
    assert analysis.kind in ("bank", "licence", "unreadable")
    if analysis.kind == "bank":
        assert analysis.card_number == mask_pan(pan)
    outputs = [json.dumps(analysis.to_json()), analysis.masked_raw(), repr(analysis)]
    outputs += [analysis.message, *analysis.notes]

    raw = RawRead(text, "wedge:msr")
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        hub = DeviceHub(Router())
        seen: list[object] = []
        hub.subscribe(seen.append)
        event = hub.feed(raw)
    assert event.value is None  # a bank card never identifies a member
    outputs += [event.raw, event.message, repr(event), caplog.text]
    outputs += [json.dumps(describe(raw, event), ensure_ascii=False)]

    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/till-cardtest-test-config")
    for args in ([], ["--json"]):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
        assert main(["analyze", *args]) == 1
        out, err = capsys.readouterr()
        outputs += [out, err]
    assert_hidden(outputs, pan, name)
