"""A real till on a bare X server (no window manager), driven by real X key events.

Run by ``test_kiosk_xcb.py``: ``kiosk_child.py URL KEY DATA_DIR`` with ``DISPLAY`` set and
``QT_QPA_PLATFORM=xcb``. Keys go in through the XTest extension (libXtst), so they reach
whichever window holds the X input focus — exactly as a keyboard's would on a kiosk. It
opens the registration dialog (F7), closes it (Escape), presses F10 (new sale), opens and
closes the manager window (Ctrl+M), and prints ``OK`` when the till acted on each; otherwise what went wrong, and exits 1.
"""

from __future__ import annotations

import ctypes
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from devices.fakes import FakeReader
from tests.fixtures.till import till_config
from till.app import close_till, open_till

KEYSYMS = {"F7": 0xFFC4, "F10": 0xFFC7, "Escape": 0xFF1B, "Control_L": 0xFFE3, "m": 0x6D}


class XKeyboard:
    """Key presses through XTest: the X server delivers them to the focused window."""

    def __init__(self) -> None:
        self.x11 = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        self.display = self.x11.XOpenDisplay(None)
        if not self.display:
            raise SystemExit("cannot open the X display")

    def press(self, *keys: str) -> None:
        """Press ``keys`` together (``"Control_L", "m"``: Ctrl+M), release in reverse."""
        codes = [self.x11.XKeysymToKeycode(self.display, KEYSYMS[key]) for key in keys]
        for code in codes:
            self.xtst.XTestFakeKeyEvent(self.display, code, 1, 0)
        for code in reversed(codes):
            self.xtst.XTestFakeKeyEvent(self.display, code, 0, 0)
        self.x11.XFlush(self.display)


def wait(app: QApplication, condition: Callable[[], bool], timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)  # a child script, not a test: let the X server deliver
    return True


def main() -> int:
    url, key, data = sys.argv[1:4]
    app = QApplication([])
    ctx, window = open_till(
        till_config(), base_url=url, api_key=key, data_dir=Path(data), readers=[FakeReader("t")]
    )
    keys = XKeyboard()
    try:
        window.show()
        window.activateWindow()
        if not wait(app, lambda: ctx.sync_signals.online is True and ctx.session is not None):
            print("the till did not come online", flush=True)
            return 1
        if not wait(app, window.isActiveWindow):
            print("the till window never became active", flush=True)
            return 1
        keys.press("F7")
        if not wait(app, lambda: isinstance(QApplication.activeWindow(), QDialog)):
            print(f"F7 opened no active dialog: {window.banner.text()!r}", flush=True)
            return 1
        dialog = QApplication.activeWindow()
        assert dialog is not None
        if dialog.parentWidget() is not window or not dialog.isModal():
            print("the dialog is not modal to the till window", flush=True)
            return 1
        keys.press("Escape")
        if not wait(app, lambda: window.dialog is None):
            print("Escape did not close the dialog", flush=True)
            return 1
        # No window manager gives the focus back: the till must take it itself.
        keys.press("F10")
        if not wait(app, lambda: window.banner.text().startswith("New sale"), 5):
            print(
                f"F10 did nothing after the dialog closed (active window: "
                f"{QApplication.activeWindow()!r}, banner {window.banner.text()!r})",
                flush=True,
            )
            return 1
        # A staff window (Ctrl+M) takes the keyboard (a PIN must not land in the till's
        # phone field), and gives it back when it closes.
        keys.press("Control_L", "m")
        if not wait(app, lambda: type(QApplication.activeWindow()).__name__ == "ManagerWindow"):
            print(f"Ctrl+M: the manager window is not active: {QApplication.activeWindow()!r}")
            return 1
        manager = QApplication.activeWindow()
        assert manager is not None
        manager.close()
        if not wait(app, window.isActiveWindow, 5):
            print("the till did not get the keyboard back from the manager window", flush=True)
            return 1
        print("OK", flush=True)
        return 0
    finally:
        close_till(ctx, window)


if __name__ == "__main__":
    raise SystemExit(main())
