"""The customer display: a second window on the screen that faces the customer (issue 17).

What the customer sees, in large type: the member's first name (never the surname or the
phone: the queue can read this screen too), the points this sale will earn and the balance,
"Please tell the cashier the code we sent to your phone" while a redemption waits for the
SMS code, then thank you and the points earned; for a sale without a member, the receipt's
claim QR code large, to scan with a phone.

Why it only listens: it follows the sale through the sale flow's signals (``changed``,
``finished``), the receipt service's ``ready`` (the claim token) and the redemption
dialog's ``otp_awaited`` (reached through the window's ``dialog_opened``); it never reads the cashier's widgets and never
takes the keyboard focus. Kiosk-friendly: no window frame, no mouse cursor. Placed on the
second :class:`QScreen` when there is one; ``till --customer-display SCREEN`` names it by
number or name (or forces the window on a single-screen till).
"""

from __future__ import annotations

import logging
from decimal import ROUND_DOWN, Decimal
from typing import Any

import qrcode
from babel import Locale
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPixmap, QScreen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from till import formatting
from till.core.sale import Sale, SaleState
from till.receipt import store_locale
from till.redeem_dialog import RedeemDialog
from till.translate import translate

log = logging.getLogger(__name__)

OTP_TEXT = "Please tell the cashier the code we sent to your phone"  # the English source


def otp_text() -> str:
    """:data:`OTP_TEXT` in the till's language."""
    return translate("CustomerDisplay", "Please tell the cashier the code we sent to your phone")


_requested: str | None = None


def request_screen(screen: str | None) -> None:
    """``till --customer-display SCREEN``: show the display there (even on a single screen)."""
    global _requested
    _requested = screen


def pick_screen(screens: list[QScreen], wanted: str | None) -> QScreen | None:
    """The screen named by number or name; else the second screen; None: no display."""
    if wanted is not None:
        if wanted.isdigit() and int(wanted) < len(screens):
            return screens[int(wanted)]
        for screen in screens:
            if screen.name() == wanted:
                return screen
        return screens[-1] if screens else None
    return screens[1] if len(screens) > 1 else None


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else ""


