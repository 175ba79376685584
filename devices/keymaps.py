"""Keyboard layouts for keyboard-wedge readers: Linux key codes to characters.

Why explicit tables instead of asking the desktop (xkb) how to map keys: a grabbed evdev
device bypasses the desktop's keymap entirely, and the till must decode the same swipe the
same way on every machine, whatever the cashier's keyboard is set to. A wedge reader is
configured (by its own setup barcodes or utility) to "type" for one host layout; the till's
``devices.wedge_layout`` must name the same layout.

Key codes are those of the Linux ``include/uapi/linux/input-event-codes.h`` (the numbers
``evdev.ecodes`` exposes); they are the HID keyboard usages (USB HID Usage Tables, page 0x07)
translated by the kernel's ``hid-input`` driver, so they name key *positions* on a US
keyboard: ``KEY_Y`` is the key that types "z" on a German (QWERTZ) layout.

The tables follow the xkb ``us`` and ``de`` (pc105, no dead-key variant) symbol files:
level 1 plain, level 2 Shift, level 3 AltGr (right Alt). Caps Lock acts on letters only (xkb
``ALPHABETIC`` key types), which on DE includes the umlauts. The DE accent keys (``^``,
``´``, `````) are dead keys: see :data:`DEAD_KEYS`.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Key codes (input-event-codes.h). Kept here so decoding does not need the evdev
# C extension (the Qt fallback and non-Linux development machines import this module).
KEY_ESC = 1
KEY_1 = 2
KEY_0 = 11
KEY_MINUS = 12
KEY_EQUAL = 13
KEY_BACKSPACE = 14
KEY_TAB = 15
KEY_Q = 16
KEY_W = 17
KEY_E = 18
KEY_R = 19
KEY_T = 20
KEY_Y = 21
KEY_U = 22
KEY_I = 23
KEY_O = 24
KEY_P = 25
KEY_LEFTBRACE = 26
KEY_RIGHTBRACE = 27
KEY_ENTER = 28
KEY_LEFTCTRL = 29
KEY_A = 30
KEY_S = 31
KEY_D = 32
KEY_F = 33
KEY_G = 34
KEY_H = 35
KEY_J = 36
KEY_K = 37
KEY_L = 38
KEY_SEMICOLON = 39
KEY_APOSTROPHE = 40
KEY_GRAVE = 41
KEY_LEFTSHIFT = 42
KEY_BACKSLASH = 43
KEY_Z = 44
KEY_X = 45
KEY_C = 46
KEY_V = 47
KEY_B = 48
KEY_N = 49
KEY_M = 50
KEY_COMMA = 51
KEY_DOT = 52
KEY_SLASH = 53
KEY_RIGHTSHIFT = 54
KEY_KPASTERISK = 55
KEY_LEFTALT = 56
KEY_SPACE = 57
KEY_CAPSLOCK = 58
KEY_NUMLOCK = 69
KEY_KP7 = 71
KEY_KP8 = 72
KEY_KP9 = 73
KEY_KPMINUS = 74
KEY_KP4 = 75
KEY_KP5 = 76
KEY_KP6 = 77
KEY_KPPLUS = 78
KEY_KP1 = 79
KEY_KP2 = 80
KEY_KP3 = 81
KEY_KP0 = 82
KEY_KPDOT = 83
KEY_102ND = 86  # the extra key left of Z on ISO (105-key) keyboards: "<>|" on DE
KEY_KPENTER = 96
KEY_RIGHTCTRL = 97
KEY_KPSLASH = 98
KEY_RIGHTALT = 100  # AltGr (xkb ISO_Level3_Shift) on European layouts

EV_SYN = 0
EV_KEY = 1
EV_MSC = 4  # MSC_SCAN: the raw HID usage, sent before each key event; ignored
EV_LED = 17

SHIFT_KEYS = frozenset({KEY_LEFTSHIFT, KEY_RIGHTSHIFT})
CTRL_KEYS = frozenset({KEY_LEFTCTRL, KEY_RIGHTCTRL})

# (plain, Shift, AltGr); "" where the level types nothing.
Levels = tuple[str, str, str]


@dataclass(frozen=True)
class Layout:
    """One host keyboard layout as a wedge reader "types" it.

    ``letters`` are the keys Caps Lock inverts; ``dead`` maps a dead key's character to the
    combining mark it puts on the next character (a scanner sends ``^`` then Space to type a
    literal ``^`` on DE).
    """

    name: str
    keys: dict[int, Levels]
    letters: frozenset[int]
    dead: dict[str, str]
    altgr_key: int | None = KEY_RIGHTALT

    def char(self, code: int, *, shift: bool, caps: bool, altgr: bool) -> str:
        """The character ``code`` types with these modifiers, or "" when it types nothing."""
        levels = self.keys.get(code)
        if levels is None:
            return ""
        if altgr:
            return levels[2]
        upper = shift != caps if code in self.letters else shift
        return levels[1] if upper else levels[0]


def _rows(*rows: tuple[int, str, str]) -> dict[int, Levels]:
    """Build ``code -> (plain, shift, "")`` from a first key code and two strings of equal length."""
    table: dict[int, Levels] = {}
    for first, plain, shifted in rows:
        assert len(plain) == len(shifted), (plain, shifted)
        for i, (p, s) in enumerate(zip(plain, shifted, strict=True)):
            table[first + i] = (p, s, "")
    return table


# The keypad types digits: readers that use keypad keys rely on Num Lock being on, and a
# grabbed reader's own Num Lock state is not visible to us. KPDOT is "," on DE (xkb kpdl(comma)).
_KEYPAD: dict[int, Levels] = {
    KEY_KP7: ("7", "7", ""),
    KEY_KP8: ("8", "8", ""),
    KEY_KP9: ("9", "9", ""),
    KEY_KPMINUS: ("-", "-", ""),
    KEY_KP4: ("4", "4", ""),
    KEY_KP5: ("5", "5", ""),
    KEY_KP6: ("6", "6", ""),
    KEY_KPPLUS: ("+", "+", ""),
    KEY_KP1: ("1", "1", ""),
    KEY_KP2: ("2", "2", ""),
    KEY_KP3: ("3", "3", ""),
    KEY_KP0: ("0", "0", ""),
    KEY_KPDOT: (".", ".", ""),
    KEY_KPASTERISK: ("*", "*", ""),
    KEY_KPSLASH: ("/", "/", ""),
}

_US_KEYS: dict[int, Levels] = {
    **_rows(
        (KEY_1, "1234567890-=", "!@#$%^&*()_+"),
        (KEY_Q, "qwertyuiop[]", "QWERTYUIOP{}"),
        (KEY_A, "asdfghjkl;'`", 'ASDFGHJKL:"~'),
        (KEY_BACKSLASH, "\\zxcvbnm,./", "|ZXCVBNM<>?"),
    ),
    KEY_SPACE: (" ", " ", ""),
    KEY_102ND: ("<", ">", ""),  # xkb pc105 "us": LSGT is less/greater
    **_KEYPAD,
}

US = Layout(
    name="us",
    keys=_US_KEYS,
    letters=frozenset(
        code
        for code, (plain, _s, _a) in _US_KEYS.items()
        if plain.isalpha() and code not in _KEYPAD
    ),
    dead={},
)

_DE_KEYS: dict[int, Levels] = {
    **_rows(
        (KEY_1, "1234567890ß´", '!"§$%&/()=?`'),
        (KEY_Q, "qwertzuiopü+", "QWERTZUIOPÜ*"),
        (KEY_A, "asdfghjklöä^", "ASDFGHJKLÖÄ°"),
        (KEY_BACKSLASH, "#yxcvbnm,.-", "'YXCVBNM;:_"),
    ),
    KEY_SPACE: (" ", " ", ""),
    KEY_102ND: ("<", ">", "|"),
    **_KEYPAD,
    KEY_KPDOT: (",", ",", ""),
}
# AltGr (level 3) characters of xkb "de".
for _code, _alt in {
    KEY_1 + 1: "²",
    KEY_1 + 2: "³",
    KEY_1 + 6: "{",
    KEY_1 + 7: "[",
    KEY_1 + 8: "]",
    KEY_0: "}",
    KEY_MINUS: "\\",
    KEY_Q: "@",
    KEY_E: "€",
    KEY_RIGHTBRACE: "~",
    KEY_M: "µ",
}.items():
    _p, _s, _ = _DE_KEYS[_code]
    _DE_KEYS[_code] = (_p, _s, _alt)

DE = Layout(
    name="de",
    keys=_DE_KEYS,
    letters=frozenset(
        code
        for code, (plain, _s, _a) in _DE_KEYS.items()
        if plain.isalpha() and plain != "ß" and code not in _KEYPAD
    ),
    # xkb "de" (not "nodeadkeys"): circumflex, acute and grave are dead keys.
    dead={"^": "\u0302", "´": "\u0301", "`": "\u0300"},
)

LAYOUTS: dict[str, Layout] = {"us": US, "de": DE}


def layout(name: str) -> Layout:
    """The layout called ``name`` ("us", "de"); ValueError names the choices otherwise."""
    try:
        return LAYOUTS[name.lower()]
    except KeyError:
        raise ValueError(
            f"unknown keyboard layout {name!r}: choose one of {', '.join(sorted(LAYOUTS))}"
        ) from None
