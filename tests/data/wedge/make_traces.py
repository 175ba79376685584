"""Regenerate the wedge event traces in this directory: ``python tests/data/wedge/make_traces.py``.

The traces have the shape ``evtest`` / python-evdev record from real readers: for every key an
``EV_MSC MSC_SCAN`` with the HID usage (USB HID Usage Tables, page 0x07, sent as 0x7XXXX),
the ``EV_KEY`` press (1) or release (0), and an ``EV_SYN SYN_REPORT``; modifiers pressed and
released around each character as reader firmware does; a held Shift's autorepeat (value 2);
per-device key timing (MagTek ~8 ms per key, Honeywell ~2 ms).

The character-to-key tables here are written independently of ``devices/keymaps.py`` (from
the printed US and German keyboard legends) so the decoder tests check one against the other.
"""

from __future__ import annotations

import json
from pathlib import Path

EV_SYN, EV_KEY, EV_MSC, MSC_SCAN = 0, 1, 4, 4
SHIFT, RALT, CAPS, ENTER, TAB, KPENTER = 42, 100, 58, 28, 15, 96

# Linux key code -> HID usage (page 7), for the MSC_SCAN events.
HID = {
    **{
        c: 0x04 + i
        for i, c in enumerate(
            [
                30,
                48,
                46,
                32,
                18,
                33,
                34,
                35,
                23,
                36,
                37,
                38,
                50,
                49,
                24,
                25,
                16,
                19,
                31,
                20,
                22,
                47,
                17,
                45,
                21,
                44,
            ]
        )
    },
    **{2 + i: 0x1E + i for i in range(10)},
    ENTER: 0x28,
    1: 0x29,
    14: 0x2A,
    TAB: 0x2B,
    57: 0x2C,
    12: 0x2D,
    13: 0x2E,
    26: 0x2F,
    27: 0x30,
    43: 0x31,
    39: 0x33,
    40: 0x34,
    41: 0x35,
    51: 0x36,
    52: 0x37,
    53: 0x38,
    CAPS: 0x39,
    86: 0x64,
    KPENTER: 0x58,
    29: 0xE0,
    SHIFT: 0xE1,
    56: 0xE2,
    54: 0xE5,
    RALT: 0xE6,
}


