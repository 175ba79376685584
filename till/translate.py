"""``translate(context, text)``: the one call that marks a user-visible string, Qt or not.

Why a hook of our own: the receipt layout, the error sentences and the other Qt-free
modules (``till.printing.layout``, ``till.errors``) must stay importable without Qt (see
``tests/unit/test_layering.py``), yet their words go on paper and on screen in the store's
language. ``pyside6-lupdate`` extracts every ``translate("Context", "text")`` call (a
plain function of that name, like ``QCoreApplication.translate``) into the ``.ts`` files;
:mod:`till.i18n` points this hook at ``QCoreApplication.translate`` once it has installed
the translator. Until then (tests, tools without Qt) the English source text is returned.

Placeholders are ``{name}`` fields filled with ``str.format`` *after* translating, so a
translator can move them; plural forms are avoided on purpose ("Points: {n}"), which keeps
the files free of numerus entries that English would need a catalogue of its own for.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


_current: Translator = _english
_language = "en"


def translate(context: str, text: str) -> str:
    """``text`` in the till's language (English, the source language, when none is set)."""
    return _current(context, text)


def in_source_language() -> bool:
    """True while no translator is installed: the till speaks English, the source language
    (a sentence from outside the catalogue may then be shown as it came)."""
    return _current is _english


def language() -> str:
    """The till's language (``en``, ``de``, ``uk``): for names the catalogue cannot hold,
    such as a country's, looked up in CLDR (Babel) in this language."""
    return _language


def set_translator(fn: Translator | None, lang: str = "en") -> None:
    """Called by :mod:`till.i18n`; ``None`` goes back to English."""
    global _current, _language
    _current = fn if fn is not None else _english
    _language = lang if fn is not None else "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's own name, so lupdate sees it
    """Marks ``text`` for translation where it is defined (a module-level table) and leaves
    it English there; :func:`translate` it with the same context where it is shown."""
    return text
