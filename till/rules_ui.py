"""Issue 16 on the cashier window: product scanning with the points preview, and Return.

Why one installer: :func:`till.app.create_window` adds both with one call, and the cashier
window itself stays as it was (each part is a child object of the window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from till import product_entry, return_dialog

if TYPE_CHECKING:
    from till.main_window import MainWindow


def install(window: MainWindow) -> None:
    product_entry.install(window)
    return_dialog.install(window)
