"""A sale's receipt as printer-neutral blocks: text lines, the receipt barcode, the claim QR.

Why blocks and not text: a receipt printer draws barcodes and QR codes itself (ESC/POS
``GS k`` and ``GS ( k``), prints a bold or double-height line, and cuts; the same blocks are
rendered to ESC/POS bytes (:mod:`till.printing.escpos_doc`) and can be shown as plain text.
Paper sets the width: 58 mm rolls print 32 columns of font A, 80 mm rolls 48 (fewer when the
printer's profile says so, :func:`paper_columns`; font B is not used). Every line is laid out
by :mod:`till.receipt_columns`, the rule of the screen receipt too: wrapped, never cut.

What is printed follows the on-screen receipt (:mod:`till.receipt`): lines, tenders, points
redeemed, earned (or pending), the new balance; plus, when the earn's answer has them, the
campaigns that gave points and the next expiry (issue 16: optional, absent on older
backends); the receipt number as Code 128 (the Return flow scans it); and for a sale without
a member, the claim QR that collects the points later (:mod:`server.claim_tokens`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from decimal import Decimal
from typing import Any

from babel import Locale
from escpos.capabilities import NotSupported, get_profile

from till import formatting, receipt_columns
from till.core.sale import RedemptionState, Sale, SaleState
from till.receipt import local_time
from till.translate import translate
from till.words import tender_name

PAPER_COLUMNS = {58: 32, 80: 48}
MIN_COLUMNS = 24  # fewer in a profile's font A: not a receipt printer's (a pole display's)


def paper_columns(paper_mm: int, profile: str = "") -> int:
    """Font A's columns on this paper: 32 on 58 mm, 48 on 80 mm, or fewer when the printer's
    python-escpos ``profile`` says its font A has fewer (Epson TM-T88V: 42 on 80 mm paper,
    512 dots at 180 dpi). A line longer than the printer's own width is wrapped by the
    printer itself, which pushes a right-aligned amount onto a line of its own."""
    columns = PAPER_COLUMNS[paper_mm]
    if not profile:
        return columns  # python-escpos's "default" profile is generic: the paper decides
    try:
        font_a = int(get_profile(profile).get_columns(0))
    except (KeyError, NotSupported, TypeError, ValueError, AssertionError):
        return columns  # an unknown profile name, or one without fonts: the paper decides
    return min(columns, font_a) if font_a >= MIN_COLUMNS else columns


@dataclass(frozen=True)
class Text:
    text: str
    align: str = "left"  # "left" | "center"
    bold: bool = False
    tall: bool = False  # double height


@dataclass(frozen=True)
class Barcode:
    """Code 128 of the receipt number (ISO/IEC 15417), drawn by the printer."""

    data: str


@dataclass(frozen=True)
class QrCode:
    """A QR code (ISO/IEC 18004) drawn by the printer; ``size`` is the module size in dots."""

    data: str
    size: int = 6


Block = Text | Barcode | QrCode


@dataclass(frozen=True)
class Receipt:
    columns: int
    blocks: tuple[Block, ...]
    receipt_no: str = ""

    def plain_text(self) -> str:
        """The receipt as text (barcode and QR as a line naming them), for screens and logs."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Text):
                out.append(
                    block.text.center(self.columns).rstrip()
                    if block.align == "center"
                    else block.text
                )
            elif isinstance(block, Barcode):
                out.append(block.data.center(self.columns).rstrip())  # printed under the bars
            else:
                out.append("[claim QR code]".center(self.columns).rstrip())
        return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Extras:
    """What the earn's answer may add (issue 16): campaigns ``[{name, points}]`` and the next
    expiry ``{points, on}``. Both optional."""

    campaigns: tuple[tuple[str, int], ...] = ()
    next_expiry: tuple[int, str] | None = None

    @classmethod
    def from_sale(cls, sale: Sale) -> Extras:
        """From the sale's ``campaigns`` and ``next_expiry_points``/``next_expiry_on`` (kept
        from the earn's answer by :mod:`till.core.earn_lines`) when the sale has them."""
        campaigns = tuple(
            (str(getattr(c, "name", "")), int(getattr(c, "points", 0)))
            for c in getattr(sale, "campaigns", None) or ()
            if getattr(c, "points", 0)
        )
        points, on = getattr(sale, "next_expiry_points", None), getattr(sale, "next_expiry_on", "")
        expiry = (int(points), str(on)[:10]) if isinstance(points, int) and points and on else None
        return cls(campaigns, expiry)

    @classmethod
    def from_result(cls, body: Mapping[str, Any] | None) -> Extras:
        body = body or {}
        campaigns: list[tuple[str, int]] = []
        raw = body.get("campaigns")
        if isinstance(raw, Sequence) and not isinstance(raw, str):
            for item in raw:
                if isinstance(item, Mapping) and isinstance(item.get("points"), int):
                    campaigns.append((str(item.get("name") or "Campaign"), int(item["points"])))
        expiry = body.get("next_expiry")
        next_expiry = None
        if (
            isinstance(expiry, Mapping)
            and isinstance(expiry.get("points"), int)
            and expiry.get("on")
        ):
            next_expiry = (int(expiry["points"]), str(expiry["on"]))
        return cls(tuple(campaigns), next_expiry)


@dataclass(frozen=True)
class Claim:
    """The claim QR of a sale without a member: its token and the points it is worth."""

    token: str
    points: int | None = None
    days: int = 30


