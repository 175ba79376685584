"""The cashier till: PySide6 UI and app wiring. The only package that imports Qt."""

from till.qt_compat import pin_singletons

__version__ = "0.1.0"

pin_singletons()  # before any Qt object: see till/qt_compat.py
