"""The card checks' sentences (``devices.card_rules``) in the technician's language.

Why here: the device layer is Qt-free and English (its log, ``till-cardtest`` and its tests
read its sentences) and knows nothing of the till; the technician bench's live view shows
each check's message, so the till layer translates it, the way :mod:`till.device_words`
does for the cashier. Each sentence ``card_rules`` writes is known by its shape (a regular
expression over the English text); what varies (a number, a range, a track list) is kept as
it came, inside the translated sentence. A message of a shape this module does not know is
shown inside a translated "{check}: {detail}" while the bench speaks German or Ukrainian.
``tests/unit/till/test_check_words.py`` runs every ``card_rules`` check and fails on a
sentence this module does not know or a translation that is missing. Qt-free.
"""

from __future__ import annotations

import re

from till.translate import QT_TRANSLATE_NOOP, in_source_language, translate

CONTEXT = "TechBench"

# (English shape, source text to translate); the groups fill the source text's fields.
SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), text)
    for pattern, text in (
        (
            r"Card number has (?P<n>\d+) characters \(at least 8 are needed\)\.",
            QT_TRANSLATE_NOOP(
                "TechBench", "Card number has {n} characters (at least 8 are needed)."
            ),
        ),
        (
            r"Card number has only (?P<n>\d+) characters; loyalty card numbers need at least 8\.",
            QT_TRANSLATE_NOOP(
                "TechBench",
                "Card number has only {n} characters; loyalty card numbers need at least 8.",
            ),
        ),
        (
            r"No track carries a card number\.",
            QT_TRANSLATE_NOOP("TechBench", "No track carries a card number."),
        ),
        (
            r"Alphanumeric reference found on track 2: .*",
            QT_TRANSLATE_NOOP(
                "TechBench",
                "Alphanumeric reference found on track 2: it can only be encoded on tracks 1 "
                "and 3.",
            ),
        ),
        (
            r"Alphanumeric reference found only on tracks? (?P<tracks>[\d, and]+): .*",
            QT_TRANSLATE_NOOP(
                "TechBench",
                "Alphanumeric reference found only on track(s) {tracks}: it must be encoded on "
                "at least track 1.",
            ),
        ),
        (
            r"Numeric reference found only on track 3: .*",
            QT_TRANSLATE_NOOP(
                "TechBench",
                "Numeric reference found only on track 3: numeric references are encoded on "
                "tracks 1 and 2.",
            ),
        ),
        (
            r"Only no track could be read; nothing to compare\.",
            QT_TRANSLATE_NOOP("TechBench", "No track could be read; nothing to compare."),
        ),
        (
            r"Only tracks? (?P<tracks>[\d, and]+) could be read; nothing to compare\.",
            QT_TRANSLATE_NOOP(
                "TechBench", "Only track(s) {tracks} could be read; nothing to compare."
            ),
        ),
        (
            r"Tracks? (?P<tracks>[\d, and]+) carry the same number\.",
            QT_TRANSLATE_NOOP("TechBench", "Track(s) {tracks} carry the same number."),
        ),
        (
            r"The tracks disagree: (?P<detail>.*)\.",
            QT_TRANSLATE_NOOP("TechBench", "The tracks disagree: {detail}."),
        ),
        (
            r"Card number is inside the program range (?P<range>.*)\.",
            QT_TRANSLATE_NOOP("TechBench", "Card number is inside the program range {range}."),
        ),
        (
            r"Card number (?P<number>.*) is outside this program's number ranges "
            r"\((?P<ranges>.*)\)\.",
            QT_TRANSLATE_NOOP(
                "TechBench",
                "Card number {number} is outside this program's number ranges ({ranges}).",
            ),
        ),
        (
            r"The card range setting is invalid: (?P<detail>.*)\.",
            QT_TRANSLATE_NOOP("TechBench", "The card range setting is invalid: {detail}."),
        ),
        (
            r"Card number has letters, so it cannot carry the Luhn check digit .*",
            QT_TRANSLATE_NOOP(
                "TechBench",
                "Card number has letters, so it cannot carry the Luhn check digit this program "
                "requires.",
            ),
        ),
        (
            r"Luhn check digit does not apply to alphanumeric numbers\.",
            QT_TRANSLATE_NOOP(
                "TechBench", "Luhn check digit does not apply to alphanumeric numbers."
            ),
        ),
        (
            r"Luhn check digit is valid \(ISO/IEC 7812-1\)\.",
            QT_TRANSLATE_NOOP("TechBench", "Luhn check digit is valid (ISO/IEC 7812-1)."),
        ),
        (
            r"Luhn check digit is wrong \(ISO/IEC 7812-1\), and this program requires .*",
            QT_TRANSLATE_NOOP(
                "TechBench",
                "Luhn check digit is wrong (ISO/IEC 7812-1), and this program requires a valid "
                "one: the number was misread or the card is not from this program.",
            ),
        ),
        (
            r"Luhn check digit does not match \(ISO/IEC 7812-1\); informational only.*",
            QT_TRANSLATE_NOOP(
                "TechBench",
                "Luhn check digit does not match (ISO/IEC 7812-1); informational only, this "
                "program does not require one.",
            ),
        ),
    )
)
_AND = re.compile(r"\s+and\s+")
OTHER = QT_TRANSLATE_NOOP("TechBench", "{check}: {detail}")


def _tracks(listed: str) -> str:
    """``1, 2 and 3`` -> ``1, 2, 3`` (the word "and" is English)."""
    return _AND.sub(", ", listed.strip())


def known(message: str) -> bool:
    return any(p.fullmatch(message) for p, _ in SHAPES)


def check_sentence(check_id: str, message: str) -> str:
    """A check's message in the bench's language; an unknown shape stays inside a
    translated sentence (English while the bench speaks English)."""
    if in_source_language():
        return message  # the device layer's own sentence
    for pattern, text in SHAPES:
        found = pattern.fullmatch(message)
        if found is not None:
            fields = found.groupdict()
            if "tracks" in fields:
                fields["tracks"] = _tracks(fields["tracks"])
            return translate(CONTEXT, text).format(**fields)
    return translate(CONTEXT, OTHER).format(check=check_id, detail=message)
