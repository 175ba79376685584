"""The cashier till: PySide6 UI and app wiring. The only package that imports Qt."""

__version__ = "0.1.0"