def _positions(rows: list[tuple[list[int], str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for codes, chars in rows:
        for code, ch in zip(codes, chars, strict=True):
            out[ch] = code
    return out


DIGITS = list(range(2, 14))  # 1..0, then the two keys right of 0
TOP = list(range(16, 28))
HOME = list(range(30, 42))
BOTTOM = [43, *range(44, 54)]

US_PLAIN = _positions(
    [
        (DIGITS, "1234567890-="),
        (TOP, "qwertyuiop[]"),
        (HOME, "asdfghjkl;'`"),
        (BOTTOM, "\\zxcvbnm,./"),
        ([57], " "),
    ]
)
US_SHIFT = _positions(
    [
        (DIGITS, "!@#$%^&*()_+"),
        (TOP, "QWERTYUIOP{}"),
        (HOME, 'ASDFGHJKL:"~'),
        (BOTTOM, "|ZXCVBNM<>?"),
    ]
)
DE_PLAIN = _positions(
    [
        (DIGITS[:11], "1234567890ß"),
        (TOP, "qwertzuiopü+"),
        (HOME[:11], "asdfghjklöä"),
        (BOTTOM, "#yxcvbnm,.-"),
        ([57], " "),
        ([86], "<"),
    ]
)
DE_SHIFT = _positions(
    [
        (DIGITS[:11], '!"§$%&/()=?'),
        (TOP, "QWERTZUIOPÜ*"),
        (HOME[:11], "ASDFGHJKLÖÄ"),
        (BOTTOM, "'YXCVBNM;:_"),
        ([86], ">"),
    ]
)
DE_ALTGR = {
    "@": 16,
    "€": 18,
    "{": 8,
    "[": 9,
    "]": 10,
    "}": 11,
    "\\": 12,
    "~": 27,
    "|": 86,
    "²": 3,
    "³": 4,
    "µ": 50,
}
DE_DEAD = {"^": 41}  # dead circumflex: the reader types ^ then Space


class Recorder:
    def __init__(self, t0: float, key_gap: float) -> None:
        self.t = t0
        self.gap = key_gap
        self.events: list[list[float | int]] = []

    def _ev(self, ev_type: int, code: int, value: int) -> None:
        self.events.append([round(self.t, 6), ev_type, code, value])

    def key(self, code: int, value: int) -> None:
        if value != 2:
            self._ev(EV_MSC, MSC_SCAN, 0x70000 + HID[code])
        self._ev(EV_KEY, code, value)
        self._ev(EV_SYN, 0, 0)
        self.t += self.gap

    def tap(self, code: int, mod: int | None = None) -> None:
        if mod is not None:
            self.key(mod, 1)
        self.key(code, 1)
        self.key(code, 0)
        if mod is not None:
            self.key(mod, 0)

    def pause(self, seconds: float) -> None:
        self.t += seconds


def type_us(rec: Recorder, text: str) -> None:
    for ch in text:
        if ch in US_PLAIN:
            rec.tap(US_PLAIN[ch])
        else:
            rec.tap(US_SHIFT[ch], SHIFT)


def type_de(rec: Recorder, text: str, caps: bool = False) -> None:
    for ch in text:
        if ch in DE_DEAD:
            rec.tap(DE_DEAD[ch])
            rec.tap(57)
        elif ch in DE_ALTGR:
            rec.tap(DE_ALTGR[ch], RALT)
        elif caps and ch.isalpha() and ch.lower() in DE_PLAIN and ch != "ß":
            # Caps Lock on: the reader types capitals without Shift, small letters with it.
            low = ch.lower()
            if ch.isupper():
                rec.tap(DE_PLAIN[low])
            else:
                rec.tap(DE_PLAIN[low], SHIFT)
        elif ch in DE_PLAIN:
            rec.tap(DE_PLAIN[ch])
        else:
            rec.tap(DE_SHIFT[ch], SHIFT)


def magtek_us() -> dict[str, object]:
    """Two swipes of a MagTek USB HID keyboard reader (tracks 1, 2, 3 then Enter)."""
    reads = [
        "%B6280001234567890^MEMBER/ANNA Q^4912?;6280001234567890=4912?+6280001234567890?",
        "%LOYALTY42ABC?;E?+E?",
    ]
    rec = Recorder(1732330000.100000, 0.008)
    # Swipe 1; Shift held through "%B" with the kernel's autorepeat (value 2) while held.
    rec.key(SHIFT, 1)
    rec.key(6, 1)  # '%' = Shift+5 (KEY_5 is code 6)
    rec.key(6, 0)
    rec.key(SHIFT, 2)
    rec.key(48, 1)  # 'B'
    rec.key(48, 0)
    rec.key(SHIFT, 0)
    type_us(rec, reads[0][2:])
    rec.tap(ENTER)
    rec.pause(2.5)
    # Swipe 2, with a stray autorepeat of a letter key (value 2) that must not type.
    type_us(rec, reads[1][:1])
    rec.key(SHIFT, 1)
    rec.key(38, 1)  # 'L' down ...
    rec.key(38, 2)  # ... autorepeat
    rec.key(38, 0)
    rec.key(SHIFT, 0)
    type_us(rec, reads[1][2:])
    rec.tap(ENTER)
    return {
        "description": "MagTek Mini Swipe (0801:0001), USB HID keyboard, host layout US, "
        "Enter after the tracks",
        "layout": "us",
        "terminator": "enter",
        "expected": reads,
        "events": rec.events,
    }


def honeywell_de() -> dict[str, object]:
    """A Honeywell Voyager (0c2e:0b61) in USB keyboard mode set to the German layout."""
    code = 'LOYALTY:{"id":"Zy-42","n":"Müller/Groß"}@[x]\\~|€§^'
    rec = Recorder(1732330100.000000, 0.002)
    type_de(rec, code)
    rec.tap(ENTER)
    rec.pause(1.0)
    # A second scan with Caps Lock toggled on first: capitals come without Shift, small
    # letters with it; keypad Enter ends it; Caps Lock is toggled off afterwards.
    second = "ABCyzÄö42"
    rec.tap(CAPS)
    type_de(rec, second, caps=True)
    rec.tap(KPENTER)
    rec.tap(CAPS)
    return {
        "description": "Honeywell Voyager 1450g, USB keyboard, host layout DE (QWERTZ), "
        "AltGr, dead ^, Caps Lock, keypad Enter",
        "layout": "de",
        "terminator": "enter",
        "expected": [code, second],
        "events": rec.events,
    }


def main() -> None:
    here = Path(__file__).parent
    for name, make in (("magtek_us.json", magtek_us), ("honeywell_de.json", honeywell_de)):
        (here / name).write_text(json.dumps(make(), ensure_ascii=False, indent=None) + "\n")


if __name__ == "__main__":
    main()
