"""Layout tables against the kernel's key codes and the printed keyboard legends."""

from __future__ import annotations

import evdev.ecodes as ecodes
import pytest

from devices import keymaps
from devices.keymaps import DE, US


def test_key_code_constants_match_the_kernel_header_via_evdev() -> None:
    names = [n for n in dir(keymaps) if n.startswith(("KEY_", "EV_"))]
    assert len(names) > 60
    for name in names:
        assert getattr(keymaps, name) == getattr(ecodes, name), name


def ch(
    layout: keymaps.Layout, code: int, shift: bool = False, caps: bool = False, altgr: bool = False
) -> str:
    return layout.char(code, shift=shift, caps=caps, altgr=altgr)


def test_us_letters_digits_and_shifted_symbols() -> None:
    assert ch(US, ecodes.KEY_A) == "a"
    assert ch(US, ecodes.KEY_A, shift=True) == "A"
    assert ch(US, ecodes.KEY_Y) == "y"
    assert ch(US, ecodes.KEY_Z) == "z"
    shifted = "".join(
        ch(US, code, shift=True) for code in range(ecodes.KEY_1, ecodes.KEY_EQUAL + 1)
    )
    assert shifted == "!@#$%^&*()_+"
    assert ch(US, ecodes.KEY_SEMICOLON, shift=True) == ":"
    assert ch(US, ecodes.KEY_SLASH, shift=True) == "?"
    assert ch(US, ecodes.KEY_APOSTROPHE, shift=True) == '"'


def test_de_swaps_y_and_z_and_has_its_own_shifted_digits() -> None:
    assert ch(DE, ecodes.KEY_Y) == "z"
    assert ch(DE, ecodes.KEY_Z) == "y"
    assert ch(DE, ecodes.KEY_2, shift=True) == '"'
    assert ch(DE, ecodes.KEY_3, shift=True) == "§"
    assert ch(DE, ecodes.KEY_7, shift=True) == "/"
    assert ch(DE, ecodes.KEY_0, shift=True) == "="
    assert ch(DE, ecodes.KEY_MINUS) == "ß"
    assert ch(DE, ecodes.KEY_MINUS, shift=True) == "?"
    assert ch(DE, ecodes.KEY_SLASH) == "-"
    assert ch(DE, ecodes.KEY_SLASH, shift=True) == "_"
    assert ch(DE, ecodes.KEY_BACKSLASH) == "#"
    assert ch(DE, ecodes.KEY_KPDOT) == ","


def test_de_umlauts_follow_caps_lock_like_letters() -> None:
    assert ch(DE, ecodes.KEY_LEFTBRACE) == "ü"
    assert ch(DE, ecodes.KEY_SEMICOLON, caps=True) == "Ö"
    assert ch(DE, ecodes.KEY_APOSTROPHE, shift=True, caps=True) == "ä"


def test_caps_lock_only_acts_on_letters() -> None:
    assert ch(US, ecodes.KEY_Q, caps=True) == "Q"
    assert ch(US, ecodes.KEY_Q, caps=True, shift=True) == "q"
    assert ch(US, ecodes.KEY_1, caps=True) == "1"
    assert ch(DE, ecodes.KEY_MINUS, caps=True) == "ß"  # ß is not shifted by Caps Lock
    assert ch(US, ecodes.KEY_KP5, caps=True) == "5"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (ecodes.KEY_Q, "@"),
        (ecodes.KEY_7, "{"),
        (ecodes.KEY_8, "["),
        (ecodes.KEY_9, "]"),
        (ecodes.KEY_0, "}"),
        (ecodes.KEY_MINUS, "\\"),
        (ecodes.KEY_RIGHTBRACE, "~"),
        (ecodes.KEY_102ND, "|"),
        (ecodes.KEY_E, "€"),
    ],
)
def test_de_altgr(code: int, expected: str) -> None:
    assert ch(DE, code, altgr=True) == expected


def test_keys_without_a_character_type_nothing() -> None:
    assert ch(US, ecodes.KEY_ESC) == ""
    assert ch(US, ecodes.KEY_F1) == ""
    assert ch(US, ecodes.KEY_Q, altgr=True) == ""


def test_layout_lookup() -> None:
    assert keymaps.layout("DE") is DE
    with pytest.raises(ValueError, match="choose one of de, us"):
        keymaps.layout("fr")
