"""The readers' sentences in the till's language: the till layer translates what devices say.

Why here and not in :mod:`devices`: the device layer is Qt-free and knows nothing of the till
(``tests/unit/test_layering.py``); it keeps writing its plain English sentences (its log and
``till-cardtest`` read them). What the cashier reads — :attr:`Identified.message` and the
readers' status line — goes through this module, which knows each sentence the devices
produce by its fixed text or its fixed beginning (the rest of the sentence is a technical
detail such as ``read timed out``, dropped in translation), and a refused card's reason by
the failed check's stable id (:class:`devices.card_rules.Check` ``id``).

A sentence this module does not know is shown as the devices wrote it while the till speaks
English (the source language), and as a generic translated sentence in German or Ukrainian:
never English to a German cashier. ``tests/unit/till/test_device_words.py`` walks the device
layer's sentences and fails on one this module does not know or that lacks a translation.
"""

from __future__ import annotations

from collections.abc import Iterable

from devices.card_rules import Check
from devices.events import Identified
from devices.idcard import LICENCE_MESSAGE
from devices.magstripe import BANK_CARD_MESSAGE, UNREADABLE_MESSAGE
from devices.receipt_code import RECEIPT_MESSAGE
from devices.router import PRODUCT_MESSAGE, UNKNOWN_MESSAGE
from till import journal_words
from till.translate import QT_TRANSLATE_NOOP, in_source_language, translate

CONTEXT = "Devices"

# Whole sentences the devices write -> the same sentence as a source text to translate.
EXACT: dict[str, str] = {
    BANK_CARD_MESSAGE: QT_TRANSLATE_NOOP(
        "Devices",
        "This is a bank card, not a loyalty card. Ask for the loyalty card, the member QR code "
        "or the phone number.",
    ),
    LICENCE_MESSAGE: QT_TRANSLATE_NOOP(
        "Devices",
        "This is a driving licence, not a loyalty card. Hand it back and ask for the loyalty "
        "card, the member QR code or the phone number.",
    ),
    UNREADABLE_MESSAGE: QT_TRANSLATE_NOOP(
        "Devices",
        "The card could not be read. Swipe it again in one steady movement; if it keeps "
        "failing, type the number printed on the card.",
    ),
    PRODUCT_MESSAGE: QT_TRANSLATE_NOOP(
        "Devices", "This is a product barcode, not a member code: scan it on the sales screen."
    ),
    UNKNOWN_MESSAGE: QT_TRANSLATE_NOOP(
        "Devices", "Not a loyalty card, member code or phone number."
    ),
    "The read could not be processed; please try again.": QT_TRANSLATE_NOOP(
        "Devices", "The read could not be processed; please try again."
    ),
    "Nothing was read.": QT_TRANSLATE_NOOP("Devices", "Nothing was read."),
    "This member QR code holds no usable member reference; ask the member to refresh it in "
    "the app.": QT_TRANSLATE_NOOP(
        "Devices",
        "This member QR code holds no usable member reference; ask the member to refresh it "
        "in the app.",
    ),
    RECEIPT_MESSAGE: QT_TRANSLATE_NOOP(
        "Devices", "This is a receipt: press F12 (Return) to take goods back on it."
    ),
    "This GS1 code could not be read as GS1 data; it is no member code.": QT_TRANSLATE_NOOP(
        "Devices", "This GS1 code could not be read as GS1 data; it is no member code."
    ),
}
# Sentences with a detail after a fixed beginning (devices/router.py, devices/card_rules.py).
PREFIXES: tuple[tuple[str, str], ...] = (
    (
        "The read was incomplete (",
        QT_TRANSLATE_NOOP("Devices", "The read was incomplete; please try again."),
    ),
    ("Nothing was read (", QT_TRANSLATE_NOOP("Devices", "Nothing was read.")),
    (
        "The read is too long (",
        QT_TRANSLATE_NOOP("Devices", "The read is too long to be a card or code."),
    ),
    (
        "This is a GS1 code (",
        QT_TRANSLATE_NOOP("Devices", "This is a GS1 code, not a member code."),
    ),
    (
        "This card cannot be used here. ",
        QT_TRANSLATE_NOOP("Devices", "This card cannot be used here."),
    ),
    (
        "This code is not a loyalty card of this program. ",
        QT_TRANSLATE_NOOP("Devices", "This code is not a loyalty card of this program."),
    ),
)
# Why a card is refused, by the failed check's id (devices/card_rules.py).
CHECK_REASONS: dict[str, str] = {
    "min_length": QT_TRANSLATE_NOOP("Devices", "The card number is too short."),
    "range": QT_TRANSLATE_NOOP("Devices", "The card number is outside this program's ranges."),
    "luhn": QT_TRANSLATE_NOOP(
        "Devices", "The card number's check digit is wrong: it was misread, or is not ours."
    ),
    "tracks_agree": QT_TRANSLATE_NOOP("Devices", "The card's tracks hold different numbers."),
    "track_placement": QT_TRANSLATE_NOOP(
        "Devices", "The card number is on the wrong track of the stripe."
    ),
    "bank_card": QT_TRANSLATE_NOOP("Devices", "It is a bank card."),
    "licence": QT_TRANSLATE_NOOP("Devices", "It is a driving licence."),
}
# The readers' state (devices/wedge.py, serial_reader.py, camera.py), after "<reader>: ".
STATUS: dict[str, str] = {
    "reader connected": QT_TRANSLATE_NOOP("Devices", "reader connected"),
    "reader not plugged in; waiting for it": QT_TRANSLATE_NOOP(
        "Devices", "reader not plugged in; waiting for it"
    ),
    "reader unplugged; waiting for it to come back": QT_TRANSLATE_NOOP(
        "Devices", "reader unplugged; waiting for it to come back"
    ),
    "camera ready": QT_TRANSLATE_NOOP("Devices", "camera ready"),
    "playing video file": QT_TRANSLATE_NOOP("Devices", "playing video file"),
    "end of video file": QT_TRANSLATE_NOOP("Devices", "end of video file"),
    "camera stopped delivering pictures (unplugged?)": QT_TRANSLATE_NOOP(
        "Devices", "camera stopped delivering pictures (unplugged?)"
    ),
    "camera stopped delivering pictures (unplugged?); waiting for it": QT_TRANSLATE_NOOP(
        "Devices", "camera stopped delivering pictures (unplugged?); waiting for it"
    ),
    "camera capture failed (see the log for details)": QT_TRANSLATE_NOOP(
        "Devices", "camera capture failed (see the log for details)"
    ),
    "camera back": QT_TRANSLATE_NOOP("Devices", "camera back"),
    "could not be started (see the log for details)": QT_TRANSLATE_NOOP(
        "Devices", "could not be started (see the log for details)"
    ),
}
# Reader states with a device path in them (the path is a detail: the reader's name says it).
STATUS_PARTS: tuple[tuple[str, str], ...] = (
    (
        "no permission to ",
        QT_TRANSLATE_NOOP(
            "Devices", "no permission to open the reader: a technician must fix the user's groups"
        ),
    ),
    (
        "by another program",
        QT_TRANSLATE_NOOP("Devices", "the reader is in use by another program (another till?)"),
    ),
    ("cannot open ", QT_TRANSLATE_NOOP("Devices", "the reader cannot be opened")),
    ("cannot be grabbed", QT_TRANSLATE_NOOP("Devices", "the reader cannot be opened")),
)
GENERIC_READ = QT_TRANSLATE_NOOP("Devices", "This read cannot be used here; please try again.")
GENERIC_STATUS = QT_TRANSLATE_NOOP(
    "Devices", "the reader reported a problem (the technician's Diagnostics tab shows it)"
)


