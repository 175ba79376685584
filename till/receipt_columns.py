"""The receipt's one layout rule: text in fixed columns, wrapped, never cut.

Why one module: the on-screen receipt (:mod:`till.receipt`, 40 columns) and the printer's
(:mod:`till.printing.layout`, 32 or 48 columns of ESC/POS font A on 58 or 80 mm paper) are
built apart, but both lay out words in columns; a 37-character campaign name once lost its
"+points" to a slice. Here every line is made by the standard library's :mod:`textwrap`:
long text goes on to the next line(s), a word is broken only when it alone is longer than
the line, and the amount (or points) sits right-aligned on the last line, whole (on a line
of its own when the text's last line leaves no room).

Width is counted as the printer counts it: one column a character. The text is put in
Unicode NFC first (UAX #15), so "ü" written as "u" + combining diaeresis is one character,
as on paper: python-escpos encodes each character as one byte of a single-byte code page
(chosen with ``ESC t`` from the printer profile's pages: CP437 for German; CP866, and CP855
or CP1125 for the Ukrainian "і" and "ґ"), and a character the profile has no page for
prints as one "?". Control characters (a tab or a stray ESC in a
product name from the catalogue) become spaces: on paper they would be printer commands.
"""

from __future__ import annotations

import textwrap
import unicodedata

SCREEN = 40  # the on-screen receipt's columns (the printer's follow its paper)


def clean(text: str) -> str:
    """``text`` as it is measured and printed: NFC, control characters as spaces."""
    text = unicodedata.normalize("NFC", text)
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def columns(text: str) -> int:
    """The columns ``text`` takes on paper (and on the fixed-pitch screen receipt)."""
    return len(clean(text))


def _wrapper(width: int, indent: str) -> textwrap.TextWrapper:
    # break_on_hyphens=False: "never cut a word" holds for "Bio-Äpfel" and "+*********123"
    # alike; only a word longer than the whole line is broken (break_long_words).
    return textwrap.TextWrapper(
        width=max(1, width),
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
    )


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` columns (at least one line, maybe empty)."""
    if len(indent) >= width:
        indent = ""
    return _wrapper(width, indent).wrap(clean(text).strip()) or [""]


def centred(text: str, width: int) -> list[str]:
    """``text`` wrapped, each line centred (trailing blanks stripped, as the screen shows)."""
    return [line.center(width).rstrip() for line in wrap(text, width)]


def row(left: str, right: str, width: int, indent: str = "") -> list[str]:
    """``left`` wrapped, ``right`` (an amount, points) right-aligned on the last line with at
    least one space before it::

        Double points on fresh food from our
        bakery                               +12

    When the last line of ``left`` leaves no room, ``right`` goes on a line of its own,
    right-aligned (the label is never split to make room: "Nächster Verfall" stays whole).
    A ``right`` wider than the whole line (never on a real receipt) is itself wrapped and its
    last part right-aligned, so no character of it is lost."""
    right = clean(right).strip()
    lines = wrap(left, width, indent) if clean(left).strip() else []
    if not right:
        return lines or [""]
    if len(right) > width:
        *head, tail = _wrapper(width, "").wrap(right)
        return [*lines, *head, tail.rjust(width)]
    if lines and len(lines[-1]) + 1 + len(right) > width:
        lines.append("")
    last = lines.pop() if lines else ""
    return [*lines, last + " " * (width - len(last) - len(right)) + right]