def qr_pixmap(data: str, size_px: int) -> QPixmap:
    """A QR code (ISO/IEC 18004) drawn module by module: sharp at any size."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    n = len(matrix)
    image = QImage(n, n, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, black)
    scaled = image.scaled(
        size_px - size_px % n, size_px - size_px % n, mode=Qt.TransformationMode.FastTransformation
    )
    return QPixmap.fromImage(scaled)


class CustomerDisplay(QWidget):
    """The window; :meth:`show_sale`, :meth:`otp_awaited`, :meth:`receipt_ready` drive it."""

    def __init__(self, currency: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(translate("CustomerDisplay", "Customer display"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setStyleSheet("background: #10324a; color: white;")
        self.currency = currency
        self.figures: Locale | None = None  # the store's (till.formatting), once the session is in
        self.points_per_unit: Decimal | None = None
        self.awaiting_otp = False
        self._sale: Sale | None = None
        self._qr_sale_id = ""  # the sale whose claim QR is shown (whichever signal came first)
        layout = QVBoxLayout(self)
        self.greeting = QLabel()
        self.points = QLabel()
        self.balance = QLabel()
        self.notice = QLabel()
        self.qr = QLabel()
        for label, px in (
            (self.greeting, 56),
            (self.points, 40),
            (self.balance, 40),
            (self.notice, 36),
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setStyleSheet(f"font-size: {px}px;")
            layout.addWidget(label)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.qr, 1)
        self.show_sale(None)

    # -- what the customer reads ----------------------------------------------------------

    def _money(self, value: Decimal) -> str:
        return formatting.money(value, self.currency, self.figures)

    def _points(self, value: int) -> str:
        return formatting.points(value, self.figures)

    def _earnable_points(self, sale: Sale) -> int | None:
        if self.points_per_unit is None:
            return None
        return int((sale.earnable_amount * self.points_per_unit).to_integral_value(ROUND_DOWN))

    def show_sale(self, sale: Sale | None) -> None:
        """The sale as it is now (every change of the sale flow)."""
        self._sale = sale
        if sale is not None and sale.finished:
            return  # the finished sale stays until the next sale starts (receipt_ready)
        self.qr.clear()
        self.qr.hide()
        self._qr_sale_id = ""
        member = sale.member if sale is not None else None
        if sale is None or (not sale.lines and member is None):
            self.greeting.setText(translate("CustomerDisplay", "Welcome!"))
            self.points.setText("")
            self.balance.setText("")
        elif member is None:
            self.greeting.setText(
                translate("CustomerDisplay", "Total: {amount}").format(
                    amount=self._money(sale.total)
                )
            )
            self.points.setText(
                translate("CustomerDisplay", "Have a loyalty card? Show it to the cashier.")
            )
            self.balance.setText("")
        else:
            self.greeting.setText(
                translate("CustomerDisplay", "Hello, {name}!").format(name=first_name(member.name))
            )
            points = self._earnable_points(sale)
            self.points.setText(
                translate("CustomerDisplay", "This sale earns you {points} points").format(
                    points=self._points(points)
                )
                if points is not None
                else ""
            )
            self.balance.setText(
                translate("CustomerDisplay", "Balance: {points} points").format(
                    points=self._points(member.balance)
                )
            )
        self.notice.setText(otp_text() if self.awaiting_otp else "")

    def otp_awaited(self, waiting: bool) -> None:
        self.awaiting_otp = waiting
        self.notice.setText(otp_text() if waiting else "")

    def sale_finished(self, sale: Sale) -> None:
        self.awaiting_otp = False
        self.notice.setText("")
        self._sale = sale
        if sale.state == SaleState.VOIDED:
            self.greeting.setText(translate("CustomerDisplay", "Thank you!"))
            self.points.setText("")
            self.balance.setText("")
            return
        member = sale.member
        if member is not None:
            self.greeting.setText(
                translate("CustomerDisplay", "Thank you, {name}!").format(
                    name=first_name(member.name)
                )
            )
            if sale.earned_points is not None:
                self.points.setText(
                    translate("CustomerDisplay", "You earned {points} points").format(
                        points=self._points(sale.earned_points)
                    )
                )
            elif sale.earn_op_id:
                self.points.setText(translate("CustomerDisplay", "Your points are added shortly"))
            balance = sale.balance_after
            self.balance.setText(
                translate("CustomerDisplay", "New balance: {points} points").format(
                    points=self._points(balance)
                )
                if balance is not None
                else ""
            )
        else:
            self.greeting.setText(translate("CustomerDisplay", "Thank you!"))
            if self._qr_sale_id != sale.sale_id:
                self.points.setText("")
            self.balance.setText("")

    def receipt_ready(self, ready: Any) -> None:
        """The receipt service's ``ready``: the claim QR, large, for a sale without a member."""
        token = getattr(ready, "claim_token", None)
        sale = getattr(ready, "sale", None)
        if not token or sale is None or sale.member is not None:
            return
        points = getattr(ready, "claim_points", None)
        if points:
            text = translate(
                "CustomerDisplay", "Scan this code with your phone to collect {points} points"
            )
        else:
            text = translate(
                "CustomerDisplay", "Scan this code with your phone to collect your points"
            )
        self.points.setText(text.format(points=self._points(points) if points else ""))
        self._qr_sale_id = sale.sale_id
        side = max(200, min(self.width(), self.height()) // 2)
        self.qr.setPixmap(qr_pixmap(token, side))
        self.qr.show()

    @property
    def showing_qr(self) -> bool:
        return self.qr.isVisible() and not self.qr.pixmap().isNull()

    def texts(self) -> list[str]:
        """What the screen says now, top to bottom (for tests and the technician)."""
        return [
            w.text() for w in (self.greeting, self.points, self.balance, self.notice) if w.text()
        ]


class DisplayFeed(QObject):
    """Connects the display to the till's signals; owns nothing of the cashier window."""

    def __init__(self, window: Any, receipts: Any, display: CustomerDisplay) -> None:
        super().__init__(display)
        self.window = window
        self.display = display
        flow = window.flow
        flow.changed.connect(lambda: self._changed())
        flow.finished.connect(display.sale_finished)
        receipts.ready.connect(display.receipt_ready)
        window.dialog_opened.connect(self._dialog)

    def _changed(self) -> None:
        session = self.window.ctx.session
        self.display.points_per_unit = session.points_per_unit if session is not None else None
        self.display.figures = store_locale(session.raw if session is not None else None)
        self.display.show_sale(self.window.flow.sale)

    def _dialog(self, dialog: Any) -> None:
        """A redemption dialog says when it waits for the SMS code (its ``otp_awaited``)."""
        if isinstance(dialog, RedeemDialog):
            dialog.otp_awaited.connect(self.display.otp_awaited)


def install(window: Any, receipts: Any) -> CustomerDisplay | None:
    """The customer display of ``window``, on its screen; None when the till has no
    customer-facing screen (and none was asked for)."""
    screens = list(QGuiApplication.screens())
    screen = pick_screen(screens, _requested)
    if screen is None:
        return None
    display = CustomerDisplay(window.ctx.config.ui.currency)
    display.feed = DisplayFeed(window, receipts, display)  # type: ignore[attr-defined]
    display.setScreen(screen)
    display.setGeometry(screen.geometry())
    display.show()
    log.info("customer display on screen %s", screen.name())
    return display