def _checks(detail: object) -> Iterable[Check]:
    """The checks of a read: a swipe's analysis carries ``checks``, a barcode a tuple."""
    found = getattr(detail, "checks", detail)
    if isinstance(found, tuple | list):
        return [c for c in found if isinstance(c, Check)]
    return []


def sentence(message: str, detail: object = None) -> str:
    """A device sentence in the till's language ("" stays "")."""
    if not message:
        return ""
    known = EXACT.get(message)
    if known is not None:
        return translate(CONTEXT, known)
    for start, text in PREFIXES:
        if message.startswith(start):
            words = translate(CONTEXT, text)
            failed = next((c for c in _checks(detail) if not c.ok and c.blocking), None)
            reason = CHECK_REASONS.get(failed.id) if failed is not None else None
            return f"{words} {translate(CONTEXT, reason)}" if reason else words
    return message if in_source_language() else translate(CONTEXT, GENERIC_READ)


def read_message(event: Identified) -> str:
    """What the cashier reads about a refused or odd read (:attr:`Identified.message`)."""
    return sentence(event.message, event.detail)


def status_message(text: str) -> str:
    """A reader's state, ``<reader>: <state>`` as the hub writes it; the reader's name (a
    device path or a configured name) is kept as it is."""
    if journal_words.given(text):
        return text  # the start-up journal problem (till.wiring), translated already
    name, sep, state = text.partition(": ")
    state = state if sep else text
    known = STATUS.get(state) or next((t for part, t in STATUS_PARTS if part in state), None)
    if known is not None:
        words = translate(CONTEXT, known)
    elif in_source_language():
        return text
    else:
        words = translate(CONTEXT, GENERIC_STATUS)
    return f"{name}: {words}" if sep else words
