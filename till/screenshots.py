"""The documentation's screenshots, taken by driving the real demo till (``till --demo
--screenshot DIR``).

Why drive the real thing: the pictures in the README then show what a cashier really sees —
a swipe fed through the device pipeline, a real OTP challenge from the backend's SMS outbox,
a real offline sale with its pending earn. Dialogs are separate windows, so they are drawn
onto the window's picture where the window manager would show them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from devices.events import RawRead
from till.context import AppContext
from till.core.sale import SaleState
from till.demo import demo_reads
from till.main_window import MainWindow
from till.redeem_dialog import RedeemDialog

log = logging.getLogger(__name__)

ALICE_PHONE = "+447700900123"


class ScreenshotError(RuntimeError):
    pass


def _wait(app: QApplication, condition: Callable[[], bool], what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        if time.monotonic() > deadline:
            raise ScreenshotError(f"timed out waiting for {what}")
        time.sleep(0.01)  # a script, not a test: let the backend work
    app.processEvents()


def _compose(window: QWidget, dialog: QWidget | None) -> QPixmap:
    picture = window.grab()
    if dialog is not None:
        shot = dialog.grab()
        painter = QPainter(picture)
        at = QPoint((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 3)
        painter.fillRect(at.x() - 2, at.y() - 2, shot.width() + 4, shot.height() + 4, "#555555")
        painter.drawPixmap(at, shot)
        painter.end()
    return picture


def _save(picture: QPixmap, path: Path, saved: list[Path]) -> None:
    if not picture.save(str(path), "PNG"):
        raise ScreenshotError(f"could not write {path}")
    saved.append(path)


def _swipe(ctx: AppContext, label: str) -> None:
    for read in demo_reads():
        if read.kind == "swipe" and read.label.startswith(label):
            ctx.hub.feed(RawRead(read.text, source="demo"))
            return
    raise ScreenshotError(f"no demo swipe for {label}")


def take_screenshots(
    app: QApplication,
    ctx: AppContext,
    window: MainWindow,
    out_dir: Path,
    size: tuple[int, int] | None = None,
) -> list[Path]:
    """Drive the demo till through its main screens; returns the PNG files written."""
    demo = ctx.demo
    if demo is None:
        raise ScreenshotError("screenshots need the demo backend (till --demo)")
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    window.resize(*(size or (1366, 768)))
    window.show()
    _wait(app, lambda: ctx.session is not None and ctx.sync_signals.online is True, "online")

    # 1. Identify: a swipe through the hub, the member shown, a sale rung up.
    _swipe(ctx, "Alice")
    _wait(app, lambda: window.flow.sale.member is not None, "the member")
    for description, amount in (("Groceries", "32.40"), ("Household", "12.10")):
        window.sale_panel.description_edit.setText(description)
        window.sale_panel.amount_edit.setText(amount)
        window.sale_panel.add_button.click()
    _wait(app, lambda: len(window.flow.sale.lines) == 2, "the lines")
    _save(_compose(window, None), out_dir / "identify.png", saved)

    # 2. Redemption with OTP: 1,000 points (10.00, above the 5.00 threshold).
    window.redeem()
    dialog = window.dialog
    if not isinstance(dialog, RedeemDialog):
        raise ScreenshotError(f"no redeem dialog: {window.banner.text()}")
    dialog.points_edit.setText("1000")
    dialog.points_edit.textEdited.emit("1000")
    dialog.redeem_button.click()
    _wait(app, lambda: dialog.stack.currentWidget() is dialog.otp, "the OTP step")
    panel = window.demo_panel
    if panel is not None:
        panel.refresh_sms()  # type: ignore[attr-defined]
        _wait(app, lambda: "code" in panel.sms_view.toPlainText(), "the SMS")  # type: ignore[attr-defined]
    dialog.otp.code_edit.setText("12")
    _save(_compose(window, dialog), out_dir / "redeem_otp.png", saved)
    code = demo.last_otp_for(ALICE_PHONE)
    if code is None:
        raise ScreenshotError("no OTP in the SMS outbox")
    dialog.otp.code_edit.setText(code)
    dialog.otp.confirm_button.click()
    _wait(app, lambda: window.dialog is None, "the redemption")
    window.tender("card")
    window.complete()
    _wait(app, lambda: window.flow.sale.state == SaleState.COMPLETED, "the sale to complete")
    _save(_compose(window, None), out_dir / "receipt.png", saved)

    # 3. Offline: backend stopped; cached member; earn journaled; receipt says pending.
    if panel is not None:
        panel.toggle_backend()  # type: ignore[attr-defined]
    else:
        demo.stop()
    _wait(app, lambda: ctx.sync_signals.online is False, "offline")
    window.new_sale()
    _swipe(ctx, "Alice")
    _wait(app, lambda: window.flow.sale.member is not None, "the cached member")
    window.sale_panel.description_edit.setText("Coffee beans")
    window.sale_panel.amount_edit.setText("25.00")
    window.sale_panel.add_button.click()
    _wait(app, lambda: bool(window.flow.sale.lines), "the line")
    window.tender("cash")
    window.complete()
    _wait(app, lambda: window.flow.sale.state == SaleState.COMPLETED, "the offline sale")
    _wait(app, lambda: window.pending_label.text().endswith(": 1"), "the pending count")
    _save(_compose(window, None), out_dir / "offline.png", saved)
    if panel is not None:
        # The stop may still be finishing (the till noticed it first): a switch pressed
        # meanwhile is ignored, so wait for the switch to be offered again.
        button = panel.backend_button  # type: ignore[attr-defined]
        _wait(app, button.isEnabled, "the backend switch")
        panel.toggle_backend()  # type: ignore[attr-defined]
    else:
        demo.start()
        ctx.client.set_api_key(demo.api_key)
    # The backend child starts again (imports, schema check): up to a minute on a loaded machine.
    _wait(app, lambda: ctx.sync_signals.online is True, "back online", 60)
    _wait(app, lambda: window.pending_label.text().endswith(": 0"), "the replay", 30)

    # 4. The manager's screens (when that part of the till is present).
    manager = window.open_staff_window("till.manager", "ManagerWindow")
    if manager is not None:
        try:
            _manager_shots(app, demo, manager, out_dir, saved)
        finally:
            manager.close()
    return saved


def _manager_shots(
    app: QApplication, demo: object, manager: QWidget, out_dir: Path, saved: list[Path]
) -> None:
    login = getattr(manager, "login", None)
    if login is None:
        return
    name, pin = demo.manager  # type: ignore[attr-defined]
    login.name_edit.setText(name)
    login.pin_edit.setText(pin)
    login.submit()
    _wait(app, lambda: getattr(manager, "tabs", None) is not None, "the manager tabs")
    select = getattr(manager, "select_tab", None)
    if select is None:
        return
    for tab, file in (("missed_points", "missed_points.png"), ("settings", "manager_settings.png")):
        if select(tab) is not None:
            for _ in range(20):
                app.processEvents()
                time.sleep(0.02)  # let the tab's background loads land
            _save(manager.grab(), out_dir / file, saved)


# -- one window at a till screen's size (``till --screenshot FILE --size WxH``) -------------

#: QLineEditPrivate::horizontalMargin: Qt keeps 2 px between a field's frame and its text.
_LINE_EDIT_MARGIN = 2

#: What a cashier touches or reads: it must lie inside the window, whole.
_CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractScrollArea, QLabel)


def parse_size(text: str) -> tuple[int, int]:
    """``1024x768`` -> (1024, 768); argparse's ``type`` (its ValueError reads as a usage error)."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or int(width) * int(height) == 0:
        raise ValueError(f"not a screen size like 1024x768: {text!r}")
    return int(width), int(height)


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = widget.accessibleName() or (text() if callable(text) else "") or widget.objectName()
    return f"{type(widget).__name__} {str(label).replace('&', '')!r}"


