"""Work around a reference-counting bug of PySide6 6.12 on CPython 3.11.

What happens: PySide6 6.12 wheels (stable ABI) treat ``None``, ``True`` and ``False`` as
immortal, as CPython 3.12+ does, and skip the reference they should take: every
``Signal.emit`` drops one reference to ``True`` and a Python ``QRunnable.run`` override one
to ``None``. On CPython 3.11 those objects are ordinary, so after a few hundred emits the
interpreter aborts ("Fatal Python error: bool_dealloc: deallocating True or False").

The fix does on 3.11 what 3.12 does by design: give the three singletons a reference count
no program can exhaust. It runs once, when :mod:`till` is imported, before any Qt object
exists; on 3.12+ it does nothing. Remove it when the project moves to Python 3.12 or to a
PySide6 release that takes the references again.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = False
_EXTRA_REFS = 1 << 40  # ~10^12 leaked references before anything could go wrong


def pin_singletons() -> None:
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA_REFS
    _PINNED = True