@dataclass
class _Writer:
    """Lines of ``width`` columns, every one made by :mod:`till.receipt_columns` (the rule
    the screen receipt follows too): wrapped, never cut."""

    width: int
    blocks: list[Block] = field(default_factory=list)

    def line(self, text: str = "", **style: Any) -> None:
        """``text`` wrapped onto as many lines as it needs, each with ``style``."""
        for part in receipt_columns.wrap(text, self.width):
            self.blocks.append(Text(part, **style))

    def row(self, left: str, right: str, bold: bool = False, indent: str = "") -> None:
        for part in receipt_columns.row(left, right, self.width, indent):
            self.blocks.append(Text(part, bold=bold))

    def rule(self) -> None:
        self.line("-" * self.width)


def money(value: Decimal, currency: str, locale: Locale | None = None) -> str:
    return formatting.money(value, currency, locale)


def build_receipt(
    sale: Sale,
    *,
    store: str = "",
    currency: str = "",
    zone: tzinfo | None = None,
    paper_mm: int = 80,
    claim: Claim | None = None,
    extras: Extras | None = None,
    locale: Locale | None = None,
    columns: int | None = None,
) -> Receipt:
    """The receipt in the till's language (:mod:`till.translate`), figures and times as the
    store's ``locale`` writes them (:mod:`till.formatting`; None: locale-neutral), in
    ``columns`` (default: the paper's, :func:`paper_columns` for a printer's profile)."""
    w = _Writer(columns or PAPER_COLUMNS[paper_mm])

    def money(value: Decimal, currency: str) -> str:
        return formatting.money(value, currency, locale)

    if store:
        w.line(store, align="center", bold=True, tall=True)
    w.line(translate("Receipt", "Receipt {number}").format(number=sale.receipt_no))
    w.line(local_time(sale.completed_at or sale.created_at, zone, locale).rstrip())
    w.rule()
    for item in sale.lines:
        w.row(item.description, money(item.amount, currency))
    w.rule()
    w.row(translate("Receipt", "TOTAL"), money(sale.total, currency), bold=True)
    r = sale.redemption
    if r is not None and r.state in (RedemptionState.COMMITTED, RedemptionState.REVERSING):
        w.row(
            translate("Receipt", "Points payment {points} pt").format(points=r.points),
            money(r.value, currency),
        )
    for tender in sale.tenders:
        w.row(tender_name(tender.kind), money(tender.amount, currency))
    if sale.change:
        w.row(translate("Receipt", "Change"), money(sale.change, currency))
    if sale.state == SaleState.VOIDED:
        w.line()
        w.line(translate("Receipt", "*** SALE VOIDED ***"), align="center", bold=True)
        if r is not None and r.state == RedemptionState.REVERSED:
            w.line(translate("Receipt", "Points given back: {points}").format(points=r.points))
    _points(w, sale, extras if extras is not None else Extras.from_sale(sale), locale)
    if sale.receipt_no:
        w.line()
        w.blocks.append(Barcode(sale.receipt_no))
    if claim is not None and sale.member is None and sale.state == SaleState.COMPLETED:
        w.line()
        if claim.points:
            collect = translate(
                "Receipt", "Collect {points} points: scan this code at the till or with your phone"
            ).format(points=claim.points)
        else:
            collect = translate(
                "Receipt", "Collect your points: scan this code at the till or with your phone"
            )
        w.line(collect, align="center")
        w.blocks.append(QrCode(claim.token, size=5 if paper_mm == 58 else 6))
        w.line(
            translate("Receipt", "Valid for {days} days").format(days=claim.days), align="center"
        )
    w.line()
    w.line(translate("Receipt", "Thank you!"), align="center")
    return Receipt(w.width, tuple(w.blocks), sale.receipt_no)


def _points(w: _Writer, sale: Sale, extras: Extras, locale: Locale | None = None) -> None:
    member = sale.member
    if member is None:
        return
    r = sale.redemption
    w.rule()
    w.line(
        translate("Receipt", "Member: {name} ({phone})").format(
            name=member.name, phone=member.masked_phone
        )
    )
    if sale.state != SaleState.VOIDED:
        if r is not None and r.state == RedemptionState.COMMITTED:
            w.row(translate("Receipt", "Points redeemed"), str(r.points))
        if sale.earn_op_id and sale.earned_points is not None:
            w.row(translate("Receipt", "Points earned"), str(sale.earned_points), bold=True)
            for name, points in extras.campaigns:
                w.row(name, f"+{points}", indent="  ")
        elif sale.earn_op_id:
            w.row(translate("Receipt", "Points earned"), translate("Receipt", "pending"))
            w.line(
                translate(
                    "Receipt",
                    "(points pending: they will be added when the loyalty server is back)",
                )
            )
    balance = sale.balance_after
    if balance is None and r is not None and sale.earned_points is None and not sale.earn_op_id:
        balance = r.balance_after
    if balance is not None:
        w.row(
            translate("Receipt", "New balance"),
            translate("Receipt", "{points} points").format(points=balance),
            bold=True,
        )
    elif sale.earn_op_id and sale.earned_points is None:
        w.row(translate("Receipt", "New balance"), translate("Receipt", "pending"))
    if extras.next_expiry is not None:
        points, on = extras.next_expiry
        w.row(
            translate("Receipt", "Next expiry"),
            translate("Receipt", "{points} pt on {day}").format(
                points=points, day=_day(on, locale)
            ),
        )


def _day(on: str, locale: Locale | None) -> str:
    """The expiry day as the store writes it; as sent when it is not an ISO date."""
    if locale is None:
        return on
    try:
        return formatting.day(date.fromisoformat(on), locale)
    except ValueError:
        return on