def misfits(app: QApplication, window: QWidget, width: int, height: int) -> list[str]:
    """The visible controls of ``window`` that a ``width`` x ``height`` screen would cut.

    The window is resized to that size; a layout whose minimum is larger keeps the window
    larger, and every control reaching past the screen's edge is named (with the window's
    minimum size, so the cause is plain)."""
    window.resize(width, height)
    for _ in range(3):
        app.processEvents()
    screen = QRect(0, 0, width, height)
    bad: list[str] = []
    if window.width() > width or window.height() > height:
        hint = window.minimumSizeHint()
        bad.append(f"the window needs at least {hint.width()}x{hint.height()}")
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, _CONTROLS) or not widget.isVisible():
            continue
        if widget.window() is not window:
            continue
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not screen.contains(rect):
            bad.append(f"{_name(widget)} at {rect.x()},{rect.y()} {rect.width()}x{rect.height()}")
    return bad + cut_texts(window)


def _room_for_text(edit: QLineEdit) -> int:
    """The pixels a line edit has for its text: its style's contents rectangle (the style
    sheet's padding included) less the text margins and Qt's 2 px on each side."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return rect.width() - margins.left() - margins.right() - 2 * _LINE_EDIT_MARGIN


def cut_texts(window: QWidget) -> list[str]:
    """Visible text a control cannot show whole: a one-line label, a button's text, an empty
    field's placeholder (the hint the cashier reads: "Amou…" at 1024 px, issue 12)."""
    bad: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
            need = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
            room = _room_for_text(widget)
            if need > room:
                hint = widget.placeholderText()
                bad.append(f"{_name(widget)}: placeholder {hint!r} cut ({room} px for {need} px)")
        elif isinstance(widget, QLabel) and widget.text() and widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height():  # wrapped onto more lines than it is high
                bad.append(f"QLabel {widget.text()!r} cut ({widget.height()} px for {need} px)")
        elif isinstance(widget, QLabel) and widget.text():
            if widget.textFormat() == Qt.TextFormat.RichText or widget.text().startswith("<"):
                continue
            plain = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            need = widget.fontMetrics().horizontalAdvance(plain)
            room = widget.contentsRect().width() - 2 * widget.margin()
            if need > room:
                bad.append(f"QLabel {plain!r} cut ({room} px for {need} px)")
        elif isinstance(widget, QPushButton) and widget.text():
            need = widget.sizeHint().width()
            if need > widget.width():
                bad.append(f"{_name(widget)} cut ({widget.width()} px for {need} px)")
    return bad


def dialog_misfits(app: QApplication, dialog: QWidget, width: int, height: int) -> list[str]:
    """What a ``width`` x ``height`` till screen would cut of an open dialog: the dialog
    itself when larger than the screen (a dialog keeps its own size, it is not resized to
    the screen like the window), and every text it cannot show whole (:func:`cut_texts`).
    Issue 17: German and Ukrainian words are long; each dialog is checked in each language."""
    for _ in range(3):
        app.processEvents()
    bad: list[str] = []
    if dialog.width() > width or dialog.height() > height:
        bad.append(
            f"{type(dialog).__name__} is {dialog.width()}x{dialog.height()}, "
            f"larger than the {width}x{height} screen"
        )
    return bad + cut_texts(dialog)


def shoot_window(
    app: QApplication, window: QWidget, path: Path, size: tuple[int, int]
) -> list[str]:
    """Render ``window`` at ``size`` into ``path`` (what that screen shows, cropped to it);
    returns what does not fit (empty: everything does)."""
    width, height = size
    bad = misfits(app, window, width, height)
    picture = window.grab().copy(0, 0, width, height)
    if not picture.save(str(path), "PNG"):
        raise ScreenshotError(f"could not write {path}")
    return bad
