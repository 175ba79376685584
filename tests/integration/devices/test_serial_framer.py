"""SerialFramer: every framing rule on plain byte strings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.serial_reader import MAX_FRAME_BYTES, Frame, SerialFramer, bcc

STX, ETX = b"\x02", b"\x03"


def block(payload: bytes, with_bcc: bool = False) -> bytes:
    out = STX + payload + ETX
    return out + bytes([bcc(payload + ETX)]) if with_bcc else out


def test_bcc_is_xor_after_stx_including_etx() -> None:
    # IEC 62056-21 example shape: STX "B0" ETX -> 0x42 ^ 0x30 ^ 0x03 = 0x71
    assert bcc(b"B0\x03") == 0x71
    assert block(b"B0", with_bcc=True) == b"\x02B0\x03\x71"


@pytest.mark.parametrize(
    ("terminator", "stream"),
    [
        ("cr", b"4006381333931\r12345678\r"),
        ("lf", b"4006381333931\n12345678\n"),
        ("crlf", b"4006381333931\r\n12345678\r\n"),
        ("etx", b"4006381333931\x0312345678\x03"),
    ],
)
def test_terminators(terminator: str, stream: bytes) -> None:
    framer = SerialFramer(terminator)
    assert framer.feed(stream) == [Frame(b"4006381333931"), Frame(b"12345678")]
    assert not framer.pending


def test_frames_split_across_reads_and_byte_by_byte() -> None:
    framer = SerialFramer("crlf")
    out: list[Frame] = []
    for b in b"ABC\r\nDEF\r\n":
        out += framer.feed(bytes([b]))
    assert [f.text for f in out] == ["ABC", "DEF"]


def test_cr_terminator_tolerates_a_crlf_scanner_and_blank_lines() -> None:
    framer = SerialFramer("cr")
    assert [f.text for f in framer.feed(b"\r\n\r\nABC\r\nDEF\r\n")] == ["ABC", "DEF"]


def test_partial_frame_is_reported_on_flush_with_its_text() -> None:
    framer = SerialFramer("cr")
    assert framer.feed(b";12345678=") == []
    assert framer.pending
    (frame,) = framer.flush("nothing received for 300 ms")
    assert frame.text == ";12345678="
    assert frame.error == "incomplete read: no CR terminator (nothing received for 300 ms)"
    assert framer.flush() == []


def test_stx_etx_blocks_with_garbage_between() -> None:
    framer = SerialFramer("cr", stx_etx=True)
    stream = b"\r\n" + block(b"LOYALTY:42") + b"\r\n\x00" + block(b"12345678") + b"\r"
    assert framer.feed(stream) == [Frame(b"LOYALTY:42"), Frame(b"12345678")]
    assert not framer.pending


def test_stray_bytes_outside_blocks_are_reported_not_lost() -> None:
    framer = SerialFramer("cr", stx_etx=True)
    out = framer.feed(b"NOISE" + block(b"OK"))
    assert out == [Frame(b"NOISE", "data outside STX/ETX framing"), Frame(b"OK")]
    framer.feed(b"TAIL")
    assert framer.flush() == [Frame(b"TAIL", "data outside STX/ETX framing")]


def test_a_new_stx_before_etx_reports_the_cut_frame() -> None:
    framer = SerialFramer("cr", stx_etx=True)
    out = framer.feed(STX + b"1234" + block(b"5678"))
    assert out == [
        Frame(b"1234", "incomplete read: a new frame began before ETX"),
        Frame(b"5678"),
    ]


def test_bcc_checked() -> None:
    framer = SerialFramer("etx", stx_etx=True, use_bcc=True)
    good = block(b"12345678", with_bcc=True)
    bad = good[:-1] + bytes([good[-1] ^ 0xFF])
    out = framer.feed(good + bad)
    assert out[0] == Frame(b"12345678")
    assert out[1].text == "12345678"
    assert out[1].error is not None and out[1].error.startswith("check character (BCC) wrong")


def test_bcc_may_itself_be_stx_or_etx_valued() -> None:
    # payload whose BCC is 0x02 (STX): the byte after ETX is always the BCC.
    payload = bytes([0x01])  # 0x01 ^ 0x03 = 0x02
    framer = SerialFramer("cr", stx_etx=True, use_bcc=True)
    assert framer.feed(block(payload, with_bcc=True)) == [Frame(payload)]
    assert not framer.pending


def test_missing_etx_and_missing_bcc_on_timeout() -> None:
    framer = SerialFramer("cr", stx_etx=True, use_bcc=True)
    framer.feed(STX + b"123")
    assert framer.flush()[0] == Frame(
        b"123", "incomplete read: no ETX (no more data before the timeout)"
    )
    framer.feed(STX + b"456" + ETX)
    assert framer.flush()[0].error == (
        "incomplete read: check character missing (no more data before the timeout)"
    )


def test_utf8_payload_and_latin1_fallback() -> None:
    framer = SerialFramer("lf")
    texts = [f.text for f in framer.feed("Müller\n".encode() + b"M\xfcller\n")]
    assert texts == ["Müller", "Müller"]


def test_runaway_stream_is_cut() -> None:
    framer = SerialFramer("cr")
    out = framer.feed(b"9" * (MAX_FRAME_BYTES + 5))
    assert len(out) == 1 and out[0].error == "incomplete read: frame too long, cut"


def test_bad_settings() -> None:
    with pytest.raises(ValueError, match="terminator"):
        SerialFramer("semicolon")
    with pytest.raises(ValueError, match="STX/ETX"):
        SerialFramer("cr", use_bcc=True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.binary(max_size=40), max_size=20),
    st.sampled_from(["cr", "lf", "crlf", "etx"]),
    st.booleans(),
    st.booleans(),
)
def test_no_byte_stream_breaks_the_framer(
    chunks: list[bytes], terminator: str, stx_etx: bool, use_bcc: bool
) -> None:
    framer = SerialFramer(terminator, stx_etx=stx_etx, use_bcc=use_bcc and stx_etx)
    out: list[Frame] = []
    for chunk in chunks:
        out += framer.feed(chunk)
    out += framer.flush()
    assert not framer.pending
    for f in out:
        assert isinstance(f.text, str)
    # Every payload byte fed while not inside framing ends up in some frame (nothing lost).
    if not stx_etx:
        fed = b"".join(chunks).replace(b"\r", b"").replace(b"\n", b"").replace(b"\x00", b"")
        fed = fed.replace(b"\x03", b"")
        got = b"".join(f.data for f in out)
        for ch in (b"\r", b"\n", b"\x00", b"\x03"):
            got = got.replace(ch, b"")
        assert got == fed
