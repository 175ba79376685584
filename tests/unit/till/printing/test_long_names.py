"""Long names on the receipt, on screen (40 columns) and on paper (58 mm: 32, 80 mm: 48), in
English, German and Ukrainian: every word printed, no line wider than the paper, the amount
or the points whole and right-aligned.

The German and Ukrainian words come from the shipped ``.ts`` files, read here without Qt
(the receipt's words go through :func:`till.translate.translate`, which is what Qt's
translator is plugged into at run time)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel import Locale
from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as st

from till.core.parts import CampaignCredit
from till.core.sale import Line, Member, Sale, SaleState, Tender
from till.printing.layout import Extras, build_receipt, paper_columns
from till.receipt import render_receipt
from till.translate import set_translator

TS = Path(__file__).resolve().parents[4] / "resources" / "translations"
LOCALES = {"en": Locale.parse("en_GB"), "de": Locale.parse("de_DE"), "uk": Locale.parse("uk_UA")}
WIDTHS = {"screen": 40, 58: 32, 80: 48}
CAMPAIGN = "Doppelte Punkte auf frisches Obst und Gemüse aus der Region"  # 59 characters
PRODUCT = "Дитяче харчування органічне, яблуко-груша, 200 г"
STORE = "Bäckerei und Konditorei Müller-Lüdenscheidt, Hauptbahnhof"
_CATALOGUES: dict[str, dict[tuple[str, str], str]] = {}


def catalogue(lang: str) -> dict[tuple[str, str], str]:
    if lang not in _CATALOGUES:
        found: dict[tuple[str, str], str] = {}
        for context in ET.parse(TS / f"till_{lang}.ts").getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                node = message.find("translation")
                if node is None or node.get("type") in ("obsolete", "vanished") or not node.text:
                    continue
                found[(name, message.findtext("source") or "")] = node.text
        _CATALOGUES[lang] = found
    return _CATALOGUES[lang]


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    if lang == "en":
        yield
        return
    words = catalogue(lang)
    set_translator(lambda context, text: words.get((context, text), text))
    try:
        yield
    finally:
        set_translator(None)


def sale(campaign: str = CAMPAIGN, points: int = 12, product: str = PRODUCT) -> Sale:
    s = Sale(
        receipt_no="T1-20261201120000-LONG",
        created_at="2026-12-01T11:58:00Z",
        completed_at="2026-12-01T12:00:00Z",
        state=SaleState.COMPLETED,
        lines=[Line(product, Decimal("1234.50")), Line("Brot", Decimal("2.00"))],
        tenders=[Tender("card", Decimal("1236.50"))],
    )
    s.member = Member("1", "Olena Kovalenko-Schwarzenberger", "+380501234567", "active", 1240)
    s.earn_op_id, s.earned_points, s.balance_after = "op-e", 1236, 2476
    s.campaigns = [CampaignCredit(campaign, points)]
    s.next_expiry_points, s.next_expiry_on = 120, "2027-03-01"
    return s


def receipt_text(s: Sale, lang: str, where: str | int) -> str:
    with speaking(lang):
        if where == "screen":
            return render_receipt(s, STORE, "EUR", ZoneInfo("Europe/Berlin"), LOCALES[lang])
        assert isinstance(where, int)
        return build_receipt(
            s,
            store=STORE,
            currency="EUR",
            zone=ZoneInfo("Europe/Berlin"),
            paper_mm=where,
            extras=Extras.from_sale(s),
            locale=LOCALES[lang],
        ).plain_text()


def tokens(text: str) -> list[str]:
    return text.split()


def in_order(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(word in it for word in needle)


@pytest.mark.parametrize("where", ["screen", 58, 80])
@pytest.mark.parametrize("lang", ["en", "de", "uk"])
def test_long_names_are_printed_whole(lang: str, where: str | int) -> None:
    text = receipt_text(sale(), lang, where)
    lines = text.splitlines()
    width = WIDTHS[where]
    assert max(len(line) for line in lines) <= width, text
    for name in (CAMPAIGN, PRODUCT, STORE, "Olena Kovalenko-Schwarzenberger"):
        assert in_order(name.split(), tokens(text)), (name, text)
    assert any(line.endswith(" +12") for line in lines), text  # the campaign's points
    amount = {"en": "EUR 1,234.50", "de": "1.234,50", "uk": "1 234,50"}[lang]
    assert any(amount in line.replace("\xa0", " ") for line in lines), text
    paper = where != "screen"
    expiry = {
        ("en", False): "120 points expire on 1 March 2027",
        ("de", False): "120 Punkte verfallen am 1. März 2027",
        ("uk", False): "1 березня 2027 р. згорає балів: 120",
        ("en", True): "Next expiry 120 pt on 1 March 2027",
        ("de", True): "Nächster Verfall 120 P am 1. März 2027",
        ("uk", True): "Найближче згоряння 120 б. 1 березня 2027 р.",
    }[(lang, paper)]
    assert expiry in " ".join(text.split()), text  # every word, in order, maybe wrapped


def test_the_37_character_campaign_keeps_its_tail_and_points_on_screen() -> None:
    name = "Double points on all fresh bread roll"  # 37: it lost "oll" and more before
    lines = render_receipt(sale(name, 12, "Brot"), "Demo Store", "EUR").splitlines()
    assert "  Double points on all fresh bread roll" in lines
    assert any(line.endswith(" +12") and len(line) == 40 for line in lines)


NAMES = st.lists(
    st.text("abcXYZ019äöüßÄÖÜабвгґдеєжиіїАБВҐЄІЇ.,:-()&'", min_size=1, max_size=60),
    min_size=1,
    max_size=10,
)


def assert_printed_whole(name_words: list[str], text: str, width: int) -> None:
    """Every character of the name in order (a cut tail fails), every word that fits a line
    whole. The name is the only text of its kind on the receipt: nothing else can stand in."""
    squeezed = "".join(text.split())
    assert "".join(name_words) in squeezed, text
    for word in name_words:
        if len(word) <= width - 2:
            assert word in tokens(text), (word, text)


@settings(deadline=None)  # a shared, slow machine: no timing asserted
@given(
    NAMES,
    NAMES,
    st.integers(min_value=1, max_value=10**7),
    st.sampled_from(["en", "de", "uk"]),
    st.sampled_from(["screen", 58, 80]),
)
def test_any_campaign_or_product_name_fits_in_every_language_and_paper(
    campaign: list[str], product: list[str], points: int, lang: str, where: str | int
) -> None:
    text = receipt_text(sale(" ".join(campaign), points, " ".join(product)), lang, where)
    lines = text.splitlines()
    width = WIDTHS[where]
    assert all(len(line) <= width for line in lines), text
    assert any(line.endswith(f" +{points}") for line in lines), text
    assert_printed_whole(campaign, text, width)
    assert_printed_whole(product, text, width)


def _printed(text: str) -> bytes:
    """The bytes python-escpos sends for ``text``, without its ``ESC t n`` code-page switches
    (MagicEncode picks CP437/CP858 for German, CP866/CP855/CP1125 for Ukrainian)."""
    p = Dummy()
    p.text(text)
    return re.sub(rb"\x1bt.", b"", bytes(p.output), flags=re.DOTALL)


@pytest.mark.parametrize("paper", [58, 80])
@pytest.mark.parametrize("lang", ["de", "uk"])
def test_the_printer_spends_one_column_a_character(lang: str, paper: int) -> None:
    """Umlauts and Cyrillic are one byte each in the code page selected, so counting
    characters is counting printed columns; the default profile has every letter used."""
    text = receipt_text(sale(), lang, paper)
    for line in text.splitlines():
        printed = _printed(line)
        assert len(printed) == len(line) <= WIDTHS[paper]
        assert b"?" not in printed, line  # "?" is what a letter without a code page becomes


@pytest.mark.parametrize(
    ("paper", "profile", "columns"),
    [(80, "", 48), (58, "", 32), (80, "TM-T88V", 42), (58, "TM-T88V", 32), (80, "TM-T20II", 48),
     (80, "no-such-printer", 48), (80, "AF-240", 48)],
)  # fmt: skip
def test_the_printer_profile_can_narrow_the_paper(paper: int, profile: str, columns: int) -> None:
    """An Epson TM-T88V prints 42 columns of font A on 80 mm paper: a 48-column line would
    be wrapped by the printer itself and the amount would land on a line of its own."""
    assert paper_columns(paper, profile) == columns
    with speaking("de"):
        s = sale()
        receipt = build_receipt(s, store=STORE, currency="EUR", paper_mm=paper,
                                extras=Extras.from_sale(s), locale=LOCALES["de"],
                                columns=paper_columns(paper, profile))  # fmt: skip
    lines = receipt.plain_text().splitlines()
    assert max(len(line) for line in lines) == columns  # the rules are as wide as the paper
    assert in_order(CAMPAIGN.split(), tokens(receipt.plain_text()))
